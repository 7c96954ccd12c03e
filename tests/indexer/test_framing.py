"""Conversational framing (the profile's phrases) is cut before a question is searched; the question
itself never is."""

from __future__ import annotations

import pytest

from core.profile import load_profile
from policydesk.desk import Desk


def strip_framing(question: str) -> str:
    return load_profile("yunnan").strip_framing(question)


@pytest.mark.parametrize(
    ("framed", "question"),
    [
        ("请问劳动法律监督员证有效期几年？", "劳动法律监督员证有效期几年？"),
        ("您好，请教一下，劳动法律监督员证有效期几年？多谢！", "劳动法律监督员证有效期几年？"),
        ("领导让我查一下省赛第一名的奖金，具体怎么规定的", "省赛第一名的奖金"),
        ("帮忙看看：工会会费比例（急）", "工会会费比例"),
        ("同事想知道云岭工匠每年命名几名，有原文吗？", "云岭工匠每年命名几名"),
    ],
)
def test_framing_is_cut(framed: str, question: str) -> None:
    assert strip_framing(framed) == question


@pytest.mark.parametrize(
    "question",
    [
        "这项补助的依据是什么？",  # the basis is what is asked: no comma, no tail clause
        "我们单位想申报云岭工匠，条件是什么？",
        "谢谢",  # nothing would be left
        "云职创〔2019〕3号第十八条",
    ],
)
def test_the_question_itself_is_kept(question: str) -> None:
    assert strip_framing(question) == question


def test_framing_does_not_move_the_answer(desk: Desk) -> None:
    plain = desk.ask("劳动法律监督员证有效期几年？")
    framed = desk.ask("老师好，麻烦帮我查查：劳动法律监督员证有效期几年？有原文吗？谢谢！")
    assert framed == plain
    hits = [desk.search(q, k=5).hits for q in ("云岭工匠每年命名多少名", "想问一下，云岭工匠每年命名多少名（急）")]
    assert hits[0] == hits[1]
