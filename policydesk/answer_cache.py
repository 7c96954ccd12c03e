"""Answers already given, reused for the same question on the same corpus.

An answer is a pure function of the generation (catalogue + index), the question without its
framing and, once answers can be asked "as of" a date, that date: those three are the key, so an
answer can never outlive the corpus it was drawn from. When a new generation starts serving, the
answers of the old one are dropped at once rather than left to age out of the LRU.

What the caller receives is its own copy: a caller that edits an answer (adds a field, trims a list)
cannot change what the next caller is given. How deep that copy must go depends on the value: by
default everything is copied (``copy.deepcopy``); the Desk, whose answers are a mutable record of lists
of frozen records, copies only the lists (``own``), because a deep copy also copied every cited
document, segment and unit the answer points to: ~0.3 ms per question asked, on the way in and
again on the way out (bench/README.md).
"""

from __future__ import annotations

import copy
import threading
from collections.abc import Callable, Hashable
from datetime import date
from typing import Any, TypeVar

from core.profile import Profile
from indexer.query_cache import LruCache, question_key

T = TypeVar("T")


class AnswerCache:
    def __init__(self, size: int, own: Callable[[Any], Any] = copy.deepcopy) -> None:
        """``size`` answers at most (0: none kept); ``own(answer)`` makes the copy a caller may change."""
        self._own = own
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
            return self._own(cached)  # type: ignore[no-any-return]
        answer = compute()
        self.answers.put(key, self._own(answer))
        return answer

    def _serving(self, generation: str) -> None:
        """Forget every answer when another generation serves (they are keyed by theirs, so a request
        still running on the previous snapshot can store one, never be given one across generations)."""
        with self._lock:
            if generation != self._generation:
                self._generation = generation
                self.answers.clear()
