"""The Kunming annual plan rule (昆工〔2022〕3号) for any year."""

from __future__ import annotations

from datetime import date

import pytest

from core.errors import InvalidInput
from rules import evaluate_rule


def _dates(outputs: dict) -> list[str]:
    found = list(outputs["milestones"].values())
    found += [p["deadline"] for p in outputs["phases"]]
    found += [r["date"] for r in outputs["requirements"] if r["date"]]
    return [d for d in found if isinstance(d, str)]


def test_2026_deadlines() -> None:
    m = evaluate_rule("kunming_annual_plan", {"year": 2026}).outputs["milestones"]
    assert m == {
        "launch_by": "2026-04-30",
        "half_by": "2026-07-31",
        "half_share_min": 0.5,
        "all_done_by": "2026-11-30",
        "summary_by": "2026-12-25",
    }


@pytest.mark.parametrize("year", [2000, 2024, 2026, 2031, 2099])
def test_every_date_falls_in_the_requested_year(year: int) -> None:
    out = evaluate_rule("kunming_annual_plan", {"year": year}).outputs
    dates = _dates(out)
    assert len(dates) > 10
    assert all(date.fromisoformat(d).year == year for d in dates)
    assert out["title"] == f"昆明地区{year}年职工“72行大练兵·360行出状元”竞赛活动方案"


def test_phases_are_in_order_and_quotas_match_the_plan() -> None:
    out = evaluate_rule("kunming_annual_plan", {"year": 2026}).outputs
    deadlines = [p["deadline"] for p in out["phases"]]
    assert deadlines == sorted(deadlines)
    q = out["quotas"]
    assert q["city_level_competitions_min"] == 20
    assert (q["main_urban_districts"]["times_min"], q["main_urban_districts"]["trades_min"]) == (5, 10)
    assert (q["other_counties"]["times_min"], q["other_counties"]["trades_min"]) == (4, 8)
    assert q["main_urban_districts"]["districts"] == ["五华", "盘龙", "官渡", "西山", "呈贡"]


def test_every_requirement_cites_the_2022_plan() -> None:
    out = evaluate_rule("kunming_annual_plan", {"year": 2030}).outputs
    assert {r["doc_number"] for r in out["requirements"]} == {"昆工〔2022〕3号"}
    assert all(r["locator"] for r in out["requirements"])


def test_as_of_marks_passed_deadlines() -> None:
    out = evaluate_rule("kunming_annual_plan", {"year": 2026, "as_of": "2026-08-01"}).outputs
    assert [d["passed"] for d in out["deadlines_status"]] == [True, True, False, False]


def test_district_quota_check() -> None:
    out = evaluate_rule(
        "kunming_annual_plan",
        {"year": 2026, "district_type": "其他县（市）区", "competitions_held": 4, "trades_covered": 7},
    ).outputs
    assert out["district_check"]["meets_quota"] is False


@pytest.mark.parametrize(
    "bad", [{"year": 1999}, {"year": 2100}, {"year": "明年"}, {"year": 2026, "as_of": "2026-02-30"}]
)
def test_bad_years_and_dates_name_the_field(bad: dict) -> None:
    field = "as_of" if "as_of" in bad else "year"
    with pytest.raises(InvalidInput, match=f"字段 {field}"):
        evaluate_rule("kunming_annual_plan", bad)


@pytest.mark.parametrize(
    ("level", "promoted"), [("无", "三级"), ("四级", "三级"), ("三级", "二级"), ("二级", None), ("一级", None)]
)
def test_city_champion_promotion_stops_at_level_two(level: str, promoted: str | None) -> None:
    out = evaluate_rule("kunming_city_champion_promotion", {"current_level": level})
    assert out.outputs["promoted_to"] == promoted
    assert [c.to_dict() for c in out.citations] == [
        {
            "doc_number": "昆工〔2022〕3号",
            "doc_title": "昆明地区2022年职工“72行大练兵·360行出状元”竞赛活动方案",
            "locator": "七、（五）",
        }
    ]
