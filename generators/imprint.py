"""版记 (GB/T 9704 7.4): 抄送 and 印发机关/印发日期 in 4号仿宋, between separator lines as wide as the
版心 — thick first and last, thin between. A one-column 156 mm table draws these lines the same in
Word and LibreOffice (paragraph borders would stop at the indents)."""

from __future__ import annotations

from datetime import date

from docx.enum.text import WD_TAB_ALIGNMENT
from docx.shared import Pt

from core.dates import cn_date
from generators.flow import Flow
from generators.oxml import cant_split_rows, set_cell_width, set_table_borders, set_table_layout
from generators.text_layout import chars_per_line, line_count, text_width
from generators.typography import (
    FANGSONG,
    LINE_PT,
    SIZE_IMPRINT,
    STYLE_IMPRINT,
    TEXT_WIDTH_PT,
    TEXT_WIDTH_TWIPS,
    format_paragraph,
    set_run_font,
)

THICK, THIN = 8, 6  # eighths of a point: 1 pt ≈ 0.35 mm, 0.75 pt ≈ 0.25 mm
SIDE = SIZE_IMPRINT  # 左右各空一字


def _rows(cc: list[str], printer: str, print_date: date) -> list[tuple[str, str]]:
    rows = []
    if cc:
        rows.append(("cc", "抄送：" + "，".join(cc) + "。"))
    rows.append(("printer", f"{printer}\t{cn_date(print_date)}印发"))
    return rows


def imprint_height(cc: list[str], printer: str, print_date: date) -> float:
    per_line = chars_per_line(SIZE_IMPRINT, width_pt=TEXT_WIDTH_PT - 2 * SIDE)
    lines = sum(line_count(text.replace("\t", "  "), per_line=per_line) for _, text in _rows(cc, printer, print_date))
    return lines * LINE_PT + 3.0  # + the three separator lines


def imprint(flow: Flow, cc: list[str], printer: str, print_date: date) -> None:
    rows = _rows(cc, printer, print_date)
    table = flow.doc.add_table(rows=len(rows), cols=1)
    set_table_layout(table, [TEXT_WIDTH_TWIPS], cell_margin_twips=0)
    set_table_borders(
        table,
        {
            "top": ("single", THICK, "000000"),
            "bottom": ("single", THICK, "000000"),
            "insideH": ("single", THIN, "000000"),
        },
    )
    cant_split_rows(table)
    for row, (kind, text) in zip(table.rows, rows, strict=True):
        cell = row.cells[0]
        set_cell_width(cell, TEXT_WIDTH_TWIPS)
        p = cell.paragraphs[0]
        p.style = flow.doc.styles[STYLE_IMPRINT]
        if kind == "cc":
            hang = text_width("抄送：") * SIZE_IMPRINT
            format_paragraph(p, align="both", first_line=-hang, left=SIDE + hang, right=SIDE)
            set_run_font(p.add_run(text), FANGSONG, SIZE_IMPRINT, spacing=0)
        else:
            format_paragraph(p, align="left", first_line=0, left=SIDE, right=SIDE)
            p.paragraph_format.tab_stops.add_tab_stop(Pt(TEXT_WIDTH_PT - SIDE), WD_TAB_ALIGNMENT.RIGHT)
            set_run_font(p.add_run(text), FANGSONG, SIZE_IMPRINT, spacing=0)
    flow.account_block(imprint_height(cc, printer, print_date))
