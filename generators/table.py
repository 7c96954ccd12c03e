"""Data tables for 承诺书 nominee lists: one header row in 黑体 repeated on each page, 4号仿宋 cells,
thin borders, fixed column widths summing to the 156 mm 版心 (GB/T 9704 8; format notes §F).

Rows are cloned from one formatted template row: python-docx's cell lookup is quadratic in the row
count, and a 1,000-nominee list must still build in well under a second."""

from __future__ import annotations

import copy

from docx.oxml.ns import qn
from docx.table import Table
from lxml import etree

from generators.flow import Flow
from generators.oxml import (
    cant_split_rows,
    mark_header_row,
    set_cell_width,
    set_table_borders,
    set_table_layout,
)
from generators.text_layout import line_count
from generators.typography import (
    FANGSONG,
    HEITI,
    LATIN,
    SIZE_TABLE,
    STYLE_TABLE,
    TEXT_WIDTH_TWIPS,
    add_text,
    format_paragraph,
    set_run_font,
    split_ambiguous,
)

TABLE_LINE_PT = 24.0
CELL_MARGIN_TWIPS = 57  # 1 mm each side


def _widths(ratios: list[float]) -> list[int]:
    total = sum(ratios)
    widths = [int(TEXT_WIDTH_TWIPS * r / total) for r in ratios]
    widths[-1] += TEXT_WIDTH_TWIPS - sum(widths)
    return widths


def _format_row(flow: Flow, table: Table, r: int, widths: list[int], aligns: list[str]) -> None:
    style = flow.doc.styles[STYLE_TABLE]
    for c, cell in enumerate(table.rows[r].cells):
        set_cell_width(cell, widths[c])
        p = cell.paragraphs[0]
        p.style = style
        format_paragraph(p, align=aligns[c], first_line=0, line=TABLE_LINE_PT)


def _run_prototypes(flow: Flow) -> tuple[etree._Element, etree._Element]:
    """Two formatted runs to clone: ordinary text, and full-width punctuation (“”·) in the CJK font."""
    scratch = flow.doc.add_paragraph()
    plain = set_run_font(scratch.add_run("x"), FANGSONG, SIZE_TABLE, latin=LATIN, spacing=0)._r
    punct = set_run_font(scratch.add_run("x"), FANGSONG, SIZE_TABLE, latin=FANGSONG, spacing=0)._r
    scratch._p.getparent().remove(scratch._p)
    return plain, punct


def _fill(p_el: etree._Element, text: str, protos: tuple[etree._Element, etree._Element]) -> None:
    for is_punct, chunk in split_ambiguous(text):
        r = copy.deepcopy(protos[1 if is_punct else 0])
        t = r.find(qn("w:t"))
        t.text = chunk
        t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
        p_el.append(r)


def data_table(flow: Flow, headers: list[str], rows: list[list[str]], ratios: list[float], aligns: list[str]) -> None:
    """A bordered table; each row's height is estimated so the page flow stays right."""
    widths = _widths(ratios)
    table = flow.doc.add_table(rows=2 if rows else 1, cols=len(headers))
    set_table_layout(table, widths, cell_margin_twips=CELL_MARGIN_TWIPS)
    thin = ("single", 4, "000000")
    set_table_borders(table, dict.fromkeys(("top", "left", "bottom", "right", "insideH", "insideV"), thin))
    _format_row(flow, table, 0, widths, ["center"] * len(headers))
    for cell, header in zip(table.rows[0].cells, headers, strict=True):
        add_text(cell.paragraphs[0], header, HEITI, SIZE_TABLE, spacing=0)
    per_line = [(w - 2 * CELL_MARGIN_TWIPS) / 20 / SIZE_TABLE for w in widths]
    flow.account_block(TABLE_LINE_PT + 0.5)
    if rows:
        _format_row(flow, table, 1, widths, aligns)
        template = table.rows[1]._tr
        template.getparent().remove(template)
        protos = _run_prototypes(flow)
        tbl = table._tbl
        for values in rows:
            tr = copy.deepcopy(template)
            for p_el, value in zip(tr.iter(qn("w:p")), values, strict=True):
                _fill(p_el, value, protos)
            tbl.append(tr)
            height = max(line_count(v, per_line=per_line[c]) for c, v in enumerate(values))
            flow.account_block(height * TABLE_LINE_PT + 0.5)
    mark_header_row(table)
    cant_split_rows(table)
