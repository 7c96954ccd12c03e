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

_REPEAL = re.compile(
    rf"(?:(?P<date>{CN_DATE})印发的)?"
    r"(?:原)?《(?P<title>[^《》]{4,80})》"
    rf"(?:[（(](?P<number>{docnumber.SEARCH.pattern})[）)])?"
    r"(?:等文件)?(?:同时|即行|予以)?(?:废止|停止执行)"
)
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
        for match in _REPEAL.finditer(flat):
            note = f"{match['date']}印发" if match["date"] else ""
            number = docnumber.normalise(match["number"]) if match["number"] else None
            found.append(FoundRelation(RelationKind.REPEALS, match["title"], number, locator, note))
        for match in _PREVAIL.finditer(flat):
            sentence = sentence_at(flat, match.start())
            found.append(FoundRelation(RelationKind.PREVAILS, "此前有关规定", None, locator, sentence))
    return found


def base_status(kind: DocKind) -> DocStatus:
    return DocStatus.NON_NORMATIVE if kind in NON_NORMATIVE_KINDS else DocStatus.IN_FORCE


def is_provisional(title: str) -> bool:
    return bool(re.search(r"[（(](试行|暂行)[）)]|暂行", title))
