"""主体 (GB/T 9704 7.3): title, 主送机关, 正文 with its heading levels, 附件说明, 署名 and 成文日期,
附注, and the 附件 page label. Each function appends to a ``Flow`` and knows only its own element."""

from __future__ import annotations

from datetime import date

from core.dates import cn_date
from generators.flow import Flow, Span
from generators.headings import parse_heading
from generators.text_layout import split_title, text_width
from generators.typography import (
    FANGSONG,
    HEITI,
    KAITI,
    LINE_PT,
    SIZE_BODY,
    SIZE_TITLE,
    STYLE_ATTACHMENT_LABEL,
    STYLE_BODY,
    STYLE_HEADING1,
    STYLE_HEADING2,
    STYLE_TITLE,
    XIAOBIAOSONG,
)

INDENT_2 = 2 * SIZE_BODY
INDENT_4 = 4 * SIZE_BODY
BODY_CHARS_PER_LINE = 28
JOINT_GAP = "\u3000" * 3  # room between two seals


def title(flow: Flow, text: str, *, page_break_before: bool = False) -> None:
    """2号小标宋, centred, long titles broken into balanced lines inside one paragraph."""
    lines = split_title(text)
    flow.paragraph(
        [Span("\n".join(lines), XIAOBIAOSONG, SIZE_TITLE, 0)],
        style=STYLE_TITLE,
        align="center",
        first_line=0,
        page_break_before=page_break_before,
        keep_with_next=True,
        body_text=not page_break_before,
    )


def recipients(flow: Flow, names: list[str]) -> None:
    """One blank line below the title, flush left, full-width colon after the last name (7.3.2)."""
    flow.blank(body_text=True)
    flow.paragraph("，".join(names) + "：", align="both", first_line=0, body_text=True)


def _spans(text: str) -> tuple[str, list[Span], bool]:
    """Style, spans and keep-with-next: 一、 in 黑体 and （一） in 楷体 up to the heading's first 。,
    the rest 仿宋; a heading that is a paragraph of its own stays with the paragraph after it."""
    h = parse_heading(text)
    if h is None or h.level > 2:
        return STYLE_BODY, [Span(text, FANGSONG)], False
    font, style = (HEITI, STYLE_HEADING1) if h.level == 1 else (KAITI, STYLE_HEADING2)
    standalone = h.end == len(text) and not text.endswith(("。", "；", "："))
    return style, [Span(text[: h.end], font), Span(text[h.end :], FANGSONG)], standalone


def body_paragraphs(flow: Flow, paragraphs: list[str]) -> None:
    """正文: 3号仿宋, 左空二字, wrapped lines flush left (7.3.3); line breaks inside an item start new
    paragraphs, because a 公文 paragraph is always indented."""
    for block in paragraphs:
        for text in (t.strip() for t in block.split("\n")):
            if text:
                style, spans, keep = _spans(text)
                flow.paragraph(spans, style=style, first_line=INDENT_2, keep_with_next=keep, body_text=True)


def attachment_note(flow: Flow, names: list[str]) -> None:
    """附件说明 (7.3.4): one blank line, 左空二字 "附件：" + names; several are numbered "1." and later
    names align under the first."""
    if not names:
        return
    flow.blank()
    label = "附件："
    hang = text_width(label) * SIZE_BODY
    if len(names) == 1:
        flow.paragraph(label + names[0], first_line=-hang, left=INDENT_2 + hang)
        return
    for i, name in enumerate(names, 1):
        prefix = label if i == 1 else ""
        number = f"{i}."
        flow.paragraph(
            prefix + number + name,
            first_line=-(hang if i == 1 else 0) - text_width(number) * SIZE_BODY,
            left=INDENT_2 + hang + text_width(number) * SIZE_BODY,
        )


def _signature_line(signatures: list[str], w_date: float) -> tuple[str, float] | None:
    """Joint sealed issuance (7.3.5.1): the issuers side by side in one line, the last one centred on
    the date, when they fit in the line; None when they must be stacked."""
    if len(signatures) < 2 or len(signatures) > 3:
        return None
    line = JOINT_GAP.join(signatures)
    right = max(0.0, 4 + (w_date - text_width(signatures[-1])) / 2)
    if text_width(line) + right > BODY_CHARS_PER_LINE:
        return None
    return line, right * SIZE_BODY


def signature_and_date(
    flow: Flow,
    signatures: list[str],
    when: date,
    *,
    sealed: bool,
    annotation: str | None = None,
) -> None:
    """署名 and 成文日期 (7.3.5). Sealed: date 右空四字, the 署名 centred on the date (joint issuers side
    by side on one line when they fit). Unsealed: 署名 右空二字, the date starting two characters to
    the right of the 署名's start. Both stay on the page of the last 正文 line: when they do not fit,
    that 正文 runs on to the next page with them (7.3.5.5), never tightened below 28.95 pt."""
    date_text = cn_date(when)
    w_date = text_width(date_text)
    flow.blank(body_text=True)
    if sealed:
        joint = _signature_line(signatures, w_date)
        flow.keep_on_page(((1 if joint else len(signatures)) + 1 + (1 if annotation else 0)) * LINE_PT)
        if joint:
            flow.paragraph(joint[0], align="right", first_line=0, right=joint[1], keep_with_next=True)
        else:
            for name in signatures:
                right = max(0.0, 4 + (w_date - text_width(name)) / 2) * SIZE_BODY
                flow.paragraph(name, align="right", first_line=0, right=right, keep_with_next=True)
        flow.paragraph(date_text, align="right", first_line=0, right=INDENT_4)
        return
    flow.keep_on_page((len(signatures) + 1 + (1 if annotation else 0)) * LINE_PT)
    widest = max(text_width(n) for n in signatures)
    for name in signatures:
        flow.paragraph(
            name,
            align="right",
            first_line=0,
            right=INDENT_2 + (widest - text_width(name)) * SIZE_BODY,
            keep_with_next=True,
        )
    date_right = max(INDENT_2, (2 + widest - 2 - w_date) * SIZE_BODY)
    flow.paragraph(date_text, align="right", first_line=0, right=date_right)


def annotation(flow: Flow, text: str | None) -> None:
    """附注 (7.3.6): 左空二字, in full-width brackets, on the line after the 成文日期."""
    if not text:
        return
    inner = text.strip().removeprefix("（").removeprefix("(").removesuffix("）").removesuffix(")")
    flow.paragraph(f"（{inner}）", first_line=INDENT_2)


def attachment_label(flow: Flow, label: str) -> None:
    """附件 page (7.3.7): new page, "附件N" in 3号黑体 顶格 on the first line, title on the third."""
    flow.paragraph(
        [Span(label, HEITI)],
        style=STYLE_ATTACHMENT_LABEL,
        align="left",
        first_line=0,
        page_break_before=True,
        keep_with_next=True,
    )
    flow.blank()
