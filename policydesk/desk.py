"""The one facade the CLI and the API share: every user-facing operation, returning the records of
``policydesk/records.py`` that both print as JSON. It holds the current snapshot (catalogue + index)
and swaps it atomically when a new build lands, so a request sees either the old corpus or the new
one, never a mix."""

from __future__ import annotations

import re
import shutil
import threading
import time
import unicodedata
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from threadpoolctl import threadpool_limits

from core.dates import parse_as_of
from core.errors import AmbiguousCitation, DocumentNotFound, InvalidInput, PolicyDeskError, TooLarge, UnreadableFile
from core.text import title_key
from corpus import Catalogue
from corpus.diff import articles, diff_articles
from corpus.duplicates import HeldTexts
from corpus.model import INSTRUMENT_KINDS
from corpus.model import Document as CatalogueDocument
from corpus.read import SUPPORTED_SUFFIXES, read_lines
from corpus.verify import SourceCheck
from indexer.answer import Answer as FoundAnswer
from indexer.answer import ask as answer_question
from indexer.batching import InFlight
from indexer.embed import EMBEDDING_CACHE_FILE, Embedder, load_embedder
from indexer.govern import govern as rank_regulations
from indexer.query_cache import serving_embedder
from indexer.units import whole_provision
from policydesk import convert
from policydesk.answer_cache import AnswerCache
from policydesk.build import BuildReport, build, pipeline_code_hash, source_paths
from policydesk.config import MAX_SEARCH_K, Settings
from policydesk.generations import CATALOGUE_FILE, DataDir
from policydesk.records import (
    AddResult,
    Answer,
    CorpusRef,
    DiffResult,
    Document,
    DocumentDetail,
    ExportRow,
    GenerationPreview,
    GovernResult,
    Health,
    HealthUnavailable,
    Provision,
    RuleDescription,
    RuleOutput,
    SearchResult,
)
from policydesk.snapshot import Snapshot
from policydesk.text_keys import GenerationKeys
from policydesk.verified import checked

if TYPE_CHECKING:
    from generators import GeneratedDocx

REFRESH_SECONDS = 0.5  # how often a request may look for a newer generation
MAX_FILENAME_CHARS = 120
_INVISIBLE = re.compile(r"[\u200b-\u200f\u202a-\u202e\u2060-\u2064\ufeff]")  # zero-width and direction marks
_FILENAME_OK = re.compile(r"^[\w\u3400-\u9fff（）()《》〔〕【】\-—·.、 ]+$")


