"""The `policydesk` command line, in-process with click's CliRunner: forms, shapes, errors."""

from __future__ import annotations

import json
from pathlib import Path


def test_show_prints_article_18(run) -> None:  # type: ignore[no-untyped-def]
    result = run("show", "云职创〔2019〕3号", "第18条")
    assert result.exit_code == 0, result.output
    assert "《云南省职工职业技能竞赛管理办法（试行）》云职创〔2019〕3号 第五章 第十八条" in result.output
    assert "第十八条 获省级一类竞赛的优秀选手" in result.output and "10000元" in result.output


def test_show_json_shape(run) -> None:  # type: ignore[no-untyped-def]
    data = json.loads(run("show", "《云岭工匠选树管理办法》", "第八条", "--json").output)
    assert {"text", "locator", "doc_title", "doc_number", "source"} <= set(data)
    assert data["source"]["file"] == "002_bf8b8a8ab55a58df.txt"


def test_show_nothing_matching_exits_non_zero(run) -> None:  # type: ignore[no-untyped-def]
    result = run("show", "云职创〔2019〕3号", "第99条")
    assert result.exit_code == 1
    assert result.output.startswith("Error: ") and "第九十九条" in result.output
    assert "Traceback" not in result.output


def test_docs_json(run) -> None:  # type: ignore[no-untyped-def]
    docs = json.loads(run("docs", "--json").output)
    keys = {
        "id",
        "title",
        "doc_number",
        "issuer",
        "date",
        "kind",
        "status",
        "parent_id",
        "relations",
        "source",
        "n_segments",
    }
    assert all(keys <= set(d) for d in docs)
    assert {"file", "line_start", "line_end"} == set(docs[0]["source"])


def test_export_jsonl(run) -> None:  # type: ignore[no-untyped-def]
    lines = run("export", "--jsonl").output.strip().split("\n")
    first = json.loads(lines[0])
    assert {"doc_title", "doc_number", "source", "locator", "text"} <= set(first)
    assert len(lines) > 1000


def test_search_ask_govern_json_shapes(run) -> None:  # type: ignore[no-untyped-def]
    search = json.loads(run("search", "技能培训生活补助标准", "--k", "3", "--json").output)
    assert len(search["hits"]) == 3
    ask = json.loads(run("ask", "省职工技术创新成果一等奖奖金多少？", "--json").output)
    assert {"found", "answer", "citations", "related"} <= set(ask)
    assert ask["found"] and {"doc_title", "doc_number", "locator", "quote", "source"} <= set(ask["citations"][0])
    govern = json.loads(run("govern", "州总工会办了一期20天的技能培训，学员生活补助怎么算？", "--json").output)
    assert list(govern) == ["regulations", "consequences", "corpus"]  # shapes only gain fields (issue 15)
    assert search["corpus"] == ask["corpus"] == govern["corpus"] and search["corpus"]["generation"]
    assert {"doc_title", "doc_number", "status", "score", "why", "articles"} <= set(govern["regulations"][0])


def test_batch_keeps_ids_and_reports_bad_lines(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    batch = tmp_path / "q.jsonl"
    batch.write_text(
        '{"id": "a", "question": "云岭工匠每年最多命名多少名？"}\n{"id": "b"}\nnot json\n', encoding="utf-8"
    )
    result = run("ask", "--batch", str(batch))
    rows = [json.loads(x) for x in result.output.strip().split("\n") if x.startswith("{")]
    assert [r["id"] for r in rows] == ["a", "b", None]
    assert rows[0]["found"] and "error" in rows[1] and "error" in rows[2]
    assert result.exit_code == 1
    cases = tmp_path / "c.jsonl"
    cases.write_text('{"id": 7, "case": "企业今年拖欠职工工资，还能申报五一劳动奖状吗？"}\n', encoding="utf-8")
    rows = [json.loads(x) for x in run("govern", "--batch", str(cases)).output.strip().split("\n")]
    assert rows[0]["id"] == 7 and rows[0]["regulations"]
    # each command's help names the field its batch lines carry
    assert "{id, case[, as_of]}" in " ".join(run("govern", "--help").output.split())
    assert "{id, question[, as_of]}" in " ".join(run("ask", "--help").output.split())


def test_bad_arguments_are_clear_errors(run) -> None:  # type: ignore[no-untyped-def]
    result = run("ask", "   ")
    assert result.exit_code == 1 and "不能为空" in result.output
    result = run("ask", "问" * 2001)
    assert result.exit_code == 1 and "上限" in result.output
    result = run("search", "奖金", "--k", "0")
    assert result.exit_code == 2 and "Traceback" not in result.output


def test_eval_prints_the_measures(run, eval_dir: Path) -> None:  # type: ignore[no-untyped-def]
    result = run("eval", str(eval_dir), "--json")
    assert result.exit_code == 0, result.output
    report = json.loads(result.output)
    assert report["retrieval"]["n"] > 30
    assert report["verbatim_rate"] == 1.0 and report["superseded_cited"] == 0
