"""Segmenting a document into its addressable units: 章 → 条 → 项 → 目, or 一、→（一）→ 1. →（1）→ 一是.

Heading patterns are ordered data with named ranks; a stack builds the tree, so a document that
skips a level ("四、" then "6.") still gets a correct locator ("四、6"). Text before the first
heading and after the last (title, 主送, 正文, 落款) gets segments of its own, so every line of a
document belongs to exactly one unit.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from core.locator import LABELS, MARKERS
from core.numerals import int_to_cn
from core.sentences import first_sentence
from core.text import compact
from corpus.clean import Paragraph
from corpus.model import DocKind
from corpus.split import DATE, DraftDocument, normalise_doc_number


@dataclass(frozen=True, slots=True)
class Marker:
    """A heading marker (``core.locator.MARKERS``) at its rank in one numbering scheme."""

    name: str
    rank: float
    in_locator: bool = True
    pattern: re.Pattern[str] = field(init=False)

    def __post_init__(self) -> None:
        pattern = MARKERS[self.name]
        if self.name == "ordinal":  # 一是 heads an item only when a clause follows ("一是坚持……，")
            pattern = re.compile(pattern.pattern + r"(?=[^，。；]{0,40}[。，；：])")
        object.__setattr__(self, "pattern", pattern)

    def label(self, match: re.Match[str]) -> str:
        return LABELS[self.name](match.group(1))


_ARTICLE_SCHEME = (
    Marker("chapter", 0, in_locator=False),
    Marker("part", 0.5, in_locator=False),
    Marker("article", 1),
    Marker("top", 2),
    Marker("paren_cn", 2),
    Marker("arabic", 3),
    Marker("paren_ar", 4),
)
_SECTION_SCHEME = (
    Marker("chapter", 0, in_locator=False),
    Marker("top", 1),
    Marker("paren_cn", 2),
    Marker("arabic", 3),
    Marker("paren_ar", 4),
    Marker("ordinal", 5),
)
_ARTICLE_HEAD = re.compile(MARKERS["article"].pattern + r"[\s　]")
HEADING_PATH_CHARS = 40  # a heading longer than this is cut in the path (its text stays whole)
PLAIN_HEADING_MAX = 20
WRAPPED_PARAGRAPHS_MAX_SHARE = 0.1  # above this share of multi-line paragraphs a text is hard-wrapped
_PLAIN_KINDS = frozenset(
    {DocKind.NEWS, DocKind.SUMMARY, DocKind.OTHER, DocKind.PREFACE}
)  # in a text with no numbering, a short unpunctuated line is a heading


@dataclass
class DraftSegment:
    locator: str
    heading_path: tuple[str, ...]
    paragraphs: list[Paragraph]
    level: int
    parent: DraftSegment | None = None
    children: list[DraftSegment] = field(default_factory=list)

    @property
    def text(self) -> str:
        return "\n".join(p.text for p in self.paragraphs)

    def line_map(self) -> tuple[tuple[int, int], ...]:
        runs: list[tuple[int, int]] = []
        offset = 0
        for p in self.paragraphs:
            for i, line in enumerate(p.lines):
                if not runs or runs[-1][1] != line:
                    runs.append((offset + i, line))
            offset += len(p.text) + 1
        return tuple(runs)


def segment(doc: DraftDocument) -> list[DraftSegment]:
    """The units of one document, in reading order."""
    paras = list(doc.paragraphs)
    if not paras:
        return []
    if doc.kind is DocKind.TABLE and all(p.table for p in paras[1:]) and any(p.table for p in paras):
        return _whole(paras, doc)
    scheme = _ARTICLE_SCHEME if any(_ARTICLE_HEAD.match(p.text) for p in paras) else _SECTION_SCHEME
    first_marker = next((i for i, p in enumerate(paras) if _match(scheme, p.text)), None)
    if first_marker is None:
        if doc.kind in _PLAIN_KINDS:
            return _unnumbered(paras, doc)
        return _front_matter(paras, doc)
    units = _front_matter(paras[:first_marker], doc)
    body, back = _split_back_matter(paras[first_marker:])
    appendix_at = _appendix_start(body) if scheme is _ARTICLE_SCHEME else None
    if appendix_at is None:
        units.extend(_tree(body, scheme))
    else:
        units.extend(_tree(body[:appendix_at], scheme))
        units.extend(_appendix(body[appendix_at:]))
    units.extend(_back_matter(back))
    return units


_APPENDIX_LABEL = re.compile(r"^附\s*录\s*[一二三四五六七八九十0-9]{0,3}\s*[：:]?$")


def _appendix_start(paras: Sequence[Paragraph]) -> int | None:
    """Where an 附录 begins after the last article: a line that is only its label ("附录：")."""
    return next((i for i, p in enumerate(paras) if i and _APPENDIX_LABEL.match(compact(p.text))), None)


def _appendix(paras: Sequence[Paragraph]) -> list[DraftSegment]:
    """An 附录 is a part of its own, not items of the last article: its label and title are the unit
    "附录", its numbered items are addressed under it ("附录一、（一）"). They are numbered in the
    section scheme, so an "附录第一条" can never be taken for the main text's 第一条."""
    first_item = next((i for i, p in enumerate(paras) if _match(_SECTION_SCHEME, p.text)), len(paras))
    head = DraftSegment("附录", (), list(paras[:first_item]), 1)
    units = [head]
    for unit in _tree(paras[first_item:], _SECTION_SCHEME):
        unit.locator = "附录" + unit.locator
        unit.heading_path = ("附录", *unit.heading_path)
        unit.level += 2
        if unit.parent is None:
            unit.parent = head
            head.children.append(unit)
        units.append(unit)
    return units


