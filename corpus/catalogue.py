"""The catalogue: documents, segments and relations in one SQLite file, read into memory.

The file is written once per build (into a fresh generation directory, see ``policydesk.generations``) and
then only read, so the in-memory ``Catalogue`` is immutable and safe to share between threads.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Iterator
from datetime import date
from pathlib import Path

from core import docnumber
from core.errors import AmbiguousCitation, ArticleNotFound, DocumentNotFound, IndexMissing
from core.locator import canonical_locator, locator_variants
from core.text import normalise_text
from corpus.model import DocKind, DocStatus, Document, Relation, RelationKind, Segment, SourceSpan

SCHEMA = """
CREATE TABLE documents (
    id TEXT PRIMARY KEY, title TEXT NOT NULL, doc_number TEXT, issuer TEXT, date TEXT,
    kind TEXT NOT NULL, status TEXT NOT NULL, provisional INTEGER NOT NULL, parent_id TEXT,
    source_file TEXT NOT NULL, line_start INTEGER NOT NULL, line_end INTEGER NOT NULL,
    n_segments INTEGER NOT NULL, ord INTEGER NOT NULL, effective_date TEXT, expired_date TEXT
);
CREATE TABLE segments (
    id TEXT PRIMARY KEY, doc_id TEXT NOT NULL REFERENCES documents(id), locator TEXT NOT NULL,
    heading_path TEXT NOT NULL, text TEXT NOT NULL, source_file TEXT NOT NULL,
    line_start INTEGER NOT NULL, line_end INTEGER NOT NULL, parent_id TEXT, level INTEGER NOT NULL,
    ord INTEGER NOT NULL, children TEXT NOT NULL, line_map TEXT NOT NULL
);
CREATE INDEX segments_doc ON segments(doc_id, ord);
CREATE TABLE relations (
    kind TEXT NOT NULL, source_id TEXT NOT NULL, target_id TEXT, target_title TEXT NOT NULL,
    locator TEXT, note TEXT NOT NULL
);
"""


def write_catalogue(path: Path, documents: Iterable[Document], segments: Iterable[Segment]) -> None:
    """Write a complete catalogue to a new file at ``path`` (which must not exist yet)."""
    con = sqlite3.connect(path)
    try:
        con.executescript(SCHEMA)
        for order, doc in enumerate(documents):
            con.execute(
                "INSERT INTO documents VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                (
                    doc.id,
                    doc.title,
                    doc.doc_number,
                    doc.issuer,
                    doc.date,
                    str(doc.kind),
                    str(doc.status),
                    int(doc.provisional),
                    doc.parent_id,
                    doc.source.file,
                    doc.source.line_start,
                    doc.source.line_end,
                    doc.n_segments,
                    order,
                    doc.effective_date,
                    doc.expired_date,
                ),
            )
            for rel in doc.relations:
                con.execute(
                    "INSERT INTO relations VALUES (?,?,?,?,?,?)",
                    (str(rel.kind), rel.source_id, rel.target_id, rel.target_title, rel.locator, rel.note),
                )
        con.executemany(
            "INSERT INTO segments VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
            (
                (
                    s.id,
                    s.doc_id,
                    s.locator,
                    json.dumps(s.heading_path, ensure_ascii=False),
                    s.text,
                    s.source.file,
                    s.source.line_start,
                    s.source.line_end,
                    s.parent_id,
                    s.level,
                    s.order,
                    json.dumps(s.children),
                    json.dumps(s.line_map),
                )
                for s in segments
            ),
        )
        con.commit()
    finally:
        con.close()


class Catalogue:
    """Read-only, in-memory view of one catalogue file."""

    def __init__(self, documents: list[Document], segments: list[Segment]) -> None:
        self._documents = {d.id: d for d in documents}
        self._segments = {s.id: s for s in segments}
        self._by_doc: dict[str, list[Segment]] = {}
        for seg in sorted(segments, key=lambda s: (s.doc_id, s.order)):
            self._by_doc.setdefault(seg.doc_id, []).append(seg)

    @classmethod
    def load(cls, path: Path) -> Catalogue:
        if not path.is_file():
            raise IndexMissing(f"目录文件不存在：{path}，请先运行 policydesk build")
        try:
            con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
            try:
                return cls._read(con)
            finally:
                con.close()
        except sqlite3.DatabaseError as exc:
            raise IndexMissing(f"目录文件已损坏（{exc}），请运行 policydesk build --force 重建") from exc

    @classmethod
    def _read(cls, con: sqlite3.Connection) -> Catalogue:
        relations: dict[str, list[Relation]] = {}
        for kind, source_id, target_id, target_title, locator, note in con.execute(
            "SELECT kind, source_id, target_id, target_title, locator, note FROM relations"
        ):
            relations.setdefault(source_id, []).append(
                Relation(RelationKind(kind), source_id, target_id, target_title, locator, note)
            )
        columns = {info[1] for info in con.execute("PRAGMA table_info(documents)")}
        dated = "effective_date" in columns  # catalogues written before issue 11 have no date columns
        con.row_factory = sqlite3.Row
        documents = [
            Document(
                id=row["id"],
                title=row["title"],
                doc_number=row["doc_number"],
                issuer=row["issuer"],
                date=row["date"],
                kind=DocKind(row["kind"]),
                status=DocStatus(row["status"]),
                provisional=bool(row["provisional"]),
                parent_id=row["parent_id"],
                source=SourceSpan(row["source_file"], row["line_start"], row["line_end"]),
                relations=tuple(relations.get(row["id"], ())),
                n_segments=row["n_segments"],
                effective_date=row["effective_date"] if dated else None,
                expired_date=row["expired_date"] if dated else None,
            )
            for row in con.execute("SELECT * FROM documents ORDER BY ord")
        ]
        con.row_factory = None
        segments = [
            Segment(
                id=row[0],
                doc_id=row[1],
                locator=row[2],
                heading_path=tuple(json.loads(row[3])),
                text=row[4],
                source=SourceSpan(row[5], row[6], row[7]),
                parent_id=row[8],
                level=row[9],
                order=row[10],
                children=tuple(json.loads(row[11])),
                line_map=tuple(tuple(pair) for pair in json.loads(row[12])),
            )
            for row in con.execute("SELECT * FROM segments ORDER BY doc_id, ord")
        ]
        return cls(documents, segments)

    # -- documents -------------------------------------------------------------------------------
    def documents(self) -> list[Document]:
        return list(self._documents.values())

    def document(self, doc_id: str) -> Document:
        try:
            return self._documents[doc_id]
        except KeyError:
            raise DocumentNotFound(f"没有编号为 {doc_id} 的文件") from None

    def in_force_on(self, day: date) -> frozenset[str]:
        """Ids of the documents in force on ``day``: effective ≤ day < expired.

        Unknown dates are read generously, so a text is never hidden for lack of a date: with no
        ``effective_date`` the text's own ``date`` (成文/公布) is its start, with neither the first day of
        its 文号's year (a text numbered 〔2008〕 was not issued before 2008), and with none of these it
        counts as in force from the start; with no ``expired_date`` it stays in force, except that a text marked
        superseded whose successor gives no date is out of force on every day. A notice's issued texts
        and attachments follow their own dates. Non-normative texts (news, summaries, letters) have no
        force: they are kept for any day on or after their date, so they stay searchable as of then.
        """
        wanted = day.isoformat()
        out = []
        for doc in self._documents.values():
            start = doc.effective_date or doc.date or _numbered_year_start(doc.doc_number)
            if start and start > wanted:
                continue
            if doc.expired_date:
                if wanted >= doc.expired_date:
                    continue
            elif doc.status is DocStatus.SUPERSEDED and doc.superseded_by is not None:
                continue
            out.append(doc.id)
        return frozenset(out)

    def editions_of(self, doc_id: str) -> list[Document]:
        """The other catalogued editions of a document (linked by supersedes / superseded_by), oldest first."""
        seen = {doc_id}
        queue = [doc_id]
        while queue:
            doc = self.document(queue.pop())
            for rel in doc.relations:
                linked = rel.kind in (RelationKind.SUPERSEDES, RelationKind.SUPERSEDED_BY)
                if linked and rel.target_id and rel.target_id not in seen and rel.target_id in self._documents:
                    seen.add(rel.target_id)
                    queue.append(rel.target_id)
        seen.discard(doc_id)
        return sorted((self._documents[i] for i in seen), key=lambda d: (d.date or "", d.id))

    def children_of(self, doc_id: str) -> list[Document]:
        return [d for d in self._documents.values() if d.parent_id == doc_id]

    def find_documents(self, ref: str) -> list[Document]:
        """Documents a reference names: an id, a 文号 (all documents it issued), or a title
        (exact first, then unique containment), with or without 《》."""
        ref_norm = normalise_text(ref).strip("《》<>")
        if not ref_norm:
            return []
        if ref_norm in self._documents:
            return [self._documents[ref_norm]]
        wanted = docnumber.key(ref_norm) or ref_norm  # with or without the state's name (中华人民共和国国务院令)
        by_number = [
            d
            for d in self._documents.values()
            if d.doc_number and wanted in (normalise_text(d.doc_number), docnumber.key(d.doc_number))
        ]
        if by_number:
            return by_number
        exact = [d for d in self._documents.values() if normalise_text(d.title) == ref_norm]
        if exact:
            return exact
        return [d for d in self._documents.values() if ref_norm in normalise_text(d.title)]

    # -- segments --------------------------------------------------------------------------------
    def segments(self, doc_id: str | None = None) -> list[Segment]:
        if doc_id is None:
            return [s for segs in self._by_doc.values() for s in segs]
        return list(self._by_doc.get(doc_id, []))

    def segment(self, seg_id: str) -> Segment:
        try:
            return self._segments[seg_id]
        except KeyError:
            raise ArticleNotFound(f"没有编号为 {seg_id} 的条款") from None

    def segment_at(self, doc_id: str, locator: str) -> Segment | None:
        """The segment with exactly this canonical locator in one document."""
        for candidate in locator_variants(locator):
            for seg in self._by_doc.get(doc_id, []):
                if seg.locator == candidate:
                    return seg
        return None

    def lookup(self, doc_ref: str, locator: str) -> Segment:
        """Exact citation lookup: "云职创〔2019〕3号" + "第18条" → the segment.

        A 文号 that issued several documents resolves to the one that has the article; when
        several have it, the notice's children win over the notice itself, and a remaining tie is
        reported with the candidates.
        """
        try:
            wanted = canonical_locator(locator)
        except ValueError as exc:  # no article can have this address: "not found", like any other miss
            raise ArticleNotFound(str(exc)) from None
        docs = self.find_documents(doc_ref)
        if not docs:
            raise DocumentNotFound(f"未找到文件：{doc_ref}")
        hits = [(doc, seg) for doc in docs if (seg := self.segment_at(doc.id, wanted)) is not None]
        if not hits:
            names = "、".join(f"《{d.title}》" for d in docs[:5])
            raise ArticleNotFound(f"{names}中没有 {wanted}")
        if len(hits) > 1:
            issued = [h for h in hits if h[0].parent_id is not None]
            hits = issued or hits
        if len(hits) > 1:
            raise AmbiguousCitation(
                f"{doc_ref} {wanted} 对应多份文件，请指明文件标题",
                candidates=[{"doc_id": d.id, "doc_title": d.title, "locator": s.locator} for d, s in hits],
            )
        return hits[0][1]

    def descendants(self, seg: Segment) -> list[Segment]:
        out: list[Segment] = []
        for child_id in seg.children:
            child = self._segments[child_id]
            out.append(child)
            out.extend(self.descendants(child))
        return sorted(out, key=lambda s: s.order)

    def iter_pairs(self) -> Iterator[tuple[Document, Segment]]:
        for doc in self._documents.values():
            for seg in self._by_doc.get(doc.id, []):
                yield doc, seg


def _numbered_year_start(number: str | None) -> str | None:
    """The first day of the year a 文号 names ("劳社部发〔2008〕3号" → 2008-01-01), or None (a 令号 has no year)."""
    parsed = docnumber.parse(number) if number else None
    return None if parsed is None or parsed.year is None else f"{parsed.year:04d}-01-01"
