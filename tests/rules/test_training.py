"""Skills-training subsidies (《云南省工会技能培训专项资金管理办法（试行）》第七条、第九条、第十条、第十六条)."""

from __future__ import annotations

import pytest

from rules import evaluate_rule


@pytest.mark.parametrize(("days", "per_person"), [(1, 80), (20, 1600), (30, 2400), (31, 3600), (90, 3600)])
def test_living_subsidy_per_person(days: int, per_person: int) -> None:
    out = evaluate_rule("training_living_subsidy", {"days": days})
    assert out.outputs["per_person_yuan"] == per_person
    assert out.citations[0].locator == "第十条"


def test_twenty_day_course_explains_the_arithmetic() -> None:
    out = evaluate_rule("training_living_subsidy", {"days": 20, "trainees": 50})
    assert "20×80=1600元" in out.explanation
    assert out.outputs["total_yuan"] == 80000


def test_short_poverty_course_is_flagged_by_article_7() -> None:
    out = evaluate_rule("training_living_subsidy", {"days": 10})
    assert out.outputs["per_person_yuan"] == 800
    assert "第七条" in [c.locator for c in out.citations]


def test_skills_upgrading_courses_have_no_living_subsidy() -> None:
    out = evaluate_rule("training_living_subsidy", {"days": 20, "programme": "职工技能提升培训"})
    assert out.outputs["applicable"] is False and out.outputs["total_yuan"] == 0


def test_seventy_thirty_split_and_two_instalments() -> None:
    out = evaluate_rule("training_subsidy_split", {"standard_total_yuan": 123456.78})
    assert out.outputs["province_yuan"] == 86419.75
    assert out.outputs["local_min_yuan"] == 37037.03
    instalments = [i["yuan"] for i in out.outputs["province_instalments"]]
    assert round(sum(instalments), 2) == out.outputs["province_yuan"]
    assert {c.locator for c in out.citations} == {"第九条", "第十六条"}
