"""How ``policydesk ask`` prints an answer: the answer text with the words that answer in bold (rich,
plain on a pipe), its citations in the short or the formal form, the corpus it came from."""

from __future__ import annotations

import click
from rich.console import Console
from rich.text import Text

from policydesk.records import Answer

BOLD = "bold"


def answer_text(result: Answer) -> Text:
    """The answer text, each citation's highlights made bold where its quote stands in the text."""
    text = Text(result.answer)
    for c in result.citations:
        at = result.answer.find(c.quote)
        if at < 0:
            continue
        for start, end in c.highlights:
            text.stylize(BOLD, at + start, at + end)
    return text


def print_answer(result: Answer, formal: bool = False) -> None:
    console = Console(highlight=False, soft_wrap=True)
    console.print(answer_text(result))
    if result.short_answer:
        console.print(Text.assemble("  答：", (result.short_answer, BOLD)))
    for c in result.citations:
        why = f"（{c.refers_from}所引）" if c.refers_from else ""  # quoted because a cited provision defers to it
        why = f"（{c.lead_in_of}的引语）" if c.lead_in_of else why  # introduces the list of a quoted item
        if formal:
            click.echo(f"  出处{why}：{c.formal}")
        else:
            lines = f"{c.source.file} 第{c.source.line_start}—{c.source.line_end}行"
            click.echo(f"  出处{why}：《{c.doc_title}》{c.doc_number or ''} {c.locator} [{lines}]")
    for n in result.superseded:  # other editions: named, never quoted
        kind = "旧版" if n.edition == "older" else "新版"
        click.echo(f"  {kind}：《{n.doc_title}》{n.doc_number or ''} {n.locator} [{n.doc_id}]")
    if not result.found:
        for r in result.related[:3]:
            click.echo(f"  相关：《{r.doc_title}》{r.locator}")
    if result.corpus is not None:
        built = f"，构建于 {result.corpus.built_at}" if result.corpus.built_at else ""
        as_of = f"，截至 {result.corpus.as_of}" if result.corpus.as_of else ""
        click.echo(f"  语料：{result.corpus.generation}{built}{as_of}")
