"""Retrieval commands: search, ask, govern (one query or a --batch JSONL file), and eval."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import click
from pydantic import BaseModel

from core.dates import parse_as_of
from core.errors import InvalidInput, PolicyDeskError
from corpus import DocStatus
from policydesk.cli.base import echo_json, handle_errors, jsonable, main
from policydesk.cli.options import data_options, json_option, make_desk
from policydesk.config import MAX_SEARCH_K, Settings

REPO_ROOT = Path(__file__).resolve().parents[2]


def batch_option(field: str) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """``--batch``, whose lines carry the command's text under ``field`` (question, or case for govern)."""
    return click.option(
        "--batch",
        type=click.Path(dir_okay=False, path_type=Path),
        default=None,
        help=f"JSONL file of {{id, {field}[, as_of]}}; prints one JSON object per line.",
    )


def as_of_option(func: Callable[..., Any]) -> Callable[..., Any]:
    return click.option(
        "--as-of",
        "as_of",
        default=None,
        metavar="YYYY-MM-DD",
        help="Answer from the texts in force on this day (default: those in force now).",
    )(func)


def run_batch(path: Path, field: str, call: Callable[[str, str | None], BaseModel], as_of: str | None = None) -> None:
    """One output line per input line, same id; a bad line gets {"id", "error"} and exit status 1. A row's
    own ``as_of`` overrides the command's ``--as-of``."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise InvalidInput(f"无法读取批量文件 {path}：{exc}") from None
    failed = 0
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            item = json.loads(line)
            if not isinstance(item, dict) or not isinstance(item.get(field), str):
                raise InvalidInput(f"第{number}行缺少字符串字段 {field!r}")
            row_as_of = item.get("as_of", as_of)
            if row_as_of is not None and not isinstance(row_as_of, str):
                raise InvalidInput(f"第{number}行的 as_of 须为 YYYY-MM-DD 形式的日期")
            out = {"id": item.get("id"), **jsonable(call(item[field], row_as_of))}
        except json.JSONDecodeError as exc:
            out, failed = {"id": None, "error": f"第{number}行不是有效的 JSON：{exc.msg}"}, failed + 1
        except PolicyDeskError as exc:
            out, failed = {"id": item.get("id") if isinstance(item, dict) else None, "error": exc.message}, failed + 1
        click.echo(json.dumps(out, ensure_ascii=False))
    if failed:
        click.echo(f"Error: {failed} 行处理失败", err=True)
        sys.exit(1)


@main.command()
@click.argument("query", required=False)
@click.option("--k", default=10, show_default=True, type=click.IntRange(1, MAX_SEARCH_K), help="Number of hits.")
@batch_option("question")
@as_of_option
@json_option
@data_options
@handle_errors
def search(settings: Settings, query: str | None, k: int, batch: Path | None, as_of: str | None, as_json: bool) -> None:
    """Top-k articles for a query, with document, 文号, locator and source lines."""
    day = parse_as_of(as_of)
    desk = make_desk(settings)
    if batch is not None:
        run_batch(batch, "question", lambda q, when: desk.search(q, k, as_of=when), as_of)
        return
    result = desk.search(_required(query, "QUERY"), k, as_of=day)
    if as_json:
        echo_json(result)
        return
    for n, hit in enumerate(result.hits, start=1):
        src = hit.source
        click.echo(
            f"{n:>2}. {hit.score:.3f} 《{hit.doc_title}》{hit.doc_number or ''} {hit.locator} "
            f"[{src.file}:{src.line_start}-{src.line_end}]"
        )
        click.echo(f"    {hit.text[:120].replace(chr(10), ' ')}")


@main.command()
@click.argument("question", required=False)
@click.option(
    "--cite-format",
    type=click.Choice(["short", "formal"]),
    default="short",
    show_default=True,
    help="short: 《标题》文号 第十八条（一） [file lines]; formal: 《标题》（文号）第十八条第（一）项, ready to paste.",
)
@batch_option("question")
@as_of_option
@json_option
@data_options
@handle_errors
def ask(
    settings: Settings, question: str | None, cite_format: str, batch: Path | None, as_of: str | None, as_json: bool
) -> None:
    """Answer a question with verbatim, cited provisions (or say it is not in the corpus); the words that
    answer are printed bold."""
    from policydesk.cli.answer_view import print_answer

    day = parse_as_of(as_of)
    desk = make_desk(settings)
    if batch is not None:
        run_batch(batch, "question", lambda q, when: desk.ask(q, as_of=when), as_of)
        return
    result = desk.ask(_required(question, "QUESTION"), as_of=day)
    if as_json:
        echo_json(result)
        return
    print_answer(result, formal=cite_format == "formal")


@main.command()
@click.argument("case", required=False)
@batch_option("case")
@as_of_option
@json_option
@data_options
@handle_errors
def govern(settings: Settings, case: str | None, batch: Path | None, as_of: str | None, as_json: bool) -> None:
    """Which regulations govern a described case, ranked, with deciding articles and consequences."""
    day = parse_as_of(as_of)
    desk = make_desk(settings)
    if batch is not None:
        run_batch(batch, "case", lambda c, when: desk.govern(c, as_of=when), as_of)
        return
    result = desk.govern(_required(case, "CASE"), as_of=day)
    if as_json:
        echo_json(result)
        return
    for n, reg in enumerate(result.regulations, start=1):
        click.echo(f"{n}. 《{reg.doc_title}》{reg.doc_number or ''}  ({reg.score:.2f})")
        click.echo(f"   理由：{reg.why}")
        for art in reg.articles:
            click.echo(f"   - {art.locator}：{art.text[:100].replace(chr(10), ' ')}")
    for cons in result.consequences:
        click.echo(f"推算：{cons.explanation}")


@main.command(name="eval")
@click.argument("directory", required=False, type=click.Path(file_okay=False, path_type=Path))
@json_option
@data_options
@handle_errors
def evaluate_cmd(settings: Settings, directory: Path | None, as_json: bool) -> None:
    """Measure retrieval and answers on a folder of gold questions (default ../shared/eval): qa.jsonl or
    dev_qa.jsonl, and notfound.jsonl, dev_governs.jsonl and corpus/ where present. A corpus/ is added
    beside the configured corpus in a temporary copy of the data directory (the embedding cache is reused)."""
    import tempfile

    from policydesk.evaluation import EvalSet, measure

    eval_set = EvalSet.load(directory or _default_eval_dir())
    desk = make_desk(settings)
    with tempfile.TemporaryDirectory(prefix="policydesk-eval-") as tmp:
        if eval_set.corpus:
            desk = desk.beside(eval_set.corpus, Path(tmp) / "home")
        superseded = {d.title for d in desk.documents() if d.status is DocStatus.SUPERSEDED}
        report = measure(
            eval_set,
            lambda query, k: jsonable(desk.search(query, k)),
            lambda question: jsonable(desk.ask(question)),
            lambda case: jsonable(desk.govern(case)),
            superseded,
        )
    if as_json:
        echo_json(report.to_dict())
        return
    r = report.retrieval
    click.echo(
        f"questions {r.n}  Recall@1 {r.recall_at_1:.3f}  Recall@5 {r.recall_at_5:.3f}  MRR@10 {r.mrr_at_10:.3f}  "
        f"recall@1000chars {r.recall_1000_chars:.3f}"
    )
    for kind, m in sorted(report.by_type.items()):
        click.echo(f"  {kind:<12} n={m.n:<3} R@1 {m.recall_at_1:.3f}  R@5 {m.recall_at_5:.3f}  MRR {m.mrr_at_10:.3f}")
    figures = report.to_dict()
    shown = {k: "—" if figures[k] is None else f"{figures[k]:.3f}" for k in ("governs_top1", "not_found_accuracy")}
    click.echo(
        f"governs top-1 {shown['governs_top1']}  not-found accuracy {shown['not_found_accuracy']}  "
        f"false not-found {report.false_not_found} ({figures['false_not_found_rate']:.3f})  "
        f"verbatim quotes {report.verbatim_rate:.3f}  superseded cited {report.superseded_cited}  "
        f"answer facts {report.answer_fact_rate:.3f}"
    )


def _default_eval_dir() -> Path:
    for candidate in (Path("../shared/eval"), REPO_ROOT.parent / "shared" / "eval"):
        if candidate.is_dir():
            return candidate
    return Path("../shared/eval")


def _required(value: str | None, name: str) -> str:
    if value is None:
        raise InvalidInput(f"缺少参数 {name}（或使用 --batch FILE.jsonl）")
    return value
