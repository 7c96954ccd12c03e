"""Regenerate the .docx and .pdf copies of the real texts in this folder from their .txt.

Staff receive these texts as Word files and PDFs, not as plain text, and PolicyDesk must read the
same document out of any of them. The .txt is the faithful copy (see README.md); this script lays it
out the way such files usually look (title centred, signature and date right-aligned, body in a
Chinese font set through w:eastAsia) so that readers are tested on real layouts. Output is
byte-for-byte reproducible: the .docx zip entries and core properties carry fixed dates, and the
PDF's creation dates and /ID are overwritten with fixed values of the same length.

    python3 tests/data/real/make_formats.py          # rewrite every .docx/.pdf listed in FORMATS
    python3 tests/data/real/make_formats.py --check  # exit 1 if a committed file differs
"""

from __future__ import annotations

import argparse
import datetime as dt
import io
import re
import shutil
import subprocess
import sys
import tempfile
import zipfile
from dataclasses import dataclass
from pathlib import Path

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Cm, Pt

HERE = Path(__file__).resolve().parent
FIXED_ZIP_TIME = (2024, 1, 1, 0, 0, 0)
FIXED_DATETIME = dt.datetime(2024, 1, 1, 0, 0, 0)

# A line that is only a date or a signature is right-aligned, as in a printed 落款.
_DATE_LINE = re.compile(r"^[〇○零一二三四五六七八九十0-9０-９Oo]{2,4}年[^，。；]{1,6}月[^，。；]{1,6}日$")
_SIGNATURE_LINE = re.compile(r"^(部长|总理|主任|局长)[\s　]+\S{2,4}$")


@dataclass(frozen=True)
class Layout:
    """How one .txt is laid out: which lines are titles (centred, large) and which formats to write."""

    formats: tuple[str, ...]
    titles: tuple[str, ...] = ()
    centred: tuple[str, ...] = ()
    right: tuple[str, ...] = ()
    east_asia_font: str = "仿宋_GB2312"
    title_font: str = "方正小标宋简体"


FORMATS: dict[str, Layout] = {
    # Issue 11, item 1: the issued text's title stands above the order that issues it (.docx).
    "laobaobu_gongshang_rending_banfa_2003.txt": Layout(
        formats=("docx",),
        titles=("工伤认定办法",),
        centred=("(劳动和社会保障部令第17号)",),
    ),
    # Issue 11, item 1: a ministry notice whose attached 办法 title stands above it (.docx).
    "laobaobu_daoban_jubao_tongzhi_2007.txt": Layout(
        formats=("docx",),
        titles=(
            "出版物被盗版举报奖励办法",
            "劳动和社会保障部办公厅关于严禁制售和使用盗版职业培训教材及相关教辅读物的通知",
        ),
    ),
    # Issue 11, item 2: a State Council 条例 with "…国务院令第N号公布" front matter (.pdf).
    "guowuyuan_shengchan_shigu_tiaoli_2007.txt": Layout(
        formats=("pdf",),
        titles=("生产安全事故报告和调查处理条例",),
        east_asia_font="Noto Serif CJK SC",
        title_font="Noto Serif CJK SC",
    ),
    # A provincial 条例 as .pdf and .docx: the reader must give the same document from both.
    "zhejiang_laodong_baozhang_jiancha_tiaoli.txt": Layout(
        formats=("docx", "pdf"),
        titles=("浙江省劳动保障监察条例",),
        east_asia_font="Noto Serif CJK SC",
        title_font="Noto Serif CJK SC",
    ),
}

_CHAPTER = re.compile(r"^第[一二三四五六七八九十]+章")


def _set_run_font(run, name: str, size: float, bold: bool = False) -> None:
    run.font.name = name
    run.font.size = Pt(size)
    run.font.bold = bold
    rpr = run._element.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = rpr.makeelement(qn("w:rFonts"), {})
        rpr.append(fonts)
    for attr in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        fonts.set(qn(attr), name)


