"""Chinese ↔ Arabic numerals: one implementation for article numbers, items, counts and 届次."""

from __future__ import annotations

import re

import pytest

from core.numerals import (
    NUMBER,
    asked_unit,
    cn_to_int,
    int_to_cn,
    quantities,
    to_int,
    whole_numeral,
    without_quantities,
)


@pytest.mark.parametrize("value", [1, 9, 10, 11, 18, 20, 23, 99, 100, 105, 110, 999])
def test_numerals_round_trip(value: int) -> None:
    assert cn_to_int(int_to_cn(value)) == value


@pytest.mark.parametrize(("text", "value"), [("18", 18), ("１８", 18), ("十八", 18), ("两", 2), ("一百零五", 105)])
def test_either_notation_reads_as_one_number(text: str, value: int) -> None:
    assert to_int(text) == value
    assert re.fullmatch(NUMBER, text)


@pytest.mark.parametrize("bad", ["", "十八条", "abc"])
def test_what_is_not_a_numeral_is_refused(bad: str) -> None:
    with pytest.raises(ValueError):
        cn_to_int(bad)


@pytest.mark.parametrize(
    ("text", "piece", "whole"),
    [
        ("自用工之日起三十日内", "十日", "三十日"),
        ("累计缴费满十五年的", "五年", "十五年"),
        ("职工二百人以上", "百人", "二百人"),
        ("工资总额的百分之二十向", "百分之二", "百分之二十"),
        ("处2000元以上", "000元", "2000元"),
        ("二○○七年十二月", "七年", "二○○七年"),
        ("统一三十日内", "十日", "三十日"),  # 统一's 一 is no digit of the number after it
        ("三分之一以上", "分之一", "三分之一"),
    ],
)
def test_a_number_touching_a_piece_is_read_whole(text: str, piece: str, whole: str) -> None:
    start = text.index(piece)
    left, right = whole_numeral(text, start, start + len(piece))
    assert text[left:right] == whole


def test_a_number_is_widened_only_within_its_bounds() -> None:
    text = "满十五年"
    assert whole_numeral(text, 2, 4) == (1, 4)
    assert whole_numeral(text, 2, 4, lo=2) == (2, 4)


def test_a_quantity_is_its_number_and_unit_in_either_notation() -> None:
    found = [q for *_, q in quantities("满十年不满20年，3个月、15天内，二〇〇七年，1.5万元，3,000元")]
    assert found[:4] == [(10, "年"), (20, "年"), (3, "月"), (15, "日")]
    assert (2007, "年") in found
    assert (5, "万元") not in found and (0, "元") not in found  # never the tail of 1.5万 or 3,000
    blanked = without_quantities("已满10年不满20年的，年休假10天", frozenset({(10, "年")}))
    assert blanked == "已满   不满20年的，年休假10天"


@pytest.mark.parametrize(
    ("question", "unit"),
    [
        ("年休假能休多少天？", "日"),
        ("试用期最长几个月？", "月"),
        ("一年最多评多少名？", "名"),
        ("逾期罚多少钱？", None),  # an amount, in no unit of its own
        ("一年考核几次？", None),
    ],
)
def test_the_unit_a_question_asks_its_value_in(question: str, unit: str | None) -> None:
    assert asked_unit(question) == unit
