"""Rules with citations: small pure functions over validated inputs, each resting on articles that
the build checks against the catalogue.

Public API::

    list_rules() -> list[Rule]
    get_rule(rule_id) -> Rule                      # RuleNotFound for an unknown id
    evaluate(rule_id, inputs) -> RuleOutput        # InvalidInput naming the bad field
    verify_citations(catalogue) -> list[str]       # [] when every cited article holds
    consequences_for_case(case) -> list[RuleOutput]
"""

from rules.cases import consequences_for_case
from rules.model import Citation, Rule, RuleOutput
from rules.registry import evaluate, get_rule, list_rules
from rules.verify import verify_citations

__all__ = [
    "Citation",
    "Rule",
    "RuleOutput",
    "consequences_for_case",
    "evaluate",
    "get_rule",
    "list_rules",
    "verify_citations",
]
