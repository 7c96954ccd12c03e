"""The provisions an answer's quotes defer to (issue 11): a quote that says "按本办法第三条规定", "依照《X》第
N条" or "前款" is only half a rule, so the provision it names is quoted as well, cited and marked with
the quote that led to it (``Citation.refers_from``).

The references are read off the quoted words with the catalogue's own grammar (``corpus.references``),
so only what the reader actually sees is followed, and a 《X》 resolves through the document's
``refers_to`` relations. Bounded: one hop (a referenced provision's own references are not followed),
at most ``MAX_REFERENCED`` per answer, nothing already quoted, and never a text out of force — asked
as of a day, the edition in force that day; otherwise a superseded text is never quoted.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import replace
from datetime import date

from core.errors import DocumentNotFound
from core.locator import MARKERS
from core.numerals import int_to_cn
from core.sentences import SENTENCE
from core.text import compact
from corpus import Catalogue, DocStatus, Document, RelationKind, Segment
from corpus.references import PREVIOUS, FoundReference, references_in, target_parts
from indexer.citation import Citation, cite, cite_with_items

MAX_REFERENCED = 2  # referenced provisions added to one answer
REFERENCED_CHARS = 300  # a referenced provision longer than this is quoted by its first sentences up to it


def referenced(
    citations: Sequence[Citation],
    catalogue: Catalogue,
    as_of: date | None,
    relevance: Callable[[str], float] | None = None,
) -> list[Citation]:
    """The provisions the quotes of ``citations`` defer to, each verified. When they name more than
    ``MAX_REFERENCED``, those whose words ``relevance`` scores higher (the question's, say) come first;
    otherwise the order they are named in."""
    found: list[Citation] = []
    for c in citations:
        if c.refers_from is not None:
            continue  # one hop
        for target in _targets(c, catalogue, as_of):
            if target.verified and not _already_quoted(target, [*citations, *found]):
                found.append(target)
    if relevance is None or len(found) <= MAX_REFERENCED:
        return found[:MAX_REFERENCED]
    best = sorted(range(len(found)), key=lambda i: -relevance(found[i].quote))[:MAX_REFERENCED]
    return [found[i] for i in sorted(best)]  # in the order they are named


def referenced_line(c: Citation) -> str:
    """How a referenced provision reads in the answer text: which quote led to it, then the quote."""
    return f"其中{c.refers_from}所引{c.label}：“{c.quote}”"


def _targets(c: Citation, catalogue: Catalogue, as_of: date | None) -> Iterator[Citation]:
    doc = catalogue.document(c.doc_id)
    seg = catalogue.segment_at(doc.id, c.locator)
    at = seg.text.find(c.quote) if seg is not None else -1
    if seg is None or at < 0:
        return
    quoted = (at, at + len(c.quote))
    paragraphs = _paragraphs(seg.text)
    for n, (start, end) in enumerate(paragraphs, start=1):
        start, end = max(start, quoted[0]), min(end, quoted[1])
        if start >= end:
            continue
        for ref in references_in([(seg.locator, seg.text[start:end])]):
            if ref.phrase in PREVIOUS:  # a paragraph of the quoted text: only while that text is in force
                found = _previous(ref, n, doc, seg, paragraphs) if _in_force(doc, catalogue, as_of) else None
            else:
                found = _article(ref, doc, catalogue, as_of)
            if found is not None:
                yield replace(found, refers_from=c.locator)


def _previous(
    ref: FoundReference, n: int, doc: Document, seg: Segment, paragraphs: list[tuple[int, int]]
) -> Citation | None:
    """ "前款" in paragraph ``n`` of an article: the paragraph(s) before it. Only in an article without
    项, where paragraphs are its 款 (an article with 项 numbers its 款 around them)."""
    first = n - PREVIOUS[ref.phrase]
    if first < 1 or seg.children or not MARKERS["article"].fullmatch(seg.locator):
        return None
    cited = cite(doc, seg, paragraphs[first - 1][0], paragraphs[n - 2][1])
    return replace(cited, locator=f"{seg.locator}第{int_to_cn(first)}款") if first == n - 1 else cited


def _article(ref: FoundReference, doc: Document, catalogue: Catalogue, as_of: date | None) -> Citation | None:
    """ "本办法第三条", "本条第一款", "《X》第N条第M款": the article (or its 款) in the edition in force."""
    target = doc if ref.target_title is None else _titled(doc, ref, catalogue)
    target = _in_force(target, catalogue, as_of) if target is not None else None
    if target is None:
        return None
    article, clause = target_parts(ref.target_locator)
    seg = catalogue.segment_at(target.id, article)
    if seg is None:
        return None
    paragraphs = _paragraphs(seg.text)
    if clause is not None and not seg.children and clause <= len(paragraphs):
        cited = cite(target, seg, *paragraphs[clause - 1])
        return replace(cited, locator=f"{seg.locator}第{int_to_cn(clause)}款")
    if seg.children:
        whole = cite_with_items(target, seg, catalogue, REFERENCED_CHARS)
        if whole is not None:
            return whole
    return cite(target, seg, 0, _clipped(seg.text))


def _titled(doc: Document, ref: FoundReference, catalogue: Catalogue) -> Document | None:
    """The document a 《X》 names, as the build resolved it (the edition in force then), if catalogued."""
    for rel in doc.relations:
        if rel.kind is RelationKind.REFERS_TO and rel.target_title == ref.target_title and rel.target_id:
            try:
                return catalogue.document(rel.target_id)
            except DocumentNotFound:  # a relation to a text no longer catalogued: nothing to quote
                return None
    return None


def _in_force(doc: Document, catalogue: Catalogue, as_of: date | None) -> Document | None:
    """``doc`` or another edition of it that is in force (on ``as_of``), or None."""
    if as_of is None:
        return None if doc.status is DocStatus.SUPERSEDED else doc
    alive = catalogue.in_force_on(as_of)
    return next((d for d in [doc, *reversed(catalogue.editions_of(doc.id))] if d.id in alive), None)


def _paragraphs(text: str) -> list[tuple[int, int]]:
    """(start, end) of each non-empty line: an article's 款."""
    out, pos = [], 0
    for line in text.split("\n"):
        if line.strip():
            out.append((pos, pos + len(line)))
        pos += len(line) + 1
    return out


def _clipped(text: str) -> int:
    """Where to end a quote of ``text``: whole when short, else after the sentences up to REFERENCED_CHARS."""
    if len(text) <= REFERENCED_CHARS:
        return len(text)
    end = 0
    for match in SENTENCE.finditer(text):
        if end and match.end() > REFERENCED_CHARS:
            break
        end = match.end()
    return end or len(text)


def _already_quoted(target: Citation, citations: Sequence[Citation]) -> bool:
    """The same provision cited, or its words already inside a quote of the same document."""
    words = compact(target.quote)
    return any(
        c.doc_id == target.doc_id and (c.locator == target.locator or words in compact(c.quote)) for c in citations
    )
