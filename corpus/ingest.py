"""The corpus pipeline: source files → lines → paragraphs → documents → segments, with stable ids,
statuses and relations resolved across all files."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass, replace
from pathlib import Path

from core.text import title_key
from corpus.clean import clean, running_headers
from corpus.model import DocStatus, Document, Relation, RelationKind, Segment, SourceSpan
from corpus.read import read_lines
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


def doc_id_for(file_name: str, doc_number: str | None, title: str) -> str:
    """Stable across rebuilds: derived from where the document is and what it is called."""
    digest = hashlib.sha1(f"{file_name}\n{doc_number or ''}\n{title}".encode()).hexdigest()
    return f"d{digest[:10]}"


def ingest(sources: Iterable[SourceFile]) -> Corpus:
    sources = list(sources)
    documents: list[Document] = []
    segments: list[Segment] = []
    for source in sources:
        docs, segs = _ingest_file(source)
        documents.extend(docs)
        segments.extend(segs)
    return Corpus(_resolve_relations(documents, segments), segments, sources)


def _ingest_file(source: SourceFile) -> tuple[list[Document], list[Segment]]:
    paragraphs = clean(source.lines)
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
    lines = [s.source for s in segments]
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
    )


def _resolve_relations(documents: list[Document], segments: list[Segment]) -> list[Document]:
    """Point repeal relations at catalogued documents where they exist, and mark those superseded.

    A document is superseded when a later text repeals it by title, or when a later document of
    the same title (a new edition) is catalogued."""
    by_title: dict[str, list[Document]] = {}
    for doc in documents:
        by_title.setdefault(title_key(doc.title), []).append(doc)
    superseded: dict[str, str] = {}
    resolved: list[Document] = []
    for doc in documents:
        relations = []
        for rel in doc.relations:
            if rel.kind is RelationKind.REPEALS:
                targets = [d for d in by_title.get(title_key(rel.target_title), []) if d.id != doc.id]
                if targets:
                    rel = replace(rel, target_id=targets[0].id)
                    for target in targets:
                        superseded[target.id] = doc.id
            relations.append(rel)
        resolved.append(replace(doc, relations=tuple(relations)))
    for same in by_title.values():
        dated = sorted((d for d in same if d.date and d.status is not DocStatus.NON_NORMATIVE), key=lambda d: d.date)
        for older in dated[:-1]:
            if older.date != dated[-1].date:
                superseded.setdefault(older.id, dated[-1].id)
    return [replace(d, status=DocStatus.SUPERSEDED) if d.id in superseded else d for d in resolved]
