"""Building a generation: ingest every source file, write the catalogue, index, and publish atomically.
An unchanged corpus (same files, model and pipeline) is not rebuilt.

A build knows nothing of rules: whether their cited articles still hold is checked against the new
generation afterwards (``policydesk.rule_check``) and reported as a warning, so a new edition of a cited
办法 can never block an upload."""

from __future__ import annotations

import errno
import hashlib
import shutil
import sqlite3
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import core as core_pkg
import corpus as corpus_pkg
from core.errors import BuildError, DataDirError, PolicyDeskError
from core.profile import load_profile
from corpus import Catalogue, SourceFile, ingest, write_catalogue
from corpus.read import SUPPORTED_SUFFIXES
from indexer.backends import publish_store
from indexer.embed import EMBEDDING_CACHE_FILE, EmbeddingCache, load_embedder
from indexer.index import build_index
from policydesk.config import Settings
from policydesk.generations import CATALOGUE_FILE, DataDir, data_dir_message, verify
from policydesk.text_keys import MANIFEST_FIELD, built_record

_DATA_DIR_ERRNOS = {errno.ENOSPC, errno.EROFS, errno.EACCES, errno.EPERM, errno.EDQUOT}
LOW_DISK_BYTES = 32 * 1024 * 1024  # a write that fails with less free space than this failed for want of it
PIPELINE_VERSION = "1"  # bump when cleaning, splitting or indexing changes what a build produces
BUNDLED_CORPUS = Path(corpus_pkg.__file__).parent / "raw"


@dataclass(frozen=True, slots=True)
class BuildReport:
    generation: str
    rebuilt: bool
    documents: int
    segments: int
    units: int
    seconds: float
    embedded: int

    def to_dict(self) -> dict:
        return {k: getattr(self, k) for k in self.__dataclass_fields__}


def source_paths(data: DataDir) -> list[Path]:
    """The bundled seeds, then files staff added, each in name order (stable ids, stable output)."""
    bundled = sorted(p for p in BUNDLED_CORPUS.iterdir() if p.suffix.lower() in SUPPORTED_SUFFIXES)
    added = (
        sorted(p for p in data.added.iterdir() if p.suffix.lower() in SUPPORTED_SUFFIXES) if data.added.is_dir() else []
    )
    return bundled + added


def pipeline_code_hash() -> str:
    """The code that decides what a build produces: a change to it invalidates the last build."""
    import indexer

    digest = hashlib.sha256(PIPELINE_VERSION.encode())
    for package in (Path(p.__file__).parent for p in (core_pkg, corpus_pkg, indexer)):
        for path in sorted(package.glob("*.py")):
            digest.update(path.name.encode() + path.read_bytes())
    return digest.hexdigest()


def fingerprint(sources: list[SourceFile], settings: Settings, code: str | None = None) -> str:
    """``code`` is ``pipeline_code_hash()`` when the caller has it already."""
    digest = hashlib.sha256((code or pipeline_code_hash()).encode())
    digest.update(
        f"{PIPELINE_VERSION}\n{settings.embed_model if settings.dense_enabled else 'none'}\n{settings.store}".encode()
    )
    digest.update(f"\nprofile:{load_profile(settings.profile).fingerprint}".encode())
    for source in sources:
        digest.update(f"\n{source.name}:{source.sha256}".encode())
    return digest.hexdigest()


def build(
    settings: Settings, force: bool = False, progress: bool | None = None, wait_seconds: float = 0.0
) -> BuildReport:
    data = DataDir(settings.home)
    with data.build_lock(wait_seconds=wait_seconds):
        return _build_locked(data, settings, force, sys.stderr.isatty() if progress is None else progress)


