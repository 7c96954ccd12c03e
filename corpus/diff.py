"""Two editions of one text, article by article (issue 11): which articles changed, were added,
removed or only renumbered, and which phrases changed inside each.

Articles are aligned on their text without the "第N条" label (``difflib`` over the article bodies),
so an inserted article that shifts every later number reads as one addition and a run of renumbered
articles, not as every article changed. Character width and white space are not changes: "(一)" and
"（一）", or "保存 50年" as extracted from a PDF and "保存50年", compare equal.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from difflib import SequenceMatcher

from core.locator import MARKERS
from corpus.catalogue import Catalogue
from corpus.model import Segment

MERGE_GAP = 2  # "劳动保障" → "社会保险" is one changed phrase, not 劳动→社会 and 障→险
PAIR_RATIO = 0.5  # two articles whose bodies share less than this are a removal and an addition


@dataclass(frozen=True, slots=True)
class Span:
    """One changed phrase: ``op`` is replace, insert or delete; offsets index ``old_text``/``new_text``."""

    op: str
    old_start: int
    old_end: int
    new_start: int
    new_end: int
    old: str
    new: str


@dataclass(frozen=True, slots=True)
class Change:
    change: str  # changed | added | removed | renumbered
    old_locator: str | None
    new_locator: str | None
    old_text: str | None
    new_text: str | None
    spans: tuple[Span, ...] = ()


@dataclass(frozen=True, slots=True)
class _Article:
    locator: str
    text: str  # the article with its 款/项/目, as printed
    folded: tuple[str, ...]  # one folded character per kept character of ``text``
    positions: tuple[int, ...]  # where each folded character stands in ``text``
    body: str  # folded text without the 第N条 label: what alignment compares


def articles(catalogue: Catalogue, doc_id: str) -> list[_Article]:
    """The document's articles (第N条) in order, each with everything under it."""
    out = []
    for seg in catalogue.segments(doc_id):
        if MARKERS["article"].fullmatch(seg.locator):
            out.append(_article(seg, "\n".join([seg.text, *(d.text for d in catalogue.descendants(seg))])))
    return out


def _article(seg: Segment, text: str) -> _Article:
    folded: list[str] = []
    positions: list[int] = []
    for i, ch in enumerate(text):
        if ch.isspace():
            continue
        folded.append(unicodedata.normalize("NFKC", ch))
        positions.append(i)
    label = MARKERS["article"].match("".join(folded))
    body = "".join(folded)[label.end() :] if label else "".join(folded)
    return _Article(seg.locator, text, tuple(folded), tuple(positions), body)


def diff_articles(old: list[_Article], new: list[_Article]) -> list[Change]:
    """Changes from ``old`` to ``new``, in the new text's order (removals where they stood)."""
    changes: list[Change] = []
    matcher = SequenceMatcher(a=[a.body for a in old], b=[a.body for a in new], autojunk=False)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            for a, b in zip(old[i1:i2], new[j1:j2], strict=True):
                if a.locator != b.locator:
                    changes.append(Change("renumbered", a.locator, b.locator, a.text, b.text))
            continue
        changes.extend(_pair(old[i1:i2], new[j1:j2]))
    return changes


def _pair(old: list[_Article], new: list[_Article]) -> list[Change]:
    """Inside a differing run: each old article goes with the most similar new one left (in order)."""
    out: list[Change] = []
    j = 0
    for a in old:
        best, best_ratio = None, PAIR_RATIO
        for k in range(j, len(new)):
            ratio = SequenceMatcher(a=a.body, b=new[k].body, autojunk=False).ratio()
            if ratio >= best_ratio:
                best, best_ratio = k, ratio
        if best is None:
            out.append(Change("removed", a.locator, None, a.text, None))
            continue
        out.extend(Change("added", None, b.locator, None, b.text) for b in new[j:best])
        out.append(Change("changed", a.locator, new[best].locator, a.text, new[best].text, spans(a, new[best])))
        j = best + 1
    out.extend(Change("added", None, b.locator, None, b.text) for b in new[j:])
    return out


def spans(a: _Article, b: _Article) -> tuple[Span, ...]:
    """The changed phrases, compared on folded characters and reported at their printed offsets."""
    out = []
    label_a = len(a.folded) - len(a.body)
    label_b = len(b.folded) - len(b.body)
    matcher = SequenceMatcher(a=a.folded[label_a:], b=b.folded[label_b:], autojunk=False)
    merged: list[list[int]] = []  # [i1, i2, j1, j2]; edits one or two characters apart are one phrase
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            continue
        if merged and i1 - merged[-1][1] <= MERGE_GAP and j1 - merged[-1][3] <= MERGE_GAP:
            merged[-1][1], merged[-1][3] = i2, j2
        else:
            merged.append([i1, i2, j1, j2])
    for i1, i2, j1, j2 in merged:
        op = "replace" if i2 > i1 and j2 > j1 else ("delete" if i2 > i1 else "insert")
        os_, oe = _printed(a, label_a + i1, label_a + i2)
        ns, ne = _printed(b, label_b + j1, label_b + j2)
        out.append(Span(op, os_, oe, ns, ne, a.text[os_:oe], b.text[ns:ne]))
    return tuple(out)


def _printed(article: _Article, start: int, end: int) -> tuple[int, int]:
    """Offsets in the printed text of folded characters [start, end) (an empty range stays empty)."""
    if start >= len(article.positions):
        return len(article.text), len(article.text)
    first = article.positions[start]
    if end <= start:
        return first, first
    return first, article.positions[end - 1] + 1
