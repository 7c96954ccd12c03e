"""Tiers: a provision that grades its rule by a quantity of the case ("累计工作已满1年不满10年的，年休假5天；
已满10年不满20年的，年休假10天；已满20年的，年休假15天"). A question that states that quantity of its own
case ("工作了12年") is answered by one tier, the one whose range holds it; the others are conditions that
do not apply. This module reads the tiers of a text and picks the one a stated quantity falls in.

Bounds are read as Chinese legal drafting writes them: 以上, 以下, 以内 and 满 include the number itself
(刑法 第九十九条 gives the convention), 不满, 不足, 未满, 超过, 低于 and 少于 do not.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from core.numerals import NUMBER, Quantity, quantities

_PIECE = re.compile(r"[^；;。\n]+")  # a tier ends at a semicolon or a full stop
_CONDITION_END = re.compile(r"[，,]")
# a condition closed by 的 runs to it over commas ("连续工作满15年，且距退休不足5年的，…" is one condition)
_CONDITION_CLOSED = re.compile(r"的[，,]")
# words right before or after a number that bound a range: (which end, whether the number itself is in)
_BEFORE = {
    "已满": ("low", True),
    "满": ("low", True),
    "达到": ("low", True),
    "超过": ("low", False),
    "高于": ("low", False),
    "多于": ("low", False),
    "不满": ("high", False),
    "不足": ("high", False),
    "未满": ("high", False),
    "未达到": ("high", False),
    "低于": ("high", False),
    "少于": ("high", False),
    "不超过": ("high", True),
}
_AFTER = {"以上": ("low", True), "及以上": ("low", True), "以下": ("high", True), "以内": ("high", True)}
# what may stand between the two ends of one range (以上不满, 至): nothing of another quantity
_BETWEEN_ENDS = re.compile(r"(?:以上|及以上|不满|不足|未满|未达到|低于|少于|不超过|以下|至|到|[—\-－～~、，,\s])*")
# one unit of a dimension in the smallest unit of that dimension: 2年 and 24个月 are the same length
_SCALE: dict[str, tuple[str, int]] = {
    "年": ("月", 12),
    "月": ("月", 1),
    "周": ("日", 7),
    "日": ("日", 1),
    "工作日": ("工作日", 1),
    "小时": ("小时", 1),
    "万元": ("元", 10_000),
    "元": ("元", 1),
    "人": ("人", 1),
    "名": ("名", 1),
    "倍": ("倍", 1),
    "%": ("%", 1),
}
_YEAR_DATE = range(1900, 2101)  # 2022年 is a year, not 2,022 years
_AFTER_YEAR = re.compile(r"年\s*$")
_AFTER_MONTH = re.compile(r"月\s*$")
_DAY_NEXT = re.compile(rf"\s*{NUMBER}\s*[日号]")


@dataclass(frozen=True, slots=True)
class Bound:
    value: int  # in the dimension's smallest unit
    inclusive: bool


@dataclass(frozen=True, slots=True)
class Tier:
    """One graded case of a provision: its condition's range of one quantity and what follows it."""

    start: int  # the tier's span in the text: condition and consequence
    end: int
    consequence: int  # where the consequence starts (after the condition's comma)
    dimension: str  # what the range measures (月, 日, 元…)
    low: Bound | None
    high: Bound | None

    def holds(self, value: int) -> bool:
        if self.low is not None and (value < self.low.value or (value == self.low.value and not self.low.inclusive)):
            return False
        return self.high is None or value < self.high.value or (value == self.high.value and self.high.inclusive)


def measured(quantity: Quantity) -> tuple[str, int] | None:
    """(dimension, value in its smallest unit), or None for a unit no range is read in."""
    value, unit = quantity
    scale = _SCALE.get(unit)
    return None if scale is None else (scale[0], value * scale[1])


def case_quantities(question: str) -> list[tuple[str, int]]:
    """The measured quantities a question states of its own case: not dates (2022年, 3月1日)."""
    out = []
    for start, end, quantity in quantities(question):
        if _part_of_date(question, start, end, quantity):
            continue
        found = measured(quantity)
        if found is not None:
            out.append(found)
    return out


