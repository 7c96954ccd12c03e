"""Tiers graded by a quantity of the case, read off real provisions (tests/data/real) with the bounds the
drafting convention gives: 以上/以下/满 include the number, 不满/不足/未满 do not."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from core.tiers import Bound, applicable_tier, case_quantities, tiers
from tests.utils.real_texts import provision_texts

FILES = (
    "guowuyuan_nianxiujia_tiaoli_2007_ling514.txt",
    "guowuyuan_nvzhigong_laodong_baohu_2012_ling619.txt",
    "quanguo_laodong_hetong_fa_2012.md",
    "guowuyuan_shiye_baoxian_tiaoli_1999_ling258.md",
)


@pytest.fixture(scope="module")
def provision() -> Callable[[str, str], str]:
    return provision_texts(*FILES)


def _everything(_: str) -> bool:
    return True


def test_leave_tiers_read_with_their_bounds(provision) -> None:
    graded = tiers(provision("职工带薪年休假条例", "第三条"))
    assert [(t.dimension, t.low, t.high) for t in graded] == [
        ("月", Bound(12, True), Bound(120, False)),
        ("月", Bound(120, True), Bound(240, False)),
        ("月", Bound(240, True), None),
    ]


@pytest.mark.parametrize(
    ("question", "consequence"),
    [
        ("我参加工作快12年了，年假能休几天？", "年休假10天"),
        ("工作刚好满10年，年休假有几天？", "年休假10天"),  # 满 includes the number
        ("累计工作9年，带薪年休假多少天？", "年休假5天"),
        ("工作25年了年休假几天", "年休假15天"),
    ],
)
def test_the_case_picks_one_tier(provision, question: str, consequence: str) -> None:
    text = provision("职工带薪年休假条例", "第三条")
    tier = applicable_tier(text, question, _everything)
    assert tier is not None
    assert text[tier.consequence : tier.end] == consequence


def test_months_and_years_are_one_measure(provision) -> None:
    text = provision("中华人民共和国劳动合同法", "第十九条")
    two_years = applicable_tier(text, "合同签了两年，试用期最长多久？", _everything)
    eighteen_months = applicable_tier(text, "合同期限18个月，试用期最长多久？", _everything)
    assert two_years is not None and two_years == eighteen_months
    assert "二个月" in text[two_years.consequence : two_years.end]
    three_years = applicable_tier(text, "合同签了三年，试用期最长多久？", _everything)  # 三年以上: included
    assert three_years is not None and "六个月" in text[three_years.consequence : three_years.end]


def test_below_the_first_tier_is_the_one_that_says_so(provision) -> None:
    text = provision("女职工劳动保护特别规定", "第七条")
    early = applicable_tier(text, "怀孕3个月流产了，产假几天？", _everything)
    late = applicable_tier(text, "怀孕4个月流产了，产假几天？", _everything)  # 未满4个月 excludes 4
    assert early is not None and late is not None
    assert "15天" in text[early.consequence : early.end]
    assert "42天" in text[late.consequence : late.end]


def test_no_tier_without_one_stated_quantity_of_the_case(provision) -> None:
    text = provision("失业保险条例", "第十七条")
    assert applicable_tier(text, "失业保险金最长能领多久？", _everything) is None
    assert applicable_tier(text, "2022年失业，失业保险金最长能领多久？", _everything) is None  # a year, not a length
    # two lengths stated: which one the tiers grade is not read
    assert applicable_tier(text, "缴费6年，失业了3年，最长能领多久？", _everything) is None
    assert applicable_tier(text, "每月领1200元，最长能领多久？", _everything) is None  # another measure


def test_tiers_about_another_quantity_are_not_applied(provision) -> None:
    text = provision("中华人民共和国劳动合同法", "第十九条")
    assert applicable_tier(text, "怀孕3个月流产了，产假几天？", lambda condition: "怀孕" in condition) is None


def test_dates_are_not_lengths() -> None:
    assert case_quantities("2021年3月入职，工作满2年") == [("月", 24)]
    assert case_quantities("3月1日前报送，共5天") == [("日", 5)]


def test_two_quantities_that_are_not_one_range_make_no_tier() -> None:
    # 满15年 and 不足5年 bound different things (years worked, years to retirement)
    assert tiers("连续工作满15年，且距法定退休年龄不足5年的，应当订立无固定期限劳动合同。") == []
    assert [(t.low, t.high) for t in tiers("工作5年至10年的，补助3000元。")] == [(Bound(60, True), Bound(120, True))]
