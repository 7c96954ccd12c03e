"""The kind of answer a question asks for, and what in a text counts as holding it."""

from __future__ import annotations

import pytest

from indexer.rerank import AnswerType, answer_type, has_answer_type


@pytest.mark.parametrize(
    ("question", "kind"),
    [
        ("示范点选的是哪几个地方和企业？", AnswerType.ORGANISATION),
        ("一年最多评多少个？", AnswerType.QUANTITY),
        ("对参赛覆盖面有什么量化要求？", AnswerType.QUANTITY),
        ("企业拖欠工资，还能申报奖状吗？", AnswerType.PERMISSION),
        ("第一届是什么时候表彰的？", AnswerType.TIME),
        ("这项规定的宗旨是什么？", AnswerType.NONE),
    ],
)
def test_the_kind_of_answer_a_question_asks_for(question: str, kind: AnswerType) -> None:
    assert answer_type(question) is kind


def test_which_companies_is_answered_by_a_list_not_a_passing_mention() -> None:
    passing = "其中，云南白药集团股份有限公司应重点在总结以往经验的基础上实施创建工作。"
    listing = "确定昆明钢铁集团有限责任公司、云南白药集团股份有限公司为示范企业。"
    assert not has_answer_type(AnswerType.ORGANISATION, passing)
    assert has_answer_type(AnswerType.ORGANISATION, listing)


def test_permission_and_time_evidence() -> None:
    assert has_answer_type(AnswerType.PERMISSION, "有拖欠职工工资情形的单位，当年不得申报。")
    assert not has_answer_type(AnswerType.PERMISSION, "拖欠职工工资，拒不改正的；")
    assert has_answer_type(AnswerType.TIME, "“五一”期间，我市将对第一届“昆明工匠”进行表彰。")
