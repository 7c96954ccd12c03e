"""The rule registry: ids, descriptions, evaluation and input errors."""

from __future__ import annotations

import re

import pytest

from core.errors import InvalidInput, RuleNotFound
from rules import evaluate_rule, get_rule, list_rules

RULES = list_rules()


def test_rule_ids_are_unique_snake_case() -> None:
    ids = [r.id for r in RULES]
    assert len(ids) == len(set(ids))
    assert all(re.fullmatch(r"[a-z][a-z0-9_]{2,40}", i) for i in ids)


def test_required_families_are_present() -> None:
    ids = {r.id for r in RULES}
    assert {
        "provincial_skills_award",
        "national_skills_award",
        "competition_composite_score",
        "competition_entry_requirements",
        "yunling_craftsman_eligibility",
        "innovation_studio_eligibility",
        "technician_station_eligibility",
        "selection_quota",
        "training_subsidy_split",
        "training_living_subsidy",
        "model_worker_subsidies",
        "labour_competition_application",
        "labour_competition_participation",
        "kunming_annual_plan",
    } <= ids


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.id)
def test_each_rule_declares_its_articles_and_its_example_evaluates(rule) -> None:
    assert rule.citations and all(c.locator and c.key_phrase for c in rule.citations)
    assert rule.input_schema()["type"] == "object"
    out = evaluate_rule(rule.id, rule.example)
    assert out.rule == rule.id and out.explanation and out.citations
    assert all(c in rule.citations for c in out.citations)


def test_unknown_rule_lists_the_known_ones() -> None:
    with pytest.raises(RuleNotFound, match="provincial_skills_award"):
        get_rule("no_such_rule")


@pytest.mark.parametrize(
    ("inputs", "field"),
    [
        ({}, "rank"),
        ({"rank": 0}, "rank"),
        ({"rank": "一"}, "rank"),
        ({"rank": 1, "bonus": 5}, "bonus"),
        ({"rank": 1, "current_qualification": "教授"}, "current_qualification"),
        ({"rank": 1, "trade": "焊\x01工"}, "trade"),
    ],
)
def test_bad_input_names_the_field(inputs: dict, field: str) -> None:
    with pytest.raises(InvalidInput, match=f"字段 {field}："):
        evaluate_rule("provincial_skills_award", inputs)


@pytest.mark.parametrize("inputs", [None, [], "rank=1", 3])
def test_inputs_must_be_an_object(inputs: object) -> None:
    with pytest.raises(InvalidInput, match="JSON 对象"):
        evaluate_rule("provincial_skills_award", inputs)  # type: ignore[arg-type]


def test_inputs_echo_the_validated_values_with_defaults() -> None:
    out = evaluate_rule("training_living_subsidy", {"days": 20})
    assert out.inputs == {"days": 20, "trainees": 1, "programme": "助力脱贫攻坚专项技能培训"}
