"""Values written in Chinese numerals are read whole: the short answer and the marked value keep every
digit of the number (三十日, never 十日), a range is one value, an article's number is never a value, and
the value test counts amounts, multiples and fractions however they are written. On sentences of real
national laws and regulations (tests/data/real, and 社会保险法 / 工会法 / 住房公积金管理条例 as published),
none of them in the dev sets."""

from __future__ import annotations

import pytest

from core.numerals import quantities, without_quantities
from core.profile import load_profile
from indexer.highlight import highlights, short_answer
from policydesk.desk import Desk
from tests.utils.real_texts import REAL_DIR


def real_line(name: str, words: str) -> str:
    """The line of a real text that holds ``words`` (so the sentence is the text's own)."""
    lines = [line.strip() for line in (REAL_DIR / name).read_text(encoding="utf-8").splitlines() if words in line]
    assert lines, f"{words} not in {name}"
    return lines[0]


# Sentences of national laws not shipped in tests/data/real, as published.
SOCIAL_INSURANCE_58 = "第五十八条 用人单位应当自用工之日起三十日内为其职工向社会保险经办机构申请办理社会保险登记。"
SOCIAL_INSURANCE_16 = "第十六条 参加基本养老保险的个人，达到法定退休年龄时累计缴费满十五年的，按月领取基本养老金。"
SOCIAL_INSURANCE_84 = (
    "第八十四条 用人单位不办理社会保险登记的，由社会保险行政部门责令限期改正；逾期不改正的，对用人单位处应缴社会保险费"
    "数额一倍以上三倍以下的罚款，对其直接负责的主管人员和其他直接责任人员处五百元以上三千元以下的罚款。"
)
SOCIAL_INSURANCE_88 = (
    "第八十八条 以欺诈、伪造证明材料或者其他手段骗取社会保险待遇的，由社会保险行政部门责令退回骗取的社会保险金，"
    "处骗取金额二倍以上五倍以下的罚款。"
)
TRADE_UNION_14 = "第十四条 职工二百人以上的企业、事业单位、社会组织的工会，可以设专职工会主席。"
TRADE_UNION_43 = "（二）建立工会组织的用人单位按每月全部职工工资总额的百分之二向工会拨缴的经费；"
HOUSING_FUND_8 = (
    "住房公积金管理委员会的成员中，人民政府负责人和建设、财政、人民银行等有关部门负责人以及有关专家占1/3，"
    "工会代表和职工代表占1/3，单位代表占1/3。"
)


def marked(question: str, quote: str) -> list[str]:
    return [quote[a:b] for a, b in highlights(question, quote)]


@pytest.mark.parametrize(
    ("question", "quote", "value"),
    [
        ("单位要在用工之日起多少天内办社保登记？", SOCIAL_INSURANCE_58, "三十日"),
        ("养老保险累计缴费满几年才能按月领养老金？", SOCIAL_INSURANCE_16, "十五年"),
        (
            "收到不予执行裁定书后多少天内可以向法院起诉？",
            real_line("fashi_2020_26_laodong_zhengyi_jieshi_yi.txt", "之次日起三十日内"),
            "三十日",
        ),
        ("职工多少人以上的企业工会可以设专职工会主席？", TRADE_UNION_14, "二百人"),
        ("工会经费按工资总额的多少比例拨缴？", TRADE_UNION_43, "百分之二"),
        ("骗取社保待遇的，罚款是骗取金额的几倍？", SOCIAL_INSURANCE_88, "二倍以上五倍以下"),
        ("直接负责的主管人员罚款多少钱？", SOCIAL_INSURANCE_84, "五百元以上三千元以下"),
        (
            "拒不支付一名劳动者劳动报酬，数额在多少元以上算数额较大？",
            real_line("fashi_2013_3_jubu_laodong_baochou_jieshi.txt", "五千元至二万元"),
            "五千元至二万元以上",
        ),
        (
            "违反劳动保障监察条例有下列行为之一的罚款多少？",
            real_line("zhejiang_laodong_baozhang_jiancha_tiaoli.txt", "二千元以上二万元以下"),
            "二千元以上二万元以下",
        ),
        ("工会代表和职工代表占多大比例？", HOUSING_FUND_8, "1/3"),
    ],
)
def test_the_marked_value_and_the_short_answer_keep_the_whole_numeral(question: str, quote: str, value: str) -> None:
    assert value in marked(question, quote)
    answer = short_answer(question, [quote])
    assert answer is not None and answer.endswith(value) and answer in quote


