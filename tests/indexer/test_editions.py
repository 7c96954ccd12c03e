"""Issue 11: an answer from a newer edition names the older one it replaced (never quoting it as
current); asked as of a day in the older edition's time, the older text answers and the newer one is
named as a later amendment — on the real editions of tests/data/real."""

from __future__ import annotations

from datetime import date

import pytest

from corpus import Catalogue, DocStatus, Document
from indexer.citation import cite
from indexer.editions import LATER, OLDER, edition_notes
from policydesk.desk import Desk
from tests.utils.real_texts import real_catalogue

FILES = (
    "laobaobu_gongshang_rending_banfa_2003.txt",
    "renshebu_gongshang_rending_banfa_2010.txt",
    "guowuyuan_fangjia_banfa_2013.txt",
    "guowuyuan_fangjia_banfa_2024.txt",
)
INJURY, HOLIDAYS = "工伤认定办法", "全国年节及纪念日放假办法"


@pytest.fixture(scope="module")
def catalogue() -> Catalogue:
    return real_catalogue(*FILES)


def _edition(catalogue: Catalogue, title: str, year: str) -> Document:
    (doc,) = [d for d in catalogue.documents() if d.title == title and (d.date or "").startswith(year)]
    return doc


def _notes(catalogue: Catalogue, doc: Document, locator: str):  # type: ignore[no-untyped-def]
    seg = catalogue.segment_at(doc.id, locator)
    assert seg is not None, locator
    return edition_notes([cite(doc, seg, 0, len(seg.text))], catalogue)


def test_the_newer_edition_names_the_older_article_it_replaced(catalogue: Catalogue) -> None:
    old, new = _edition(catalogue, INJURY, "2003"), _edition(catalogue, INJURY, "2010")
    (note,) = _notes(catalogue, new, "第二十四条")  # 保存50年, where the older said 20年 in its 第十八条
    assert (note.edition, note.doc_id, note.locator) == (OLDER, old.id, "第十八条")
    assert (note.expired_date, note.superseded_by, note.changed) == ("2011-01-01", new.id, True)
    assert (note.cited_doc_id, note.cited_locator) == (new.id, "第二十四条")
    assert note.line == "旧版《工伤认定办法》（劳动和社会保障部令第17号）第十八条已于2011年1月1日被取代"


def test_the_older_edition_names_the_later_amendment(catalogue: Catalogue) -> None:
    old, new = _edition(catalogue, INJURY, "2003"), _edition(catalogue, INJURY, "2010")
    (note,) = _notes(catalogue, old, "第十八条")
    assert (note.edition, note.doc_id, note.locator, note.effective_date) == (LATER, new.id, "第二十四条", "2011-01-01")
    assert "被取代" not in note.line and "2011年1月1日起施行" in note.line


def test_an_article_worded_the_same_names_no_edition(catalogue: Catalogue) -> None:
    """第三条 of the holiday 办法 differs between the editions only in bracket width."""
    assert _notes(catalogue, _edition(catalogue, HOLIDAYS, "2024"), "第三条") == []


def test_an_unchanged_item_of_a_changed_article_says_so(catalogue: Catalogue) -> None:
    new = _edition(catalogue, HOLIDAYS, "2024")
    (spring,) = _notes(catalogue, new, "第二条（二）")  # 春节 3 days → 4 days
    (tomb,) = _notes(catalogue, new, "第二条（三）")  # 清明节: the same words
    assert spring.changed and spring.locator == "第二条"
    assert not tomb.changed and "文字未变" in tomb.line


# -- through the Desk ------------------------------------------------------------------------------


def test_an_answer_from_the_newer_edition_names_the_older_as_superseded(real_desk: Desk) -> None:
    answer = real_desk.ask("工伤认定结束后，有关资料要保存多少年？")
    quoted = " ".join(c.quote.replace(" ", "") for c in answer.citations)
    assert "50年" in quoted and "20年" not in quoted
    assert all(c.status != DocStatus.SUPERSEDED for c in answer.citations)
    older = [n for n in answer.superseded if n.edition == OLDER]
    assert older and older[0].doc_number == "劳动和社会保障部令第17号" and older[0].expired_date == "2011-01-01"
    assert older[0].changed and "第十八条已于2011年1月1日被取代" in answer.answer
    assert all(h.status != DocStatus.SUPERSEDED for h in answer.related)


def test_as_of_the_older_edition_quotes_it_and_does_not_call_it_superseded(real_desk: Desk) -> None:
    answer = real_desk.ask("工伤认定结束后，有关资料要保存多少年？", as_of="2008-01-01")
    quoted = " ".join(c.quote.replace(" ", "") for c in answer.citations)
    assert "20年" in quoted and "50年" not in quoted
    assert answer.superseded and all(n.edition == LATER for n in answer.superseded)
    assert "被取代" not in answer.answer and "2011年1月1日起施行" in answer.answer
    in_force = real_desk.snapshot().catalogue.in_force_on(date(2008, 1, 1))
    assert all(h.doc_id in in_force for h in answer.related)
