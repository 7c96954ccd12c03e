"""An amount asked of a national law is answered where the law states it in the law's own way (a share of
a wage), on real texts (tests/data/real) that no profile entry or model was fitted on."""

from __future__ import annotations

import pytest

from policydesk.desk import Desk


@pytest.mark.parametrize(
    "question", ["未休年休假的工资报酬补多少？", "应休未休的年休假，单位要按日工资收入的多少支付工资报酬？"]
)
def test_an_amount_stated_as_a_share_of_a_wage_answers_how_much(real_desk: Desk, question: str) -> None:
    answer = real_desk.ask(question)
    assert answer.found
    assert any("300%" in c.quote for c in answer.citations)


def test_a_question_asking_how_much_of_a_named_sum_asks_an_amount(real_desk: Desk) -> None:
    """ "津贴…多少" names no unit of money, yet asks one: no text states it, so none is quoted."""
    answer = real_desk.ask("工会组织职工疗休养，每人每天的伙食津贴是多少？")
    assert not answer.found and answer.citations == []
    assert "金额" in answer.answer


@pytest.mark.parametrize(
    "question",
    [
        "工会组织职工疗休养，每人每天的伙食津贴是多少？",
        "工伤职工住院的伙食补助费每天是多少？",
        "劳动保障监察员的证件有效期是几年？",
        "单位不安排年休假，劳动保障部门要罚多少钱？",
        "工伤认定申请要在多长时间内提出？",
    ],
)
def test_a_how_much_answer_quotes_a_value_of_the_asked_kind(real_desk: Desk, question: str) -> None:
    """Found or not, an answer to a how-much question never quotes only sentences without a value."""
    retriever = real_desk.snapshot().retriever
    kind = retriever.profile.answer_kind(question)
    assert kind is not None and kind.is_value
    answer = real_desk.ask(question)
    if answer.found:
        assert any(retriever.profile.holds(kind, c.quote) for c in answer.citations)
    else:
        assert answer.citations == []


@pytest.mark.parametrize(
    "question",
    ["哪些情形视同工伤？", "什么情况下不得认定为工伤？", "端午节放假几天？", "职工请了多长病假就不能休当年的年休假？"],
)
def test_an_item_is_never_quoted_without_the_sentence_that_introduces_its_list(real_desk: Desk, question: str) -> None:
    """An item (项) read alone is a bare condition: its article's lead-in ("有下列情形之一的，…：") comes
    first, from the same document, or the article is quoted whole with its items."""
    answer = real_desk.ask(question)
    assert answer.found
    for k, item in enumerate(answer.citations):
        if "（" not in item.locator:
            continue
        article = item.locator.split("（")[0]
        earlier = [c for c in answer.citations[:k] if c.locator == article and c.doc_title == item.doc_title]
        assert earlier and earlier[0].quote.rstrip().endswith(("：", ":")), answer.answer
        lead_of = earlier[0].lead_in_of  # the first quoted item it introduces; None: chosen for itself
        assert lead_of is None or lead_of.startswith(f"{article}（")


@pytest.mark.parametrize(
    "question", ["哪些情形视同工伤？", "什么情况下不得认定为工伤？", "工伤认定申请需要提交哪些材料？"]
)
def test_a_which_cases_question_is_answered_with_the_list(real_desk: Desk, question: str) -> None:
    """The lead that announces a list is quoted with its items, on the lines they stand on."""
    answer = real_desk.ask(question)
    lists = [c for c in answer.citations if "：\n" in c.quote]
    assert lists, answer.answer
    assert all(c.source.line_end > c.source.line_start for c in lists)


def test_a_question_on_one_item_gets_that_item_not_the_whole_list(real_desk: Desk) -> None:
    """ "春节放几天假？" asks for one holiday: its item is quoted after the lead-in, not the list of seven."""
    answer = real_desk.ask("春节放几天假？")
    assert not any("：\n" in c.quote for c in answer.citations)
    assert any("春节" in c.quote and "放假4天" in c.quote for c in answer.citations)