def test_a_short_answer_never_starts_with_the_article_number() -> None:
    answer = short_answer("职工多少人以上的企业工会可以设专职工会主席？", [TRADE_UNION_14])
    assert answer == "职工二百人"
    quote = real_line("zhejiang_laodong_baozhang_jiancha_tiaoli.txt", "不得少于二人")
    assert quote.startswith("第二十四条")
    answer = short_answer("劳动保障监察员进行调查时不得少于几人？", [quote])
    assert answer is not None and answer.endswith("二人") and not answer.startswith("第")


@pytest.mark.parametrize("kind", ["ratio", "money", "time", "quantity"])
@pytest.mark.parametrize(
    "text", ["第十四条", "第二十四条 依照本条例第三十六条", "第五届", "第十二个", "一个", "依照第一百二十条"]
)
def test_an_article_number_an_ordinal_or_one_of_something_is_no_value(kind: str, text: str) -> None:
    profile = load_profile()
    assert not profile.holds(profile.kind(kind), text)


@pytest.mark.parametrize(
    ("kind", "text"),
    [
        ("money", "对其直接负责的主管人员和其他直接责任人员处五百元以上三千元以下的罚款"),
        ("money", "处骗取金额二倍以上五倍以下的罚款"),
        ("money", "并处以二千元以上二万元以下的罚款"),
        ("money", "按照劳动者在劳动合同解除或者终止前十二个月的平均工资"),
        ("ratio", "工会代表和职工代表占1/3"),
        ("ratio", "经基层工会委员会或者三分之一以上的工会会员提议"),
        ("ratio", "按日加收万分之五的滞纳金"),
        ("ratio", "按每月全部职工工资总额的百分之二向工会拨缴的经费"),
        ("time", "领取失业保险金的期限最长为十二个月"),
        ("quantity", "一百人以上的企业"),
    ],
)
def test_values_in_chinese_numerals_count_as_values(kind: str, text: str) -> None:
    profile = load_profile()
    assert profile.holds(profile.kind(kind), text)


def test_a_date_is_no_fraction() -> None:
    profile = load_profile()
    assert not profile.holds(profile.kind("ratio"), "2020/1/3 发布")


def test_an_amount_in_chinese_numerals_answers_how_much(real_desk: Desk) -> None:
    """浙江省劳动保障监察条例 第三十六条 states the fine only in Chinese numerals: asked how much, it answers."""
    answer = real_desk.ask("用人单位不按规定报送书面材料，劳动保障监察部门罚款多少钱？")
    assert answer.found, answer.answer
    assert any("二千元以上二万元以下" in c.quote for c in answer.citations)


def test_the_quantities_a_question_states_of_its_own_case_are_not_its_answer() -> None:
    """Asked "满10年不满20年的职工…多长时间", the item repeats 满10年不满20年 as its condition: the answer is
    its 3个月, and a quote that only repeats the case's own 满十年 states nothing asked."""
    item = real_line("guowuyuan_nianxiujia_tiaoli_2007_ling514.txt", "累计工作满10年不满20年的职工")
    question = "累计工作满10年不满20年的职工，请病假累计多长时间就不能休年休假？"
    assert [item[a:b] for a, b in highlights(question, item)] == ["3个月"]
    answer = short_answer(question, [item])
    assert answer is not None and "3个月" in answer and "10年" not in answer
    profile = load_profile("yunnan")
    time = profile.answer_kind(question)
    repeating = "劳动者在该用人单位连续工作满十年的；"  # says 10年 as 十年: the same quantity
    asked = frozenset(q for *_, q in quantities(question))
    assert profile.holds(time, repeating) and not profile.holds(time, without_quantities(repeating, asked))
