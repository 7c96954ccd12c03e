"""Corpus commands: build, docs, show, export, add."""

from __future__ import annotations

from pathlib import Path

import click

from corpus import DocStatus
from policydesk.cli.base import echo_json, echo_jsonl, handle_errors, main
from policydesk.cli.options import data_options, json_option, make_desk
from policydesk.config import Settings

_STATUS_MARKS = {DocStatus.IN_FORCE: "现行", DocStatus.SUPERSEDED: "已废止", DocStatus.NON_NORMATIVE: "非规范性"}


@main.command()
@click.option("--force", is_flag=True, help="Rebuild even when no input changed.")
@json_option
@data_options
@handle_errors
def build(settings: Settings, force: bool, as_json: bool) -> None:
    """Ingest corpus/ (and added files) and build the catalogue and search index."""
    desk = make_desk(settings, build_if_missing=False)
    report = desk.rebuild(force=force)
    if as_json:
        echo_json(report.to_dict())
        return
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
    for doc in rows:
        mark = _STATUS_MARKS[doc.status]
        click.echo(f"{doc.id}  {mark:<4} {doc.doc_number or '—':<16} {doc.title}")


@main.command()
@click.argument("old")
@click.argument("new")
@json_option
@data_options
@handle_errors
def diff(settings: Settings, old: str, new: str, as_json: bool) -> None:
    """Compare two editions article by article: OLD and NEW are ids or titles (one title naming several
    editions means its oldest as OLD, its newest as NEW)."""
    result = make_desk(settings).diff(old, new)
    if as_json:
        echo_json(result)
        return
    click.echo(f"旧：《{result.old.title}》{result.old.doc_number or ''} {result.old.date or ''} [{result.old.id}]")
    click.echo(f"新：《{result.new.title}》{result.new.doc_number or ''} {result.new.date or ''} [{result.new.id}]")
    marks = {"changed": "修改", "added": "新增", "removed": "删除", "renumbered": "条号变动"}
    for change in result.changes:
        where = " → ".join(x for x in (change.old_locator, change.new_locator) if x)
        click.echo(f"{marks.get(change.change, change.change)} {where}")
        for span in change.spans[:8]:
            click.echo(f"    “{span.old}” → “{span.new}”")
        if change.change == "added" and change.new_text:
            click.echo(f"    {change.new_text[:100].replace(chr(10), ' ')}")
        if change.change == "removed" and change.old_text:
            click.echo(f"    {change.old_text[:100].replace(chr(10), ' ')}")
    if not result.changes:
        click.echo("两个版本的条文相同。")


@main.command()
@click.argument("doc")
@click.argument("locator")
@json_option
@data_options
@handle_errors
def show(settings: Settings, doc: str, locator: str, as_json: bool) -> None:
    """Print one article: DOC is a 文号, a title or an id; LOCATOR like 第18条 or 三、（二）."""
    desk = make_desk(settings)
    provision = desk.lookup(doc, locator)
    if as_json:
        echo_json(provision)
        return
    src = provision.source
    click.echo(f"《{provision.doc_title}》{provision.doc_number or ''} {provision.full_locator}")
    click.echo(f"[{src.file} 第{src.line_start}—{src.line_end}行]")
    click.echo(provision.text)
    document = desk.document(provision.doc_id)
    for rel in document.relations:  # what this provision defers to (issue 11: cross-references)
        said_by = rel.locator or ""
        if rel.kind == "refers_to" and (said_by == provision.locator or said_by.startswith(f"{provision.locator}（")):
            where = "本文件" if rel.target_id == document.id else f"《{rel.target_title}》"
            part = f"（{said_by}）" if said_by != provision.locator else ""
            click.echo(f"  引用：{where}{rel.note}{part}")


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
    for name in result.added:
        click.echo(f"added: {name}")
    for name in result.unchanged:
        click.echo(f"unchanged: {name}")
    for doc in result.documents:
        click.echo(f"  new document {doc.id}: {doc.title}")
