"""Provincial demonstration labour competitions (《云南省劳动竞赛管理办法》第六条、第十条、第十四条)."""

from __future__ import annotations

import pytest

from core.errors import InvalidInput
from rules import evaluate_rule


def test_one_application_per_unit_and_three_upgrades_a_year() -> None:
    out = evaluate_rule("labour_competition_application", {"applications": 2, "upgraded_this_year": 2})
    assert out.outputs["within_unit_limit"] is False and out.outputs["allowed_applications"] == 1
    assert out.outputs["province_remaining"] == 1
    assert out.outputs["deadline"] == "每年年底前"
    assert "须择优只报1项" in out.explanation


def test_two_failed_years_revoke_the_status() -> None:
    out = evaluate_rule("labour_competition_application", {"applications": 1, "consecutive_failed_years": 2})
    assert out.outputs["status_revoked"] is True
    assert "第十四条" in [c.locator for c in out.citations]


@pytest.mark.parametrize(
    ("units", "workers", "meets"),
    [((40, 50), (9000, 10000), True), ((39, 50), (9000, 10000), False), ((40, 50), (8999, 10000), False)],
)
def test_participation_thresholds_are_inclusive(units: tuple, workers: tuple, meets: bool) -> None:
    out = evaluate_rule(
        "labour_competition_participation",
        {
            "units_participating": units[0],
            "units_in_scope": units[1],
            "workers_participating": workers[0],
            "workers_in_scope": workers[1],
        },
    )
    assert out.outputs["meets_standard"] is meets
    assert out.outputs["units_needed"] == 40 and out.outputs["workers_needed"] == 9000


def test_more_participants_than_in_scope_is_an_input_error() -> None:
    with pytest.raises(InvalidInput, match="units_participating"):
        evaluate_rule(
            "labour_competition_participation",
            {"units_participating": 60, "units_in_scope": 50, "workers_participating": 1, "workers_in_scope": 1},
        )
