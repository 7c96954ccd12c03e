"""Retrieval units on the real corpus: a provision that announces a list carries its items, and every
position of a unit's text maps back to the segment that holds it."""

from __future__ import annotations

from corpus import Catalogue
from indexer.units import LISTED_WHOLE_CHARS, build_units
from policydesk.desk import Desk
from tests.utils.sources import stands_in_source


def test_a_provision_announcing_a_list_is_indexed_with_its_items(catalogue: Catalogue) -> None:
    units = build_units(catalogue)
    whole = {u.segment_id: u for u in units if u.parts}
    announcing = [
        seg
        for seg in catalogue.segments()
        if seg.children
        and seg.text.rstrip().endswith(("：", ":"))
        and len(seg.text) + sum(len(d.text) + 1 for d in catalogue.descendants(seg)) <= LISTED_WHOLE_CHARS
    ]
    assert len(announcing) >= 10  # the corpus has many "按以下步骤实施：" leads
    for seg in announcing:
        unit = whole[seg.id]
        members = [seg, *catalogue.descendants(seg)]
        assert [p[0] for p in unit.parts] == [m.id for m in members]
        assert unit.line_start == min(m.source.line_start for m in members)
        assert unit.line_end == max(m.source.line_end for m in members)
        assert not any(u.segment_id == seg.id and not u.parts for u in units)  # the lead alone is not indexed twice


def test_every_offset_of_a_unit_maps_back_to_its_segment(catalogue: Catalogue) -> None:
    for unit in build_units(catalogue):
        for offset in range(0, len(unit.text), 7):
            if unit.text[offset] == "\n" and unit.parts:
                continue  # the join between two parts belongs to neither
            segment_id, at = unit.locate(offset)
            assert catalogue.segment(segment_id).text[at] == unit.text[offset]


def test_a_sentence_from_an_item_is_cited_to_the_item(desk: Desk) -> None:
    answer = desk.ask("云职创〔2019〕3号第十八条规定，决赛第1名给多少奖金？")
    assert answer.found
    for cited in answer.citations:
        assert stands_in_source(cited)
        own = desk.lookup(cited.doc_id, cited.locator).text
        assert cited.quote in own
    assert any(c.locator.startswith("第十八条（") and "元" in c.quote for c in answer.citations)