class Desk:
    def __init__(self, settings: Settings, embedder: Embedder | None = None) -> None:
        # One BLAS thread: scoring ~1k unit vectors is a small product that extra BLAS threads only slow
        # down, and under load they fight the embedder's OpenMP threads for the two cores.
        threadpool_limits(limits=1, user_api="blas")
        self.settings = settings
        self.data = DataDir(settings.home)
        self._in_flight = InFlight()  # requests being served: a lone one's embedding may use every core
        self._embedder = _serving(embedder, settings, self._in_flight)
        self._embedder_loaded = embedder is not None
        self._snapshot: Snapshot | None = None
        self._checked = 0.0
        self._lock = threading.Lock()
        self._source_check: tuple[Path, SourceCheck] | None = None
        self._answers = AnswerCache(settings.answer_cache_size, own=_own_answer)

    # -- snapshot --------------------------------------------------------------------------------
    @property
    def embedder(self) -> Embedder | None:
        if not self._embedder_loaded:
            with self._lock:
                if not self._embedder_loaded:
                    model = load_embedder(self.settings.embed_model)
                    self._embedder = _serving(model, self.settings, self._in_flight)
                    self._embedder_loaded = True
        return self._embedder

    def snapshot(self) -> Snapshot:
        """The serving snapshot, replaced as a whole when CURRENT names a newer generation."""
        now = time.monotonic()
        current = self._snapshot
        if current is not None and now - self._checked < REFRESH_SECONDS:
            return current
        self._checked = now
        generation = self.data.current()
        if current is not None and generation == current.generation:
            return current
        embedder = self.embedder
        with self._lock:
            if self._snapshot is None or self._snapshot.generation != self.data.current():
                s = self.settings
                self._snapshot = Snapshot.load(self.data, embedder, s.store, s.profile, s.cascade)
            return self._snapshot

    def ensure_built(self, progress: bool = True) -> BuildReport:
        """Build when the data directory has no catalogue, or one built from other inputs."""
        report = build(self.settings, progress=progress, wait_seconds=600)
        self.rule_warnings()
        return report

    def rebuild(self, force: bool = False, progress: bool | None = None) -> BuildReport:
        report = build(self.settings, force=force, progress=progress)
        self._checked = 0.0
        self.rule_warnings()
        return report

    def rule_warnings(self) -> list[str]:
        """Rule citations that do not resolve in the current generation, as recorded beside its manifest
        (checked and recorded on first use). Never raises for a missing build: there is nothing to check."""
        from policydesk.rule_check import rule_warnings

        generation = self.data.current()
        if generation is None:
            return []
        snap = self._snapshot

        def catalogue() -> Catalogue:
            if snap is not None and snap.generation == generation:
                return snap.catalogue
            return Catalogue.load(generation / CATALOGUE_FILE)

        try:
            return rule_warnings(generation, catalogue)
        except PolicyDeskError:  # a damaged catalogue: the build or the next request reports it
            return []

    def verify_rules(self) -> list[str]:
        """Check every rule citation against the serving catalogue now (`policydesk rules verify`)."""
        from policydesk.rule_check import check_rules, record_warnings

        snap = self.snapshot()
        problems = check_rules(snap.catalogue)
        record_warnings(snap.generation, problems)
        return problems

    # -- corpus ----------------------------------------------------------------------------------
    def documents(self) -> list[Document]:
        return [convert.document(d) for d in self.snapshot().catalogue.documents()]

    def document(self, doc_id: str) -> DocumentDetail:
        catalogue = self.snapshot().catalogue
        doc = catalogue.document(doc_id)
        return convert.document_detail(doc, catalogue.segments(doc.id), catalogue.children_of(doc.id))

    def lookup(self, doc: str, article: str) -> Provision:
        doc, article = (self._checked_text(v, name) for v, name in ((doc, "doc"), (article, "article")))
        snap = self.snapshot()
        seg = snap.catalogue.lookup(doc, article)
        document = snap.catalogue.document(seg.doc_id)
        whole = whole_provision(document, seg, snap.catalogue)  # an article with its 项 and 目
        return convert.provision(document, seg, whole)

    def diff(self, old: str, new: str) -> DiffResult:
        """Two editions aligned article by article. OLD and NEW are ids or titles (with or without 《》);
        a title that names several editions means its oldest for OLD and its newest for NEW, so
        ``diff 工伤认定办法 工伤认定办法`` compares the first and the latest."""
        catalogue = self.snapshot().catalogue
        old_doc = _edition(catalogue, old, newest=False)
        new_doc = _edition(catalogue, new, newest=True)
        if old_doc.id == new_doc.id:
            raise InvalidInput(f"《{old_doc.title}》只有一个版本，请给出两份不同的文件", old=old, new=new)
        changes = diff_articles(articles(catalogue, old_doc.id), articles(catalogue, new_doc.id))
        return convert.diff(old_doc, new_doc, changes)

    def export(self) -> list[ExportRow]:
        return [convert.export_row(doc, seg) for doc, seg in self.snapshot().catalogue.iter_pairs()]

    def add_files(self, paths: list[Path]) -> AddResult:
        """Copy policy files into the data directory's corpus and rebuild. A file identical to one
        already there changes nothing; a bad file is rejected and nothing else changes."""
        self.data.prepare()
        known = {p.name: p for p in source_paths(self.data)}
        hashes = {name: _sha256(p) for name, p in known.items()}
        known_hashes = set(hashes.values())
        # what they say: the keys the serving generation records, a file read only if it has none
        held = HeldTexts(known, GenerationKeys(self.data.current(), hashes, pipeline_code_hash()))
        staged: list[tuple[Path, Path]] = []
        unchanged: list[str] = []
        for path in paths:
            name = safe_filename(path.name)
            try:
                data = path.read_bytes()
            except OSError as exc:
                raise UnreadableFile(f"{path}：无法读取（{exc.strerror}）") from None
            lines = read_lines(Path(name), data)  # rejects unreadable files before anything is stored
            if _sha256_bytes(data) in known_hashes:
                unchanged.append(name)
                continue
            if name in known:
                raise InvalidInput(f"已存在同名而内容不同的文件：{name}，请改名后再添加")
            held.refuse_same(name, lines)  # the same text in another encoding or format
            staged.append((path, self.data.added / name))
        if not staged:
            return AddResult(added=[], unchanged=unchanged, documents=[])
        before = {d.id for d in self.documents()} if self.data.current() else set()
        copied: list[Path] = []
        try:
            for source, target in staged:
                tmp = target.with_name(f".{target.name}.part")
                shutil.copyfile(source, tmp)
                tmp.replace(target)
                copied.append(target)
            self.rebuild()
        except BaseException:
            for target in copied:
                target.unlink(missing_ok=True)
            raise
        new_docs = [d for d in self.documents() if d.id not in before]
        return AddResult(
            added=[t.name for _, t in staged],
            unchanged=unchanged,
            documents=[convert.added_document(d) for d in new_docs],
        )

    def beside(self, files: list[Path], home: Path) -> Desk:
        """A Desk over a copy of this data directory with ``files`` added, the way a user adds texts
        beside the corpus (``policydesk eval`` on a folder with its own corpus). The embedding cache is
        shared, not copied: only texts never embedded before are embedded. This data directory is only
        read (built first only when nothing is built yet): a build made by other code or settings is
        rebuilt in the copy, never in place."""
        if self.data.current() is None:
            self.ensure_built(progress=False)
        shutil.copytree(self.data.root, home, symlinks=True, ignore=shutil.ignore_patterns("*.lock", "uploads"))
        cache = DataDir(home).cache / EMBEDDING_CACHE_FILE
        if cache.exists() and not cache.is_symlink():
            cache.unlink()
            cache.symlink_to((self.data.cache / EMBEDDING_CACHE_FILE).resolve())
        other = Desk(self.settings.model_copy(update={"home": home}), embedder=self.embedder)
        other.add_files(files)
        other.ensure_built(progress=False)  # files all held already: the copy may still be stale
        return other

    def add_upload(self, filename: str, data: bytes) -> AddResult:
        if len(data) > self.settings.max_upload_bytes:
            raise TooLarge(f"文件超过 {self.settings.max_upload_bytes // (1024 * 1024)} MB 上限")
        name = safe_filename(filename)
        read_lines(Path(name), data)
        self.data.prepare()
        inbox = self.data.root / "uploads"
        inbox.mkdir(exist_ok=True)
        staged = inbox / f"{time.monotonic_ns()}-{name}"
        try:
            staged.write_bytes(data)
            renamed = staged.with_name(name) if not (inbox / name).exists() else staged
            if renamed != staged:
                staged.replace(renamed)
            return self.add_files([renamed])
        finally:
            for leftover in inbox.iterdir():
                leftover.unlink(missing_ok=True)

    # -- retrieval -------------------------------------------------------------------------------
    def search(self, query: str, k: int = 10, as_of: date | str | None = None) -> SearchResult:
        query = self._checked_text(query, "query")
        if not 1 <= k <= MAX_SEARCH_K:
            raise InvalidInput(f"k 须在 1 到 {MAX_SEARCH_K} 之间")
        day = parse_as_of(as_of)
        snap = self.snapshot()
        with self._in_flight:
            hits = snap.retriever.search(query, k=k, as_of=day)
        return SearchResult(hits=[convert.hit(h) for h in hits], corpus=self.corpus(snap, day))

    def ask(self, question: str, as_of: date | str | None = None) -> Answer:
        question = self._checked_text(question, "question")
        day = parse_as_of(as_of)
        snap = self.snapshot()
        with self._in_flight:
            found = self._answers.get_or_compute(
                snap.generation.name,
                question,
                lambda: answer_question(question, snap.retriever, as_of=day),
                as_of=day,
                profile=snap.retriever.profile,
            )
        answer = checked(found, self.source_check(snap))  # checked each time: a source file may change
        if self.settings.llm_base_url:
            from indexer.phrase import phrase

            s = self.settings
            answer = phrase(question, answer, s.llm_base_url, s.llm_api_key, s.llm_model)
        return convert.answer(answer, question, self.corpus(snap, day), snap.retriever.profile)

    def govern(self, case: str, as_of: date | str | None = None) -> GovernResult:
        case = self._checked_text(case, "case")
        day = parse_as_of(as_of)
        snap = self.snapshot()
        with self._in_flight:
            ranked = rank_regulations(case, snap.retriever, as_of=day)
        regulations = [convert.regulation(r) for r in ranked]
        from rules import consequences_for_case

        consequences = [convert.rule_output(c) for c in consequences_for_case(case)]
        return GovernResult(regulations=regulations, consequences=consequences, corpus=self.corpus(snap, day))

    def corpus(self, snap: Snapshot, as_of: date | None = None) -> CorpusRef:
        """The generation a response came from (and the date it was asked as of, when one was given)."""
        when = as_of.isoformat() if as_of else None
        return CorpusRef(generation=snap.generation.name, built_at=snap.manifest.get("built_at"), as_of=when)

    def source_check(self, snap: Snapshot) -> SourceCheck:
        """One checker per generation: each original file is read and cleaned once, again only if it changes."""
        current = self._source_check
        if current is None or current[0] != snap.generation:
            paths = {p.name: p for p in source_paths(self.data)}
            current = (snap.generation, SourceCheck(paths.get))
            self._source_check = current
        return current[1]

    def _checked_text(self, text: str, field: str) -> str:
        if not isinstance(text, str):
            raise InvalidInput(f"{field} 必须是文本")
        if any(unicodedata.category(ch) == "Cc" and ch not in "\n\r\t" for ch in text):
            raise InvalidInput(f"{field} 含有控制字符")
        cleaned = _INVISIBLE.sub("", text).strip()
        if not cleaned:
            raise InvalidInput(f"{field} 不能为空")
        if len(cleaned) > self.settings.max_question_chars:
            raise TooLarge(f"{field} 超过 {self.settings.max_question_chars} 字的上限")
        return cleaned

    # -- rules and generators --------------------------------------------------------------------
    def rules(self) -> list[RuleDescription]:
        from rules import list_rules

        return [convert.rule_description(rule) for rule in list_rules()]

    def evaluate_rule(self, rule_id: str, inputs: dict[str, Any]) -> RuleOutput:
        from rules import evaluate_rule

        return convert.rule_output(evaluate_rule(rule_id, inputs))

    def generate(self, kind: str, payload: dict[str, Any]) -> GeneratedDocx:
        """The .docx itself (bytes to download); ``preview`` is the same generation as a record."""
        from generators import generate

        return generate(kind, payload)

    def preview(self, kind: str, payload: dict[str, Any]) -> GenerationPreview:
        return convert.generation_preview(self.generate(kind, payload))

    def generator_schema(self, kind: str) -> dict[str, Any]:
        from generators import input_schema

        return input_schema(kind)

    # -- service ---------------------------------------------------------------------------------
    def health(self) -> Health | HealthUnavailable:
        try:
            snap = self.snapshot()
        except PolicyDeskError as exc:
            return HealthUnavailable(status="unavailable", detail=exc.message)
        return Health(
            status="ok",
            generation=snap.generation.name,
            documents=len(snap.catalogue.documents()),
            segments=snap.manifest.get("segments"),
            units=len(snap.index.units),
            dense=snap.index.dense,
            embed_model=snap.index.embed_model,
            rule_warnings=self.rule_warnings(),
        )


