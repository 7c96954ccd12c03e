"""A provision graded by a quantity of the case answers with the tier the question's case falls in: the
short answer and the marks are that tier's value, not the first value of the provision. Real provisions
(tests/data/real), questions written for this test."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from indexer.highlight import highlights, short_answer
from tests.core.test_tiers import FILES
from tests.utils.real_texts import provision_texts


@pytest.fixture(scope="module")
def provision() -> Callable[[str, str], str]:
    return provision_texts(*FILES)


@pytest.mark.parametrize(
    ("title", "locator", "question", "value"),
    [
        ("中华人民共和国劳动合同法", "第十九条", "跟公司签了两年的劳动合同，试用期最长能约定多久？", "二个月"),
        ("中华人民共和国劳动合同法", "第十九条", "签的是五年期的合同，试用期最多几个月？", "六个月"),
        ("失业保险条例", "第十七条", "累计交了6年失业保险，失业金最长能领几个月？", "18个月"),
        ("失业保险条例", "第十七条", "单位和我一共缴了两年失业保险费，能领多久失业金？", "12个月"),
        ("女职工劳动保护特别规定", "第七条", "同事怀孕3个月的时候流产了，她能休几天产假？", "15天"),
        ("职工带薪年休假条例", "第三条", "参加工作满15年的职工，年休假能休几天？", "10天"),
    ],
)
def test_the_case_decides_the_value(provision, title: str, locator: str, question: str, value: str) -> None:
    quote = provision(title, locator)
    answer = short_answer(question, [quote])
    assert answer is not None and answer.endswith(value)
    assert [quote[a:b] for a, b in highlights(question, quote)] == [value]


def test_without_the_case_every_tier_stays_an_answer(provision) -> None:
    quote = provision("职工带薪年休假条例", "第三条")
    question = "职工带薪年休假能休几天？"
    assert short_answer(question, [quote]) is None  # three values: no one-line answer
    assert [quote[a:b] for a, b in highlights(question, quote)] == ["5天", "10天", "15天"]


def test_a_case_quantity_the_tiers_do_not_measure_changes_nothing(provision) -> None:
    quote = provision("职工带薪年休假条例", "第三条")
    asked = "月工资5000元的职工，年休假能休几天？"
    assert highlights(asked, quote) == highlights("职工年休假能休几天？", quote)


def test_a_value_beside_the_tiers_that_answers_is_kept(provision) -> None:
    quote = provision("女职工劳动保护特别规定", "第七条")  # 生育 98天, then tiers for 流产
    answer = short_answer("女职工正常生育可以休多少天产假？", [quote])
    assert answer is not None and answer.endswith("98天")


def test_a_computation_answers_with_its_result() -> None:
    text = provision_texts("laoshebu_yuepingjun_gongzuo_shijian_2008.md")
    quote = text("关于职工全年月平均工作时间和工资折算问题的通知", "一、")
    marked = [quote[a:b] for a, b in highlights("职工一年的制度工作日是多少天？", quote)]
    assert "250天" in marked
    assert not {"365天", "104天", "11天"} & set(marked)  # the operands are how the result was reached
