"""Conservative extraction of rule inputs from a described case."""

from __future__ import annotations

from pathlib import Path

import pytest

from rules import consequences_for_case


def _by_rule(case: str) -> dict:
    return {o.rule: o for o in consequences_for_case(case)}


def test_provincial_final_winner() -> None:
    out = _by_rule("单位有个电工参加了云南省职工职业技能大赛电工项目，决赛拿了第一名，想知道有什么奖励。")
    award = out["provincial_skills_award"]
    assert award.outputs["bonus_yuan"] == 10000
    assert award.outputs["title"] == "云南省电工技术状元"
    assert award.outputs["wuyi_medal"]["eligible"] is True


def test_national_final_rank() -> None:
    out = _by_rule("我们的选手代表云南参加全国职工职业技能大赛，决赛获得第3名。")
    assert out["national_skills_award"].outputs["bonus_yuan"] == 8000
    assert "provincial_skills_award" not in out


def test_poverty_training_days() -> None:
    out = _by_rule("县总工会在易地搬迁安置点办了一期技能培训，为期25天，学员生活补助每人多少？")
    assert out["training_living_subsidy"].outputs["per_person_yuan"] == 2000


def test_long_course_gets_the_lump_sum() -> None:
    out = _by_rule("脱贫攻坚专项技能培训共45天，40名学员，生活补助怎么算？")
    subsidy = out["training_living_subsidy"].outputs
    assert subsidy["per_person_yuan"] == 3600 and subsidy["total_yuan"] == 144000


def test_farmer_model_worker() -> None:
    out = _by_rule("有位省劳模是农民，女，今年57岁，没有固定收入，能申请生活困难补助吗？")
    assert out["model_worker_subsidies"].outputs["farmer_hardship_subsidy"]["monthly_min_yuan"] == 500


def test_city_level_champion_is_not_read_as_provincial() -> None:
    out = _by_rule("我们一名钳工在昆明市级职工职业技能竞赛决赛获得第一名，他本来就有三级证书。")
    assert "provincial_skills_award" not in out
    assert out["kunming_city_champion_promotion"].outputs["promoted_to"] == "二级"


def test_annual_plan_year() -> None:
    out = _by_rule("2027年的72行大练兵活动，县区竞赛什么时候要完成一半？")
    assert out["kunming_annual_plan"].outputs["milestones"]["half_by"] == "2027-07-31"


def test_excluded_craftsman_applicant() -> None:
    out = _by_rule("推荐的一名云岭工匠申报人去年被列为失信联合惩戒对象，还能推荐吗？")
    assert out["yunling_craftsman_eligibility"].outputs["excluded_by"][0]["locator"] == "第八条（四）"


@pytest.mark.parametrize(
    "case",
    [
        "我们是一家民营企业的基层工会，会员只有20个人左右，要不要成立监督委员会？",
        "单位食堂的菜价能不能由工会来定？",
        "决赛第一名",  # no competition named
        "",
        "   ",
        "第" * 10000,
    ],
)
def test_nothing_clear_yields_nothing(case: str) -> None:
    assert consequences_for_case(case) == []


def test_out_of_range_facts_are_not_a_trigger() -> None:
    assert consequences_for_case("云南省职工职业技能大赛决赛第0名") == []


def test_trigger_phrases_are_data_not_code() -> None:
    """Every place name and wording a trigger uses stands in rules/triggers.toml, none in the module."""
    import re

    from rules import cases

    source = (Path(cases.__file__)).read_text(encoding="utf-8")
    for phrase in ("昆明", "云南", "72行", "决赛拿了", "省劳模", "云岭工匠", "脱贫"):
        assert phrase not in source, phrase
    profile = cases._profile()
    assert any(re.search(p, "昆明") for p in profile["city_champion"]["place"])
