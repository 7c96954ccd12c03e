"""All rules by id, and evaluation: validate the inputs, run the pure function, attach citations."""

from __future__ import annotations

from typing import Any

from core.errors import RuleNotFound
from core.inputs import parse_input
from rules import competition, craftsman, kunming_plan, labour_competition, model_worker, training
from rules.model import Rule, RuleOutput

_FAMILIES = (competition, craftsman, training, model_worker, labour_competition, kunming_plan)
_RULES: dict[str, Rule] = {rule.id: rule for family in _FAMILIES for rule in family.RULES}


def list_rules() -> list[Rule]:
    return list(_RULES.values())


def get_rule(rule_id: str) -> Rule:
    try:
        return _RULES[rule_id]
    except (KeyError, TypeError):
        known = "、".join(_RULES)
        raise RuleNotFound(f"没有规则 {rule_id!r}；可用的规则：{known}") from None


def evaluate_rule(rule_id: str, inputs: dict[str, Any]) -> RuleOutput:
    """Validate ``inputs`` with the rule's model (bad field → InvalidInput naming it) and apply the rule.

    The returned citations are those the finding used, which are always among the rule's declared
    (verified) citations.
    """
    rule = get_rule(rule_id)
    model = parse_input(rule.input_model, inputs, what="规则输入")
    finding = rule.apply(model)
    undeclared = [c for c in finding.cited if c not in rule.citations]
    if undeclared:  # a programming error: `rules verify` would not have checked these articles
        raise AssertionError(f"rule {rule.id} cites undeclared articles: {undeclared}")
    return RuleOutput(
        rule=rule.id,
        inputs=model.model_dump(mode="json"),
        outputs=finding.outputs,
        explanation=finding.explanation,
        citations=finding.cited,
    )
