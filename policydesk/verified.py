"""An answer keeps only the quotes that stand in their original files (``corpus.verify``): a quote
that does not — the file was edited, replaced or removed after the build — is dropped, never shown, and
its line leaves the answer text with it. With no quote left the answer says none could be checked."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from corpus.verify import SourceCheck
from indexer.answer import Answer, Citation

UNCHECKABLE = "未在现有政策文件中找到能逐字核对的条文。"  # the answerer's own wording when no quote checks
_LEAD = "根据"


def checked(answer: Answer, check: SourceCheck) -> Answer:
    kept: list[Citation] = []
    dropped: list[Citation] = []
    for c in answer.citations:
        holds = c.verified and check.holds(c.quote, c.file, c.line_start, c.line_end)
        (kept if holds else dropped).append(c)
    if not dropped:
        return answer
    if not kept:
        return replace(answer, found=False, answer=UNCHECKABLE, citations=[], superseded=[])
    quoted = {(c.doc_id, c.locator) for c in kept}  # an edition note stands beside a quote that is kept
    notes = [n for n in answer.superseded if (n.cited_doc_id, n.cited_locator) in quoted]
    text = _without(answer.answer, dropped, [f"{n.line}。" for n in answer.superseded if n not in notes])
    return replace(answer, answer=text, citations=kept, superseded=notes)


def _without(text: str, dropped: list[Citation], notes: Sequence[str] = ()) -> str:
    """The answer text without the lines that quote a dropped citation (or name an edition beside one)."""
    quoted = [f"“{c.quote}”" for c in dropped]
    lines = [line for line in text.split("\n") if not any(q in line for q in quoted) and line not in notes]
    out = "\n".join(lines).rstrip("；;\n")
    return out if out.startswith(_LEAD) or not text.startswith(_LEAD) else _LEAD + out
