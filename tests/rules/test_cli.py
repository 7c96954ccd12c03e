"""`policydesk rules` and `policydesk rule` in-process."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from policydesk.cli import rules_cmds  # noqa: F401  (registers the commands)
from policydesk.cli.base import main


@pytest.fixture()
def runner() -> CliRunner:
    return CliRunner()


def test_rules_json_lists_every_rule_with_the_documented_keys(runner: CliRunner) -> None:
    result = runner.invoke(main, ["rules", "--json"])
    assert result.exit_code == 0, result.output
    rows = json.loads(result.output)
    assert len(rows) >= 14
    for row in rows:  # fields may only be added: each rule now also lists the parameters it applies
        assert {"id", "title", "citations", "input_schema", "example"} <= set(row)
    living = next(r for r in rows if r["id"] == "training_living_subsidy")
    rate = next(p for p in living["parameters"] if p["name"] == "training_fund.living")
    assert rate["value"] == 80 and rate["unit"] == "元/人/天" and rate["valid_from"] == "2020-07-10"
    assert rate["source"]["locator"] == "第十条" and "80元/人/天" in rate["source"]["key_phrase"]


def test_rules_readable(runner: CliRunner) -> None:
    result = runner.invoke(main, ["rules"])
    assert result.exit_code == 0
    assert "training_living_subsidy" in result.output and "第十条" in result.output
    assert "参数 training_fund.living = 80 元/人/天（第十条；2020-07-10起）" in result.output


def test_rule_inline_json(runner: CliRunner) -> None:
    result = runner.invoke(main, ["rule", "training_living_subsidy", "--input", '{"days": 20}', "--json"])
    assert result.exit_code == 0, result.output
    out = json.loads(result.output)
    assert set(out) == {"rule", "inputs", "outputs", "explanation", "citations"}
    assert out["outputs"]["per_person_yuan"] == 1600


def test_rule_from_file_with_bom(runner: CliRunner, tmp_path: Path) -> None:
    path = tmp_path / "in.json"
    path.write_text('\ufeff{"rank": 1, "trade": "焊工"}', encoding="utf-8")
    result = runner.invoke(main, ["rule", "provincial_skills_award", "--input", str(path)])
    assert result.exit_code == 0, result.output
    assert "云南省焊工技术状元" in result.output and "依据：" in result.output


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["rule", "nope", "--input", "{}"], "Error: 没有规则 'nope'"),
        (["rule", "training_living_subsidy", "--input", "{bad"], "Error: --input 不是合法的 JSON"),
        (["rule", "training_living_subsidy", "--input", "[1]"], "Error: --input 必须是 JSON 对象"),
        (["rule", "training_living_subsidy", "--input", '{"days": 0}'], "Error: 字段 days：不能小于1"),
        (["rule", "training_living_subsidy", "--input", "/no/such/file.json"], "Error: --input：文件不存在"),
        (["rule", "training_living_subsidy"], "Error: 缺少 --input"),
    ],
)
def test_errors_are_one_line_and_exit_1(runner: CliRunner, args: list[str], message: str) -> None:
    result = runner.invoke(main, args)
    assert result.exit_code == 1, result.output
    assert result.output.startswith(message), result.output
    assert "Traceback" not in result.output


@pytest.mark.parametrize("command", ["rules", "rule"])
def test_help(runner: CliRunner, command: str) -> None:
    result = runner.invoke(main, [command, "-h"])
    assert result.exit_code == 0 and "Usage" in result.output
