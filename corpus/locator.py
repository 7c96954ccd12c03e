"""Turn what staff type ("第18条第1项", "三(二)", "第五章 第十八条（一）") into the canonical locator
the splitter writes ("第十八条（一）", "三、（二）"), so Chinese and Arabic numerals are equivalent."""

from __future__ import annotations

import re
import unicodedata

from corpus.numerals import CN_NUMERAL_CHARS, int_to_cn, to_int

_NUM = rf"[0-9{CN_NUMERAL_CHARS}]+"
_TOKEN = re.compile(
    rf"第(?P<chapter>{_NUM})章"
    rf"|第(?P<article>{_NUM})条"
    rf"|第(?P<para>{_NUM})款"
    rf"|第(?P<item>{_NUM})项"
    rf"|第(?P<sub>{_NUM})目"
    rf"|（(?P<paren>{_NUM})）"
    rf"|(?P<section>[{CN_NUMERAL_CHARS}]+)、?"
    rf"|(?P<arabic>[0-9]+)[.．、]?"
    r"|(?P<attach>附件[0-9]*)"
)


def normalise_text(text: str) -> str:
    """NFKC folds full-width digits/letters; we then restore the Chinese full-width parentheses."""
    text = unicodedata.normalize("NFKC", text)
    text = "".join(ch for ch in text if unicodedata.category(ch) != "Cf")  # zero-width and direction marks
    text = text.replace("(", "（").replace(")", "）").replace("[", "〔").replace("]", "〕")
    return re.sub(r"\s+", "", text)


def canonical_locator(text: str) -> str:
    """Canonical form of a typed locator; raises ValueError when nothing in it is a locator."""
    raw = normalise_text(text)
    parts: list[str] = []
    pos = 0
    for match in _TOKEN.finditer(raw):
        if match.start() != pos and raw[pos : match.start()].strip("，,。 之的"):
            raise ValueError(f"无法识别的条款位置：{text}")
        pos = match.end()
        kind = match.lastgroup
        value = match.group(kind)
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
        elif kind == "paren":
            parts.append(f"（{value}）" if not value.isdigit() else f"（{int(value)}）")
        elif kind == "section":
            parts.append(f"{int_to_cn(to_int(value))}、")
        elif kind == "arabic":
            parts.append(str(int(value)))
        elif kind == "attach":
            parts.append(value)
    if pos != len(raw) and raw[pos:].strip("，,。 之的"):
        raise ValueError(f"无法识别的条款位置：{text}")
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
