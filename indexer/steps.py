"""Procedure outlines. A question that asks for the steps (the profile's procedure cues) is answered by the
steps themselves, in the order the text sets them out — the articles of a 程序 chapter, or the items of
a provision that announces them ("按以下步骤实施：") — and not by whichever single article scored best.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from core.profile import Profile
from core.sentences import SENTENCE
from corpus import Catalogue, Segment
from indexer.query import Query
from indexer.retrieve import Hit
from indexer.units import announces_list

OUTLINE_DEPTH = 6  # the steps must hold one of this many best hits (as many as answer from)...
# ...and be in the best hit's document: the steps of another text answer another question
MIN_STEPS = 2
MAX_STEPS = 12
STEP_QUOTE_CHARS = 80  # whole sentences of a step, up to this length
LABEL_ONLY_CHARS = 16  # "第十一条 资格审核。": the step is named here, its content is in its 项


@dataclass(frozen=True, slots=True)
class Step:
    segment: Segment
    start: int  # the span of the segment's text to quote
    end: int


@dataclass(frozen=True, slots=True)
class Outline:
    holder: Segment  # the chapter or provision that sets the steps out
    steps: tuple[Step, ...]


def procedure_outline(query: Query, hits: Sequence[Hit], catalogue: Catalogue, profile: Profile) -> Outline | None:
    """The steps the best hits set out, when the question asks for them (the profile's cues)."""
    if not profile.asks_procedure(query.text) or profile.procedure_words is None:
        return None
    words = profile.procedure_words
    for hit in hits[:OUTLINE_DEPTH]:
        if hit.document.id != hits[0].document.id:
            continue
        holder = _holder(hit.segment, catalogue, words)
        if holder is None:
            continue
        steps = _steps(holder, catalogue)
        if MIN_STEPS <= len(steps) <= MAX_STEPS:
            return Outline(holder, tuple(steps))
    return None


def _holder(segment: Segment, catalogue: Catalogue, words: re.Pattern[str]) -> Segment | None:
    """The segment itself or the nearest one around it that names a procedure and has the steps below:
    a heading ("第三章 选树程序") or a provision whose last clause announces them ("按以下程序实施：")."""
    current: Segment | None = segment
    while current is not None:
        if current.children and _names_procedure(current, words):
            return current
        current = catalogue.segment(current.parent_id) if current.parent_id else None
    return None


def _names_procedure(segment: Segment, words: re.Pattern[str]) -> bool:
    text = segment.text.strip()
    if segment.level == 0 and "\n" not in text and len(text) <= 30:  # a chapter or section heading
        return bool(words.search(text))
    last_clause = re.split(r"[。；，]", text)[-1]
    return announces_list(text) and bool(words.search(last_clause))


def _steps(holder: Segment, catalogue: Catalogue) -> list[Step]:
    steps: list[Step] = []
    for child_id in holder.children:
        child = catalogue.segment(child_id)
        if child.children and len(child.text.strip()) <= LABEL_ONLY_CHARS:
            steps.extend(_quote(catalogue.segment(g)) for g in child.children)
        else:
            steps.append(_quote(child))
    return [s for s in steps if s.end > s.start]


def _quote(segment: Segment) -> Step:
    """Whole sentences from the start of the step, up to STEP_QUOTE_CHARS; a bare name ("（三）发出“两书”。")
    always takes the sentence that says what it is."""
    text = segment.text
    start = len(text) - len(text.lstrip())
    end = start
    for match in SENTENCE.finditer(text, start):
        if end - start > LABEL_ONLY_CHARS and match.end() - start > STEP_QUOTE_CHARS:
            break
        end = match.end()
    return Step(segment, start, len(text[:end].rstrip()))
