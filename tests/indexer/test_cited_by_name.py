"""An article cited with its document's plain title ("工伤保险条例第14条") is that article, as with a 文号
or a 《title》; an article the named document does not have is answered "not found", never with a
neighbouring article. On the real texts of tests/data/real, which nothing was fitted on."""

from __future__ import annotations

from pathlib import Path

import pytest

from policydesk.config import Settings
from policydesk.desk import Desk


@pytest.fixture(scope="module")
def real_desk(real_home: Path) -> Desk:
    return Desk(Settings(home=real_home))


@pytest.mark.parametrize(
    "question",
    ["工伤保险条例第14条规定了哪些情形？", "按工伤保险条例的第十四条，哪些算工伤", "工伤保险条例第十四条（一）"],
)
def test_a_plain_title_and_an_article_cite_that_article(real_desk: Desk, question: str) -> None:
    answer = real_desk.ask(question)
    assert answer.found and answer.citations[0].locator.startswith("第十四条")
    assert answer.citations[0].doc_title == "工伤保险条例"


def test_an_item_the_article_lacks_falls_back_to_the_article(real_desk: Desk) -> None:
    answer = real_desk.ask("工伤保险条例第十四条（十九）说的是什么？")
    assert answer.found and answer.citations[0].locator.startswith("第十四条")


@pytest.mark.parametrize("article", ["第九十条", "第120条"])
def test_an_article_the_named_document_lacks_is_not_found(real_desk: Desk, article: str) -> None:
    answer = real_desk.ask(f"工伤保险条例{article}说了什么？")
    assert not answer.found and not answer.citations
    assert "《工伤保险条例》中没有" in answer.answer and "未在现有政策文件中找到" in answer.answer
    assert answer.related  # the closest provisions, as reference only


def test_a_state_prefixed_title_is_named_without_its_prefix(real_desk: Desk) -> None:
    """The neutral profile's region prefix is the state's name: "中华人民共和国X法" is named as "X法"."""
    retriever = real_desk.snapshot().retriever
    assert retriever.profile.without_region("中华人民共和国工会法") == "工会法"
