"""Rules with citations: small pure functions over validated inputs, each resting on articles that
``policydesk rules verify`` checks against the catalogue (a broken one is a warning of the build, never
a failed build: a new edition of a cited 办法 must not block uploads).

Public API::

    list_rules() -> list[Rule]
    get_rule(rule_id) -> Rule                       # RuleNotFound for an unknown id
    evaluate_rule(rule_id, inputs) -> RuleOutput    # InvalidInput naming the bad field
    verify_citations(catalogue) -> list[str]        # [] when every cited article and parameter holds
    all_parameters() -> list[Parameter]             # rules/params/*.toml: value, unit, source, validity
    parameters_for(citations) -> list[Parameter]    # the parameters behind a rule's citations
    consequences_for_case(case) -> list[RuleOutput]
"""

from rules.cases import consequences_for_case
from rules.model import Rule, RuleCitation, RuleOutput
from rules.parameters import Parameter, all_parameters, parameters_for
from rules.registry import evaluate_rule, get_rule, list_rules
from rules.verify import verify_citations

__all__ = [
    "Parameter",
    "Rule",
    "RuleCitation",
    "RuleOutput",
    "all_parameters",
    "consequences_for_case",
    "evaluate_rule",
    "get_rule",
    "list_rules",
    "parameters_for",
    "verify_citations",
]
