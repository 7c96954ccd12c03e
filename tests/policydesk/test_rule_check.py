"""A rule whose cited article no longer resolves is a warning — listed by `policydesk rules verify` (exit 1),
kept beside the generation's manifest and shown by /health — and never a failed build."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

import rules.registry
from policydesk.build import build
from policydesk.cli import main
from policydesk.config import Settings
from policydesk.desk import Desk
from policydesk.rule_check import WARNINGS_FILE
from rules import Rule, RuleCitation
from rules.competition import ProvincialAwardInput, provincial_award

MOVED = RuleCitation("云职创〔2019〕3号", "云南省职工职业技能竞赛管理办法（试行）", "第九十九条", "技术状元")


@pytest.fixture()
def moved_article(monkeypatch: pytest.MonkeyPatch) -> None:
    """A rule resting on an article the catalogue does not have, as after a new edition renumbers it."""
    rule = Rule("moved_probe", "probe", (MOVED,), ProvincialAwardInput, provincial_award, {"rank": 1})
    monkeypatch.setitem(rules.registry._RULES, rule.id, rule)


def _verify(home: Path, *args: str):  # type: ignore[no-untyped-def]
    return CliRunner().invoke(main, ["rules", "verify", "--home", str(home), *args], catch_exceptions=False)


def test_rules_verify_passes_on_the_seeds(built_home: Path) -> None:
    result = _verify(built_home)
    assert result.exit_code == 0, result.output
    assert result.output.startswith("OK")
    assert json.loads(_verify(built_home, "--json").output) == {"ok": True, "problems": []}
    assert Desk(Settings(home=built_home)).health().rule_warnings == []


def test_a_moved_article_warns_and_never_fails_the_build(fresh_home: Path, moved_article: None) -> None:
    settings = Settings(home=fresh_home, embed_model="none")  # a real rebuild, lexical-only to stay quick
    report = build(settings, force=True, progress=False)
    assert report.rebuilt
    desk = Desk(settings)
    health = desk.health()
    assert health.status == "ok"
    [warning] = health.rule_warnings
    assert "moved_probe" in warning and "第九十九条" in warning
    record = json.loads((fresh_home / "generations" / report.generation / WARNINGS_FILE).read_text(encoding="utf-8"))
    assert record["warnings"] == [warning]


def test_rules_verify_lists_the_problem_and_exits_1(fresh_home: Path, moved_article: None) -> None:
    result = _verify(fresh_home)
    assert result.exit_code == 1
    assert "规则 moved_probe" in result.output and "第九十九条" in result.output
    assert "Error: 1 处规则引用无法核对" in result.output and "Traceback" not in result.output
    data = json.loads(_verify(fresh_home, "--json").stdout)
    assert data["ok"] is False and len(data["problems"]) == 1


def test_the_record_follows_the_rules_not_only_the_build(fresh_home: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A generation checked with sound rules is checked again when a rule's citations change."""
    desk = Desk(Settings(home=fresh_home))
    assert desk.rule_warnings() == []
    rule = Rule("moved_probe", "probe", (MOVED,), ProvincialAwardInput, provincial_award, {"rank": 1})
    monkeypatch.setitem(rules.registry._RULES, rule.id, rule)
    assert [w for w in desk.rule_warnings() if "moved_probe" in w]
