"""The corpus pipeline: source files → lines → paragraphs → documents → segments, with stable ids,
statuses and relations resolved across all files."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path

from core.text import compact, edition_key
from corpus.clean import Paragraph, clean, running_headers
from corpus.frontmatter import effective_in
from corpus.model import INSTRUMENT_KINDS, DocKind, DocStatus, Document, Relation, RelationKind, Segment, SourceSpan
from corpus.read import read_lines
from corpus.references import references_in
from corpus.sections import DraftSegment, segment
from corpus.split import DraftDocument, split_documents
from corpus.status import base_status, is_provisional, relations_in


@dataclass(frozen=True, slots=True)
class SourceFile:
    """One policy file as read: its name (what citations show) and its lines."""

    name: str
    lines: tuple[str, ...]
    sha256: str

    @classmethod
    def read(cls, path: Path, data: bytes | None = None) -> SourceFile:
        raw = data if data is not None else path.read_bytes()
        lines = read_lines(path, raw)
        return cls(path.name, tuple(lines), hashlib.sha256(raw).hexdigest())


@dataclass(frozen=True, slots=True)
class Corpus:
    documents: list[Document]
    segments: list[Segment]
    sources: list[SourceFile]
    text_keys: dict[str, str] = field(default_factory=dict)
    """Source file name → ``text_key`` of its lines, taken from the cleaning the ingest does anyway, so a
    build can record what each file says without cleaning it twice."""


def text_key(lines: Iterable[str]) -> str:
    """What a file says, apart from how it is stored: the hash of its cleaned text. A UTF-8 and a GBK
    copy of one law, or a .md and a .txt of it, share it, so the catalogue can refuse the second copy
    (two copies in force split every answer and ranking between them)."""
    return paragraphs_key(clean(list(lines)))


def paragraphs_key(paragraphs: Iterable[Paragraph]) -> str:
    """``text_key`` of a file from its cleaned paragraphs (what ``clean`` made of its lines)."""
    text = "\n".join(compact(p.text) for p in paragraphs)
    return hashlib.sha256(text.encode()).hexdigest()


def doc_id_for(file_name: str, doc_number: str | None, title: str) -> str:
    """Stable across rebuilds: derived from where the document is and what it is called."""
    digest = hashlib.sha1(f"{file_name}\n{doc_number or ''}\n{title}".encode()).hexdigest()
    return f"d{digest[:10]}"


def ingest(sources: Iterable[SourceFile]) -> Corpus:
    sources = list(sources)
    documents: list[Document] = []
    segments: list[Segment] = []
    keys: dict[str, str] = {}
    for source in sources:
        paragraphs = clean(source.lines)
        keys[source.name] = paragraphs_key(paragraphs)
        docs, segs = _ingest_file(source, paragraphs)
        documents.extend(docs)
        segments.extend(segs)
    return Corpus(_resolve_relations(documents, segments), segments, sources, keys)


def _ingest_file(source: SourceFile, paragraphs: list[Paragraph]) -> tuple[list[Document], list[Segment]]:
    drafts = split_documents(paragraphs, sorted(running_headers(source.lines)))
    ids: dict[int, str] = {}
    seen: set[str] = set()
    for draft in drafts:
        doc_id = doc_id_for(source.name, draft.doc_number, draft.title)
        while doc_id in seen:  # two same-titled texts in one file
            doc_id = doc_id_for(source.name, draft.doc_number, draft.title + doc_id)
        seen.add(doc_id)
        ids[id(draft)] = doc_id
    documents: list[Document] = []
    segments: list[Segment] = []
    for draft in drafts:
        doc_id = ids[id(draft)]
        units = segment(draft)
        doc_segments = _segments_for(doc_id, source.name, units)
        segments.extend(doc_segments)
        documents.append(_document_for(draft, doc_id, ids, source.name, doc_segments))
    return documents, segments


def _segments_for(doc_id: str, file_name: str, units: list[DraftSegment]) -> list[Segment]:
    seg_ids = {id(u): f"{doc_id}:{n:04d}" for n, u in enumerate(units)}
    out: list[Segment] = []
    for n, unit in enumerate(units):
        lines = [line for p in unit.paragraphs for line in p.lines]
        out.append(
            Segment(
                id=seg_ids[id(unit)],
                doc_id=doc_id,
                locator=unit.locator,
                heading_path=unit.heading_path,
                text=unit.text,
                source=SourceSpan(file_name, min(lines), max(lines)),
                parent_id=seg_ids.get(id(unit.parent)) if unit.parent is not None else None,
                level=unit.level,
                order=n,
                children=tuple(seg_ids[id(c)] for c in unit.children),
                line_map=unit.line_map(),
            )
        )
    return out


def _document_for(
    draft: DraftDocument, doc_id: str, ids: dict[int, str], file_name: str, segments: list[Segment]
) -> Document:
    relations = [Relation(RelationKind.ISSUES, doc_id, ids[id(child)], child.title) for child in draft.children]
    for found in relations_in((s.locator, s.text) for s in segments):
        note = " ".join(x for x in (found.target_number, found.note) if x)
        relations.append(Relation(found.kind, doc_id, None, found.target_title, found.locator, note))
    for ref in references_in((s.locator, s.text) for s in segments):
        target_note = ref.target_locator if ref.phrase[0] != "前" else f"{ref.target_locator}（{ref.phrase}）"
        target_id = doc_id if ref.target_title is None else None
        title = ref.target_title or draft.title
        relations.append(Relation(RelationKind.REFERS_TO, doc_id, target_id, title, ref.locator, target_note))
    lines = [s.source for s in segments]
    effective = draft.effective_date
    issuing = draft.kind is DocKind.NOTICE and draft.children  # a 印发通知 takes no effect of its own
    if effective is None and not issuing and draft.kind not in INSTRUMENT_KINDS:
        effective = effective_in("".join(p.text for p in draft.paragraphs), draft.date)
    return Document(
        id=doc_id,
        title=draft.title,
        doc_number=draft.doc_number,
        issuer=draft.issuer,
        date=draft.date,
        kind=draft.kind,
        status=base_status(draft.kind),
        provisional=is_provisional(draft.title),
        parent_id=ids[id(draft.parent)] if draft.parent is not None else None,
        source=SourceSpan(
            file_name,
            min((s.line_start for s in lines), default=draft.line_start),
            max((s.line_end for s in lines), default=draft.line_end),
        ),
        relations=tuple(relations),
        n_segments=len(segments),
        effective_date=effective,
    )


def _resolve_relations(documents: list[Document], segments: list[Segment]) -> list[Document]:
    """Point repeal relations at catalogued documents, and link editions.

    A document is superseded when a later text repeals it by title ("《X》同时废止", "原《X》不再执行"), or
    when a later-dated document of the same title (``edition_key``: 试行/暂行/（修订）/years ignored) is
    catalogued. The newer gets ``supersedes``, the older ``superseded_by`` and an ``expired_date`` (the
    day the newer took effect). Everything is decided by dates and titles, never by the order the files
    came in, so adding the older edition after the newer gives the same catalogue.
    """
    del segments
    by_edition: dict[str, list[Document]] = {}
    for doc in documents:
        if _has_editions(doc):
            by_edition.setdefault(edition_key(doc.title), []).append(doc)
    successor: dict[str, Document] = {}  # older id → the text that replaced it
    repeal_targets: dict[tuple[str, str], str] = {}  # (source id, repeal title) → target id
    for doc in sorted(documents, key=_age):
        for rel in doc.relations:
            if rel.kind is not RelationKind.REPEALS:
                continue
            targets = [
                d for d in by_edition.get(edition_key(rel.target_title), []) if d.id != doc.id and _older(d, doc)
            ]
            for target in sorted(targets, key=_age):
                repeal_targets.setdefault((doc.id, rel.target_title), target.id)
                _keep_newest(successor, target, doc)
    for same in by_edition.values():
        dated = sorted((d for d in same if d.date), key=_age)
        for n, older in enumerate(dated):  # the next later-dated edition (copies of one text share a date)
            later = [d for d in dated[n + 1 :] if d.date != older.date]
            if later:
                _keep_newest(successor, older, later[0])
    replaced_by: dict[str, list[Document]] = {}
    for older_id, newer in successor.items():
        replaced_by.setdefault(newer.id, []).append(next(d for d in documents if d.id == older_id))
    resolved: list[Document] = []
    for doc in documents:
        relations = []
        for rel in doc.relations:
            if rel.kind is RelationKind.REPEALS and (doc.id, rel.target_title) in repeal_targets:
                rel = replace(rel, target_id=repeal_targets[(doc.id, rel.target_title)])
            elif rel.kind is RelationKind.REFERS_TO and rel.target_id is None:
                named = sorted(by_edition.get(edition_key(rel.target_title), []), key=_age)
                current = [d for d in named if d.id not in successor] or named
                if current:  # the edition in force (the newest): what "依照《X》第N条" means today
                    rel = replace(rel, target_id=current[-1].id)
            relations.append(rel)
        for older in sorted(replaced_by.get(doc.id, []), key=_age):
            relations.append(Relation(RelationKind.SUPERSEDES, doc.id, older.id, older.title, note=older.date or ""))
        status, expired = doc.status, doc.expired_date
        newer = successor.get(doc.id)
        if newer is not None:
            relations.append(Relation(RelationKind.SUPERSEDED_BY, doc.id, newer.id, newer.title, note=newer.date or ""))
            status = DocStatus.SUPERSEDED
            expired = newer.effective_date or newer.date
        resolved.append(replace(doc, relations=tuple(relations), status=status, expired_date=expired))
    return resolved


def _has_editions(doc: Document) -> bool:
    """Texts that come in editions: not news or letters, not a 令 or 公告 (each number is one act)."""
    return doc.status is not DocStatus.NON_NORMATIVE and doc.kind not in INSTRUMENT_KINDS


def _age(doc: Document) -> tuple[str, str, str]:
    """Oldest first; undated texts sort first, ties broken by id so the order of files never matters."""
    return (doc.date or "", doc.effective_date or "", doc.id)


def _older(a: Document, b: Document) -> bool:
    """Whether ``a`` may be what ``b`` repeals: dated before it, or either undated."""
    return not (a.date and b.date) or a.date < b.date


def _keep_newest(successor: dict[str, Document], older: Document, newer: Document) -> None:
    """Record ``newer`` as the successor of ``older`` unless an earlier successor is already known
    (an edition is replaced by the next one, not the newest)."""
    known = successor.get(older.id)
    if known is None or _age(newer) < _age(known):
        successor[older.id] = newer
