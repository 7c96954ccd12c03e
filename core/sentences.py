"""Sentences of Chinese policy text, cut the same way wherever text is windowed, quoted or explained.

A sentence ends at 。；！？ — in a 条款 the semicolon closes a complete requirement as surely as the full
stop — or at a line end (a heading, a list item without punctuation).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

ENDS = "。；！？"
"""The marks that close a sentence."""
SENTENCE = re.compile(rf"[^{ENDS}\n]+[{ENDS}]?")
"""One sentence as answers quote it: its end mark included, a line break left out."""
CLAUSE = re.compile(r"[^，,；;。：:！？!?\n]+")
"""One clause: a sentence's stretch between commas, colons and end marks."""
CLAUSE_MARKED = re.compile(r"[^，,；;。：:！？!?\n]+[，,；;。：:！？!?]*")
"""… with the marks that close it ("能不能报差旅费？")."""
_PIECE = re.compile(rf"[^{ENDS}\n]*[{ENDS}\n]?")


def sentence_spans(text: str) -> Iterator[tuple[int, int]]:
    """(start, end) of every sentence, end marks and line breaks included, covering the text without gaps:
    the boundaries a long text may be cut at."""
    for match in _PIECE.finditer(text):
        if match.group(0):
            yield match.span()


def sentence_at(text: str, offset: int) -> str:
    """The sentence that holds ``text[offset]``, with its end mark."""
    for start, end in sentence_spans(text):
        if start <= offset < end:
            return text[start:end].rstrip("\n")
    return ""


def first_sentence(text: str) -> str:
    """The text up to its first sentence end, without the end mark: a heading's own words."""
    match = SENTENCE.match(text)
    return match.group(0).rstrip(ENDS) if match else ""
