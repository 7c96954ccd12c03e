"""Dates as Chinese official documents write them: 2026年4月12日 — Arabic numerals, the full year, no zero
padding (GB/T 9704-2012 7.3.5.4) — read from text and written into documents."""

from __future__ import annotations

import re
from datetime import date

from core.errors import InvalidInput

CN_DATE = r"(?P<y>\d{4})年(?P<m>\d{1,2})月(?P<d>\d{1,2})日"
"""Regex fragment: a date in the standard's form, on text without spaces; groups y, m, d."""
LOOSE_CN_DATE = re.compile(
    r"^\s*(\d{2,4}|[〇零一二三四五六七八九]{4})\s*年\s*[\d〇零一二三四五六七八九十]{1,3}\s*月"
    r"\s*[\d〇零一二三四五六七八九十]{1,3}\s*日\s*$"
)
"""A line meant as a date in any older or mistaken form (二〇二二年, 22年, spaces): what a format checker
must find before it can say what is wrong."""


def cn_date(d: date) -> str:
    """2026-04-12 → 2026年4月12日."""
    return f"{d.year}年{d.month}月{d.day}日"


def iso_from(match: re.Match[str]) -> str:
    """yyyy-mm-dd from a match with groups y, m, d (``CN_DATE``), without checking the calendar."""
    return f"{int(match['y']):04d}-{int(match['m']):02d}-{int(match['d']):02d}"


_CN_YEAR_DIGITS = {"〇": 0, "○": 0, "零": 0, "O": 0, "o": 0, "0": 0, "Ｏ": 0}
_CN_YEAR_DIGITS.update({ch: n for n, ch in enumerate("一二三四五六七八九", start=1)})
ANY_DATE = re.compile(
    r"(?P<y>\d{4}|[〇○零Oo0Ｏ一二三四五六七八九]{4})\s*年\s*(?P<m>\d{1,2}|[一二三四五六七八九十]{1,2})\s*月"
    r"\s*(?P<d>\d{1,2}|[一二三四五六七八九十]{1,3})\s*日"
)
"""Regex: a date in Arabic numerals (2007年6月1日, with the spaces a PDF puts around digits) or in the
Chinese numerals older 落款 use (二○○三年九月二十三日, 二00七年七月二十日 with ASCII zeros)."""


def _cn_small(text: str) -> int:
    if text.isdigit():
        return int(text)
    tens, _, units = text.partition("十")
    if "十" not in text:
        return "一二三四五六七八九".index(text) + 1
    value = (("一二三四五六七八九".index(tens) + 1) if tens else 1) * 10
    return value + (("一二三四五六七八九".index(units) + 1) if units else 0)


def iso_from_any(match: re.Match[str]) -> str | None:
    """yyyy-mm-dd from an ``ANY_DATE`` match, or None when it is not a calendar date."""
    year_text = match["y"]
    year = int(year_text) if year_text.isdigit() else int("".join(str(_CN_YEAR_DIGITS[ch]) for ch in year_text))
    try:
        day = date(year, _cn_small(match["m"]), _cn_small(match["d"]))
    except ValueError:
        return None
    return day.isoformat()


def find_dates(text: str) -> list[tuple[re.Match[str], str]]:
    """Every calendar date in running text, with where it stands (either notation)."""
    out = []
    for match in ANY_DATE.finditer(text):
        iso = iso_from_any(match)
        if iso:
            out.append((match, iso))
    return out


def parse_as_of(value: date | str | None) -> date | None:
    """The day an "as of" question is about: a ``date``, an ISO ``YYYY-MM-DD`` string, or None (the texts
    in force now). Anything else is invalid input (HTTP 422, CLI exit 1) naming the form it should take."""
    if value is None or isinstance(value, date):
        return value
    if not isinstance(value, str):
        raise InvalidInput("as_of 须为 YYYY-MM-DD 形式的日期", as_of=repr(value))
    try:
        return parse_iso_day(value)
    except ValueError as exc:
        raise InvalidInput(f"as_of {exc}", as_of=value) from None


def parse_iso_day(text: str) -> date:
    """A day as the command line and API take it (YYYY-MM-DD); ValueError with a clear message otherwise."""
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", text.strip()):
        raise ValueError(f"日期格式应为 YYYY-MM-DD：{text!r}")
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise ValueError(f"不是有效的日期（应为 YYYY-MM-DD）：{text!r}") from None
