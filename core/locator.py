"""The numbering of Chinese normative texts, one grammar for every stage: 第N章 / 第N节 / 第N条 / 第N款 /
第N项 / 第N目, and 一、 / （一） / 1. / （1） / 一是.

It is read in three settings, all from the patterns here:

- ``MARKERS``: a heading marker at the start of a paragraph, as extraction and typing leave it (half-width
  brackets, "1、"); the splitter stacks them into locators and writes each number with ``LABELS``.
- ``GBT_LEVELS``: GB/T 9704-2012 7.3.3's four heading levels exactly as a generated document writes them.
- a locator typed or quoted by staff ("第18条第1项", "三(二)", "第五章 第十八条（一）"): ``LOCATOR`` finds it in
  a question and ``canonical_locator`` turns it into the form the splitter writes ("第十八条（一）", "三、（二）"),
  so Chinese and Arabic numerals are equivalent.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

from core.numerals import CN_NUMBER, CN_NUMERAL_CHARS, int_to_cn, to_int
from core.text import normalise_text

_CN = f"[{CN_NUMERAL_CHARS}]"
_AR = "[0-9]"

MARKERS: dict[str, re.Pattern[str]] = {
    "chapter": re.compile(rf"^第({CN_NUMBER})章"),
    "part": re.compile(rf"^第({CN_NUMBER})节"),
    "article": re.compile(rf"^第({CN_NUMBER})条"),
    "top": re.compile(rf"^({CN_NUMBER})、"),
    "paren_cn": re.compile(rf"^[（(]({CN_NUMBER})[）)]"),
    "arabic": re.compile(rf"^({_AR}{{1,2}})[.．、](?!{_AR})"),
    "paren_ar": re.compile(rf"^[（(]({_AR}{{1,2}})[）)]"),
    "ordinal": re.compile(rf"^({_CN}{{1,3}})是"),
}
"""Heading markers by name; group 1 is the number as written."""

LABELS: dict[str, Callable[[str], str]] = {
    "chapter": lambda n: f"第{n}章",
    "part": lambda n: f"第{n}节",
    "article": lambda n: f"第{n}条",
    "top": lambda n: f"{n}、",
    "paren_cn": lambda n: f"（{n}）",
    "arabic": lambda n: str(int(n)),
    "paren_ar": lambda n: f"（{int(n)}）",
    "ordinal": lambda n: f"{n}是",
}
"""How a locator writes each marker's number: full-width brackets, no "." after an Arabic item."""

GBT_LEVELS: tuple[tuple[int, re.Pattern[str]], ...] = (
    (1, re.compile(rf"^({CN_NUMBER})、")),
    (2, re.compile(rf"^（({CN_NUMBER})）")),
    (3, re.compile(rf"^({_AR}+)[.．](?!{_AR})")),
    (4, re.compile(rf"^（({_AR}+)）")),
)
"""GB/T 9704 7.3.3: 一、 → （一） → 1. → （1）, full-width brackets only, "1." never "1、"."""
GBT_MARKERS = {1: "{}、", 2: "（{}）", 3: "{}.", 4: "（{}）"}

_N = rf"[0-9{CN_NUMERAL_CHARS}]+"
LOCATOR = re.compile(
    rf"第{_N}条(?:第{_N}[款项])*(?:[（(]{_N}[）)])*"
    rf"|{CN_NUMBER}、(?:[（(]{CN_NUMBER}[）)])?(?:{_AR}{{1,2}})?"
)
"""A locator inside running text or a question: 第十八条第一项, 第18条(一), 三、（二）1."""

_TOKEN = re.compile(
    rf"第(?P<chapter>{_N})章"
    rf"|第(?P<article>{_N})条"
    rf"|第(?P<para>{_N})款"
    rf"|第(?P<item>{_N})项"
    rf"|第[（(](?P<written_item>{_N})[）)][项目]"
    rf"|第(?P<written_section>{CN_NUMBER})部分"
    rf"|第(?P<sub>{_N})目"
    rf"|（(?P<paren>{_N})）"
    rf"|(?P<section>{CN_NUMBER})、?"
    rf"|(?P<arabic>{_AR}+)[.．、]?"
    rf"|(?P<attach>附件{_AR}*)"
)
_FILLER = "，,。 之的"