def _match(scheme: Sequence[Marker], text: str) -> tuple[Marker, re.Match[str]] | None:
    for marker in scheme:
        match = marker.pattern.match(text)
        if match:
            return marker, match
    return None


def _tree(paras: Sequence[Paragraph], scheme: Sequence[Marker]) -> list[DraftSegment]:
    units: list[DraftSegment] = []
    stack: list[tuple[Marker, DraftSegment, str]] = []  # (marker, unit, heading for the path)
    clauses: dict[int, int] = {}  # id(article) → 款 it holds so far; id(款 made here) → its number
    one_line = _one_line_paragraphs(paras)
    list_ends = _list_ends(paras, scheme)
    for n, p in enumerate(paras):
        found = _match(scheme, p.text)
        if found is None:
            if one_line and _place_clause(stack, p, clauses, units, list_ends[n]):
                continue
            if stack:
                stack[-1][1].paragraphs.append(p)
            else:
                units.append(DraftSegment("正文", (), [p], 1))
            continue
        marker, match = found
        while stack and stack[-1][0].rank >= marker.rank:
            stack.pop()
        label = marker.label(match)
        locator = "".join(m.label(m.pattern.match(u.paragraphs[0].text)) for m, u, _ in stack if m.in_locator)
        locator = locator + label if marker.in_locator else label
        path = tuple(h for _, _, h in stack)
        parent = stack[-1][1] if stack else None
        unit = DraftSegment(locator, path, [p], level=len(stack), parent=parent)
        if parent is not None:
            parent.children.append(unit)
        units.append(unit)
        stack.append((marker, unit, _heading(p.text)))
    return _dedupe_locators(units)


def _one_line_paragraphs(paras: Sequence[Paragraph]) -> bool:
    """Whether the text keeps each paragraph on one source line (a law as published online), so that a
    paragraph is a 款 and can be numbered as one. Hard-wrapped text (a PDF's lines) breaks paragraphs
    where a line happens to end in 。, so counting 款 there would cite the wrong one."""
    wrapped = sum(1 for p in paras if p.line_start != p.line_end)
    return wrapped <= WRAPPED_PARAGRAPHS_MAX_SHARE * len(paras)


