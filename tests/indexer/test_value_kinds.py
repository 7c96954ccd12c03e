"""An amount asked of a national law is answered where the law states it in the law's own way (a share of
a wage), on real texts (tests/data/real) that no profile entry or model was fitted on."""

from __future__ import annotations

from pathlib import Path

import pytest

from policydesk.config import Settings
from policydesk.desk import Desk


@pytest.fixture(scope="module")
def real_desk(real_home: Path) -> Desk:
    return Desk(Settings(home=real_home))


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
