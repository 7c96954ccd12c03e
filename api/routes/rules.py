"""Rules: data plus a small pure function, each resting on cited articles."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Body

from api.deps import DeskDep
from api.errors import error_responses
from policydesk.records import RuleDescription, RuleOutput

router = APIRouter(prefix="/api/rules", tags=["rules"], responses=error_responses(404))


@router.get("", response_model=list[RuleDescription], summary="规则列表")
def list_rules(desk: DeskDep) -> list[RuleDescription]:
    """Every rule with its citations, input schema and an example input that evaluates."""
    return desk.rules()


@router.post("/{rule_id}", response_model=RuleOutput, summary="计算规则")
def evaluate_rule(
    rule_id: str,
    inputs: Annotated[dict[str, Any], Body(description="The rule's inputs (see its input_schema)")],
    desk: DeskDep,
) -> RuleOutput:
    """Evaluate one rule: outputs, a short explanation and the articles it rests on."""
    return desk.evaluate_rule(rule_id, inputs)