def _serving(embedder: Embedder | None, settings: Settings, in_flight: InFlight) -> Embedder | None:
    """The loaded model behind the query-vector cache and the micro-batcher the settings ask for."""
    return serving_embedder(
        embedder,
        batching=settings.embed_batching,
        max_batch=settings.embed_batch_max,
        max_wait_ms=settings.embed_batch_wait_ms,
        cache_size=settings.query_cache_size,
        in_flight=in_flight,
    )


def _own_answer(answer: FoundAnswer) -> FoundAnswer:
    """A remembered answer as a caller's own: its lists copied, their items shared. Citations, hits and
    edition notes are frozen records, and what a hit points to (document, segment, unit) is the
    snapshot's own, shared by every request anyway; a deep copy cost ~0.3 ms per question."""
    return replace(
        answer, citations=list(answer.citations), related=list(answer.related), superseded=list(answer.superseded)
    )


def _edition(catalogue: Catalogue, ref: str, newest: bool) -> CatalogueDocument:
    docs = [d for d in catalogue.find_documents(ref) if d.kind not in INSTRUMENT_KINDS]
    if not docs:
        raise DocumentNotFound(f"未找到文件：{ref}")
    titles = {title_key(d.title) for d in docs}
    if len(titles) > 1:
        raise AmbiguousCitation(
            f"“{ref}”对应多份不同标题的文件，请给出文件编号或完整标题",
            candidates=[{"doc_id": d.id, "doc_title": d.title} for d in docs[:10]],
        )
    ordered = sorted(docs, key=lambda d: (d.date or "", d.id))
    return ordered[-1] if newest else ordered[0]


def safe_filename(name: str) -> str:
    """A policy file's name as stored: no directories, no control characters, a known suffix."""
    if "/" in name or "\\" in name or "\x00" in name:
        raise InvalidInput(f"文件名不能包含路径：{name!r}")
    base = unicodedata.normalize("NFC", name).strip()
    if not base or base in {".", ".."} or base.startswith("."):
        raise InvalidInput(f"文件名无效：{name!r}")
    if len(base) > MAX_FILENAME_CHARS or not _FILENAME_OK.match(base):
        raise InvalidInput(f"文件名含有不允许的字符或过长：{name!r}")
    if Path(base).suffix.lower() not in SUPPORTED_SUFFIXES:
        raise UnreadableFile(f"{base}：不支持的文件类型，支持 {' '.join(SUPPORTED_SUFFIXES)}")
    return base


def _sha256(path: Path) -> str:
    return _sha256_bytes(path.read_bytes())


def _sha256_bytes(data: bytes) -> str:
    import hashlib

    return hashlib.sha256(data).hexdigest()
