"""Dates as Chinese official documents write them: 2026年4月12日 — Arabic numerals, the full year, no zero
padding (GB/T 9704-2012 7.3.5.4) — read from text and written into documents."""

from __future__ import annotations

import re
from datetime import date

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
