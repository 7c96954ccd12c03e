"""Rule parameters as data: one TOML file per source document under ``rules/params/``.

Every amount, quota, deadline and condition a rule applies is a parameter there, with its unit, the
article it comes from (文号 or title + locator + the key phrase that must stand in that article) and the
period it is valid for. A new edition of a 办法 is then a data change (a new period, or a new file), and
``policydesk rules verify`` checks every parameter's article against the catalogue — the same way
OpenFisca keeps parameters with their legislative reference and dates. Rules read a parameter's value
for a date; ``None`` means the latest period, so a rule's output never depends on the clock.

File format (documented in docs/generators.md, "Rule parameters")::

    [document]
    doc_number = "云工办通〔2020〕22号"     # the issuing notice's 文号 for attached 办法
    title = "云南省工会技能培训专项资金管理办法（试行）"
    valid_from = 2020-07-10

    [params.living_daily_rate]
    value = 80                      # omitted for a provision the rule cites without a number
    unit = "元/人/天"
    locator = "第十条"
    phrase = "培训天数小于等于30天的，按照80元/人/天"
    # optional: valid_from / valid_until, or periods = [{value = …, from = …, until = …}, …]

    [texts]                         # the wording rules show for this document: titles, labels
    living_title = "学员生活补助"
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from datetime import date
from functools import cache
from pathlib import Path
from typing import Any

from rules.model import RuleCitation, Source

PARAMS_DIR = Path(__file__).resolve().parent / "params"


@dataclass(frozen=True, slots=True)
class Period:
    """One value and the dates it applies between (``until`` inclusive, None = still in force)."""

    value: Any
    valid_from: date
    valid_until: date | None

    def covers(self, on: date) -> bool:
        return self.valid_from <= on and (self.valid_until is None or on <= self.valid_until)


@dataclass(frozen=True, slots=True)
class Parameter:
    """A value a rule applies, with the article it comes from and its periods of validity."""

    document: str  # the file's stem, e.g. "training_fund"
    name: str
    unit: str
    description: str
    cite: RuleCitation
    periods: tuple[Period, ...]

    @property
    def key(self) -> str:
        return f"{self.document}.{self.name}"

    def value(self, on: date | None = None) -> Any:
        """The value for ``on`` (the latest period when None); KeyError when no period covers it."""
        if on is None:
            return self.periods[-1].value
        for period in self.periods:
            if period.covers(on):
                return period.value
        raise KeyError(f"参数 {self.key} 在 {on.isoformat()} 没有有效值")

    def period(self, on: date | None = None) -> Period:
        if on is None:
            return self.periods[-1]
        return next(p for p in self.periods if p.covers(on))

    def to_dict(self) -> dict[str, Any]:
        """The parameter as ``rules --json`` lists it."""
        latest = self.periods[-1]
        return {
            "name": self.key,
            "value": latest.value,
            "unit": self.unit,
            "description": self.description,
            "valid_from": latest.valid_from.isoformat(),
            "valid_until": latest.valid_until.isoformat() if latest.valid_until else None,
            "source": {
                "doc_number": self.cite.doc_number,
                "doc_title": self.cite.doc_title,
                "locator": self.cite.locator,
                "key_phrase": self.cite.key_phrase,
            },
        }


@dataclass(frozen=True, slots=True)
class ParamDocument:
    """One source document's parameters (one TOML file)."""

    key: str
    source: Source
    valid_from: date
    params: dict[str, Parameter]
    texts: dict[str, str]

    def text(self, name: str) -> str:
        """A wording the rules show (a rule title, a condition's label, an input's description)."""
        try:
            return self.texts[name]
        except KeyError:
            raise KeyError(f"{self.key}.toml 的 [texts] 没有 {name!r}") from None

    def param(self, name: str) -> Parameter:
        try:
            return self.params[name]
        except KeyError:
            raise KeyError(f"{self.key}.toml 没有参数 {name!r}") from None

    def cite(self, name: str) -> RuleCitation:
        return self.param(name).cite

    def value(self, name: str, on: date | None = None) -> Any:
        return self.param(name).value(on)


class ParameterFileError(ValueError):
    """A parameter file that does not have the documented shape (a programming error in the data)."""


def _date(value: Any, where: str) -> date:
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        try:
            return date.fromisoformat(value)
        except ValueError:
            pass
    raise ParameterFileError(f"{where}：应为日期 YYYY-MM-DD")


def _periods(raw: dict[str, Any], default_from: date, where: str) -> tuple[Period, ...]:
    if "periods" in raw:
        rows = raw["periods"]
        if not isinstance(rows, list) or not rows:
            raise ParameterFileError(f"{where}.periods：应为非空列表")
        periods = [
            Period(
                row.get("value"),
                _date(row.get("from", default_from), f"{where}.periods.from"),
                _date(row["until"], f"{where}.periods.until") if row.get("until") is not None else None,
            )
            for row in rows
        ]
    else:
        until = raw.get("valid_until")
        periods = [
            Period(
                raw.get("value"),
                _date(raw.get("valid_from", default_from), f"{where}.valid_from"),
                _date(until, f"{where}.valid_until") if until is not None else None,
            )
        ]
    periods.sort(key=lambda p: p.valid_from)
    return tuple(periods)


def parse_document(key: str, data: dict[str, Any]) -> ParamDocument:
    """A parameter file's content as records; ParameterFileError naming the bad entry."""
    head = data.get("document")
    if not isinstance(head, dict) or not head.get("title"):
        raise ParameterFileError(f"{key}.toml：缺少 [document] 的 title")
    source = Source(head.get("doc_number"), head["title"])
    valid_from = _date(head.get("valid_from"), f"{key}.toml [document].valid_from")
    params: dict[str, Parameter] = {}
    for name, raw in (data.get("params") or {}).items():
        where = f"{key}.toml [params.{name}]"
        if not isinstance(raw, dict) or not raw.get("locator") or not raw.get("phrase"):
            raise ParameterFileError(f"{where}：须有 locator 与 phrase")
        params[name] = Parameter(
            document=key,
            name=name,
            unit=str(raw.get("unit", "")),
            description=str(raw.get("description", "")),
            cite=source.cite(raw["locator"], raw["phrase"]),
            periods=_periods(raw, valid_from, where),
        )
    texts = data.get("texts") or {}
    if not all(isinstance(v, str) for v in texts.values()):
        raise ParameterFileError(f"{key}.toml [texts]：每项应为字符串")
    return ParamDocument(key, source, valid_from, params, dict(texts))


@cache
def documents() -> dict[str, ParamDocument]:
    """Every parameter file, by its stem (read once per process)."""
    out: dict[str, ParamDocument] = {}
    for path in sorted(PARAMS_DIR.glob("*.toml")):
        with path.open("rb") as fh:
            out[path.stem] = parse_document(path.stem, tomllib.load(fh))
    return out


def document(key: str) -> ParamDocument:
    return documents()[key]


def all_parameters() -> list[Parameter]:
    return [p for doc in documents().values() for p in doc.params.values()]


def parameters_for(citations: tuple[RuleCitation, ...]) -> list[Parameter]:
    """The parameters behind a rule's citations, in the rule's order."""
    by_cite: dict[RuleCitation, list[Parameter]] = {}
    for p in all_parameters():
        by_cite.setdefault(p.cite, []).append(p)
    seen: set[str] = set()
    out: list[Parameter] = []
    for cite in citations:
        for p in by_cite.get(cite, []):
            if p.key not in seen:
                seen.add(p.key)
                out.append(p)
    return out
