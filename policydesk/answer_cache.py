"""Answers already given, reused for the same question on the same corpus.

An answer is a pure function of the generation (catalogue + index), the question without its
framing and, once answers can be asked "as of" a date, that date: those three are the key, so an
answer can never outlive the corpus it was drawn from. When a new generation starts serving, the
answers of the old one are dropped at once rather than left to age out of the LRU.

What the caller receives is its own copy: a caller that edits an answer (adds a field, trims a list)
cannot change what the next caller is given.
"""

from __future__ import annotations

import copy
import threading
from collections.abc import Callable, Hashable
from datetime import date
from typing import TypeVar

from core.profile import Profile
from indexer.query_cache import LruCache, question_key

T = TypeVar("T")


class AnswerCache:
    def __init__(self, size: int) -> None:
        self.answers: LruCache[tuple[str, str, date | None], object] = LruCache(size)
        self._generation: Hashable | None = None
        self._lock = threading.Lock()

    def get_or_compute(
        self,
        generation: str,
        question: str,
        compute: Callable[[], T],
        as_of: date | None = None,
        profile: Profile | None = None,
    ) -> T:
        """The answer for ``question`` on ``generation``: remembered, or ``compute()``d and remembered."""
        if self.answers.size == 0:
            return compute()
        self._serving(generation)
        key = (generation, question_key(question, profile), as_of)
        cached = self.answers.get(key)
        if cached is not None:
            return copy.deepcopy(cached)  # type: ignore[return-value]
        answer = compute()
        self.answers.put(key, copy.deepcopy(answer))
        return answer

    def _serving(self, generation: str) -> None:
        """Forget every answer when another generation serves (they are keyed by theirs, so a request
        still running on the previous snapshot can store one, never be given one across generations)."""
        with self._lock:
            if generation != self._generation:
                self._generation = generation
                self.answers.clear()
