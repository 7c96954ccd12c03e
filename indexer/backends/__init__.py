"""Retrieval backends: where the per-unit lexical and dense scores of a query come from.

The Retriever groups, ranks (the learned ranker) and cites; a backend only scores. The default backend is
the embedded one (bm25s + the unit vectors in memory). ``POLICYDESK_STORE=milvus://…`` publishes
each generation's units to Milvus at build time and scores queries there (Milvus's own BM25 with
its jieba analyzer, and its vector search), so the same code runs embedded (milvus-lite) or
against a cluster. pymilvus is imported only when Milvus is selected.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

import numpy as np

from core.errors import IndexMissing, InvalidInput
from indexer.backends.local import LocalBackend
from indexer.index import SearchIndex

STORE_FILE = "store.json"  # in a generation's index/: which external store holds its units
_LOCAL = frozenset({"", "local"})
_SCHEMES = ("milvus://",)

__all__ = [
    "STORE_FILE",
    "LocalBackend",
    "RetrievalBackend",
    "StoreConfig",
    "open_backend",
    "parse_store",
    "publish_store",
]


class RetrievalBackend(Protocol):
    """Scores every unit of one generation (array position = ``Unit.id``)."""

    name: str

    def lexical_scores(self, query: str, tokens: Sequence[str]) -> np.ndarray:
        """Raw BM25 score per unit, 0 where the query shares no term. ``tokens`` is the query as the
        index's Tokeniser cuts it; a backend with its own analyzer reads ``query`` instead."""
        ...

    def dense_scores(self, vector: np.ndarray, depth: int) -> np.ndarray:
        """Inner product with each unit vector; exact for the ``depth`` most similar units, and no
        higher than the ``depth``-th value for the rest."""
        ...

    def close(self) -> None: ...


@dataclass(frozen=True, slots=True)
class StoreConfig:
    kind: str  # "local" or "milvus"
    uri: str = ""  # milvus: a local .db file (milvus-lite) or an http(s) address (a cluster)
    token: str = ""  # milvus cluster credentials ("user:password" or an API key); never written to disk

    @property
    def embedded(self) -> bool:
        return self.kind == "milvus" and not self.uri.startswith(("http://", "https://"))


def parse_store(store: str) -> StoreConfig:
    """'local' → the embedded index; 'milvus:///abs/path.db' → milvus-lite at that file;
    'milvus://http://host:19530' or 'milvus://host:19530' → a Milvus cluster."""
    value = store.strip()
    if value.lower() in _LOCAL:
        return StoreConfig("local")
    if not value.lower().startswith("milvus://"):
        raise InvalidInput(f"POLICYDESK_STORE 无法识别：{store!r}；可用 local 或 {' '.join(_SCHEMES)}URI")
    rest = value[len("milvus://") :]
    if not rest:
        raise InvalidInput("POLICYDESK_STORE=milvus:// 缺少地址：如 milvus:///路径/milvus.db 或 milvus://host:19530")
    if rest.startswith(("/", "./", "../", "~")) or rest.endswith(".db"):
        return StoreConfig("milvus", str(Path(rest).expanduser().resolve()))
    if not rest.startswith(("http://", "https://")):
        rest = f"http://{rest}"
    scheme, _, address = rest.partition("://")
    credentials, at, host = address.rpartition("@")
    return StoreConfig("milvus", f"{scheme}://{host if at else address}", credentials if at else "")


def publish_store(store: str, generation: Path) -> dict | None:
    """At build time, after the index is saved in ``generation``: copy its units into the configured
    store and record where (``index/store.json``). A no-op for the local store."""
    config = parse_store(store)
    if config.kind == "local":
        return None
    from indexer.backends.milvus import publish

    record = publish(config, generation)
    (generation / "index" / STORE_FILE).write_text(json.dumps(record, ensure_ascii=False), encoding="utf-8")
    return record


def open_backend(store: str, generation: Path, index: SearchIndex) -> RetrievalBackend:
    """The backend the configured store names, over the generation's published units."""
    config = parse_store(store)
    if config.kind == "local":
        return LocalBackend(index.bm25, index.vectors)
    try:
        record = json.loads((generation / "index" / STORE_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        raise IndexMissing(f"当前索引未发布到 {store}（构建时未选用该存储），请运行 policydesk build --force") from None
    from indexer.backends.milvus import MilvusBackend

    return MilvusBackend.open(config, record, n_units=len(index.units))
