"""Heading levels of GB/T 9704 7.3.3."""

from __future__ import annotations

import pytest

from generators.headings import heading_mistake, parse_heading, sequence_problems


@pytest.mark.parametrize(
    ("text", "level", "number", "end"),
    [
        ("一、总体要求", 1, 1, 6),
        ("十二、附则", 1, 12, 5),
        ("（三）提高认识。各单位要重视。", 2, 3, 8),
        ("2.明确任务。", 3, 2, 7),
        ("（10）其他。", 4, 10, 7),
    ],
)
def test_parse(text: str, level: int, number: int, end: int) -> None:
    h = parse_heading(text)
    assert (h.level, h.number, h.end) == (level, number, end)


@pytest.mark.parametrize("text", ["正文段落。", "2026年工作", "3.5万元已拨付", "一是加强领导"])
def test_not_headings(text: str) -> None:
    assert parse_heading(text) is None


def test_mistakes() -> None:
    assert heading_mistake("1、任务") and heading_mistake("(一)任务") and heading_mistake("（一）、任务")
    assert heading_mistake("一.任务") and heading_mistake("1.任务") is None


def test_sequence_restarts_under_each_parent_and_allows_skipped_levels() -> None:
    ok = ["一、甲", "（一）乙", "（二）丙", "1.丁", "二、戊", "（一）己", "1.庚", "2.辛"]
    assert sequence_problems(ok) == []
    assert sequence_problems(["一、甲", "三、乙"]) == [(1, "二、", "三、")]
    assert sequence_problems(["二、甲"]) == [(0, "一、", "二、")]
