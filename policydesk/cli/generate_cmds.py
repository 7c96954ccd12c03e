"""Document commands: `policydesk generate KIND --input … --out …` and `policydesk check-docx FILE`."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from core.errors import InvalidInput
from policydesk import convert
from policydesk.cli.base import echo_json, handle_errors, main
from policydesk.cli.options import LazyChoice, json_option
from policydesk.cli.rules_cmds import read_json_input

_MARKS = {"pass": "✓", "fail": "✗", "n/a": "-"}


def _write(path: Path, data: bytes, option: str = "--out") -> None:
    from generators import write_atomic

    if path.is_dir():
        raise InvalidInput(f"{option}：{path} 是目录，请给出文件名")
    try:
        write_atomic(path, data)
    except OSError as exc:
        raise InvalidInput(f"{option}：无法写入 {path}（{exc.strerror or exc}）") from None


def _kinds() -> tuple[str, ...]:
    from generators import KINDS

    return KINDS


@main.command("generate")
@click.argument("kind", type=LazyChoice(_kinds, "未知的文书类型 {value!r}；可选：{choices}"))
@click.option("--input", "input_", metavar="FILE_OR_JSON", help="Payload as a JSON file, inline JSON, or -.")
@click.option("--out", type=click.Path(dir_okay=False, path_type=Path), help="Where to write the .docx.")
@click.option("--schema", is_flag=True, help="Print the JSON Schema of KIND's payload and exit.")
@click.option(
    "--trace/--no-trace",
    default=True,
    show_default=True,
    help="Also write the requirement → article trace as OUT.trace.json (plan, pledge).",
)
@json_option
@handle_errors
def generate_cmd(kind: str, input_: str | None, out: Path | None, schema: bool, trace: bool, as_json: bool) -> None:
    """Generate a GB/T 9704 .docx: a 通知, the annual 方案 with its 印发通知, or a 推荐承诺书.

    With --json, what was written is printed as the API's preview record (filename, size, trace)."""
    from generators import generate, input_schema

    if schema:
        echo_json(input_schema(kind))
        return
    payload = read_json_input(input_)
    if out is None:
        raise InvalidInput("缺少 --out：请给出输出的 .docx 文件名")
    result = generate(kind, payload)
    _write(out, result.data)
    trace_path = out.with_suffix(".trace.json") if trace and result.trace else None
    if trace_path is not None:
        _write(trace_path, json.dumps(result.trace, ensure_ascii=False, indent=2).encode("utf-8"))
    changes_path = out.with_suffix(".changes.json") if result.changes else None
    if changes_path is not None:
        _write(changes_path, json.dumps(result.changes, ensure_ascii=False, indent=2).encode("utf-8"))
    if as_json:
        echo_json(convert.generation_preview(result))
        return
    click.echo(f"已生成 {out}（{len(result.data)} 字节；建议文件名：{result.filename}）")
    if trace_path is not None:
        click.echo(f"依据对照：{trace_path}（{len(result.trace)} 条）")
    if changes_path is not None:
        click.echo(f"相对模板的改动（{len(result.changes)} 处，另见 {changes_path}）：")
        for change in result.changes:
            click.echo(f"  {change['line']}（依据原方案 {change['doc_number']} {change['locator']}）")


@main.command("check-docx")
@click.argument("path", type=click.Path(dir_okay=False, path_type=Path))
@json_option
@handle_errors
def check_docx_cmd(path: Path, as_json: bool) -> None:
    """Check a .docx against GB/T 9704-2012; exit 0 only when every mandatory check passes."""
    from generators import check_docx

    report = check_docx(path)
    if as_json:
        echo_json(report.to_dict())
    else:
        summary = report.to_dict()
        verdict = "通过" if report.ok else "不通过"
        click.echo(
            f"{verdict}：{path}（{summary['passed']}项通过，{summary['failed']}项不通过，"
            f"{summary['not_applicable']}项不适用）"
        )
        for r in report.results:
            flag = "" if r.mandatory else "（建议）"
            click.echo(f"{_MARKS[r.status]} {r.id:<24} {r.title}{flag}：{r.detail}")
    if not report.ok:
        sys.exit(1)
