"""A 文号 in a question names the document; it is not what is asked. Matched as words, it ranks the text's
own front-matter line ("1999年1月22日 中华人民共和国国务院令第258号发布") or another text that cites the number
above the article that answers. On a real regulation (tests/data/real) nothing was fitted on."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from policydesk.config import Settings
from policydesk.desk import Desk
from tests.utils.real_texts import REAL_DIR


@pytest.fixture(scope="module")
def unemployment_desk(built_home: Path, tmp_path_factory: pytest.TempPathFactory) -> Desk:
    """The seeds with the 失业保险条例 (国务院令第258号) added, as LawRefBook publishes it."""
    home = tmp_path_factory.mktemp("unemployment") / "home"
    shutil.copytree(built_home, home, symlinks=True)
    desk = Desk(Settings(home=home))
    desk.add_files([REAL_DIR / "shiye_baoxian_tiaoli_1999.md"])
    return desk


@pytest.mark.parametrize(
    "question",
    ["国务院令第258号里，失业保险金的标准是怎么定的？", "按国务院令第258号，失业保险金的标准由谁确定？"],
)
def test_a_question_naming_the_order_number_is_answered_by_the_article(unemployment_desk: Desk, question: str) -> None:
    answer = unemployment_desk.ask(question)
    assert answer.found
    first = answer.citations[0]
    assert first.doc_title == "失业保险条例"
    assert first.locator == "第十八条"
    assert all("258号发布" not in c.quote for c in answer.citations)
