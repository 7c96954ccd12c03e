"""`--as-of` on ask, search and govern, and `as_of` in --batch rows (issue 11), over the seeds."""

from __future__ import annotations

import json
from pathlib import Path

import pytest


def test_as_of_answers_say_their_day(run) -> None:  # type: ignore[no-untyped-def]
    result = run("ask", "云岭工匠每年最多命名多少名？", "--as-of", "2023-05-01")
    assert result.exit_code == 0, result.output
    assert result.output.startswith("（按2023年5月1日施行的文件）")


def test_texts_not_yet_issued_are_not_searched(run) -> None:  # type: ignore[no-untyped-def]
    now = json.loads(run("search", "云岭工匠 命名", "--json").output)["hits"]
    early = json.loads(run("search", "云岭工匠 命名", "--as-of", "2000-01-01", "--json").output)["hits"]
    dated = {h["doc_id"] for h in now if h["doc_title"] == "云岭工匠选树管理办法"}
    assert dated and not dated & {h["doc_id"] for h in early}


@pytest.mark.parametrize("command", ["ask", "search", "govern"])
@pytest.mark.parametrize("bad", ["2020-13-01", "2020/06/01", "tomorrow"])
def test_malformed_dates_exit_1_with_a_clear_message(run, command: str, bad: str) -> None:  # type: ignore[no-untyped-def]
    result = run(command, "云岭工匠", "--as-of", bad)
    assert result.exit_code == 1
    assert result.output.startswith("Error: as_of") and "YYYY-MM-DD" in result.output
    assert "Traceback" not in result.output


def test_batch_rows_carry_their_own_day(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    batch = tmp_path / "q.jsonl"
    rows = [
        {"id": "now", "question": "云岭工匠每年最多命名多少名？"},
        {"id": "then", "question": "云岭工匠每年最多命名多少名？", "as_of": "2023-05-01"},
        {"id": "bad", "question": "云岭工匠每年最多命名多少名？", "as_of": "2023-5-1"},
    ]
    batch.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows), encoding="utf-8")
    result = run("ask", "--batch", str(batch))
    out = {r["id"]: r for r in (json.loads(x) for x in result.output.strip().split("\n") if x.startswith("{"))}
    assert not out["now"]["answer"].startswith("（按")
    assert out["then"]["answer"].startswith("（按2023年5月1日施行的文件）")
    assert "as_of" in out["bad"]["error"] and result.exit_code == 1
