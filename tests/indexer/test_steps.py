"""Procedure questions on the real corpus: the answer is the steps, in the text's order, each cited to
its own provision."""

from __future__ import annotations

from corpus import Catalogue
from policydesk.desk import Desk
from tests.utils.sources import stands_in_source


def _segments(catalogue: Catalogue, doc_id: str, locators: list[str]) -> list:
    by_locator = {s.locator: s for s in catalogue.segments(doc_id)}
    return [by_locator[loc] for loc in locators]


def test_steps_of_a_procedure_chapter_come_in_order(desk: Desk, catalogue: Catalogue) -> None:
    answer = desk.ask("评选云岭工匠要走哪些程序？")
    assert answer.found
    cited = answer.citations
    assert len(cited) >= 5 and len({c.doc_id for c in cited}) == 1
    segments = _segments(catalogue, cited[0].doc_id, [c.locator for c in cited])
    assert [s.order for s in segments] == sorted(s.order for s in segments)
    chapters = {s.heading_path[0] for s in segments}
    assert len(chapters) == 1 and "程序" in chapters.pop()  # one chapter, the one that names the procedure
    for c in cited:
        assert stands_in_source(c) and c.quote in desk.lookup(c.doc_id, c.locator).text
    assert all(f"{c.locator}：“{c.quote}”" in answer.answer for c in cited)


def test_steps_announced_by_a_provision_are_its_items(desk: Desk, catalogue: Catalogue) -> None:
    answer = desk.ask("工会组织专项劳动法律监督检查，按什么步骤实施？")
    cited = answer.citations
    segments = _segments(catalogue, cited[0].doc_id, [c.locator for c in cited])
    parents = {s.parent_id for s in segments}
    assert len(parents) == 1
    lead = catalogue.segment(parents.pop())
    assert lead.text.rstrip().endswith("：") and "步骤" in lead.text
    assert [s.id for s in segments] == list(lead.children)


def test_a_question_that_asks_no_steps_gets_the_deciding_sentence(desk: Desk) -> None:
    answer = desk.ask("云岭工匠每年命名多少名？")
    assert answer.found and len(answer.citations) <= 3
    assert "依次为" not in answer.answer
