"""Rules over HTTP: the list with examples, evaluating every example, and bad input naming the field."""

from __future__ import annotations

import pytest
from api_helpers import assert_error


@pytest.fixture(scope="module")
def rules(client) -> list[dict]:
    response = client.get("/api/rules")
    assert response.status_code == 200, response.text
    return response.json()


def test_rules_are_listed_with_citations_schema_and_example(rules):
    assert len(rules) >= 6
    for rule in rules:
        assert {"id", "title", "citations", "input_schema", "example"} <= set(rule)
        assert rule["citations"], rule["id"]
        assert rule["input_schema"].get("type") == "object" or "properties" in rule["input_schema"]


def test_every_example_evaluates_with_outputs_and_citations(client, rules):
    for rule in rules:
        response = client.post(f"/api/rules/{rule['id']}", json=rule["example"])
        assert response.status_code == 200, (rule["id"], response.text)
        result = response.json()
        assert {"rule", "inputs", "outputs", "explanation", "citations"} <= set(result)
        assert result["citations"], rule["id"]


def test_bad_rule_input_is_422_naming_the_field(client, rules):
    rule = next(r for r in rules if r["input_schema"].get("required"))
    field = rule["input_schema"]["required"][0]
    inputs = {k: v for k, v in rule["example"].items() if k != field}
    error = assert_error(client.post(f"/api/rules/{rule['id']}", json=inputs), 422)
    assert field in error["message"] + str(error["details"])


def test_rule_inputs_must_be_an_object(client, rules):
    assert_error(client.post(f"/api/rules/{rules[0]['id']}", json=[1, 2]), 422, "invalid_input")