def build_docx(text: str, layout: Layout) -> bytes:
    """One paragraph per non-empty line; blank lines in the .txt only separate paragraphs."""
    doc = Document()
    section = doc.sections[0]  # A4 with GB/T 9704 margins, as official documents are printed
    section.page_width, section.page_height = Cm(21), Cm(29.7)
    section.top_margin, section.bottom_margin = Cm(3.7), Cm(3.5)
    section.left_margin, section.right_margin = Cm(2.8), Cm(2.6)
    normal = doc.styles["Normal"]
    normal.font.name = layout.east_asia_font
    normal.font.size = Pt(16)
    normal.element.get_or_add_rPr()
    rfonts = normal.element.rPr.find(qn("w:rFonts"))
    if rfonts is None:
        rfonts = normal.element.rPr.makeelement(qn("w:rFonts"), {})
        normal.element.rPr.append(rfonts)
    rfonts.set(qn("w:eastAsia"), layout.east_asia_font)
    for line in text.split("\n"):
        if not line.strip():
            continue
        para = doc.add_paragraph()
        run = para.add_run(line)
        if line in layout.titles:
            para.alignment = WD_ALIGN_PARAGRAPH.CENTER
            _set_run_font(run, layout.title_font, 22)
        elif line in layout.centred or _CHAPTER.match(line):
            para.alignment = WD_ALIGN_PARAGRAPH.CENTER
            _set_run_font(run, layout.east_asia_font, 16)
        elif line in layout.right or _DATE_LINE.match(line) or _SIGNATURE_LINE.match(line):
            para.alignment = WD_ALIGN_PARAGRAPH.RIGHT
            _set_run_font(run, layout.east_asia_font, 16)
        else:
            para.paragraph_format.first_line_indent = Pt(32)
            _set_run_font(run, layout.east_asia_font, 16)
    props = doc.core_properties
    props.author = "PolicyDesk tests"
    props.last_modified_by = "PolicyDesk tests"
    props.created = FIXED_DATETIME
    props.modified = FIXED_DATETIME
    props.revision = 1
    raw = io.BytesIO()
    doc.save(raw)
    return _fix_zip_times(raw.getvalue())


def _fix_zip_times(blob: bytes) -> bytes:
    """Rewrite the zip with fixed entry times so the same .txt always gives the same bytes."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(blob)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=FIXED_ZIP_TIME)
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = 0o644 << 16
            dst.writestr(fixed, src.read(info.filename))
    return out.getvalue()


def build_pdf(text: str, layout: Layout) -> bytes:
    """Lay the text out as a .docx, let LibreOffice print it, then pin the PDF's dates and /ID."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        raise SystemExit("Error: LibreOffice (soffice) is needed to write the PDFs")
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "doc.docx"
        src.write_bytes(build_docx(text, layout))
        profile = Path(tmp) / "profile"
        subprocess.run(
            [
                soffice,
                f"-env:UserInstallation=file://{profile}",
                "--headless",
                "--convert-to",
                "pdf",
                "--outdir",
                tmp,
                str(src),
            ],
            check=True,
            capture_output=True,
            timeout=300,
        )
        return _pin_pdf(Path(tmp, "doc.pdf").read_bytes())


def _pin_pdf(blob: bytes) -> bytes:
    """Replace creation/modification dates and the file /ID by fixed bytes of equal length (xref stays valid)."""
    blob = re.sub(rb"D:\d{14}[^)]*", lambda m: (b"D:20240101000000" + b"Z" * 32)[: len(m.group(0))], blob)
    blob = re.sub(
        rb"(<xmp:(?:CreateDate|ModifyDate|MetadataDate)>)([^<]*)(</xmp:)",
        lambda m: m.group(1) + (b"2024-01-01T00:00:00" + b"Z" * 32)[: len(m.group(2))] + m.group(3),
        blob,
    )
    blob = re.sub(
        rb"(<xmpMM:(?:DocumentID|InstanceID)>)([^<]*)(<)",
        lambda m: m.group(1) + b"0" * len(m.group(2)) + m.group(3),
        blob,
    )
    blob = re.sub(
        rb"(/ID\s*\[\s*<)([0-9A-Fa-f]+)(>\s*<)([0-9A-Fa-f]+)(>)",
        lambda m: m.group(1) + b"0" * len(m.group(2)) + m.group(3) + b"0" * len(m.group(4)) + m.group(5),
        blob,
    )
    blob = re.sub(rb"(/DocChecksum\s*/)([0-9A-Fa-f]+)", lambda m: m.group(1) + b"0" * len(m.group(2)), blob)
    return blob


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="compare with the committed files instead of writing")
    args = parser.parse_args(argv)
    stale = []
    for name, layout in FORMATS.items():
        text = (HERE / name).read_text(encoding="utf-8")
        for fmt in layout.formats:
            blob = build_docx(text, layout) if fmt == "docx" else build_pdf(text, layout)
            target = HERE / (Path(name).stem + "." + fmt)
            if args.check:
                if not target.exists() or target.read_bytes() != blob:
                    stale.append(target.name)
            else:
                target.write_bytes(blob)
                print(f"{target.name}: {len(blob):,} bytes")
    if stale:
        print("Error: out of date: " + ", ".join(stale), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
