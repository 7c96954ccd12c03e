"""Corpus commands: build, docs, show, export, add."""

from __future__ import annotations

from pathlib import Path

import click

from policydesk.cli.base import echo_json, echo_jsonl, handle_errors, main
from policydesk.cli.options import data_options, json_option, make_desk
from policydesk.config import Settings


@main.command()
@click.option("--force", is_flag=True, help="Rebuild even when no input changed.")
@data_options
@handle_errors
def build(settings: Settings, force: bool) -> None:
    """Ingest corpus/ (and added files) and build the catalogue and search index."""
    desk = make_desk(settings, build_if_missing=False)
    report = desk.rebuild(force=force)
    verb = "built" if report.rebuilt else "unchanged"
    click.echo(
        f"{verb}: {report.documents} documents, {report.segments} segments, {report.units} units "
        f"({report.embedded} embedded) in {report.seconds:.1f}s → {settings.home}"
    )
    for warning in desk.rule_warnings():  # reported, never a failed build: see `policydesk rules verify`
        click.echo(f"Warning: {warning}", err=True)


@main.command()
@json_option
@data_options
@handle_errors
def docs(settings: Settings, as_json: bool) -> None:
    """List every catalogued document."""
    rows = make_desk(settings).documents()
    if as_json:
        echo_json(rows)
        return
    for row in rows:
        mark = {"in_force": "现行", "superseded": "已废止", "non_normative": "非规范性"}[row["status"]]
        click.echo(f"{row['id']}  {mark:<4} {row['doc_number'] or '—':<16} {row['title']}")


@main.command()
@click.argument("doc")
@click.argument("locator")
@json_option
@data_options
@handle_errors
def show(settings: Settings, doc: str, locator: str, as_json: bool) -> None:
    """Print one article: DOC is a 文号, a title or an id; LOCATOR like 第18条 or 三、（二）."""
    row = make_desk(settings).lookup(doc, locator)
    if as_json:
        echo_json(row)
        return
    src = row["source"]
    click.echo(f"《{row['doc_title']}》{row['doc_number'] or ''} {row['full_locator']}")
    click.echo(f"[{src['file']} 第{src['line_start']}—{src['line_end']}行]")
    click.echo(row["text"])


@main.command()
@click.option("--jsonl", is_flag=True, required=True, help="One JSON object per segment.")
@data_options
@handle_errors
def export(settings: Settings, jsonl: bool) -> None:
    """Export every segment with its document's title, 文号 and source lines."""
    echo_jsonl(make_desk(settings).export())


@main.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(dir_okay=False, path_type=Path))
@json_option
@data_options
@handle_errors
def add(settings: Settings, files: tuple[Path, ...], as_json: bool) -> None:
    """Add policy files (.txt .md .docx .pdf) to the corpus and update catalogue and index."""
    result = make_desk(settings).add_files(list(files))
    if as_json:
        echo_json(result)
        return
    for name in result["added"]:
        click.echo(f"added: {name}")
    for name in result["unchanged"]:
        click.echo(f"unchanged: {name}")
    for doc in result["documents"]:
        click.echo(f"  new document {doc['id']}: {doc['title']}")
