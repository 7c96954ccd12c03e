"""A question asking which papers to hand in is answered by a provision that names them, or not at all: on
real national texts (tests/data/real) and the seeds, with questions no profile entry or model was fitted on.
A provision about the same certificate or procedure that names nothing to hand in is related, not the
answer."""

from __future__ import annotations

import pytest

from policydesk.desk import Desk


@pytest.mark.parametrize(
    ("question", "title"),
    [
        ("申请工伤认定要交哪些材料？", "工伤"),
        ("单位不给报工伤，职工自己申请工伤认定得准备什么材料？", "工伤"),
        ("申请劳动能力鉴定需要提交什么材料？", "工伤保险条例"),
    ],
)
def test_the_papers_to_hand_in_are_quoted_from_the_provision_that_lists_them(
    real_desk: Desk, question: str, title: str
) -> None:
    profile = real_desk.snapshot().retriever.profile
    materials = profile.kind("materials")
    assert profile.answer_kind(question) == materials
    answer = real_desk.ask(question)
    assert answer.found, answer.answer
    first = answer.citations[0]
    assert title in first.doc_title
    assert any(profile.holds(materials, c.quote) for c in answer.citations)


@pytest.mark.parametrize(
    "question",
    [
        "女职工休产假要交什么材料？",  # 产假 is regulated; what to hand in for it is not
        "职工要休年休假，需要向单位提交哪些证明？",
        "五一劳动奖章证书遗失了，补发要带什么材料？",  # the certificate's withdrawal is regulated, not its reissue
    ],
)
def test_a_provision_naming_no_paper_to_hand_in_does_not_answer(real_desk: Desk, question: str) -> None:
    answer = real_desk.ask(question)
    assert not answer.found
    assert answer.citations == []
    assert answer.related, "the closest provisions are still listed, as related"
    assert "材料" in answer.answer  # the reason says what is missing
