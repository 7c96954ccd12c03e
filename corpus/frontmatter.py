"""Metadata a normative text states about itself: the front-matter lines and 题注 under its title
("2007年4月9日 中华人民共和国国务院令第493号公布", "（2010年12月31日…令第 8号公布 自2011年1月1日起施行）") and
its 施行 clause ("本办法自2004年1月1日起施行", "自公布之日起施行").

A law or regulation has no 落款: its date, issuer and order number live in these lines. The rules
(the latest 通过/公布/修订/修正 date is the edition's date; the organ of that line is its issuer; the
latest 令号 is its number) are the ones ``bench/data/README.md`` states; nothing here knows a title.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from core import docnumber
from core.dates import ANY_DATE, find_dates
from core.numerals import CN_NUMERAL_CHARS
from core.text import compact

_EVENT = re.compile(r"(通过|公布|发布|颁布|修订|修正|批准|会议)")  # 会议: a line wrapped before its verb
_EFFECTIVE_AT = re.compile(r"^起?(?:施行|实施|执行|生效)")
_COUNTED = rf"第[0-9{CN_NUMERAL_CHARS}]+"
_ON_PUBLICATION = re.compile(r"自(?:公布|发布|印发|下发|发文|颁布)之日起(?:施行|实施|执行|生效)")
_FROM_DATE = re.compile(rf"自(?P<date>{ANY_DATE.pattern})起(?:施行|实施|执行|生效)")
_NATION = "中华人民共和国"


@dataclass(frozen=True, slots=True)
class FrontMatter:
    """What the lines under a title say: each value None when they do not say it."""

    date: str | None = None
    issuer: str | None = None
    doc_number: str | None = None
    effective_date: str | None = None
    n_paragraphs: int = 0  # how many leading paragraphs were front matter


def is_front_matter_line(text: str) -> bool:
    """A dated line under a title ("2007年6月1日 施行") or a 题注 in brackets that holds a date."""
    flat = compact(text)
    dates = find_dates(flat)
    if not dates or len(flat) > 100 * len(dates):  # the cleaner may join several dated lines into one
        return False
    if re.match(r"^[（(].*[）)]?$", flat) and (_EVENT.search(flat) or "施行" in flat):
        return True
    match = ANY_DATE.match(flat)
    return bool(match) and bool(_EVENT.search(flat) or _EFFECTIVE_AT.match(flat[match.end() :]))


_EFFECT_ON_PUBLICATION_LINE = re.compile(r"^自?(?:公布|发布|印发|颁布)之日起?(?:施行|实施|执行|生效)$")


def is_front_matter(text: str) -> bool:
    """Whether every line of a text is a front-matter line ("1999年1月22日 国务院令第258号发布",
    "发布之日施行"): a record of how the text was adopted, which answers when it was adopted or took
    effect, and nothing a provision says."""
    lines = [compact(line) for line in text.splitlines() if line.strip()]
    return bool(lines) and all(is_front_matter_line(ln) or _EFFECT_ON_PUBLICATION_LINE.match(ln) for ln in lines)


def read_front_matter(texts: Sequence[str]) -> FrontMatter:
    """Read the front-matter lines at the start of ``texts`` (the paragraphs after a title)."""
    events: list[tuple[str, str | None, str | None]] = []  # (date, organ, 令号)
    effective: str | None = None
    count = 0
    for n, text in enumerate(texts):
        if not is_front_matter_line(text):
            if n == 0 and not events and len(compact(text)) <= 8 and not re.search(r"[。；，：]", text):
                count += 1  # a part heading between the title and its dates (民法典: 总则)
                continue
            break
        count += 1
        flat = compact(text).strip("（()）")
        dates = find_dates(flat)
        for n, (match, iso) in enumerate(dates):
            clause = flat[match.end() : dates[n + 1][0].start() if n + 1 < len(dates) else len(flat)]
            before = flat[match.start() - 1] if match.start() else ""
            if _EFFECTIVE_AT.match(clause) and (before == "自" or clause.lstrip("起").startswith(("施行", "实施"))):
                effective = iso
                continue
            if _EVENT.search(clause):
                events.append((iso, organ_of(clause), _order_number(clause)))
    if not events and effective is None:
        return FrontMatter()
    latest = max(events, default=None, key=lambda e: e[0])
    issuer = None
    for _, organ, _ in sorted(events, key=lambda e: e[0], reverse=True):
        if organ:
            issuer = organ
            break
    number = next((num for _, _, num in sorted(events, key=lambda e: e[0], reverse=True) if num), None)
    return FrontMatter(latest[0] if latest else None, issuer, number, effective, count)


def _order_number(clause: str) -> str | None:
    """The first 文号 or 令号 of a clause, spelt as the text writes it (主席令第七十三号 stays so)."""
    for match, _ in docnumber.find(clause):
        return compact(match.group(0))
    return None


def organ_of(clause: str) -> str | None:
    """The organ a front-matter clause names: the issuer of a 令号, the organ before 关于 in a quoted
    决定, or the words before "第N次…会议" / the verb, without its 届 ("第十届")."""
    for _, number in docnumber.find(clause):
        if number.is_order:
            return _strip_nation(number.issuer)
    quoted = re.search(r"《([^《》]+?)关于", clause)
    if quoted:
        return quoted[1]
    text = re.sub(rf"{_COUNTED}届", "", clause.lstrip("经由于"))
    cut = re.search(rf"{_COUNTED}次|通过|公布|发布|颁布|修订|修正|批准|《", text)
    organ = text[: cut.start()] if cut else ""
    return organ if 2 <= len(organ) <= 30 else None


def _strip_nation(name: str) -> str:
    return name[len(_NATION) :] if name.startswith(_NATION) and len(name) > len(_NATION) else name


def effective_in(text: str, date: str | None) -> str | None:
    """The day a text says it takes effect: "自2007年6月1日起施行" (the last such clause: the text's
    own 施行 article stands at its end), or the text's ``date`` for "自公布之日起施行"."""
    flat = compact(text)
    found: list[tuple[int, str | None]] = []
    for match in _FROM_DATE.finditer(flat):
        dated = find_dates(match["date"])
        if dated:
            found.append((match.start(), dated[0][1]))
    for match in _ON_PUBLICATION.finditer(flat):
        found.append((match.start(), date))
    if not found:
        return None
    return max(found)[1]
