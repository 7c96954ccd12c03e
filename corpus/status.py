"""What is in force: repeal clauses ("……同时废止"), precedence clauses ("以本办法规定为准"), and the
kinds of text that never govern (news, summaries, letters, prefaces)."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from core import docnumber
from core.dates import CN_DATE
from core.sentences import sentence_at
from core.text import compact
from corpus.model import NON_NORMATIVE_KINDS, DocKind, DocStatus, RelationKind

_REPEAL_VERB = re.compile(r"(?:同时|即行|予以|一并)?(?:废止|停止执行|不再执行)")
_NAMED = re.compile(
    rf"(?:(?P<date>{CN_DATE})(?:印发|公布|发布|颁布)的)?"
    r"(?:原)?《(?P<title>[^《》]{4,80})》"
    rf"(?:[（(](?P<number>{docnumber.SEARCH.pattern})[）)])?"
)
_CLAUSE_TAIL = re.compile(r"^(?:等文件|等|同时|即行|予以|一并)*$")
_PREVAIL = re.compile(r"以本(?P<self>[\u4e00-\u9fff]{1,6}?)(?:规定)?为准|按本(?P<self2>[\u4e00-\u9fff]{1,6}?)执行")


@dataclass(frozen=True, slots=True)
class FoundRelation:
    kind: RelationKind
    target_title: str
    target_number: str | None
    locator: str
    note: str


def relations_in(units: Iterable[tuple[str, str]]) -> list[FoundRelation]:
    """Repeal and precedence clauses in one document's (locator, text) units."""
    found: list[FoundRelation] = []
    for locator, text in units:
        flat = compact(text)
        for verb in _REPEAL_VERB.finditer(flat):
            found.extend(_repealed(flat, verb.start(), locator))
        for match in _PREVAIL.finditer(flat):
            sentence = sentence_at(flat, match.start())
            found.append(FoundRelation(RelationKind.PREVAILS, "此前有关规定", None, locator, sentence))
    return found


def _repealed(flat: str, verb_at: int, locator: str) -> list[FoundRelation]:
    """Every 《X》 of the clause that ends at a repeal verb ("《甲》和…《乙》同时废止" names two texts)."""
    clause_start = max(flat.rfind(mark, 0, verb_at) for mark in "。；！？") + 1
    clause = flat[clause_start:verb_at]
    names = list(_NAMED.finditer(clause))
    if not names or not _CLAUSE_TAIL.match(clause[names[-1].end() :]):
        return []
    out = []
    for match in names:
        note = f"{match['date']}印发" if match["date"] else ""
        number = docnumber.normalise(match["number"]) if match["number"] else None
        out.append(FoundRelation(RelationKind.REPEALS, match["title"], number, locator, note))
    return out


def base_status(kind: DocKind) -> DocStatus:
    return DocStatus.NON_NORMATIVE if kind in NON_NORMATIVE_KINDS else DocStatus.IN_FORCE


def is_provisional(title: str) -> bool:
    return bool(re.search(r"[（(](试行|暂行)[）)]|暂行", title))
