"""A question about a place: answered by texts bound to that place or to a region holding it, never by
another region's rules. Places and what lies within what are profile data (profiles/*.toml)."""

from __future__ import annotations

import pytest

from core.profile import load_profile
from policydesk.desk import Desk


def test_the_profile_knows_which_places_lie_within_which() -> None:
    profile = load_profile("yunnan")
    inner = sorted(p for p, outer in profile.enclosing.items() if outer)
    assert inner, "the locale profile lists places within its region"
    region = next(iter(profile.enclosing[inner[0]]))
    assert profile.covers(region, inner[0]) and profile.covers(region, region)
    assert not profile.covers(inner[0], region)  # a prefecture's rules do not cover the province
    assert profile.places_in(f"{inner[0]}的职工") == {inner[0]}
    assert load_profile("neutral").enclosing == {}


@pytest.fixture(scope="module")
def regional(desk: Desk) -> tuple[str, str, str]:
    """A region-bound 办法 of the corpus (its title names its region), a province no text of the corpus
    names, and a place inside the 办法's region."""
    catalogue = desk.snapshot().catalogue
    profile = desk.snapshot().retriever.profile
    everything = " ".join(s.text for s in catalogue.segments()) + " ".join(d.title for d in catalogue.documents())
    doc = next(d for d in catalogue.documents() if d.title.endswith("办法") and profile.places_in(d.title))
    region = next(iter(profile.places_in(doc.title)))
    elsewhere = next(p for p in sorted(profile.places_in("".join(_provinces()))) if p not in everything)
    inside = next(p for p, outer in sorted(profile.enclosing.items()) if region in outer)
    return profile.without_region(doc.title), elsewhere, inside


def _provinces() -> list[str]:
    import tomllib
    from importlib import resources

    text = resources.files("profiles").joinpath("neutral.toml").read_text(encoding="utf-8")
    return tomllib.loads(text)["places"]["names"]


def test_another_regions_question_is_not_answered_with_this_regions_rules(desk: Desk, regional) -> None:
    title, elsewhere, _ = regional
    answer = desk.ask(f"{elsewhere}的{title}是怎么规定申报条件的？")
    assert not answer.found and answer.citations == []
    assert elsewhere in answer.answer


def test_a_place_inside_the_region_is_answered_by_the_regions_rules(desk: Desk, regional) -> None:
    title, _, inside = regional
    answer = desk.ask(f"{inside}的单位按{title}申报需要什么条件？")
    assert f"适用于{inside}" not in answer.answer


@pytest.mark.parametrize(
    "question",
    ["玉溪市职工技能大赛的比赛时间怎么安排？", "大理州职工技能竞赛获奖选手有什么奖励？"],
)
def test_a_sibling_places_question_never_quotes_a_text_bound_to_its_neighbour(desk: Desk, question: str) -> None:
    """Asked about one prefecture in words a text bound to another also holds (昆明's 方案), whatever is
    quoted is bound to the asked place, to a region holding it (the province), or to none: a neighbour's
    rules may be listed as related, never quoted — not even as a companion of a provincial quote."""
    snapshot = desk.snapshot()
    profile = snapshot.retriever.profile
    asked = profile.places_in(question)
    answer = desk.ask(question)
    assert answer.found, "the province's rules answer it"
    for citation in answer.citations:
        cited = snapshot.catalogue.document(citation.doc_id)
        regions = profile.places_in(f"{cited.title} {cited.issuer or ''}")
        assert not regions or any(profile.covers(r, p) for r in regions for p in asked), cited.title
