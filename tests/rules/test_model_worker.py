"""Model-worker subsidies (《云南省劳动模范专项补助资金发放管理办法》)."""

from __future__ import annotations

import pytest

from rules import evaluate_rule


def test_farmer_man_over_sixty_without_income_gets_the_monthly_minimum() -> None:
    out = evaluate_rule("model_worker_subsidies", {"farmer": True, "sex": "男", "age": 63, "has_fixed_income": False})
    hardship = out.outputs["farmer_hardship_subsidy"]
    assert hardship["eligible"] is True and hardship["monthly_min_yuan"] == 500
    assert {"第六条（三）", "第十一条"} <= {c.locator for c in out.citations}
    assert out.outputs["spring_festival_yuan_per_year"] == 1000


@pytest.mark.parametrize(
    ("sex", "age", "eligible"), [("男", 60, True), ("男", 59, False), ("女", 55, True), ("女", 54, False)]
)
def test_farmer_age_thresholds(sex: str, age: int, eligible: bool) -> None:
    out = evaluate_rule("model_worker_subsidies", {"farmer": True, "sex": sex, "age": age, "has_fixed_income": False})
    assert out.outputs["farmer_hardship_subsidy"]["eligible"] is eligible


def test_lost_capacity_counts_like_no_income() -> None:
    out = evaluate_rule(
        "model_worker_subsidies",
        {"farmer": True, "sex": "女", "age": 58, "has_fixed_income": True, "lost_work_capacity": True},
    )
    assert out.outputs["farmer_hardship_subsidy"]["eligible"] is True


def test_honour_allowance_depends_on_the_employer() -> None:
    private = evaluate_rule("model_worker_subsidies", {"employer": "其他企业或组织", "retired": True})
    state = evaluate_rule("model_worker_subsidies", {"employer": "国有企业", "retired": True})
    assert private.outputs["honour_allowance"]["monthly_yuan"] == 200
    assert state.outputs["honour_allowance"]["monthly_yuan"] is None
    assert "评选服务管理办法" in state.outputs["honour_allowance"]["note"]


def test_unknown_retirement_is_not_guessed() -> None:
    out = evaluate_rule("model_worker_subsidies", {"farmer": True, "sex": "男", "age": 70, "has_fixed_income": False})
    assert out.outputs["honour_allowance"]["eligible"] is None


def test_disqualified_model_workers_get_nothing() -> None:
    out = evaluate_rule("model_worker_subsidies", {"disqualified": True, "farmer": True, "sex": "男", "age": 70})
    assert out.outputs["eligible"] is False and out.outputs["spring_festival_yuan_per_year"] == 0
    assert [c.locator for c in out.citations] == ["第十条"]
