"""Rule commands: `policydesk rules` lists the rules, `policydesk rules verify` checks their articles against
the catalogue, `policydesk rule ID --input …` evaluates one."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import click

from core.errors import InvalidInput
from policydesk import convert
from policydesk.cli.base import CONTEXT_SETTINGS, echo_json, handle_errors, main
from policydesk.cli.options import data_options, json_option, make_desk
from policydesk.config import Settings

MAX_INPUT_BYTES = 20 * 1024 * 1024


def read_json_input(value: str | None, option: str = "--input") -> dict[str, Any]:
    """A JSON object given inline (starts with "{"), as a file path, or as "-" for stdin."""
    if value is None or not value.strip():
        raise InvalidInput(f"缺少 {option}：请给出 JSON 文件路径或 JSON 文本")
    text = value.strip()
    if not text.startswith(("{", "[")):
        if text == "-":
            text = sys.stdin.read()
        else:
            path = Path(value).expanduser()
            if not path.is_file():
                raise InvalidInput(f"{option}：文件不存在：{value}")
            if path.stat().st_size > MAX_INPUT_BYTES:
                raise InvalidInput(f"{option}：文件超过 {MAX_INPUT_BYTES // 1024 // 1024} MB")
            try:
                text = path.read_text(encoding="utf-8-sig")
            except (OSError, UnicodeDecodeError) as exc:
                raise InvalidInput(f"{option}：无法以 UTF-8 读取 {value}（{exc}）") from None
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise InvalidInput(f"{option} 不是合法的 JSON：第{exc.lineno}行第{exc.colno}列，{exc.msg}") from None
    if not isinstance(data, dict):
        raise InvalidInput(f"{option} 必须是 JSON 对象（{{…}}），收到 {type(data).__name__}")
    return data


def _value(value: Any) -> str:
    return value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)


@main.group("rules", invoke_without_command=True, context_settings=CONTEXT_SETTINGS)
@json_option
@click.pass_context
@handle_errors
def rules_list(ctx: click.Context, as_json: bool) -> None:
    """List the rules with the articles they rest on and the parameters they apply (JSON: id, title,
    citations, input_schema, example, parameters; `rules verify` checks those articles)."""
    if ctx.invoked_subcommand is not None:
        return
    from rules import list_rules

    rows = [convert.rule_description(rule) for rule in list_rules()]
    if as_json:
        echo_json(rows)
        return
    for row in rows:
        click.echo(f"{row.id}  {row.title}")
        for c in row.citations:
            click.echo(f"    《{c.doc_title}》{c.locator}（{c.doc_number}）")
        for p in row.parameters:
            if p.value is None:
                continue
            until = f"至{p.valid_until}" if p.valid_until else "起"
            click.echo(f"    参数 {p.name} = {_value(p.value)} {p.unit}（{p.source.locator}；{p.valid_from}{until}）")


@rules_list.command("verify")
@click.option("--json", "as_json", is_flag=True, help="Print {ok, problems}.")
@data_options
@handle_errors
def rules_verify(settings: Settings, as_json: bool) -> None:
    """Check every rule's cited articles and every parameter's source against the catalogue (and flag a
    parameter whose document is superseded); exit 1 when one does not hold."""
    problems = make_desk(settings).verify_rules()
    if as_json:
        echo_json({"ok": not problems, "problems": problems})
    elif problems:
        for problem in problems:
            click.echo(problem)
    else:
        click.echo("OK: 所有规则引用的条款均已核对")
    if problems:
        click.echo(f"Error: {len(problems)} 处规则引用无法核对", err=True)
        sys.exit(1)


@main.command("rule")
@click.argument("rule_id")
@click.option("--input", "input_", metavar="FILE_OR_JSON", help="Inputs as a JSON file, inline JSON, or - for stdin.")
@json_option
@handle_errors
def rule_eval(rule_id: str, input_: str | None, as_json: bool) -> None:
    """Evaluate rule RULE_ID (see `policydesk rules`) on the given inputs (JSON: rule, inputs, outputs,
    explanation, citations)."""
    from rules import evaluate_rule, get_rule

    rule = get_rule(rule_id)
    result = convert.rule_output(evaluate_rule(rule.id, read_json_input(input_)))
    if as_json:
        echo_json(result)
        return
    click.echo(f"规则：{rule.id}（{rule.title}）")
    click.echo("结果：")
    for key, value in result.outputs.items():
        click.echo(f"  {key}：{_value(value)}")
    click.echo(f"说明：{result.explanation}")
    click.echo("依据：")
    for c in result.citations:
        click.echo(f"  《{c.doc_title}》{c.locator}（{c.doc_number}）")
