"""Second-stage scoring of the top candidates: phrase overlap and the kind of answer the question asks.

BM25 on jieba words misses colloquial rewording ("截止时间" vs "前"); character bigrams weighted by
their rarity catch shared phrases. And a question that asks 多少钱 is answered by text holding an
amount, one that asks 几天 by a duration: a cheap, general prior that lifts such units.
"""

from __future__ import annotations

import functools
import math
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from enum import StrEnum

from indexer.questions import QUESTION_NOISE
from indexer.tokenise import fold_counted_numerals

# Tunables (chosen on the dev set; see bench/README.md)
BIGRAM_WEIGHT = 0.35
ANSWER_TYPE_WEIGHT = 0.15
LEVEL_WEIGHT = 0.15
RERANK_DEPTH = 40

_LEVELS = (
    ("city", re.compile(r"市级|市里|昆明市|市总工会|全市|县级|区级")),
    ("province", re.compile(r"省级|省里|省总工会|全省|云南省|省赛|省职工")),
    ("nation", re.compile(r"全国|国家级")),
)


def levels(text: str) -> set[str]:
    """Administrative levels a text speaks of: a national rule does not answer a provincial question."""
    return {name for name, pattern in _LEVELS if pattern.search(text)}


_CJK_RUN = re.compile(r"[\u4e00-\u9fff0-9]{2,}")


class AnswerType(StrEnum):
    MONEY = "money"
    TIME = "time"
    RATIO = "ratio"
    QUANTITY = "quantity"
    ORGANISATION = "organisation"  # 哪些企业: answered by a text that names several
    PERMISSION = "permission"  # 还能…吗: answered by a text that permits or forbids
    NONE = "none"


_TYPE_CUES: tuple[tuple[AnswerType, re.Pattern[str]], ...] = (
    (AnswerType.RATIO, re.compile(r"比例|百分之|几成|占比")),
    (
        AnswerType.MONEY,
        re.compile(r"多少钱|奖金|奖励多少|补助多少|多少补助|补贴多少|金额|多少元|经费多少|拿多少|补多少"),
    ),
    (AnswerType.TIME, re.compile(r"多长时间|多久|几天|多少天|期限|截止|什么时候|何时|时限|哪一年|哪年|几月|几号|时间")),
    (AnswerType.ORGANISATION, re.compile(r"哪(些|几个|几家|家|个)[^，。？?]{0,6}(企业|公司|单位)")),
    (
        AnswerType.QUANTITY,  # 哪几个 asks which, not how many
        re.compile(
            r"多少人|几人|多少名|(?<!哪)几名|(?<!哪)几个|多少个|多少家|(?<!哪)几家|几次|多少次|多少份|几份|至少|上限|最多|最少|不少于|多少项|(?<!哪)几项|多少场|几场|门槛|人数|几年|多少年|量化"
        ),
    ),
    (AnswerType.PERMISSION, re.compile(r"(还能|能否|能不能|可否|可不可以|还可以|有没有资格|够格)[^？?]*[吗么？?]")),
)
_TYPE_EVIDENCE: dict[AnswerType, re.Pattern[str]] = {
    AnswerType.MONEY: re.compile(r"\d[\d.,]*\s*(万|千)?元|[\d.—\-～~]+\s*万元"),
    AnswerType.TIME: re.compile(
        r"\d+\s*(个)?(小时|工作日|日|天|个月|月|年)|\d{4}\s*年\s*\d{1,2}\s*月|\d{1,2}月\d{1,2}日"
        r"|[“\"]?(五一|十一|国庆|春节|元旦)[”\"]?(期间|前后?|节)|月底|月初|年底|年初|[上下]半年|[上中下]旬"
    ),
    AnswerType.RATIO: re.compile(r"\d+(\.\d+)?\s*[%％]|百分之|\d\s*[：:∶]\s*\d|[一二三四五六七八九]成"),
    AnswerType.QUANTITY: re.compile(r"\d+(\.\d+)?\s*(%|％|人|名|个|家|次|份|项|场|届)|不少于|不超过|不低于|以上|以下"),
    # one match per named organisation or zone: the legal form (or zone type) that ends its name
    AnswerType.ORGANISATION: re.compile(
        r"(?:有限责任|股份有限|有限)公司|集团(?!有限|股份)|研究院|高新区|经开区|开发区"
    ),
    AnswerType.PERMISSION: re.compile(r"不得|不能|不予|不再|方可|可以|可申报|准予|取消.{0,6}资格|具备.{0,10}条件"),
}


def answer_type(question: str) -> AnswerType:
    for kind, cue in _TYPE_CUES:
        if cue.search(question):
            return kind
    return AnswerType.NONE


_NAMES_SEVERAL = 2  # 哪些企业 asks for a list: a text naming one company in passing does not answer it


@functools.lru_cache(maxsize=20_000)
def has_answer_type(kind: AnswerType, text: str) -> bool:
    pattern = _TYPE_EVIDENCE.get(kind)
    if pattern is None:
        return False
    if kind is AnswerType.ORGANISATION:
        return len(pattern.findall(text)) >= _NAMES_SEVERAL
    return bool(pattern.search(text))


def bigrams(text: str) -> set[str]:
    """Character bigrams of CJK runs, digits included (第1名 → 第1, 1名), numerals folded."""
    grams: set[str] = set()
    for run in _CJK_RUN.findall(fold_counted_numerals(text)):
        grams.update(run[i : i + 2] for i in range(len(run) - 1))
    return grams


def query_bigrams(question: str) -> set[str]:
    return bigrams(QUESTION_NOISE.sub(" ", fold_counted_numerals(question)))


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

    def share(self, text: str) -> float:
        """Share of the question's bigram weight that the text contains (0…1)."""
        if not self._total:
            return 0.0
        have = _text_bigrams(text)
        return sum(w for g, w in self._weights.items() if g in have) / self._total


@functools.lru_cache(maxsize=20_000)
def _text_bigrams(text: str) -> frozenset[str]:
    """Unit texts recur across queries: their bigrams are computed once."""
    return frozenset(bigrams(text))


def rerank_scores(question: str, base: Sequence[float], texts: Sequence[str], idf: BigramIdf) -> list[float]:
    grams = idf.weigh(query_bigrams(question))
    kind = answer_type(question)
    asked = levels(question)
    out: list[float] = []
    for score, text in zip(base, texts, strict=True):
        bonus = BIGRAM_WEIGHT * grams.share(text)
        if kind is not AnswerType.NONE and has_answer_type(kind, text):
            bonus += ANSWER_TYPE_WEIGHT
        spoken = levels(text) if asked else set()
        if spoken and not spoken & asked:
            bonus -= LEVEL_WEIGHT
        out.append(score + bonus)
    return out
