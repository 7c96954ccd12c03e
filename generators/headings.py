"""The four heading levels of GB/T 9704 7.3.3 (一、 → （一） → 1. → （1）): recognising them in text,
spotting the usual typing mistakes, and checking that numbering runs on from 一/1 under each
parent. Shared by the generators (which refuse bad input) and the checker (which reports it)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from core.locator import GBT_LEVELS, GBT_MARKERS
from core.numerals import CN_NUMERAL_CHARS, cn_to_int, int_to_cn

_CN = CN_NUMERAL_CHARS
_MISTAKES = (
    (re.compile(r"^[0-9]+、"), "“1、”应写作“1.”"),
    (re.compile(rf"^\(([{_CN}]+|[0-9]+)\)"), "层次序号应使用全角括号，如“（一）”“（1）”"),
    (re.compile(rf"^（([{_CN}]+|[0-9]+)）[、.．，]"), "“（一）”“（1）”后不加标点"),
    (re.compile(rf"^([{_CN}]+)[.．，,]"), "一级标题序号后用顿号，如“一、”"),
)


@dataclass(frozen=True, slots=True)
class Heading:
    level: int
    number: int
    marker: str
    end: int  # where the heading proper ends: after its first "。", or the whole paragraph


def marker_for(level: int, number: int) -> str:
    return GBT_MARKERS[level].format(int_to_cn(number) if level in (1, 2) else number)


def parse_heading(text: str) -> Heading | None:
    for level, pattern in GBT_LEVELS:
        m = pattern.match(text)
        if m:
            raw = m.group(1)
            try:
                number = int(raw) if raw.isdigit() else cn_to_int(raw)
            except ValueError:
                return None
            stop = text.find("。")
            end = stop + 1 if 0 <= stop < len(text) - 1 else len(text)
            return Heading(level, number, m.group(0), end)
    return None


def heading_mistake(text: str) -> str | None:
    """A message for a heading typed in a wrong form ("1、", half-width brackets…), else None."""
    for pattern, message in _MISTAKES:
        if pattern.match(text):
            return message
    return None


def sequence_problems(texts: list[str]) -> list[tuple[int, str, str]]:
    """(index, expected marker, found marker) for each heading that breaks the 一/1 sequence.

    A heading resets the counters of all deeper levels; skipping a level is allowed.
    """
    counters = {1: 0, 2: 0, 3: 0, 4: 0}
    problems: list[tuple[int, str, str]] = []
    for i, text in enumerate(texts):
        h = parse_heading(text)
        if h is None:
            continue
        expected = counters[h.level] + 1
        if h.number != expected:
            problems.append((i, marker_for(h.level, expected), h.marker))
        counters[h.level] = h.number
        for deeper in range(h.level + 1, 5):
            counters[deeper] = 0
    return problems