def _list_ends(paras: Sequence[Paragraph], scheme: Sequence[Marker]) -> list[bool]:
    """For each paragraph, whether no numbered item follows it before the next article: only there
    can an unnumbered paragraph be the article's next 款. One between items ("（二）评审方式。" / its
    paragraphs / "（三）…") belongs to the list."""
    ends = [True] * len(paras)
    item_ahead = False
    for n in range(len(paras) - 1, -1, -1):
        ends[n] = not item_ahead
        found = _match(scheme, paras[n].text)
        if found is not None:
            item_ahead = found[0].rank > 1  # an item; an article or chapter ends the look-ahead
    return ends


def _list_item(unit: DraftSegment) -> bool:
    """An item of a list (one clause: "（五）其他收入。"), not a titled sub-section ("（二）评审方式。…" with
    paragraphs of its own), which keeps the paragraphs after it."""
    text = unit.paragraphs[0].text
    return len(unit.paragraphs) == 1 and "。" not in text[:-1]


def _place_clause(
    stack: list[tuple[Marker, DraftSegment, str]],
    p: Paragraph,
    clauses: dict[int, int],
    units: list[DraftSegment],
    list_end: bool,
) -> bool:
    """A paragraph after an article's list that is not the last item's continuation is the article's
    next 款 ("（五）其他收入。" / "前款第二项规定的……"): a unit of its own under the article, numbered
    by the 款 before it (each paragraph of an article is one 款), so it is cited as 第N条第M款, never
    as the last item; the paragraphs after it are the next 款. Only after a complete paragraph (ending
    。；) and where no item follows in the article (``list_end``) or ``p`` opens the next list ("……：");
    otherwise ``p`` continues the 款 made here, or is left to the caller (False) to join what it follows."""
    article = next((i for i, (m, _, _) in enumerate(stack) if m.name == "article"), None)
    if article is None or not units:
        return False
    marker, unit, _ = stack[article]
    last = units[-1]
    after_clause = len(stack) == article + 1 and last.parent is unit and id(last) in clauses
    after_item = len(stack) > article + 1 and stack[-1][1] is last and _list_item(last)
    complete = last.paragraphs[-1].text.endswith(("。", "；", ";"))
    opens_list = p.text.endswith(("：", ":"))  # a 款 that heads the article's next list ("……应当载明下列事项：")
    new_clause = complete and (list_end or opens_list)
    if after_clause and not new_clause:
        last.paragraphs.append(p)
        return True
    if not (after_clause or after_item) or not new_clause:
        return False
    del stack[article + 1 :]
    number = clauses.get(id(unit), len(unit.paragraphs)) + 1
    clauses[id(unit)] = number
    label = marker.label(marker.pattern.match(unit.paragraphs[0].text))
    locator = "".join(m.label(m.pattern.match(u.paragraphs[0].text)) for m, u, _ in stack[:article] if m.in_locator)
    clause = DraftSegment(
        f"{locator}{label}第{int_to_cn(number)}款", tuple(h for _, _, h in stack), [p], level=article + 1, parent=unit
    )
    clauses[id(clause)] = number
    unit.children.append(clause)
    units.append(clause)
    return True


def _heading(text: str) -> str:
    head = first_sentence(text)
    return head if len(head) <= HEADING_PATH_CHARS else head[:HEADING_PATH_CHARS] + "…"


def _dedupe_locators(units: list[DraftSegment]) -> list[DraftSegment]:
    """A numbering that restarts (an embedded form) would repeat a locator; keep each addressable."""
    seen: dict[str, int] = {}
    for unit in units:
        count = seen.get(unit.locator, 0)
        seen[unit.locator] = count + 1
        if count:
            unit.locator = f"{unit.locator}#{count + 1}"
    return units


