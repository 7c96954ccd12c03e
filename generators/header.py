"""版头 (GB/T 9704 7.2): the red 发文机关标志 35 mm below the 版心's top, the 发文字号 two lines below it,
and the red separator 4 mm under the 发文字号. Joint issuance stacks the issuers, with "文件" to
their right, centred on the stack."""

from __future__ import annotations

from docx.shared import Pt

from generators.flow import Flow, Span
from generators.oxml import (
    paragraph_bottom_border,
    set_cell_vertical_center,
    set_cell_width,
    set_table_borders,
    set_table_layout,
)
from generators.text_layout import text_width
from generators.typography import (
    ISSUER_OFFSET,
    LINE_PT,
    RED,
    SEPARATOR_SPACE_PT,
    STYLE_DOCNO,
    STYLE_ISSUER,
    TEXT_WIDTH_PT,
    XIAOBIAOSONG,
    format_paragraph,
    set_run_font,
)

MARK_MAX_PT = 42.0  # 初号
JOINT_MARK_MAX_PT = 26.0  # 一号, per line of a joint mark


def _fit(width_units: float, max_pt: float, room_pt: float) -> float:
    """Largest size ≤ max_pt (in half points) at which the mark fits the room."""
    size = min(max_pt, room_pt / max(width_units, 1))
    return max(12.0, int(size * 2) / 2)


def issuer_mark(flow: Flow, issuers: list[str], *, with_wenjian: bool) -> None:
    offset = ISSUER_OFFSET.pt
    if len(issuers) == 1 or not with_wenjian:
        names = [issuers[0] + ("文件" if with_wenjian else "")] if len(issuers) == 1 else list(issuers)
        size = _fit(
            max(text_width(n) for n in names),
            MARK_MAX_PT if len(names) == 1 else JOINT_MARK_MAX_PT,
            TEXT_WIDTH_PT * 0.95,
        )
        for i, name in enumerate(names):
            flow.paragraph(
                [Span(name, XIAOBIAOSONG, size, 0, RED)],
                style=STYLE_ISSUER,
                align="center",
                first_line=0,
                line=round(size * 1.2, 1),
                before=offset if i == 0 else 0,
                height=size * 1.2,
            )
        return
    _joint_mark_with_wenjian(flow, issuers, offset)


def _joint_mark_with_wenjian(flow: Flow, issuers: list[str], offset: float) -> None:
    """Issuers in a left column (each line justified to the same width), "文件" in the right one."""
    names_width = max(text_width(n) for n in issuers)
    size = _fit(names_width + 2.5, JOINT_MARK_MAX_PT, TEXT_WIDTH_PT * 0.95)
    spacer = flow.paragraph("", line=offset, height=offset)
    spacer.paragraph_format.space_before = Pt(0)
    left_twips = int((names_width + 0.5) * size * 20)
    right_twips = int(2.5 * size * 20)
    table = flow.doc.add_table(rows=len(issuers), cols=2)
    set_table_layout(table, [left_twips, right_twips], cell_margin_twips=0)
    set_table_borders(table, {})
    for i, name in enumerate(issuers):
        cell = table.cell(i, 0)
        set_cell_width(cell, left_twips)
        p = cell.paragraphs[0]
        p.style = flow.doc.styles[STYLE_ISSUER]
        format_paragraph(p, align="distribute", first_line=0, line=round(size * 1.2, 1))
        set_run_font(p.add_run(name), XIAOBIAOSONG, size, spacing=0, color=RED)
    merged = table.cell(0, 1).merge(table.cell(len(issuers) - 1, 1))
    set_cell_width(merged, right_twips)
    set_cell_vertical_center(merged)
    p = merged.paragraphs[0]
    p.style = flow.doc.styles[STYLE_ISSUER]
    format_paragraph(p, align="right", first_line=0, line=round(size * 1.2, 1))
    set_run_font(p.add_run("文件"), XIAOBIAOSONG, size, spacing=0, color=RED)
    for _ in issuers:
        flow.account_block(size * 1.2)


def doc_number_line(flow: Flow, doc_number: str) -> None:
    """Two blank lines, the centred 发文字号, and the red separator as its bottom border."""
    flow.blank(2)
    p = flow.paragraph(
        doc_number, style=STYLE_DOCNO, align="center", first_line=0, height=LINE_PT + SEPARATOR_SPACE_PT + 1
    )
    paragraph_bottom_border(p, color="FF0000", size_eighths=8, space_pt=SEPARATOR_SPACE_PT)


def red_header(flow: Flow, issuers: list[str], doc_number: str, *, with_wenjian: bool = True) -> None:
    issuer_mark(flow, issuers, with_wenjian=with_wenjian)
    doc_number_line(flow, doc_number)
