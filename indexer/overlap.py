"""Phrase overlap: character bigrams of a question weighed by their rarity over the retrieval units.

BM25 on jieba words misses colloquial rewording ("截止时间" vs "前"); character bigrams weighted by
their rarity catch shared phrases. The ranker (indexer/features.py) and the answer's sentence scoring
(indexer/answer.py) read the share of a question's bigram weight a text holds.
"""

from __future__ import annotations

import functools
import math
import re
from collections import Counter
from collections.abc import Iterable

from indexer.tokenise import fold_counted_numerals

_CJK_RUN = re.compile(r"[\u4e00-\u9fff0-9]{2,}")


def bigrams(text: str) -> set[str]:
    """Character bigrams of CJK runs, digits included (第1名 → 第1, 1名), numerals folded."""
    grams: set[str] = set()
    for run in _CJK_RUN.findall(fold_counted_numerals(text)):
        grams.update(run[i : i + 2] for i in range(len(run) - 1))
    return grams


class BigramIdf:
    """Inverse document frequency of character bigrams over the retrieval units."""

    def __init__(self, texts: Iterable[str]) -> None:
        counts: Counter[str] = Counter()
        n = 0
        for text in texts:
            counts.update(bigrams(text))
            n += 1
        self.n = max(n, 1)
        self._df = counts

    def idf(self, gram: str) -> float:
        return math.log(1 + self.n / (1 + self._df.get(gram, 0)))

    def weigh(self, grams: set[str]) -> WeightedGrams:
        return WeightedGrams({g: self.idf(g) for g in grams})


class WeightedGrams:
    """A question's bigrams with their idf, weighed once and matched against many texts."""

    def __init__(self, weights: dict[str, float]) -> None:
        self._weights = weights
        self._total = sum(weights.values())

    @property
    def weights(self) -> dict[str, float]:
        """Each bigram's idf, in the order ``share`` adds them (indexer/features.py adds them the same way)."""
        return self._weights

    def within(self, grams: frozenset[str]) -> WeightedGrams:
        """The part of the question these bigrams make up (its asking clause), weighed the same."""
        return WeightedGrams({g: w for g, w in self._weights.items() if g in grams})

    @property
    def total(self) -> float:
        return self._total

    def share(self, text: str) -> float:
        """Share of the question's bigram weight that the text contains (0…1)."""
        return self._held(_text_bigrams(text))

    def share_together(self, texts: Iterable[str]) -> float:
        """Share of the question's bigram weight that the texts hold between them: what none holds is
        what the best evidence leaves unsaid."""
        return self._held(frozenset().union(*(_text_bigrams(t) for t in texts)))

    def _held(self, have: frozenset[str]) -> float:
        if not self._total:
            return 0.0
        held = 0.0
        for gram, weight in self._weights.items():  # one after another, as indexer/features.py adds them
            if gram in have:
                held += weight
        return held / self._total

    def share_beyond(self, text: str, known: str) -> float:
        """Share of the weight of the question's bigrams that ``known`` lacks which the text contains.

        A question names its document (its title) and then what it asks of it; provisions of that
        document all match the first part, so what tells them apart is how much of the rest they hold.
        """
        skip = _text_bigrams(known)
        rest = {g: w for g, w in self._weights.items() if g not in skip}
        total = sum(rest.values())
        if not total:
            return 0.0
        have = _text_bigrams(text)
        return sum(w for g, w in rest.items() if g in have) / total


@functools.lru_cache(maxsize=20_000)
def _text_bigrams(text: str) -> frozenset[str]:
    """Unit texts recur across queries: their bigrams are computed once."""
    return frozenset(bigrams(text))
