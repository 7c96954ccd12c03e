"""Chinese tokenisation for BM25: jieba plus a domain dictionary read off the corpus itself.

jieba alone cuts 云岭工匠 or 云职创 into pieces, so names the corpus itself marks as names (document
titles, 《…》 and “…” quotations, 机关代字 of 文号) are added as words. Numbers are folded (第一名 ≈ 第1名),
and each word also yields its character bigrams so colloquial rewording still overlaps.
"""

from __future__ import annotations

import functools
import hashlib
import logging
import re
import threading
from collections.abc import Iterable

import jieba

from core import docnumber
from core.numerals import CN_NUMBER, CN_NUMERAL_CHARS, cn_to_int

jieba.setLogLevel(logging.WARNING)

_QUOTED_NAME = re.compile(r"[“\"《]([\u4e00-\u9fff·0-9A-Za-z]{2,14})[”\"》]")
_CJK_RUN = re.compile(r"[\u4e00-\u9fff]+|[0-9]+(?:\.[0-9]+)?|[A-Za-z]+")
_CN_NUMBER = re.compile(CN_NUMBER)
DOMAIN_WORD_FREQ = 200_000  # high enough that jieba keeps a domain name whole


def domain_words(titles: Iterable[str], texts: Iterable[str], doc_numbers: Iterable[str]) -> list[str]:
    """Names worth keeping whole, all read from the corpus: titles, quoted names, 机关代字."""
    words: set[str] = set()
    for title in titles:
        for part in re.split(r"[\s《》“”（）()、，]", title):
            if 4 <= len(part) <= 16:
                words.add(part)
    for text in texts:
        words.update(m for m in _QUOTED_NAME.findall(text) if not m.isdigit())
    for number in doc_numbers:
        parsed = docnumber.parse(number)
        if parsed is not None:
            words.add(parsed.issuer)
    return sorted(words)


def dictionary_hash(words: Iterable[str]) -> str:
    return hashlib.sha256("\n".join(sorted(words)).encode()).hexdigest()[:16]


class Tokeniser:
    """A jieba tokenizer with the corpus's own names; thread-safe (jieba's cut is not)."""

    def __init__(self, words: Iterable[str] = (), stopwords: Iterable[str] = ()) -> None:
        self.words = sorted(set(words))
        self.stopwords = frozenset(stopwords)  # the profile's function and question words, dropped before BM25
        self._jieba = jieba.Tokenizer()
        self._lock = threading.Lock()
        with self._lock:
            self._jieba.initialize()
            for word in self.words:
                self._jieba.add_word(word, DOMAIN_WORD_FREQ)
        # govern tokenises one case for the units' BM25 and again for the titles': cut it once
        self._cached_tokens = functools.lru_cache(maxsize=256)(self._tokens)

    @property
    def fingerprint(self) -> str:
        return dictionary_hash([*self.words, "\x00", *sorted(self.stopwords)])

    def words_of(self, text: str) -> list[str]:
        """Content words (jieba's search cut), stopwords and punctuation removed, numbers folded."""
        out: list[str] = []
        text = fold_counted_numerals(text)
        with self._lock:
            pieces = list(self._jieba.cut_for_search(text))
        for piece in pieces:
            piece = piece.strip().lower()
            if not piece or piece in self.stopwords or not _CJK_RUN.fullmatch(piece):
                continue
            out.append(_fold_number(piece))
        return out

    def tokens(self, text: str) -> list[str]:
        """What BM25 indexes and queries: words, ordinals kept whole (第1名), and the character
        bigrams of longer words."""
        return list(self._cached_tokens(text))

    def _tokens(self, text: str) -> tuple[str, ...]:
        words = self.words_of(text)
        tokens = list(words)
        tokens.extend(_ORDINAL.findall(fold_counted_numerals(text)))
        for word in words:
            if len(word) > 2 and re.fullmatch(r"[\u4e00-\u9fff]+", word):
                tokens.extend(word[i : i + 2] for i in range(len(word) - 1))
        return tuple(tokens)


_ORDINAL = re.compile(r"第\d{1,3}[名次届批]|前\d{1,3}名")
_COUNTED = re.compile(rf"([{CN_NUMERAL_CHARS}两]{{1,3}})(?=[名次个人天年日项类倍届批条款等])")


def fold_counted_numerals(text: str) -> str:
    """第一名 → 第1名, 两年 → 2年: counted quantities read the same in either numeral system."""

    def arabic(match: re.Match[str]) -> str:
        try:
            return str(cn_to_int(match.group(1).replace("两", "二")))
        except ValueError:
            return match.group(1)

    return _COUNTED.sub(arabic, text)


def _fold_number(word: str) -> str:
    """一 → 1, 十八 → 18 (so 第一名 meets 第1名); other words unchanged."""
    if _CN_NUMBER.fullmatch(word) and len(word) <= 4:
        try:
            return str(cn_to_int(word))
        except ValueError:
            return word
    return word
