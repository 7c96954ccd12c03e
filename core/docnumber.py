"""文号, the one grammar every stage reads and writes document numbers with.

Two forms are in use:

- 发文字号 (GB/T 9704-2012 7.2.5): 机关代字〔年份〕序号号 — 昆工〔2022〕3号, 云工办通〔2020〕22号, 法释〔2020〕26号.
  The standard writes the year in 六角括号 and the number without 虚位 or 第; extracted and typed text
  brings [] ［］ 【】 () （）, spaces and "3 号".
- 令号 of regulations and laws: 国务院令第493号, 中华人民共和国主席令第11号, 人力资源和社会保障部令第7号.

``parse`` reads either form when it is the whole text, ``SEARCH`` finds them in running text, ``normalise``
writes the canonical spelling catalogues compare, and ``well_formed`` / ``problem`` hold a document being
written to the standard's form.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from core.numerals import cn_to_int
from core.text import compact

_OPEN, _CLOSE = "〔\\[［【(（", "〕\\]］】)）"
_AGENCY = r"[\u4e00-\u9fff]{1,12}"  # 机关代字: 昆工, 云劳竞办, 人社部发
_ORDER_ISSUER = r"[\u4e00-\u9fff]{2,20}?"  # 国务院, 中华人民共和国主席, 人力资源和社会保障部
_AGENCY_FORM = rf"(?P<agency>{_AGENCY})\s*[{_OPEN}]\s*(?P<year>\d{{4}})\s*[{_CLOSE}]\s*(?P<serial>\d{{1,4}})\s*号"
_ORDER_FORM = rf"(?P<issuer>{_ORDER_ISSUER})令\s*第\s*(?P<order>\d{{1,4}}|[一二三四五六七八九十百零〇]{{1,8}})\s*号"

SEARCH = re.compile(f"{_AGENCY_FORM}|{_ORDER_FORM}")
"""Finds 文号 in running text; a match may carry spaces, bracket variants and words before the issuer
(see ``DocNumber.readings``)."""
_WHOLE = re.compile(rf"^(?:{_AGENCY_FORM}|{_ORDER_FORM})$")

WELL_FORMED = re.compile(r"^[\u4e00-\u9fffA-Za-z]+〔(19|20)\d{2}〕[1-9]\d*号$")
"""A 发文字号 as GB/T 9704 7.2.5 writes it (the pattern generators publish in their JSON Schema)."""
WELL_FORMED_ORDER = re.compile(r"^[\u4e00-\u9fff]{2,20}令第[1-9]\d*号$")
"""A 令号 as promulgated: 第 before the number, no 虚位."""
LOOSE = re.compile(r"^[\u4e00-\u9fffA-Za-z]+\s*[〔\[【(（]\s*\d{2,4}\s*[〕\]】)）]\s*第?\s*\d+\s*号$")
"""Anything a writer meant as a 发文字号, well-formed or not (2-digit years, 第, wrong brackets): what a
format checker must find before it can say what is wrong."""


@dataclass(frozen=True, slots=True)
class DocNumber:
    """One 文号. ``year`` is None for a 令号, whose numbers run on across years."""

    issuer: str  # the 机关代字, or the issuer of a 令 (without 令)
    year: int | None
    serial: int

    @property
    def is_order(self) -> bool:
        return self.year is None

    def readings(self) -> list[DocNumber]:
        """This number and the ones left when words before the issuer are dropped, longest first: running
        text marks no boundary before a 机关代字 ("关于云职创〔2019〕3号"), a catalogue can tell which exists."""
        shortest = 1 if self.year is not None else 2
        return [DocNumber(self.issuer[i:], self.year, self.serial) for i in range(len(self.issuer) - shortest + 1)]

    def __str__(self) -> str:
        if self.year is None:
            return f"{self.issuer}令第{self.serial}号"
        return f"{self.issuer}〔{self.year}〕{self.serial}号"


def _from_match(match: re.Match[str]) -> DocNumber:
    if match["agency"] is not None:
        return DocNumber(match["agency"], int(match["year"]), int(match["serial"]))
    return DocNumber(match["issuer"], None, cn_to_int(match["order"]))  # 主席令第七十三号 = 第73号


def parse(text: str) -> DocNumber | None:
    """The 文号 that ``text`` is, in any spelling (昆工[2022]3 号, 国务院令 第493号), or None."""
    match = _WHOLE.match(compact(text))
    return _from_match(match) if match else None


def find(text: str) -> list[tuple[re.Match[str], DocNumber]]:
    """Every 文号 in running text, with where it stands."""
    return [(match, _from_match(match)) for match in SEARCH.finditer(text)]


def normalise(text: str) -> str | None:
    """The canonical spelling (昆工[2022]3 号 → 昆工〔2022〕3号), or None when ``text`` is not a 文号."""
    number = parse(text)
    return str(number) if number else None


STATE_NAME = "中华人民共和国"
"""The state's name, which the issuer of a national 令 may carry or drop: 中华人民共和国国务院令第619号 and
国务院令第619号 (主席令 likewise) are one order, as the promulgation line and a citer write it."""


@lru_cache(maxsize=4096)
def key(text: str) -> str | None:
    """The reading catalogues match 文号 on: the canonical spelling with the state's name dropped from
    the issuer, so a 文号 is found whether or not the 中华人民共和国 prefix is written. None when
    ``text`` is not a 文号."""
    number = parse(text)
    if number is None:
        return None
    issuer = number.issuer.removeprefix(STATE_NAME) or number.issuer
    return str(DocNumber(issuer, number.year, number.serial))


def well_formed(text: str) -> bool:
    """Whether ``text`` is written exactly as the standard wants it (either form)."""
    return bool(WELL_FORMED.match(text) or WELL_FORMED_ORDER.match(text))


def problem(value: str) -> str | None:
    """Why ``value`` is not a well-formed 发文字号 (GB/T 9704 7.2.5), in one sentence naming the fix; None if it is."""
    if WELL_FORMED.match(value):
        return None
    if re.search(r"[\[\]【】()（）〖〗]", value):
        return f"“{value}”：年份须用六角括号〔〕，如 昆工〔2022〕3号"
    if "第" in value:
        return f"“{value}”：发文字号不加“第”，如 昆工〔2022〕3号"
    if re.search(r"〕0\d*号$", value):
        return f"“{value}”：序号不编虚位，不能以0开头（写 3号，不写 03号）"
    if re.search(r"〔\d{2}〕", value):
        return f"“{value}”：年份应写全4位，如〔2022〕"
    return f"“{value}”不是“机关代字〔年份〕序号号”的形式，如 昆工〔2022〕3号"