def _front_matter(paras: Sequence[Paragraph], doc: DraftDocument) -> list[DraftSegment]:
    """Title and 文号 → 标题; a salutation ending in ：→ 主送; anything else → 正文 (a preamble)."""
    units: list[DraftSegment] = []
    title_paras: list[Paragraph] = []
    rest = list(paras)
    title_compact = compact(doc.title)
    while rest and (
        normalise_doc_number(rest[0].text)
        or compact(rest[0].text) in title_compact
        or rest[0].text.startswith("〔")
        or re.fullmatch(r"附\s*件\s*\d*", rest[0].text)
    ):
        title_paras.append(rest.pop(0))
    if title_paras:
        units.append(DraftSegment("标题", (), title_paras, 0))
    if rest and rest[0].text.endswith(("：", ":")) and len(rest[0].text) <= 200:
        units.append(DraftSegment("主送", (), [rest.pop(0)], 0))
    body, back = _split_back_matter(rest)
    if body:
        units.append(DraftSegment("正文", (), body, 0))
    units.extend(_back_matter(back))
    return units


def _split_back_matter(paras: Sequence[Paragraph]) -> tuple[list[Paragraph], list[Paragraph]]:
    """Signature, date and 附注 at the end of a notice or letter, and an 附件说明."""
    paras = list(paras)
    for i, p in enumerate(paras):
        if re.match(r"^附\s*件[：:]", p.text):
            return paras[:i], paras[i:]
    date_at = next((i for i in range(len(paras) - 1, -1, -1) if DATE.match(compact(paras[i].text))), None)
    if date_at is None:
        return paras, []
    start = date_at
    while start > 0 and len(paras[start - 1].text) <= 40 and not re.search(r"[。；！？，：]", paras[start - 1].text):
        start -= 1
    if start > 0 and paras[start - 1].text.rstrip("。") in {"此函", "特此通知", "此复"}:
        start -= 1
    return paras[:start], paras[start:]


def _back_matter(paras: Sequence[Paragraph]) -> list[DraftSegment]:
    if not paras:
        return []
    note = [p for p in paras if re.match(r"^附\s*件[：:]", p.text)]
    if note:
        start = paras.index(note[0])
        end = start + 1
        while end < len(paras) and re.match(r"^\d{1,2}[.．、]", paras[end].text):
            end += 1
        units = _back_matter(paras[:start]) if start else []
        units.append(DraftSegment("附件说明", (), list(paras[start:end]), 0))
        return units + _back_matter(paras[end:])
    return [DraftSegment("落款", (), list(paras), 0)]


def _unnumbered(paras: Sequence[Paragraph], doc: DraftDocument) -> list[DraftSegment]:
    """News, forms, pledges: short unpunctuated lines are headings, the rest their paragraphs."""
    units: list[DraftSegment] = []
    current: DraftSegment | None = None
    for i, p in enumerate(paras):
        is_title = i == 0 and compact(p.text) in compact(doc.title)
        is_heading = (
            len(p.text) <= PLAIN_HEADING_MAX
            and not re.search(r"[。；！？，：、,:]", p.text)
            and not re.fullmatch(r"[\d\s.:年月日\-/]+", p.text)
        )
        if is_title:
            units.append(DraftSegment("标题", (), [p], 0))
            current = None
        elif is_heading:
            current = DraftSegment(p.text, (), [p], 1)
            units.append(current)
        elif current is not None:
            current.paragraphs.append(p)
        else:
            current = DraftSegment("正文", (), [p], 1)
            units.append(current)
    return _dedupe_locators(units)


def _whole(paras: Sequence[Paragraph], doc: DraftDocument) -> list[DraftSegment]:
    """A table rebuilt from character-per-line text: its label/title, then the table body."""
    head = [p for p in paras if not p.table]
    body = [p for p in paras if p.table]
    units = [DraftSegment("标题", (), head, 0)] if head else []
    title = compact(doc.title)
    body = [p for p in body if compact(p.text) != title and not re.fullmatch(r"附件\d*", p.text)]
    if body:
        units.append(DraftSegment("表格", (), body, 0))
    return units
