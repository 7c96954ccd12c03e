"""Title splitting and line counting."""

from __future__ import annotations

import itertools

import pytest

from generators.text_layout import line_count, split_title, text_width


@pytest.mark.parametrize(
    "title",
    [
        "关于印发《昆明地区2026年职工“72行大练兵·360行出状元”竞赛活动方案》的通知",
        "昆明地区2026年职工“72行大练兵·360行出状元”竞赛活动方案",
        "关于做好2026年全省职工职业技能大赛有关工作的通知",
        "关于开展2026年度云南省职工创新工作室和职工技师工作站选树工作的通知",
        "关于" + "加强职工技能培训" * 8 + "的通知",
    ],
)
def test_lines_fit_rejoin_and_never_split_numbers(title: str) -> None:
    lines = split_title(title)
    assert "".join(lines) == title
    assert all(text_width(line) <= 19 for line in lines)
    for a, b in itertools.pairwise(lines):
        assert not (a[-1].isdigit() and b[0].isdigit())
        assert a[-1] not in "“《（" and b[0] not in "”》），。、"


def test_lines_are_balanced() -> None:
    lines = split_title("关于做好2026年全省职工职业技能大赛有关工作的通知")
    widths = [text_width(line) for line in lines]
    assert max(widths) - min(widths) <= 3


def test_short_titles_stay_on_one_line() -> None:
    assert split_title("云南省第五届云岭工匠推荐承诺书") == ["云南省第五届云岭工匠推荐承诺书"]


def test_line_count_hangs_closing_punctuation_and_keeps_numbers_whole() -> None:
    assert line_count("字" * 26 + "。", per_line=28, indent_chars=2) == 1  # 。 hangs
    assert line_count("字" * 27 + "字", per_line=28, indent_chars=2) == 2
    assert line_count("字" * 25 + "2026", per_line=28, indent_chars=2) == 2  # 2026 does not break
    assert line_count("", per_line=28) == 1
