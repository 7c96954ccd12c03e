"""Chinese ↔ Arabic numerals, the one implementation every stage uses: article numbers (第十八条 =
第18条), list items (（一）), counted quantities (第一名 = 第1名) and 届次 (第五届)."""

from __future__ import annotations

import re
from itertools import pairwise

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


NUMERAL_RUN_CHARS = "0123456789０１２３４５６７８９.,．零〇○一二两三四五六七八九十百千万亿半"
"""Every character a written number may run over, in either notation (五百, 2,000, 1.5万, 二○○七, 一年半)."""
_CN_DIGITS = frozenset("一二两三四五六七八九")
_CN_POWERS = frozenset("十百千万亿")
_NOT_FIRST = frozenset(".,．")  # a number never starts with its decimal point or thousands separator


def whole_numeral(text: str, start: int, end: int, lo: int = 0, hi: int | None = None) -> tuple[int, int]:
    """Widen ``text[start:end]`` so a number touching either edge is read whole, within ``text[lo:hi]``:
    十日 in 三十日内 → 三十日, 百分之二 in 百分之二十 → 百分之二十. A value pattern finds the last digits
    before a unit; the number is all of them. A word ending in a numeral character (统一, 唯一) is not
    part of the number after it: a run that has powers (十百千…) never holds two digits side by side, so
    统一三十日 reads 三十日 (a run of bare digits, 二○○七, is a number read digit by digit)."""
    hi = len(text) if hi is None else hi
    left = start
    while left > lo and text[left - 1] in NUMERAL_RUN_CHARS:
        left -= 1
    if left < start:
        run_end = start
        while run_end < hi and text[run_end] in NUMERAL_RUN_CHARS:
            run_end += 1
        while left < start and not _well_formed(text[left:run_end]):
            left += 1
    right = end
    if right > start and text[right - 1] in NUMERAL_RUN_CHARS:
        while right < hi and text[right] in NUMERAL_RUN_CHARS:
            right += 1
        while right > end and text[right - 1] in _NOT_FIRST:
            right -= 1
    return left, right


def _well_formed(run: str) -> bool:
    if not run or run[0] in _NOT_FIRST:
        return False
    if not any(ch in _CN_POWERS for ch in run):
        return True
    return not any(a in _CN_DIGITS and b in _CN_DIGITS for a, b in pairwise(run))


# A number with the unit that says what it counts: what a question states of its own case ("满10年", "3个月")
_QUANTITY = re.compile(
    rf"(?<![0-9０-９.,．])({NUMBER})\s*(个工作日|工作日|个小时|小时|个月|月|周|年|日|天|万元|元|人|名|倍|[%％])"
)
_SAME_UNIT = {"天": "日", "个工作日": "工作日", "个小时": "小时", "个月": "月", "％": "%"}
# the unit a question asks its value in: 多少天, 几个月, 几年 (never 几次 or 多少钱: no unit of _QUANTITY)
_ASKED_UNIT = re.compile(r"(?:多少|几)\s*(个工作日|工作日|个小时|小时|个月|月|周|年|日|天|万元|元|人|名|倍)")

Quantity = tuple[int, str]  # (value, unit): 十年 and 10年 are both (10, "年")


def quantities(text: str) -> list[tuple[int, int, Quantity]]:
    """(start, end, quantity) of every number-and-unit in ``text``, either notation."""
    out = []
    for match in _QUANTITY.finditer(text):
        number = match.group(1)
        try:  # 二〇〇七年 is read digit by digit
            value = int("".join(str(_DIGITS[c]) for c in number)) if "〇" in number else to_int(number)
        except (KeyError, ValueError):
            continue
        out.append((match.start(), match.end(), (value, _SAME_UNIT.get(match.group(2), match.group(2)))))
    return out


def asked_unit(question: str) -> str | None:
    """The unit a question asks its value in (多少天 → 日, 几个月 → 月), as ``quantities`` names units; None
    when it names none."""
    match = _ASKED_UNIT.search(question)
    return None if match is None else _SAME_UNIT.get(match.group(1), match.group(1))


def stated_quantities(text: str) -> frozenset[Quantity]:
    """The quantities ``text`` states, whatever their notation: what a question says of its own case."""
    return frozenset(quantity for *_, quantity in quantities(text))


def without_quantities(text: str, given: frozenset[Quantity]) -> str:
    """``text`` with the quantities in ``given`` blanked, at the same length (offsets still hold): a
    question that states its own case (工作满10年) is not answered by the sentence that repeats it (满十年)."""
    if not given:
        return text
    chars = list(text)
    for start, end, quantity in quantities(text):
        if quantity in given:
            chars[start:end] = " " * (end - start)
    return "".join(chars)
