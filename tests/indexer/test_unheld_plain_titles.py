"""Issue 10: a question that names a document without 《》 ("按照失业保险条例，……", "职业病防治法第十条") that the
catalogue does not hold is answered "未收录该文件", the provisions that cite it listed as related, never
quoted — as for an unheld 《title》 or 文号. A held text named plainly, or a phrase that names no document
("按照规定", "根据有关规定", "按单位规定", "依法"), is answered as before. On the real texts of
tests/data/real (seeds + laws and regulations nobody fitted on); the questions are written for this test."""

from __future__ import annotations

import pytest

from core.profile import load_profile
from indexer.query import plain_titles
from policydesk.desk import Desk

UNHELD = "未收录该文件"


# -- reading a question (the profile's [named_documents]; no index) ----------------------------------
@pytest.mark.parametrize(
    ("question", "names"),
    [
        ("按照失业保险条例，失业金能领多久？", ("失业保险条例",)),
        ("依照劳动合同法的规定，试用期最长几个月？", ("劳动合同法",)),  # 的 ends the name
        ("按照劳动合同法规定，试用期最长几个月？", ("劳动合同法",)),  # the law, not "劳动合同法规定"
        ("失业保险条例第十条怎么说？", ("失业保险条例",)),  # right before an article
        ("根据工会法和安全生产法，工会能做什么？", ("工会法", "安全生产法")),
        ("依照民法典第一千零八十八条，离婚时家务补偿怎么算？", ("民法典",)),
        ("按照规定，加班工资怎么算？", ()),
        ("根据国家有关规定，工伤职工能停薪留职多久？", ()),
        ("按单位规定，迟到三次扣一天工资合法吗？", ()),
        ("按照公司考勤规定扣工资可以吗？", ()),
        ("根据法律法规，用人单位要缴社保吗？", ()),
        ("依法应当支付多少经济补偿？", ()),
        ("劳动法规对加班有什么限制？", ()),  # 法规: the word runs on
        ("按照什么规定计算年休假？", ()),
        ("按照云南省规定，高温津贴发多少？", ()),  # a region alone names no text
        ("依照本办法第五条申报需要什么材料？", ()),
        ("按照《失业保险条例》，失业金能领多久？", ()),  # a 《title》 is read as before
    ],
)
def test_a_plain_title_is_read_only_where_it_names_one_document(question: str, names: tuple[str, ...]) -> None:
    assert plain_titles(question, load_profile()) == names


# -- answering ----------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("question", "name"),
    [
        ("按照失业保险条例，失业保险金最长能领多少个月？", "失业保险条例"),
        ("劳动合同法第十九条规定的试用期最长多久？", "劳动合同法"),
        # the seeds hold 云南省工会劳动法律监督条例实施细则: "劳动法律" is not the 劳动法
        ("依照劳动法第四十四条，安排劳动者延长工作时间的工资怎么付？", "劳动法"),
    ],
)
def test_a_plainly_named_unheld_document_is_not_answered_from_another_text(
    real_desk: Desk, question: str, name: str
) -> None:
    answer = real_desk.ask(question)
    assert not answer.found and answer.citations == []
    assert answer.answer.startswith(UNHELD) and f"《{name}》" in answer.answer


def test_the_provision_citing_an_unheld_document_is_listed_as_related(real_desk: Desk) -> None:
    """工伤认定办法 (held) cites the 职业病防治法 (not held): asked by that law's plain name, the citing
    provision is related, not the answer."""
    answer = real_desk.ask("按照职业病防治法，职业病由哪个机构诊断？")
    assert not answer.found and answer.answer.startswith(UNHELD) and "《职业病防治法》" in answer.answer
    assert answer.related and all("职业病防治法" in hit.text for hit in answer.related)


@pytest.mark.parametrize(
    "question",
    [
        "依照工伤保险条例，职工在上下班途中受到非本人主要责任的交通事故伤害，算工伤吗？",
        "按照年休假条例，职工累计工作满10年不满20年的，年休假几天？",  # a part of 职工带薪年休假条例
        "根据工伤认定办法，工伤认定申请要提交哪些材料？",  # two editions held
        "按照规定，职工累计工作已满10年不满20年的，年休假几天？",
        "根据有关规定，用人单位应当在多长时间内提出工伤认定申请？",
        "按单位规定，职工病假期间能不能休年休假？",
        "发生生产安全事故后，单位负责人应当依法在多长时间内向有关部门报告？",
    ],
)
def test_a_held_text_or_a_phrase_naming_none_is_answered_as_before(real_desk: Desk, question: str) -> None:
    answer = real_desk.ask(question)
    assert UNHELD not in answer.answer
    assert answer.found, answer.answer
