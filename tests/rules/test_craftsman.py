"""云岭工匠 / 职工创新工作室 / 职工技师工作站 eligibility and quotas (云工办通〔2020〕22号)."""

from __future__ import annotations

import pytest

from core.errors import InvalidInput
from rules import evaluate_rule
from rules.craftsman import classify_honour

BASE = {"name": "张明", "conditions": ["技艺精湛高超"]}


@pytest.mark.parametrize(
    ("code", "locator"),
    [
        ("严重违纪违法", "第八条（一）"),
        ("违反政治纪律和政治规矩", "第八条（二）"),
        ("处分影响期未满", "第八条（三）"),
        ("失信联合惩戒对象", "第八条（四）"),
        ("企业负责人责任情形", "第八条（五）"),
        ("其他不宜", "第八条（六）"),
    ],
)
def test_each_exclusion_names_its_item(code: str, locator: str) -> None:
    out = evaluate_rule("yunling_craftsman_eligibility", {**BASE, "exclusions": [code]})
    assert out.outputs["eligible"] is False
    assert out.outputs["excluded_by"][0]["locator"] == locator
    assert [c.locator for c in out.citations] == [locator]


def test_exclusions_override_direct_recognition() -> None:
    out = evaluate_rule(
        "yunling_craftsman_eligibility", {**BASE, "honours": ["大国工匠年度人物"], "exclusions": ["失信联合惩戒对象"]}
    )
    assert out.outputs["eligible"] is False and out.outputs["route"] is None


@pytest.mark.parametrize(
    ("honour", "kind"),
    [
        ("大国工匠年度人物", "direct"),
        ("“中国质量工匠”", "direct"),
        ("世界技能大赛决赛第6名", "direct"),
        ("世界技能大赛决赛第7名", None),
        ("全国职业技能大赛（一类）决赛第3名", "direct"),
        ("全国职业技能大赛（一类）决赛第4名", None),
        ("全国技术能手", "priority"),
        ("云南省职工职业技能大赛技术状元", "priority"),
        ("云南省“兴滇人才奖”", "priority"),
        ("市级先进个人", None),
    ],
)
def test_honours_by_article_6_and_7(honour: str, kind: str | None) -> None:
    assert classify_honour(honour) == kind


def test_direct_recognition_does_not_need_the_article_5_conditions() -> None:
    out = evaluate_rule("yunling_craftsman_eligibility", {"name": "李华", "honours": ["世界技能大赛决赛第4名"]})
    assert out.outputs["eligible"] is True and out.outputs["route"] == "直接认定"
    assert [c.locator for c in out.citations] == ["第六条"]


def test_priority_and_ordinary_routes() -> None:
    assert (
        evaluate_rule("yunling_craftsman_eligibility", {**BASE, "honours": ["全国技术能手"]}).outputs["route"]
        == "优先评定"
    )
    assert evaluate_rule("yunling_craftsman_eligibility", BASE).outputs["route"] == "一般评定"


def test_no_condition_and_no_direct_honour_is_excluded_by_article_5() -> None:
    out = evaluate_rule("yunling_craftsman_eligibility", {"name": "王磊"})
    assert out.outputs["eligible"] is False
    assert out.outputs["excluded_by"][0]["locator"] == "第五条"


def test_named_once_is_never_named_again() -> None:
    out = evaluate_rule("yunling_craftsman_eligibility", {**BASE, "previously_named": True})
    assert out.outputs["excluded_by"][0]["locator"] == "第三条"


def test_unit_outside_yunnan_is_excluded() -> None:
    out = evaluate_rule("yunling_craftsman_eligibility", {**BASE, "unit_registered_in_yunnan": False})
    assert out.outputs["excluded_by"][0]["locator"] == "第五条"


def test_unknown_exclusion_code_names_the_field() -> None:
    with pytest.raises(InvalidInput, match=r"exclusions\[0\]"):
        evaluate_rule("yunling_craftsman_eligibility", {**BASE, "exclusions": ["迟到"]})


STUDIO = {
    "name": "李强创新工作室",
    "local_named_years": 3,
    "leaders": 1,
    "team_size": 3,
    "commended_members": 1,
    "has_system": True,
    "projects_per_year": 1,
    "results_in_3_years": 1,
    "has_place_and_funds": True,
}


def test_studio_meeting_every_condition_is_eligible() -> None:
    out = evaluate_rule("innovation_studio_eligibility", STUDIO)
    assert out.outputs["eligible"] is True and out.outputs["unverified"] == []


@pytest.mark.parametrize(
    ("change", "locator"),
    [
        ({"team_size": 2}, "第十条（二）"),
        ({"commended_members": 0}, "第十条（二）"),
        ({"local_named_years": 1.5}, "第十条"),
        ({"channel": "个人申报"}, "第十三条"),
        ({"channel": "越级申报"}, "第十三条"),
        ({"results_in_3_years": 0}, "第十条（五）"),
    ],
)
def test_studio_failures_cite_the_condition(change: dict, locator: str) -> None:
    out = evaluate_rule("innovation_studio_eligibility", {**STUDIO, **change})
    assert out.outputs["eligible"] is False
    assert locator in [e["locator"] for e in out.outputs["excluded_by"]]


def test_outstanding_studio_skips_the_two_year_rule() -> None:
    assert evaluate_rule(
        "innovation_studio_eligibility", {**STUDIO, "local_named_years": 0.5, "outstanding": True}
    ).outputs["eligible"]


def test_missing_facts_are_listed_for_review_not_assumed_false() -> None:
    out = evaluate_rule("innovation_studio_eligibility", {"name": "某工作室"})
    assert out.outputs["eligible"] is True
    assert len(out.outputs["unverified"]) == 8


STATION = {
    "name": "王刚技师工作站",
    "local_named_years": 2,
    "unit_conditions": True,
    "expert_award": True,
    "expert_skill_level": "技师",
    "expert_age": 55,
    "expert_months_per_year": 6,
    "team_size": 5,
}


def test_station_boundaries_are_inclusive() -> None:
    assert evaluate_rule("technician_station_eligibility", STATION).outputs["eligible"] is True


@pytest.mark.parametrize(
    "change",
    [
        {"expert_age": 56},
        {"expert_skill_level": "高级工"},
        {"expert_months_per_year": 5.5},
        {"team_size": 4},
        {"expert_award": False},
    ],
)
def test_station_expert_conditions(change: dict) -> None:
    out = evaluate_rule("technician_station_eligibility", {**STATION, **change})
    assert out.outputs["eligible"] is False
    assert out.outputs["excluded_by"][0]["locator"] == "第十条（二）"


@pytest.mark.parametrize(
    ("programme", "cap", "proposed", "within"),
    [
        ("云岭工匠", 20, 20, True),
        ("云岭工匠", 20, 21, False),
        ("职工创新工作室", 30, 30, True),
        ("职工技师工作站", 30, 31, False),
    ],
)
def test_quotas(programme: str, cap: int, proposed: int, within: bool) -> None:
    out = evaluate_rule("selection_quota", {"programme": programme, "proposed": proposed})
    assert out.outputs["cap"] == cap and out.outputs["within_cap"] is within
