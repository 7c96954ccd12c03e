"""Chinese ↔ Arabic numerals, the one implementation every stage uses: article numbers (第十八条 =
第18条), list items (（一）), counted quantities (第一名 = 第1名) and 届次 (第五届)."""

from __future__ import annotations

_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_UNITS = {"十": 10, "百": 100, "千": 1000}
_CN = "零一二三四五六七八九"
_FULL_WIDTH_DIGITS = str.maketrans("０１２３４５６７８９", "0123456789")

CN_NUMERAL_CHARS = "".join(_DIGITS) + "".join(_UNITS)
"""Every character a Chinese numeral may contain, for regex character classes."""
CN_NUMBER = rf"[{CN_NUMERAL_CHARS}]+"
"""Regex: a Chinese numeral (十八, 一百零五, 两)."""
NUMBER = rf"[0-9０-９{CN_NUMERAL_CHARS}]+"
"""Regex: a number in either notation, as ``to_int`` reads it (18, １８, 十八)."""


def cn_to_int(text: str) -> int:
    """Parse 一 … 九千九百九十九 (also 十八, 二十, 一百零五). Raises ValueError on anything else."""
    if not text:
        raise ValueError("empty numeral")
    if text.isdigit():
        return int(text)
    total, current = 0, 0
    for ch in text:
        if ch in _DIGITS:
            current = _DIGITS[ch]
        elif ch in _UNITS:
            total += (current or 1) * _UNITS[ch]
            current = 0
        else:
            raise ValueError(f"not a Chinese numeral: {text!r}")
    return total + current


def int_to_cn(value: int) -> str:
    """18 → 十八, 105 → 一百零五, the form used in 第…条 headings."""
    if value <= 0 or value >= 10000:
        raise ValueError(f"numeral out of range: {value}")
    parts: list[str] = []
    zero_pending = False
    for unit_value, unit in ((1000, "千"), (100, "百"), (10, "十"), (1, "")):
        digit = (value // unit_value) % 10
        if digit == 0:
            if parts:
                zero_pending = True
            continue
        if zero_pending:
            parts.append("零")
            zero_pending = False
        parts.append(("" if (unit == "十" and digit == 1 and not parts) else _CN[digit]) + unit)
    return "".join(parts)


def to_int(text: str) -> int:
    """Either notation: '18', '１８' or '十八'."""
    text = text.strip().translate(_FULL_WIDTH_DIGITS)
    return int(text) if text.isdigit() else cn_to_int(text)
