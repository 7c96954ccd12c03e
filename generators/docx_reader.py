"""Reading a .docx for checking: effective run and paragraph properties (direct formatting, then the
style chain, then document defaults) and the document's blocks in order, split into pages where a
page break starts a new one. Works on any .docx, not only ours: the checker must judge files that
staff edited by hand."""

from __future__ import annotations

import io
import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from docx import Document
from docx.document import Document as DocxDocument
from docx.opc.exceptions import PackageNotFoundError
from docx.oxml.ns import qn
from lxml import etree

from core.errors import InvalidInput, UnreadableFile

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")


def load_docx(data: bytes | Path | str) -> DocxDocument:
    """A python-docx Document, or UnreadableFile/InvalidInput with a message a user can act on."""
    if isinstance(data, str | Path):
        path = Path(data)
        if not path.is_file():
            raise InvalidInput(f"文件不存在：{path}")
        data = path.read_bytes()
    if not isinstance(data, bytes | bytearray) or not data:
        raise InvalidInput("没有可检查的 .docx 内容")
    try:
        return Document(io.BytesIO(bytes(data)))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError, etree.XMLSyntaxError) as exc:
        raise UnreadableFile(f"不是有效的 .docx 文件（{type(exc).__name__}）") from None


class Resolver:
    """Effective formatting: a property is taken from the run, then its character style chain, then the
    paragraph style chain, then w:docDefaults."""

    def __init__(self, doc: DocxDocument) -> None:
        styles_el = doc.styles.element
        self.styles = {s.get(qn("w:styleId")): s for s in styles_el.findall(qn("w:style"))}
        self.default_para = next(
            (
                sid
                for sid, s in self.styles.items()
                if s.get(qn("w:type")) == "paragraph" and s.get(qn("w:default")) in ("1", "true")
            ),
            None,
        )
        defaults = styles_el.find(qn("w:docDefaults"))
        self.default_rpr = defaults.find(f"{W}rPrDefault/{W}rPr") if defaults is not None else None
        self.default_ppr = defaults.find(f"{W}pPrDefault/{W}pPr") if defaults is not None else None

    def _chain(self, style_id: str | None) -> list[etree._Element]:
        chain, seen = [], set()
        while style_id and style_id in self.styles and style_id not in seen:
            seen.add(style_id)
            style = self.styles[style_id]
            chain.append(style)
            based = style.find(qn("w:basedOn"))
            style_id = based.get(qn("w:val")) if based is not None else None
        return chain

    def para_style_id(self, p: etree._Element) -> str | None:
        ps = p.find(f"{W}pPr/{W}pStyle")
        return ps.get(qn("w:val")) if ps is not None else self.default_para

    def _rpr_sources(self, r: etree._Element, p: etree._Element) -> list[etree._Element]:
        sources = []
        rpr = r.find(qn("w:rPr"))
        if rpr is not None:
            sources.append(rpr)
            rs = rpr.find(qn("w:rStyle"))
            if rs is not None:
                sources += [s.find(qn("w:rPr")) for s in self._chain(rs.get(qn("w:val")))]
        sources += [s.find(qn("w:rPr")) for s in self._chain(self.para_style_id(p))]
        sources.append(self.default_rpr)
        return [s for s in sources if s is not None]

    def run_attr(self, r: etree._Element, p: etree._Element, tag: str, attr: str) -> str | None:
        for rpr in self._rpr_sources(r, p):
            el = rpr.find(qn(tag))
            if el is not None and el.get(qn(attr)) is not None:
                return el.get(qn(attr))
        return None

    def run_font(self, r: etree._Element, p: etree._Element, slot: str = "w:eastAsia") -> str | None:
        return self.run_attr(r, p, "w:rFonts", slot)

    def run_size(self, r: etree._Element, p: etree._Element) -> float | None:
        val = self.run_attr(r, p, "w:sz", "w:val")
        return int(val) / 2 if val and val.isdigit() else None

    def run_color(self, r: etree._Element, p: etree._Element) -> str | None:
        val = self.run_attr(r, p, "w:color", "w:val")
        return val.upper() if val else None

    def para_el(self, p: etree._Element, tag: str) -> etree._Element | None:
        """The first w:pPr child ``tag`` found on the paragraph, its style chain, or the defaults."""
        sources = [p.find(qn("w:pPr"))] + [s.find(qn("w:pPr")) for s in self._chain(self.para_style_id(p))]
        sources.append(self.default_ppr)
        for ppr in sources:
            if ppr is not None and (el := ppr.find(qn(tag))) is not None:
                return el
        return None

    def para_attr(self, p: etree._Element, tag: str, attr: str) -> str | None:
        """Attribute-wise: w:ind firstLine may come from the paragraph while w:right comes from the style."""
        sources = [p.find(qn("w:pPr"))] + [s.find(qn("w:pPr")) for s in self._chain(self.para_style_id(p))]
        sources.append(self.default_ppr)
        for ppr in sources:
            if ppr is None:
                continue
            el = ppr.find(qn(tag))
            if el is not None and el.get(qn(attr)) is not None:
                return el.get(qn(attr))
        return None

    def alignment(self, p: etree._Element) -> str:
        return self.para_attr(p, "w:jc", "w:val") or "left"

    def indent_pt(self, p: etree._Element, which: str) -> float:
        """'first' (negative for hanging), 'left' or 'right' in points."""
        if which == "first":
            hanging = self.para_attr(p, "w:ind", "w:hanging")
            if hanging is not None:
                return -_twips(hanging)
            return _twips(self.para_attr(p, "w:ind", "w:firstLine"))
        names = ("w:left", "w:start") if which == "left" else ("w:right", "w:end")
        for name in names:
            val = self.para_attr(p, "w:ind", name)
            if val is not None:
                return _twips(val)
        return 0.0

    def line_spacing(self, p: etree._Element) -> tuple[str, float | None]:
        rule = self.para_attr(p, "w:spacing", "w:lineRule") or "auto"
        line = self.para_attr(p, "w:spacing", "w:line")
        return rule, (_twips(line) if line is not None else None)

    def page_break_before(self, p: etree._Element) -> bool:
        el = self.para_el(p, "w:pageBreakBefore")
        return el is not None and el.get(qn("w:val"), "1") not in ("0", "false")

    def numbered(self, p: etree._Element) -> bool:
        el = self.para_el(p, "w:numPr")
        if el is None:
            return False
        num = el.find(qn("w:numId"))
        return num is None or num.get(qn("w:val")) != "0"


