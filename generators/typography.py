"""GB/T 9704-2012 typography as constants, and the helpers that put them on paragraphs and runs.

The same values live in ``templates/styles.xml``; the generators also write them directly on every
paragraph and run, because python-docx's ``font.name`` sets only the Latin font and a Chinese run
without ``w:eastAsia`` is shown in whatever the reader's default is (format notes, §I).
"""

from __future__ import annotations

import re

from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, RGBColor
from docx.text.paragraph import Paragraph
from docx.text.run import Run

FANGSONG = "仿宋_GB2312"
XIAOBIAOSONG = "方正小标宋简体"
HEITI = "黑体"
KAITI = "楷体_GB2312"
SONGTI = "宋体"
LATIN = "Times New Roman"

SIZE_BODY = 16.0  # 3号
SIZE_TITLE = 22.0  # 2号
SIZE_IMPRINT = 14.0  # 4号
SIZE_FOOTER = 14.0
SIZE_TABLE = 14.0

LINE_PT = 28.95  # 22 lines in the 225 mm 版心 (579 twips)
LINE = Pt(LINE_PT)
CHAR_SPACING_TWIPS = -5  # 0.25 pt condensed → 28 characters per 156 mm line
TEXT_WIDTH_TWIPS = 8844  # 156 mm 版心 width
RED = RGBColor(0xFF, 0x00, 0x00)

PAGE_WIDTH, PAGE_HEIGHT = Mm(210), Mm(297)
MARGIN_TOP, MARGIN_BOTTOM, MARGIN_LEFT, MARGIN_RIGHT = Mm(37), Mm(35), Mm(28), Mm(26)
TEXT_WIDTH_PT = 156 / 25.4 * 72  # 442.2 pt
TEXT_HEIGHT_PT = 225 / 25.4 * 72  # 637.8 pt
ISSUER_OFFSET = Mm(35)  # 发文机关标志 top edge below the 版心's top
SEPARATOR_SPACE_PT = 11  # red line ≈ 4 mm below the 发文字号

# Style names as defined in templates/styles.xml (python-docx looks styles up by name).
STYLE_ISSUER = "发文机关标志"
STYLE_DOCNO = "发文字号"
STYLE_TITLE = "公文标题"
STYLE_BODY = "公文正文"
STYLE_HEADING1 = "公文一级标题"
STYLE_HEADING2 = "公文二级标题"
STYLE_ATTACHMENT_LABEL = "附件标识"
STYLE_IMPRINT = "版记"
STYLE_TABLE = "表格文字"

_ALIGN = {
    "left": WD_ALIGN_PARAGRAPH.LEFT,
    "center": WD_ALIGN_PARAGRAPH.CENTER,
    "right": WD_ALIGN_PARAGRAPH.RIGHT,
    "both": WD_ALIGN_PARAGRAPH.JUSTIFY,
    "distribute": WD_ALIGN_PARAGRAPH.DISTRIBUTE,
}


def set_run_font(
    run: Run,
    east_asia: str,
    size: float,
    *,
    latin: str = LATIN,
    spacing: int | None = None,
    color: RGBColor | None = None,
    bold: bool | None = None,
) -> Run:
    """Latin and East Asian font, size, optional character spacing and colour on one run."""
    run.font.name = latin
    rpr = run._r.get_or_add_rPr()
    rfonts = rpr.get_or_add_rFonts()
    rfonts.set(qn("w:eastAsia"), east_asia)
    rfonts.set(qn("w:cs"), latin)
    rfonts.set(qn("w:hint"), "eastAsia")
    run.font.size = Pt(size)
    szcs = rpr.find(qn("w:szCs"))
    if szcs is None:
        szcs = OxmlElement("w:szCs")
        rpr.find(qn("w:sz")).addnext(szcs)
    szcs.set(qn("w:val"), str(round(size * 2)))
    if bold is not None:
        run.font.bold = bold
    if color is not None:
        run.font.color.rgb = color
    if spacing is not None:
        _set_char_spacing(rpr, spacing)
    return run


# CT_RPr children that come after w:spacing in the schema sequence.
_AFTER_SPACING = (
    "w:w",
    "w:kern",
    "w:position",
    "w:sz",
    "w:szCs",
    "w:highlight",
    "w:u",
    "w:effect",
    "w:bdr",
    "w:shd",
    "w:fitText",
    "w:vertAlign",
    "w:rtl",
    "w:cs",
    "w:em",
    "w:lang",
    "w:eastAsianLayout",
)


# Punctuation whose width depends on the font that draws it: in Chinese text it must be full width, so
# these runs name the East Asian font for Latin text too (LibreOffice ignores w:hint="eastAsia").
_AMBIGUOUS = re.compile("([“”‘’·—…]+)")


def split_ambiguous(text: str) -> list[tuple[bool, str]]:
    """(is_ambiguous_punctuation, chunk) pieces of ``text``, in order."""
    return [(i % 2 == 1, chunk) for i, chunk in enumerate(_AMBIGUOUS.split(text)) if chunk]


def add_text(
    p: Paragraph,
    text: str,
    east_asia: str,
    size: float,
    *,
    spacing: int | None = None,
    color: RGBColor | None = None,
    bold: bool | None = None,
) -> None:
    """Append ``text`` as runs: ASCII in Times New Roman, Chinese and its punctuation in ``east_asia``."""
    for punct, chunk in split_ambiguous(text):
        latin = east_asia if punct else LATIN
        set_run_font(p.add_run(chunk), east_asia, size, latin=latin, spacing=spacing, color=color, bold=bold)


def _set_char_spacing(rpr: OxmlElement, twips: int) -> None:
    spacing = rpr.find(qn("w:spacing"))
    if spacing is None:
        spacing = OxmlElement("w:spacing")
        successor = next((el for tag in _AFTER_SPACING if (el := rpr.find(qn(tag))) is not None), None)
        if successor is not None:
            successor.addprevious(spacing)
        else:
            rpr.append(spacing)
    spacing.set(qn("w:val"), str(twips))


def format_paragraph(
    p: Paragraph,
    *,
    align: str = "both",
    first_line: float | None = None,
    left: float | None = None,
    right: float | None = None,
    line: float | None = LINE_PT,
    before: float = 0,
    page_break_before: bool = False,
    keep_with_next: bool = False,
) -> Paragraph:
    """Direct paragraph formatting in points: alignment, indents, exact line spacing, spacing before."""
    pf = p.paragraph_format
    pf.alignment = _ALIGN[align]
    pf.first_line_indent = Pt(first_line) if first_line is not None else None
    pf.left_indent = Pt(left) if left else None
    pf.right_indent = Pt(right) if right else None
    if line is None:
        pf.line_spacing_rule = WD_LINE_SPACING.SINGLE
    else:
        pf.line_spacing_rule = WD_LINE_SPACING.EXACTLY
        pf.line_spacing = Pt(line)
    pf.space_before = Pt(before)
    pf.space_after = Pt(0)
    pf.widow_control = False
    if page_break_before:
        pf.page_break_before = True
    if keep_with_next:
        pf.keep_with_next = True
    return p
