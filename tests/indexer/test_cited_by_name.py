"""An article cited with its document's plain title ("工伤保险条例第14条") is that article, as with a 文号
or a 《title》; an article the named document does not have is answered "not found", never with a
neighbouring article. On the real texts of tests/data/real, which nothing was fitted on."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from policydesk.config import Settings
from policydesk.desk import Desk
from tests.utils.real_texts import REAL_DIR


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


@pytest.fixture(scope="module")
def union_law_desk(built_home: Path, tmp_path_factory: pytest.TempPathFactory) -> Desk:
    """The seeds with the 中华人民共和国工会法 (2021) added: a law whose title carries the state's name."""
    home = tmp_path_factory.mktemp("union-law") / "home"
    shutil.copytree(built_home, home, symlinks=True)
    desk = Desk(Settings(home=home))
    desk.add_files([REAL_DIR / "quanguo_gonghui_fa_2021.md"])
    return desk


@pytest.mark.parametrize("question", ["工会法第三条说了什么？", "工会法的第3条", "按照工会法第五十三条，要赔多少"])
def test_a_short_law_name_without_the_state_prefix_cites_its_article(union_law_desk: Desk, question: str) -> None:
    """The profile drops 中华人民共和国 from a title as a region prefix; a short name counts right before an
    article (anywhere else "工会法" may be a word of running text)."""
    answer = union_law_desk.ask(question)
    assert answer.found and answer.citations[0].doc_title == "中华人民共和国工会法"
    wanted = "第五十三条" if "五十三" in question else "第三条"
    assert answer.citations[0].locator == wanted


def test_a_lead_chosen_with_its_item_is_quoted_first(union_law_desk: Desk) -> None:
    """When both an item and the lead that introduces its list answer, the lead is quoted first, as the
    text reads, whichever scored higher."""
    answer = union_law_desk.ask("职工因为参加工会活动被单位解除劳动合同，单位要赔多少？")
    assert answer.found
    locators = [c.locator for c in answer.citations if c.doc_title == "中华人民共和国工会法"]
    for k, locator in enumerate(locators):
        if "（" in locator:
            assert locator.split("（")[0] in locators[:k], locators


@pytest.mark.parametrize(
    "question", ["《劳动法》规定劳动者每天工作时间不超过几小时？", "《劳动法》第四十四条是怎么规定的？"]
)
def test_a_short_title_inside_a_longer_word_of_a_held_title_is_not_that_text(real_desk: Desk, question: str) -> None:
    """《劳动法》 is not held: that 劳动法律监督 (a seed's title) holds the characters does not make it so —
    the answer says the text is not held, not what another text's article says or lacks."""
    answer = real_desk.ask(question)
    assert not answer.found and answer.citations == []
    assert answer.answer.startswith("未收录该文件：《劳动法》")


@pytest.mark.parametrize("question", ["《带薪年休假条例》第三条是怎么规定的？", "《工伤保险条例》第十四条（一）"])
def test_a_short_title_that_ends_where_a_held_title_ends_is_that_text(real_desk: Desk, question: str) -> None:
    answer = real_desk.ask(question)
    assert answer.found
    assert answer.citations[0].locator.split("（")[0] in question