def _twips(value: str | None) -> float:
    try:
        return int(float(value)) / 20 if value is not None else 0.0
    except ValueError:
        return 0.0


@dataclass
class Block:
    """One body element: a paragraph (with its text and runs) or a table."""

    index: int
    el: etree._Element
    kind: str  # "p" or "tbl"
    text: str = ""
    runs: list[etree._Element] = field(default_factory=list)
    page: int = 0  # 0-based part number: a new part starts at each explicit page break

    @property
    def empty(self) -> bool:
        return not self.text.strip()


def paragraph_text(p: etree._Element) -> str:
    parts = []
    for node in p.iter(f"{W}t", f"{W}tab", f"{W}br", f"{W}instrText"):
        if node.tag == f"{W}t":
            parts.append(node.text or "")
        elif node.tag == f"{W}tab":
            parts.append("\t")
        elif node.tag == f"{W}br" and node.get(qn("w:type")) in (None, "textWrapping"):
            parts.append("\n")
    return "".join(parts)


def _ends_with_page_break(p: etree._Element) -> bool:
    brs = list(p.iter(f"{W}br"))
    return bool(brs) and brs[-1].get(qn("w:type")) == "page"


def blocks(doc: DocxDocument, resolver: Resolver) -> list[Block]:
    """Body paragraphs and tables in order, each tagged with the part it belongs to."""
    out: list[Block] = []
    part = 0
    pending_break = False
    for i, el in enumerate(doc.element.body.iterchildren()):
        if el.tag == f"{W}p":
            if pending_break or (out and resolver.page_break_before(el)):
                part += 1
            pending_break = _ends_with_page_break(el) or el.find(f"{W}pPr/{W}sectPr") is not None
            runs = [r for r in el.iter(f"{W}r") if r.find(f"{W}t") is not None]
            out.append(Block(i, el, "p", paragraph_text(el), runs, part))
        elif el.tag == f"{W}tbl":
            if pending_break:
                part += 1
                pending_break = False
            text = "\n".join(paragraph_text(p) for p in el.iter(f"{W}p"))
            out.append(Block(i, el, "tbl", text, [], part))
    return out
