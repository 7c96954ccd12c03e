"""The formal citation: the written form of a locator, and the whole citation staff paste."""

from __future__ import annotations

import pytest

from core.citeform import formal_citation
from core.locator import canonical_locator, written_locator


@pytest.mark.parametrize(
    ("locator", "written"),
    [
        ("第十八条", "第十八条"),
        ("第十八条（一）", "第十八条第（一）项"),
        ("第五章 第十八条（一）", "第十八条第（一）项"),
        ("第十八条第二款", "第十八条第二款"),
        ("第十八条第二款（一）", "第十八条第二款第（一）项"),
        ("第十八条（一）1", "第十八条第（一）项第1目"),
        ("第18条第1项", "第十八条第（一）项"),
        ("第十四条（1）", "第十四条第（1）项"),
        ("三、（二）", "第三部分第（二）项"),
        ("四、（四）1", "第四部分第（四）项第1目"),
        ("三、", "第三部分"),
    ],
)
def test_every_level_is_spelled_out(locator: str, written: str) -> None:
    assert written_locator(locator) == written


@pytest.mark.parametrize("locator", ["第十八条（一）", "三、（二）", "四、（四）1", "第十八条第二款（一）"])
def test_the_written_form_reads_back_as_the_same_provision(locator: str) -> None:
    assert canonical_locator(written_locator(locator)) == canonical_locator(locator)


def test_a_formal_citation_names_title_number_and_provision() -> None:
    assert (
        formal_citation("云南省职工职业技能竞赛管理办法（试行）", "云职创[2019]3号", "第十八条（一）")
        == "《云南省职工职业技能竞赛管理办法（试行）》（云职创〔2019〕3号）第十八条第（一）项"
    )
    assert formal_citation("某某通知", None, "三、") == "《某某通知》第三部分"


def test_a_heading_outside_the_grammar_is_cited_as_it_stands() -> None:
    assert formal_citation("某某方案", None, "附则") == "《某某方案》附则"
    with pytest.raises(ValueError, match="无法识别的条款位置"):
        written_locator("附则")
