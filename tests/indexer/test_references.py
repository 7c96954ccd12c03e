"""Issue 11: a quoted provision that defers to another ("符合本办法第三条规定", "依照本条例第二十五条第二款",
"前款") brings the one it names into the answer, quoted verbatim, cited to its lines and marked with
the quote that led to it — on real public texts (tests/data/real)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from corpus import Catalogue, DocStatus, Document
from corpus.verify import SourceCheck
from indexer.citation import Citation, cite
from indexer.references import MAX_REFERENCED, referenced
from policydesk.desk import Desk
from tests.utils.real_texts import REAL_DIR, real_catalogue

FILES = (
    "guowuyuan_gongshang_baoxian_tiaoli_2010.txt",
    "renshebu_nianxiujia_shishi_banfa_2008.txt",
    "laobaobu_gongshang_rending_banfa_2003.txt",
    "renshebu_gongshang_rending_banfa_2010.txt",
    "zhejiang_laodong_baozhang_jiancha_tiaoli.txt",
)


@pytest.fixture(scope="module")
def catalogue() -> Catalogue:
    return real_catalogue(*FILES)


def _doc(catalogue: Catalogue, title: str, date_: str | None = None) -> Document:
    (doc,) = [d for d in catalogue.documents() if d.title == title and (date_ is None or d.date == date_)]
    return doc


def _quote(catalogue: Catalogue, doc: Document, locator: str, words: str | None = None) -> Citation:
    """The provision quoted whole, or from ``words`` to the end of their line."""
    seg = catalogue.segment_at(doc.id, locator)
    assert seg is not None, locator
    start = seg.text.index(words) if words else 0
    end = seg.text.find("\n", start)
    return cite(doc, seg, start, len(seg.text) if words is None or end < 0 else end)


def _stands_in_file(c: Citation) -> bool:
    """The check every answer's quotes pass: verbatim in the cited lines of the original file."""
    return SourceCheck(lambda name: REAL_DIR / name).holds(c.quote, c.file, c.line_start, c.line_end)


def test_an_article_named_by_number_is_quoted_and_cited_to_its_lines(catalogue: Catalogue) -> None:
    rules = _doc(catalogue, "企业职工带薪年休假实施办法")
    (added,) = referenced([_quote(catalogue, rules, "第十四条")], catalogue, None)
    assert (added.locator, added.refers_from) == ("第三条", "第十四条")
    assert added.quote == catalogue.segment_at(rules.id, "第三条").text
    assert added.verified and _stands_in_file(added)


def test_a_named_paragraph_is_quoted_alone_and_the_question_chooses_among_many(catalogue: Catalogue) -> None:
    """第二十九条 names three provisions; two are kept, the question's words decide which."""
    regulation = _doc(catalogue, "工伤保险条例")
    quoted = [_quote(catalogue, regulation, "第二十九条")]
    in_order = referenced(quoted, catalogue, None)
    assert [c.locator for c in in_order] == ["第二十六条", "第二十八条"]
    chosen = referenced(quoted, catalogue, None, relevance=lambda text: float("60日" in text))
    assert len(chosen) == MAX_REFERENCED
    paragraph = next(c for c in chosen if c.locator == "第二十五条第二款")
    assert paragraph.quote.startswith("设区的市级劳动能力鉴定委员会应当自收到劳动能力鉴定申请之日起60日内")
    assert "专家组" not in paragraph.quote  # the first paragraph is not part of it
    assert paragraph.verified and _stands_in_file(paragraph)


def test_the_paragraph_before_is_quoted_for_qian_kuan_unless_already_quoted(catalogue: Catalogue) -> None:
    regulation = _doc(catalogue, "工伤保险条例")
    second = _quote(catalogue, regulation, "第十七条", "用人单位未按前款规定")
    (first,) = [c for c in referenced([second], catalogue, None) if c.locator.startswith("第十七条")]
    assert first.locator == "第十七条第一款" and first.refers_from == "第十七条"
    assert "30日内" in first.quote and "前款" not in first.quote
    assert _stands_in_file(first)
    whole = _quote(catalogue, regulation, "第十七条")
    assert not [c for c in referenced([whole], catalogue, None) if c.locator.startswith("第十七条")]


def test_nothing_already_cited_is_cited_again(catalogue: Catalogue) -> None:
    rules = _doc(catalogue, "企业职工带薪年休假实施办法")
    both = [_quote(catalogue, rules, "第五条"), _quote(catalogue, rules, "第十四条")]  # both defer to 第三条
    added = referenced(both, catalogue, None)
    assert [c.locator for c in added] == ["第三条"]
    assert referenced([*both, *added], catalogue, None) == []


def test_a_text_named_in_brackets_but_not_held_brings_nothing(catalogue: Catalogue) -> None:
    """Quoted "依照国务院《劳动保障监察条例》第十一条": the regulation is not in the corpus, so there is nothing to
    quote — and never the article of that number in the text that names it."""
    provincial = _doc(catalogue, "浙江省劳动保障监察条例")
    quoted = _quote(catalogue, provincial, "第十二条")
    assert "《劳动保障监察条例》第十一条" in quoted.quote
    assert referenced([quoted], catalogue, None) == []


def test_one_hop_only(catalogue: Catalogue) -> None:
    regulation = _doc(catalogue, "工伤保险条例")
    followed = replace(_quote(catalogue, regulation, "第二十九条"), refers_from="第三十条")
    assert referenced([followed], catalogue, None) == []


def test_a_superseded_text_is_quoted_only_as_of_a_day_it_was_in_force(catalogue: Catalogue) -> None:
    old = _doc(catalogue, "工伤认定办法", "2003-09-23")
    assert old.status is DocStatus.SUPERSEDED
    second = _quote(catalogue, old, "第三条", "按照前款规定")
    assert referenced([second], catalogue, None) == []
    (first,) = referenced([second], catalogue, date(2008, 1, 1))
    assert first.doc_id == old.id and first.locator == "第三条第一款" and "30日内" in first.quote


# -- through the Desk ------------------------------------------------------------------------------


def test_an_answer_quotes_what_its_provision_defers_to(real_desk: Desk) -> None:
    answer = real_desk.ask("被派遣到用工单位的劳务派遣职工能不能享受年休假？")
    by_locator = {c.locator: c for c in answer.citations}
    assert by_locator["第十四条"].refers_from is None
    deferred = by_locator["第三条"]
    assert deferred.refers_from == "第十四条" and deferred.verified
    assert deferred.doc_id == by_locator["第十四条"].doc_id
    assert f"其中第十四条所引《{deferred.doc_title}》第三条：“{deferred.quote}”" in answer.answer
    keys = [(c.doc_id, c.locator) for c in answer.citations]
    assert len(keys) == len(set(keys))
    assert sum(c.refers_from is not None for c in answer.citations) <= MAX_REFERENCED
