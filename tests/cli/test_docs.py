"""The command group documents itself and reads the same everywhere: every command has a docstring and
answers -h/--help, every command that prints data takes the one shared --json, fixed choices are
click Choices, and every command form in the README's table still parses (issue 12, item 4)."""

from __future__ import annotations

import json
import re
import shlex
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from policydesk.cli import main
from policydesk.cli.options import JSON_HELP

README = Path(__file__).resolve().parents[2] / "README.md"
EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
COMMANDS = sorted(main.commands)
#: Commands that print no data (serve) or only one machine format by definition (export --jsonl).
NO_JSON_OPTION = {"serve", "export"}


def test_the_group_lists_every_command() -> None:
    assert {"ask", "search", "govern", "show", "docs", "export", "add", "rules", "rule"} <= set(COMMANDS)
    assert {"generate", "check-docx", "eval", "build", "serve"} <= set(COMMANDS)


@pytest.mark.parametrize("name", COMMANDS)
@pytest.mark.parametrize("flag", ["-h", "--help"])
def test_every_command_has_a_docstring_and_help(name: str, flag: str) -> None:
    command = main.commands[name]
    assert command.callback is not None and (command.callback.__doc__ or "").strip(), name
    result = CliRunner().invoke(main, [name, flag])
    assert result.exit_code == 0, result.output
    assert result.output.startswith("Usage: ") and f" {name} " in result.output.splitlines()[0], result.output
    first_line = command.callback.__doc__.strip().splitlines()[0]
    assert " ".join(first_line.split()[:3]) in " ".join(result.output.split()), result.output


@pytest.mark.parametrize("name", [n for n in COMMANDS if n not in NO_JSON_OPTION])
def test_commands_that_print_data_share_one_json_option(name: str) -> None:
    options = {p.name: p for p in main.commands[name].params if isinstance(p, click.Option)}
    assert "as_json" in options, f"{name} has no --json"
    option = options["as_json"]
    assert option.opts == ["--json"] and option.is_flag and option.help == JSON_HELP, name


def test_generate_kind_is_a_choice_refused_with_one_error_line() -> None:
    from generators import KINDS

    (kind,) = [p for p in main.commands["generate"].params if p.name == "kind"]
    assert isinstance(kind.type, click.Choice) and tuple(kind.type.choices) == KINDS
    result = CliRunner().invoke(main, ["generate", "letter", "--input", "{}", "--out", "x.docx"])
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert result.output == f"Error: 未知的文书类型 'letter'；可选：{'、'.join(KINDS)}\n"


def test_generate_json_prints_the_preview_record(tmp_path: Path) -> None:
    out = tmp_path / "plan.docx"
    args = ["generate", "plan", "--input", str(EXAMPLES / "plan.json"), "--out", str(out), "--json"]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 0, result.output
    preview = json.loads(result.output)
    assert list(preview)[:3] == ["filename", "size", "trace"]  # fields may only be added (changes)
    assert preview["size"] == out.stat().st_size and preview["trace"]
    assert (tmp_path / "plan.trace.json").is_file()


def test_generate_plan_with_overrides_prints_and_writes_the_change_list(tmp_path: Path) -> None:
    out = tmp_path / "plan.docx"
    args = ["generate", "plan", "--input", str(EXAMPLES / "plan_overrides.json"), "--out", str(out)]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 0, result.output
    assert (
        "全市性职工职业技能竞赛：不少于20场次 → 不少于25场次（依据原方案 昆工〔2022〕3号 三、（一））" in result.output
    )
    changes = json.loads((tmp_path / "plan.changes.json").read_text(encoding="utf-8"))
    assert {c["kind"] for c in changes} == {"parameter", "paragraph_added"}


def test_generate_training_plan_over_a_limit_exits_1_naming_field_and_article(tmp_path: Path) -> None:
    payload = json.loads((EXAMPLES / "training_plan.json").read_text(encoding="utf-8"))
    payload["budget"][2]["amount_yuan"] = 70000
    args = ["generate", "training-plan", "--input", json.dumps(payload, ensure_ascii=False), "--out"]
    result = CliRunner().invoke(main, [*args, str(tmp_path / "t.docx")])
    assert result.exit_code == 1 and result.output.startswith("Error: 字段 budget[2].amount_yuan")
    assert "第十条" in result.output and not (tmp_path / "t.docx").exists()


def _readme_forms() -> list[list[str]]:
    """The `policydesk …` forms in the README's "What it does" table, placeholders made concrete."""
    table = README.read_text(encoding="utf-8").split("## What it does", 1)[1].split("###", 1)[0]
    forms = re.findall(r"`(policydesk [^`]+)`", table)
    concrete = {"[--json]": "--json", "[DIR]": "DIR", "FILE...": "FILE.txt", "ID": "training_living_subsidy"}
    out = []
    for form in forms:
        for placeholder, value in concrete.items():
            form = form.replace(placeholder, value)
        out.append(shlex.split(form)[1:])
    return out


@pytest.mark.parametrize("args", _readme_forms(), ids=lambda a: " ".join(a[:2]))
def test_every_command_form_in_the_readme_parses(args: list[str]) -> None:
    command = main.commands[args[0]]
    with command.make_context(args[0], args[1:]) as ctx:  # parses and converts; runs nothing
        assert ctx.params is not None
