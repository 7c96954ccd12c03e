"""Retrieval units: each article or smallest numbered section, long ones cut into sentence-aligned
windows, every window carrying its document title and heading path and its exact source lines."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import asdict, dataclass

from core.sentences import sentence_spans
from core.text import compact
from corpus import Catalogue, Document, Segment

WINDOW_CHARS = 260  # a window holds about this many characters of the segment's text
HEADING_ONLY_CHARS = 40  # a segment this short that has children is a heading: its children carry it
LISTED_WHOLE_CHARS = 520  # a provision that announces a list ("按以下步骤实施：") is indexed with its items up to this
_ANNOUNCES_LIST = re.compile(r"[：:]\s*$")


@dataclass(frozen=True, slots=True)
class Unit:
    id: int
    segment_id: str
    doc_id: str
    start: int  # offsets of the window in the segment's text
    end: int
    line_start: int
    line_end: int
    text: str  # the window itself, quoted verbatim in answers
    doc_title: str
    context: str  # heading path + locator: indexed with the text, never quoted
    parts: tuple[tuple[str, int], ...] = ()  # a unit spanning segments: (segment id, where its text starts)

    def locate(self, offset: int) -> tuple[str, int]:
        """The segment holding ``offset`` of the unit's text, and the offset within that segment."""
        if not self.parts:
            return self.segment_id, self.start + offset
        segment_id, begins = self.parts[0]
        for part_id, part_start in self.parts:
            if part_start <= offset:
                segment_id, begins = part_id, part_start
        return segment_id, offset - begins

    @property
    def index_text(self) -> str:
        """What the dense model reads: the document title gives the passage its subject."""
        head = " ".join(p for p in (self.doc_title, self.context) if p)
        return f"{head}\n{self.text}"

    @property
    def lexical_text(self) -> str:
        """What BM25 reads: the title too, so a query naming the document finds its articles."""
        return self.index_text

    def to_dict(self) -> dict:
        return asdict(self)

    @classmethod
    def from_dict(cls, row: dict) -> Unit:
        return cls(**{**row, "parts": tuple(tuple(p) for p in row.get("parts", ()))})


def build_units(catalogue: Catalogue) -> list[Unit]:
    units: list[Unit] = []
    for doc, seg in catalogue.iter_pairs():
        if not seg.text.strip() or _only_title(doc, seg):
            continue
        listed = _with_items(doc, seg, catalogue, len(units))
        if listed is not None:
            units.append(listed)
            continue
        if seg.children and len(seg.text) <= HEADING_ONLY_CHARS:
            continue
        for start, end in _windows(seg.text):
            line_start, line_end = seg.lines_for(start, end)
            units.append(
                Unit(
                    id=len(units),
                    segment_id=seg.id,
                    doc_id=doc.id,
                    start=start,
                    end=end,
                    line_start=line_start,
                    line_end=line_end,
                    text=seg.text[start:end],
                    doc_title=doc.title,
                    context=context_of(seg),
                )
            )
    return units


def whole_provision(doc: Document, seg: Segment, catalogue: Catalogue, unit_id: int = -1) -> Unit:
    """One unit holding a provision and all of its 项/目, each part mapped back to its own segment."""
    members = [seg, *catalogue.descendants(seg)]
    parts: list[tuple[str, int]] = []
    offset = 0
    for member in members:
        parts.append((member.id, offset))
        offset += len(member.text) + 1
    text = "\n".join(m.text for m in members)
    return Unit(
        id=unit_id,
        segment_id=seg.id,
        doc_id=doc.id,
        start=0,
        end=len(text),
        line_start=min(m.source.line_start for m in members),
        line_end=max(m.source.line_end for m in members),
        text=text,
        doc_title=doc.title,
        context=context_of(seg),
        parts=tuple(parts),
    )


def announces_list(text: str) -> bool:
    """A provision ending in "：" ("按以下步骤实施：") sets out what follows it in its 项."""
    return bool(_ANNOUNCES_LIST.search(text))


def _with_items(doc: Document, seg: Segment, catalogue: Catalogue, unit_id: int) -> Unit | None:
    """A lead that announces a list means nothing without the list: index the two together when short."""
    if not seg.children or not announces_list(seg.text):
        return None
    unit = whole_provision(doc, seg, catalogue, unit_id)
    return unit if len(unit.text) <= LISTED_WHOLE_CHARS else None


def _only_title(doc: Document, seg: Segment) -> bool:
    """A 标题 unit that repeats the title (and an 附件 label) and nothing else adds only noise."""
    if seg.locator != "标题":
        return False
    rest = re.sub(r"\s|附件\d*", "", seg.text)
    return rest == "" or rest == compact(doc.title)


def context_of(seg: Segment) -> str:
    parts = [*seg.heading_path, seg.locator]
    return " ".join(p for p in parts if p)


def _windows(text: str) -> Iterator[tuple[int, int]]:
    """Sentence-aligned windows of about WINDOW_CHARS; a single over-long sentence is cut."""
    if len(text) <= WINDOW_CHARS * 1.4:
        yield 0, len(text)
        return
    start = 0
    cursor = 0
    for _, end in sentence_spans(text):
        if end - start > WINDOW_CHARS and cursor > start:
            yield start, cursor
            start = cursor
        while end - start > WINDOW_CHARS * 2:
            yield start, start + WINDOW_CHARS
            start += WINDOW_CHARS
        cursor = end
    if start < len(text):
        yield start, len(text)