def _part_of_date(text: str, start: int, end: int, quantity: Quantity) -> bool:
    """2021年, 3月 in 2021年3月 or 3月1日, 1日 in 3月1日: a day of the calendar, not a length of time."""
    value, unit = quantity
    if unit == "年":
        return value in _YEAR_DATE
    if unit == "月":
        return bool(_AFTER_YEAR.search(text, 0, start) or _DAY_NEXT.match(text, end))
    return unit == "日" and bool(_AFTER_MONTH.search(text, 0, start))


def tiers(text: str) -> list[Tier]:
    """The tiers of ``text``: each piece (up to ；or 。) whose condition bounds one quantity. The condition
    runs to the first "的，" of the piece, or else to its first comma ("三年以上固定期限……的劳动合同，")."""
    out = []
    for piece in _PIECE.finditer(text):
        closed = _CONDITION_CLOSED.search(text, piece.start(), piece.end())
        comma = closed or _CONDITION_END.search(text, piece.start(), piece.end())
        if comma is None:
            continue
        tier = _tier(text, piece.start(), comma.end() - 1, piece.end())
        if tier is not None:
            out.append(tier)
    return out


def applicable_tier(text: str, question: str, about_case: Callable[[str], bool]) -> Tier | None:
    """The one tier of ``text`` whose range holds the quantity the question states of its case, or None:
    when the text has no tiers, when the question states no quantity they measure, or states two (工作
    5年，在本单位3年: which one the tiers grade is not read here), when no condition of those tiers speaks
    of the case (``about_case`` of its words: "怀孕3个月" is not graded by 劳动合同期限), or when not
    exactly one tier holds it."""
    graded = tiers(text)
    if not graded:
        return None
    stated = case_quantities(question)
    chosen: list[Tier] = []
    for dimension in {t.dimension for t in graded}:
        group = [t for t in graded if t.dimension == dimension]
        values = [value for dim, value in stated if dim == dimension]
        if len(values) != 1 or not any(about_case(text[t.start : t.consequence]) for t in group):
            continue
        chosen.extend(t for t in group if t.holds(values[0]))
    return chosen[0] if len(chosen) == 1 else None


def _tier(text: str, start: int, condition_end: int, end: int) -> Tier | None:
    """The range the condition (``text[start:condition_end]``) sets on one quantity, or None: a condition
    with no bounded quantity, with quantities of two dimensions, or with two that are not one range
    (满15年，且距退休不足5年 bounds two different quantities)."""
    found = [(start + a, start + b, measured(q)) for a, b, q in quantities(text[start:condition_end])]
    if not found or len(found) > 2 or any(m is None for *_, m in found):
        return None
    if len({m[0] for *_, m in found}) != 1:
        return None
    if len(found) == 2 and not _BETWEEN_ENDS.fullmatch(text[found[0][1] : found[1][0]]):
        return None
    bounds: dict[str, Bound] = {}
    for index, (a, b, measure) in enumerate(found):
        side = _word_before(text[max(start, a - 3) : a]) or _word_after(text[b:condition_end])
        if side is None and len(found) == 2:  # 5年至10年: both ends included
            side = ("low", True) if index == 0 else ("high", True)
        if side is None or side[0] in bounds:
            return None
        bounds[side[0]] = Bound(measure[1], side[1])
    return Tier(start, end, condition_end + 1, found[0][2][0], bounds.get("low"), bounds.get("high"))


def _word_before(before: str) -> tuple[str, bool] | None:
    """The bound word that ends right before a number, longest first (未满 is not 满)."""
    for word in sorted(_BEFORE, key=len, reverse=True):
        if before.endswith(word):
            return _BEFORE[word]
    return None


def _word_after(after: str) -> tuple[str, bool] | None:
    for word in sorted(_AFTER, key=len, reverse=True):
        if after.startswith(word):
            return _AFTER[word]
    return None
