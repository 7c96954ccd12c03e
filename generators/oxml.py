"""The few WordprocessingML constructs python-docx has no API for: paragraph and table borders,
PAGE fields, table grids and cell margins. Each helper inserts its element at the position the
schema requires, because Word rejects out-of-order children that LibreOffice would accept."""

from __future__ import annotations

from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.table import Table, _Cell
from docx.text.paragraph import Paragraph

# CT_PPr children that may follow w:pBdr (everything after it in the schema sequence).
_AFTER_PBDR = (
    "w:shd",
    "w:tabs",
    "w:suppressAutoHyphens",
    "w:kinsoku",
    "w:wordWrap",
    "w:overflowPunct",
    "w:topLinePunct",
    "w:autoSpaceDE",
    "w:autoSpaceDN",
    "w:bidi",
    "w:adjustRightInd",
    "w:snapToGrid",
    "w:spacing",
    "w:ind",
    "w:contextualSpacing",
    "w:mirrorIndents",
    "w:suppressOverlap",
    "w:jc",
    "w:textDirection",
    "w:textAlignment",
    "w:textboxTightWrap",
    "w:outlineLvl",
    "w:divId",
    "w:cnfStyle",
    "w:rPr",
    "w:sectPr",
    "w:pPrChange",
)


def paragraph_bottom_border(p: Paragraph, *, color: str, size_eighths: int, space_pt: int) -> None:
    """A bottom border (e.g. the red 版头 separator) as wide as the paragraph."""
    ppr = p._p.get_or_add_pPr()
    pbdr = OxmlElement("w:pBdr")
    bottom = OxmlElement("w:bottom")
    for key, value in (
        ("w:val", "single"),
        ("w:sz", str(size_eighths)),
        ("w:space", str(space_pt)),
        ("w:color", color),
    ):
        bottom.set(qn(key), value)
    pbdr.append(bottom)
    successor = next((ppr.find(qn(tag)) for tag in _AFTER_PBDR if ppr.find(qn(tag)) is not None), None)
    if successor is not None:
        successor.addprevious(pbdr)
    else:
        ppr.append(pbdr)


def add_page_field(p: Paragraph, make_run) -> None:
    """`PAGE` as a complex field: begin / instrText / separate / cached "1" / end, each its own run."""

    def fld(kind: str) -> None:
        r = make_run("")._r
        el = OxmlElement("w:fldChar")
        el.set(qn("w:fldCharType"), kind)
        r.append(el)

    fld("begin")
    instr_run = make_run("")._r
    instr = OxmlElement("w:instrText")
    instr.set(qn("xml:space"), "preserve")
    instr.text = " PAGE "
    instr_run.append(instr)
    fld("separate")
    make_run("1")
    fld("end")


def set_table_layout(table: Table, widths_twips: list[int], *, cell_margin_twips: int | None = None) -> None:
    """Fixed layout, explicit total width and column grid: never wider than the 156 mm 版心."""
    tbl = table._tbl
    tblpr = tbl.tblPr
    tblw = tblpr.find(qn("w:tblW"))
    if tblw is None:
        tblw = OxmlElement("w:tblW")
        tblpr.append(tblw)
    tblw.set(qn("w:w"), str(sum(widths_twips)))
    tblw.set(qn("w:type"), "dxa")
    jc = OxmlElement("w:jc")
    jc.set(qn("w:val"), "center")
    layout = OxmlElement("w:tblLayout")
    layout.set(qn("w:type"), "fixed")
    _insert_tblpr(tblpr, jc)
    _insert_tblpr(tblpr, layout)
    if cell_margin_twips is not None:
        mar = OxmlElement("w:tblCellMar")
        for side in ("left", "right"):
            el = OxmlElement(f"w:{side}")
            el.set(qn("w:w"), str(cell_margin_twips))
            el.set(qn("w:type"), "dxa")
            mar.append(el)
        _insert_tblpr(tblpr, mar)
    grid = tbl.tblGrid
    for col, width in zip(grid.findall(qn("w:gridCol")), widths_twips, strict=True):
        col.set(qn("w:w"), str(width))


_TBLPR_ORDER = (
    "w:tblStyle",
    "w:tblpPr",
    "w:tblOverlap",
    "w:bidiVisual",
    "w:tblStyleRowBandSize",
    "w:tblStyleColBandSize",
    "w:tblW",
    "w:jc",
    "w:tblCellSpacing",
    "w:tblInd",
    "w:tblBorders",
    "w:shd",
    "w:tblLayout",
    "w:tblCellMar",
    "w:tblLook",
)


def _insert_tblpr(tblpr, el) -> None:
    """Insert or replace ``el`` in w:tblPr keeping the schema order."""
    tag = el.tag
    existing = tblpr.find(tag)
    if existing is not None:
        existing.addprevious(el)
        tblpr.remove(existing)
        return
    name = "w:" + tag.split("}")[1]
    later = _TBLPR_ORDER[_TBLPR_ORDER.index(name) + 1 :]
    successor = next((tblpr.find(qn(t)) for t in later if tblpr.find(qn(t)) is not None), None)
    if successor is not None:
        successor.addprevious(el)
    else:
        tblpr.append(el)


def set_table_borders(table: Table, borders: dict[str, tuple[str, int, str]]) -> None:
    """``{"top": ("single", 8, "000000"), "insideH": (...), "left": ("nil", 0, "auto")}``."""
    el = OxmlElement("w:tblBorders")
    for side in ("top", "left", "bottom", "right", "insideH", "insideV"):
        val, size, color = borders.get(side, ("nil", 0, "auto"))
        b = OxmlElement(f"w:{side}")
        b.set(qn("w:val"), val)
        if val != "nil":
            b.set(qn("w:sz"), str(size))
            b.set(qn("w:space"), "0")
            b.set(qn("w:color"), color)
        el.append(b)
    _insert_tblpr(table._tbl.tblPr, el)


def set_cell_width(cell: _Cell, twips: int) -> None:
    tcpr = cell._tc.get_or_add_tcPr()
    tcw = tcpr.find(qn("w:tcW"))
    if tcw is None:
        tcw = OxmlElement("w:tcW")
        tcpr.insert(0, tcw)
    tcw.set(qn("w:w"), str(twips))
    tcw.set(qn("w:type"), "dxa")


def set_cell_vertical_center(cell: _Cell) -> None:
    tcpr = cell._tc.get_or_add_tcPr()
    v = OxmlElement("w:vAlign")
    v.set(qn("w:val"), "center")
    tcpr.append(v)


def mark_header_row(table: Table) -> None:
    """Repeat the first row at the top of each page the table spans."""
    trpr = table.rows[0]._tr.get_or_add_trPr()
    el = OxmlElement("w:tblHeader")
    trpr.append(el)


def cant_split_rows(table: Table) -> None:
    for row in table.rows:
        trpr = row._tr.get_or_add_trPr()
        trpr.append(OxmlElement("w:cantSplit"))
