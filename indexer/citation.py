"""A quote in an answer and the provision it was checked against: its own module so that the answer
and what an answer adds to its quotes (the provisions they defer to, ``indexer/references.py``; the
older editions they replaced, ``indexer/editions.py``) build citations one way without importing each
other."""

from __future__ import annotations

from dataclasses import dataclass

from corpus import Document, Segment


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
