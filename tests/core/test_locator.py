"""The numbering grammar: typed locators made canonical, locators found in questions, heading markers read
leniently from extracted text and strictly as GB/T 9704 writes them."""

from __future__ import annotations

import pytest

from core.locator import GBT_LEVELS, LOCATOR, canonical_locator, locator_variants, marker_at


@pytest.mark.parametrize(
    ("typed", "canonical"),
    [
        ("第18条", "第十八条"),
        ("第十八条第一项", "第十八条（一）"),
        ("第18条第1项", "第十八条（一）"),
        ("第十八条(一)", "第十八条（一）"),
        ("第五章 第十八条（一）", "第十八条（一）"),
        ("三(二)", "三、（二）"),
        ("四、（四）1", "四、（四）1"),
        ("第１４条４", "第十四条4"),
    ],
)
def test_typed_locators_are_canonical(typed: str, canonical: str) -> None:
    assert canonical_locator(typed) == canonical


@pytest.mark.parametrize("typed", ["", "奖金", "第十八条奖金"])
def test_what_is_not_a_locator_is_refused(typed: str) -> None:
    with pytest.raises(ValueError, match="无法识别的条款位置"):
        canonical_locator(typed)


def test_item_in_the_wrong_numeral_family_has_a_variant() -> None:
    assert locator_variants("第十八条（1）") == ["第十八条（1）", "第十八条（一）"]


def test_locators_are_found_inside_a_question() -> None:
    found = [m.group(0) for m in LOCATOR.finditer("云职创〔2019〕3号第18条第1项和昆工〔2022〕3号三、（二）1怎么规定")]
    assert found == ["第18条第1项", "三、（二）1"]


@pytest.mark.parametrize(
    ("text", "name", "number"),
    [
        ("第十八条 获省级一类竞赛", "article", "十八"),
        ("第一千二百二十八条 医疗机构", "article", "一千二百二十八"),
        ("第五章 奖励", "chapter", "五"),
        ("(一)办理本行政机关的政府信息公开事宜；", "paren_cn", "一"),
        ("（3）其他", "paren_ar", "3"),
        ("2、组织开展", "arabic", "2"),
        ("一是坚持", "ordinal", "一"),
    ],
)
def test_heading_markers_are_read_as_extraction_leaves_them(text: str, name: str, number: str) -> None:
    found = marker_at(text)
    assert found is not None and found[0] == name and found[1].group(1) == number


@pytest.mark.parametrize(("text", "level"), [("一、总则", 1), ("（二）要求", 2), ("3.时间", 3), ("（4）地点", 4)])
def test_gbt_levels_take_only_the_standard_forms(text: str, level: int) -> None:
    assert [lv for lv, pattern in GBT_LEVELS if pattern.match(text)] == [level]


@pytest.mark.parametrize("text", ["(二)要求", "3、时间", "(4)地点"])
def test_gbt_levels_refuse_the_typing_variants(text: str) -> None:
    assert not any(pattern.match(text) for _, pattern in GBT_LEVELS)