def _build_locked(data: DataDir, settings: Settings, force: bool, progress: bool) -> BuildReport:
    started = time.perf_counter()
    sources = [SourceFile.read(p) for p in source_paths(data)]
    print_ = _printer(progress)
    code = pipeline_code_hash()
    stamp = fingerprint(sources, settings, code)
    manifest = _intact_manifest(data)
    if not force and manifest and manifest.get("fingerprint") == stamp:
        return BuildReport(
            data.current().name,
            False,
            manifest["documents"],
            manifest["segments"],  # type: ignore[union-attr]
            manifest["units"],
            time.perf_counter() - started,
            0,
        )
    staging = data.new_generation()
    try:
        built = ingest(sources)
        write_catalogue(staging / CATALOGUE_FILE, built.documents, built.segments)
        catalogue = Catalogue.load(staging / CATALOGUE_FILE)
        embedder = load_embedder(settings.embed_model)
        profile = load_profile(settings.profile)
        cache = EmbeddingCache(data.cache / EMBEDDING_CACHE_FILE) if embedder else None
        try:
            embedded = _index(catalogue, staging, embedder, cache, print_, profile.stopwords)
        finally:
            if cache is not None:
                cache.close()
        publish_store(settings.store, staging)  # POLICYDESK_STORE=milvus://…: units go to Milvus too
        final = data.publish(
            staging,
            {
                "fingerprint": stamp,
                "pipeline": PIPELINE_VERSION,
                "embed_model": embedder.name if embedder else None,
                "profile": profile.describe(),
                "documents": len(built.documents),
                "segments": len(built.segments),
                "units": embedded[0],
                "sources": {s.name: s.sha256 for s in sources},
                MANIFEST_FIELD: built_record(built, code),  # what each file says, for the add's copy check
                "built_at": time.strftime("%Y-%m-%dT%H:%M:%S"),
            },
        )
    except PolicyDeskError:
        data.discard(staging)
        raise
    except (OSError, sqlite3.OperationalError) as exc:
        data.discard(staging)
        if (isinstance(exc, OSError) and exc.errno in _DATA_DIR_ERRNOS) or "full" in str(exc) or "readonly" in str(exc):
            raise DataDirError(data_dir_message(data.root, exc)) from None
        if _disk_nearly_full(data.root):  # numpy and bm25s report a short write without an errno
            raise DataDirError(data_dir_message(data.root, OSError(errno.ENOSPC, "disk full"))) from None
        raise BuildError(f"构建失败：{type(exc).__name__}: {exc}") from exc
    except Exception as exc:
        data.discard(staging)
        raise BuildError(f"构建失败：{type(exc).__name__}: {exc}") from exc
    except BaseException:
        data.discard(staging)
        raise
    return BuildReport(
        final.name,
        True,
        len(built.documents),
        len(built.segments),
        embedded[0],
        time.perf_counter() - started,
        embedded[1],
    )


def _disk_nearly_full(root: Path) -> bool:
    try:
        return shutil.disk_usage(root).free < LOW_DISK_BYTES
    except OSError:
        return False


def _intact_manifest(data: DataDir) -> dict | None:
    """The serving generation's manifest, if every file still matches its checksum."""
    current = data.current()
    if current is None:
        return None
    try:
        return verify(current)
    except PolicyDeskError:
        return None


def _index(catalogue, staging, embedder, cache, print_, stopwords) -> tuple[int, int]:  # type: ignore[no-untyped-def]
    from indexer.units import build_units

    units = build_units(catalogue)
    missing = cache.missing_count(embedder, [u.index_text for u in units]) if cache and embedder else 0
    if missing:
        with print_(missing) as advance:
            index = build_index(catalogue, staging, embedder, cache, progress=advance, stopwords=stopwords)
    else:
        index = build_index(catalogue, staging, embedder, cache, stopwords=stopwords)
    return len(index.units), missing


def _printer(enabled: bool) -> Callable:  # type: ignore[type-arg]
    """A progress bar on a terminal; plain lines every tenth under a log or service manager."""
    import contextlib

    @contextlib.contextmanager
    def progress_bar(total: int):  # type: ignore[no-untyped-def]
        if not enabled:
            yield lambda n: None
            return
        if not sys.stderr.isatty():
            done = [0, 0]

            def advance(n: int) -> None:
                done[0] += n
                tenth = done[0] * 10 // total
                if tenth > done[1]:
                    done[1] = tenth
                    print(f"policydesk: 嵌入检索单元 {done[0]}/{total}", file=sys.stderr, flush=True)

            note = f"policydesk: 需嵌入 {total} 个检索单元（约 {total // 10} 秒）…"
            print(note, file=sys.stderr, flush=True)
            yield advance
            return
        from rich.progress import Progress

        with Progress(transient=True) as bar:
            task = bar.add_task(f"嵌入 {total} 个检索单元", total=total)
            yield lambda n: bar.advance(task, n)

    return progress_bar
