"""`policydesk generate` and `policydesk check-docx` in-process."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from policydesk.cli import generate_cmds  # noqa: F401  (registers the commands)
from policydesk.cli.base import main
from tests.generators.conftest import EXAMPLES


@pytest.fixture()
def runner() -> CliRunner:
    return CliRunner()


@pytest.mark.parametrize("kind", ["notice", "plan", "pledge"])
def test_generate_then_check(runner: CliRunner, tmp_path: Path, kind: str) -> None:
    out = tmp_path / f"{kind}.docx"
    result = runner.invoke(main, ["generate", kind, "--input", str(EXAMPLES / f"{kind}.json"), "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert out.read_bytes()[:2] == b"PK"
    trace = tmp_path / f"{kind}.trace.json"
    assert trace.exists() == (kind != "notice")
    check = runner.invoke(main, ["check-docx", str(out), "--json"])
    assert check.exit_code == 0, check.output
    assert json.loads(check.output)["ok"] is True


def test_no_trace_option(runner: CliRunner, tmp_path: Path) -> None:
    out = tmp_path / "p.docx"
    result = runner.invoke(
        main, ["generate", "plan", "--input", str(EXAMPLES / "plan.json"), "--out", str(out), "--no-trace"]
    )
    assert result.exit_code == 0 and not (tmp_path / "p.trace.json").exists()


def test_schema(runner: CliRunner) -> None:
    result = runner.invoke(main, ["generate", "pledge", "--schema"])
    assert result.exit_code == 0
    assert "nominees" in json.loads(result.output).__repr__()


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["generate", "notice", "--input", '{"doc_number": "昆工〔2022〕03号"}', "--out", "x.docx"], "Error: 字段"),
        (["generate", "letter", "--input", "{}", "--out", "x.docx"], "Error: 未知的文书类型"),
        (["generate", "plan", "--input", str(EXAMPLES / "plan.json")], "Error: 缺少 --out"),
        (
            ["generate", "plan", "--input", str(EXAMPLES / "plan.json"), "--out", "/no/such/dir/x.docx"],
            "Error: --out：无法写入",
        ),
    ],
)
def test_generate_errors(runner: CliRunner, tmp_path: Path, args: list[str], message: str) -> None:
    with runner.isolated_filesystem(temp_dir=tmp_path):
        result = runner.invoke(main, args)
        assert result.exit_code == 1, result.output
        assert result.output.startswith(message), result.output
        assert not Path("x.docx").exists()


def test_failed_generation_leaves_the_old_file_untouched(runner: CliRunner, tmp_path: Path) -> None:
    out = tmp_path / "keep.docx"
    out.write_bytes(b"previous")
    bad = json.loads((EXAMPLES / "plan.json").read_text(encoding="utf-8")) | {"date": "02-30"}
    result = runner.invoke(
        main, ["generate", "plan", "--input", json.dumps(bad, ensure_ascii=False), "--out", str(out)]
    )
    assert result.exit_code == 1
    assert out.read_bytes() == b"previous"
    assert [p.name for p in tmp_path.iterdir()] == ["keep.docx"]


def test_check_docx_fails_a_non_conforming_file(runner: CliRunner, tmp_path: Path) -> None:
    from docx import Document

    path = tmp_path / "plain.docx"
    Document().save(path)
    result = runner.invoke(main, ["check-docx", str(path)])
    assert result.exit_code == 1
    assert result.output.startswith("不通过") and "✗ page.margins" in result.output


@pytest.mark.parametrize(
    ("content", "message"), [(b"hello", "Error: 不是有效的 .docx 文件"), (None, "Error: 文件不存在")]
)
def test_check_docx_unreadable(runner: CliRunner, tmp_path: Path, content: bytes | None, message: str) -> None:
    path = tmp_path / "f.docx"
    if content is not None:
        path.write_bytes(content)
    result = runner.invoke(main, ["check-docx", str(path)])
    assert result.exit_code == 1 and result.output.startswith(message)


@pytest.mark.parametrize("command", ["generate", "check-docx"])
def test_help(runner: CliRunner, command: str) -> None:
    assert runner.invoke(main, [command, "-h"]).exit_code == 0