def marker_at(text: str, names: Iterable[str] = MARKERS) -> tuple[str, re.Match[str]] | None:
    """The first of the named markers that opens ``text``, with its match."""
    for name in names:
        match = MARKERS[name].match(text)
        if match:
            return name, match
    return None


def canonical_locator(text: str) -> str:
    """Canonical form of a typed locator; raises ValueError when nothing in it is a locator."""
    parts: list[str] = []
    for kind, value in _tokens(text):
        if kind == "chapter":
            continue  # 条 numbers are unique within a document; the chapter adds nothing
        if kind == "article":
            parts = [f"第{int_to_cn(to_int(value))}条"]
        elif kind == "para":
            parts.append(f"第{int_to_cn(to_int(value))}款")
        elif kind == "item":
            parts.append(f"（{int_to_cn(to_int(value))}）")
        elif kind == "sub":
            parts.append(str(to_int(value)))
        elif kind in ("paren", "written_item"):
            parts.append(f"（{value}）" if not value.isdigit() else f"（{int(value)}）")
        elif kind in ("section", "written_section"):
            parts.append(f"{int_to_cn(to_int(value))}、")
        elif kind == "arabic":
            parts.append(str(int(value)))
        elif kind == "attach":
            parts.append(value)
    if not parts:
        raise ValueError(f"无法识别的条款位置：{text}")
    return "".join(parts)


def locator_variants(canonical: str) -> list[str]:
    """Other spellings worth trying: （1）↔（一） for items typed in the wrong numeral family."""
    variants = [canonical]
    swapped = re.sub(r"（([0-9]+)）", lambda m: f"（{int_to_cn(int(m.group(1)))}）", canonical)
    if swapped != canonical:
        variants.append(swapped)
    return variants


def written_locator(locator: str) -> str:
    """A locator in the conventional written form of a citation, every level spelled out:
    第十八条（一） → 第十八条第（一）项, 第十八条第二款（一）1 → 第十八条第二款第（一）项第1目,
    三、（二） → 第三部分第（二）项. Chapters are dropped (条 numbers are unique in a document).
    Raises ValueError when nothing in it is a locator, as ``canonical_locator`` does."""
    parts: list[str] = []
    depth = 0  # 0 = nothing below 条/款/部分 yet, 1 = 项 written, 2 = 目 written
    for kind, value in _tokens(locator):
        if kind == "chapter":
            continue
        if kind == "article":
            parts, depth = [f"第{int_to_cn(to_int(value))}条"], 0
        elif kind == "para":
            parts.append(f"第{int_to_cn(to_int(value))}款")
        elif kind in ("section", "written_section"):
            parts, depth = [f"第{int_to_cn(to_int(value))}部分"], 0
        elif kind == "attach":
            parts, depth = [value], 0
        elif kind in ("item", "paren", "written_item", "sub", "arabic"):
            shown = _written_number(kind, value)
            level = "项" if depth == 0 and kind != "sub" else "目"
            parts.append(f"第{shown}{level}")
            depth = 1 if level == "项" else 2
    if not parts:
        raise ValueError(f"无法识别的条款位置：{locator}")
    return "".join(parts)


def _tokens(text: str) -> list[tuple[str, str]]:
    """The locator tokens of a typed locator, (kind, value) in order; raises ValueError when anything
    but filler stands between or after them."""
    raw = normalise_text(text)
    tokens: list[tuple[str, str]] = []
    pos = 0
    for match in _TOKEN.finditer(raw):
        if match.start() != pos and raw[pos : match.start()].strip(_FILLER):
            raise ValueError(f"无法识别的条款位置：{text}")
        pos = match.end()
        kind = str(match.lastgroup)
        tokens.append((kind, match.group(kind)))
    if pos != len(raw) and raw[pos:].strip(_FILLER):
        raise ValueError(f"无法识别的条款位置：{text}")
    return tokens


def _written_number(kind: str, value: str) -> str:
    """项 keep their brackets as the text writes them — （一）, （1） — and 目 written 1 stay bare."""
    if kind == "item":
        return f"（{int_to_cn(to_int(value))}）"
    if kind in ("paren", "written_item"):
        return f"（{value}）" if not value.isdigit() else f"（{int(value)}）"
    return str(to_int(value))
