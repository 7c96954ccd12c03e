"""A quote in an answer and the provision it was checked against: its own module so that the answer
and what an answer adds to its quotes (the provisions they defer to, ``indexer/references.py``; the
older editions they replaced, ``indexer/editions.py``) build citations one way without importing each
other."""

from __future__ import annotations

from dataclasses import dataclass, replace

from corpus import Catalogue, Document, Segment


@dataclass(frozen=True, slots=True)
class Citation:
    doc_id: str
    doc_title: str
    doc_number: str | None
    locator: str
    quote: str
    file: str
    line_start: int
    line_end: int
    status: str
    verified: bool
    refers_from: str | None = None  # the cited provision whose text defers to this one (issue 11)
    lead_in_of: str | None = None  # the quoted 项 whose list this lead ("有下列情形之一的：") introduces

    @property
    def label(self) -> str:
        return f"《{self.doc_title}》{self.doc_number or ''}{self.locator}"


def cite(doc: Document, segment: Segment, start: int, end: int) -> Citation:
    """``segment.text[start:end]`` (stripped) quoted and cited to its source lines; ``verified`` when the
    quote stands in the segment."""
    quote = segment.text[start:end].strip()
    start = segment.text.find(quote, start)
    end = start + len(quote)
    line_start, line_end = segment.lines_for(start, end)
    return Citation(
        doc_id=doc.id,
        doc_title=doc.title,
        doc_number=doc.doc_number,
        locator=segment.locator,
        quote=quote,
        file=segment.source.file,
        line_start=line_start,
        line_end=line_end,
        status=str(doc.status),
        verified=bool(quote) and quote in segment.text,
    )


def announces_items(segment: Segment) -> bool:
    """A lead that announces its 项 ("有下列情形之一的："): read alone it says nothing."""
    return bool(segment.children) and segment.text.rstrip().endswith(("：", ":"))


def cite_with_items(doc: Document, segment: Segment, catalogue: Catalogue, limit: int) -> Citation | None:
    """A provision quoted with the 项 its lead announces, when no longer than ``limit`` characters. The
    members stand on consecutive lines, so the citation spans them."""
    members = [segment, *catalogue.descendants(segment)]
    text = "\n".join(m.text for m in members)
    if len(text) > limit:
        return None
    first, last = min(m.source.line_start for m in members), max(m.source.line_end for m in members)
    return replace(cite(doc, segment, 0, len(segment.text)), quote=text, line_start=first, line_end=last)
