"""From a case described in Chinese to rule consequences, conservatively.

Each trigger looks for the few facts its rule needs (a final rank, a number of training days, a
farmer model worker's age…) and fires only when they are stated plainly; anything vaguer yields
nothing, because a wrong amount attached to an answer is worse than none. Triggers never raise:
text that does not parse is simply not a trigger.

Every phrase that ties a case to a rule (place names, level words, wordings) is data, in
``rules/triggers.toml``; this module holds only the combination of those lists and the general
extraction of numbers (a rank, days, an age, a count, a year).
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import Any

from core.errors import PolicyDeskError
from core.numerals import NUMBER, to_int
from core.text import compact
from rules.craftsman import DIRECT_HONOURS, classify_honour
from rules.model import RuleOutput
from rules.registry import evaluate_rule

TRIGGERS_FILE = Path(__file__).resolve().parent / "triggers.toml"

_NUM = NUMBER
_DAYS = re.compile(rf"(?<![/每])({_NUM})\s*(?:个)?(?:天|日)(?!内)")
_AGE = re.compile(rf"({_NUM})\s*(?:周岁|岁)")
_COUNT_ITEMS = re.compile(rf"({_NUM})\s*(?:个|项)")
_YEAR = re.compile(r"((?:19|20)[0-9]{2})\s*年")
_DIGIT_RANK = re.compile(r"第([一二三四五六七八九])")

Trigger = Callable[[str], tuple[str, dict[str, Any]] | None]


def _alt(patterns: list[str]) -> str:
    return "|".join(f"(?:{p})" for p in patterns)


@cache
def _profile() -> dict[str, Any]:
    with TRIGGERS_FILE.open("rb") as fh:
        return tomllib.load(fh)


@cache
def _pattern(section: str, name: str) -> re.Pattern[str]:
    """One list of ``triggers.toml`` as a single regex (any of its patterns)."""
    return re.compile(_alt(_profile()[section][name]))


def _has(case: str, section: str, name: str) -> bool:
    return _pattern(section, name).search(case) is not None


@cache
def _extractors() -> dict[str, re.Pattern[str]]:
    """The general extraction patterns, with their words taken from the profile's ``[extract]``."""
    ex = _profile()["extract"]
    words = _alt([re.escape(w) for w in ex["rank_words"]])
    already, verbs = _alt(ex["already"]), _alt(ex["already_verbs"])
    return {
        "rank": re.compile(rf"(?:第\s*({_NUM})\s*名|({words}))"),
        "rank_context": re.compile(_alt(ex["rank_context"])),
        "trade": re.compile(rf"([\u4e00-\u9fff]{{1,8}}?工)(?:{_alt(ex['trade_suffixes'])})"),
        "trade_split": re.compile(_alt(ex["trade_splitters"])),
        "qualification": re.compile(rf"(?:{already})(?:{verbs})?({_alt(ex['qualifications'])})"),
        "level": re.compile(rf"(?:{already})(?:{verbs})?([一二三四五])级(?:职业技能等级)?"),
        "trainees": re.compile(
            rf"({_NUM})\s*(?:名|个|位)?(?:{_alt(ex['trainees'])})|{_alt(ex['trainees'])}\s*({_NUM})\s*(?:人|名)"
        ),
    }


def _int(text: str | None) -> int | None:
    if not text:
        return None
    try:
        return to_int(text)
    except ValueError:
        return None


def _rank(case: str) -> int | None:
    """The final rank stated shortly after a competition word of the profile."""
    ex = _extractors()
    for m in ex["rank"].finditer(case):
        window = case[max(0, m.start() - 40) : m.start()]
        if not ex["rank_context"].search(window):
            continue
        value = _int(m.group(1)) if m.group(1) else _profile()["extract"]["rank_words"][m.group(2)]
        if value and value > 0:
            return value
    return None


def _trade(case: str) -> str | None:
    ex = _extractors()
    m = ex["trade"].search(case)
    if not m:
        return None
    trade = ex["trade_split"].split(m.group(1))[-1]
    return trade if 1 < len(trade) <= 6 else None


def _skills_award(case: str) -> tuple[str, dict[str, Any]] | None:
    if not _has(case, "skills_award", "topic") or _has(case, "skills_award", "local_level"):
        return None
    rank = _rank(case)
    if rank is None:
        return None
    inputs: dict[str, Any] = {"rank": rank}
    if trade := _trade(case):
        inputs["trade"] = trade
    if _has(case, "skills_award", "national"):
        return "national_skills_award", inputs
    if not _has(case, "skills_award", "provincial"):
        return None
    if q := _extractors()["qualification"].search(case):
        inputs["current_qualification"] = q.group(1)
    if _has(case, "skills_award", "promotion_excluded"):
        inputs["promotion_excluded"] = True
    return "provincial_skills_award", inputs


def _city_champion(case: str) -> tuple[str, dict[str, Any]] | None:
    if not _has(case, "city_champion", "place") or not _has(case, "city_champion", "city_level"):
        return None
    if not _has(case, "city_champion", "topic") or _rank(case) != 1:
        return None
    inputs: dict[str, Any] = {}
    if m := _extractors()["level"].search(case):
        inputs["current_level"] = f"{m.group(1)}级"
    return "kunming_city_champion_promotion", inputs


def _living_subsidy(case: str) -> tuple[str, dict[str, Any]] | None:
    if not _has(case, "living_subsidy", "topic") or not _has(case, "living_subsidy", "poverty"):
        return None
    m = _DAYS.search(case)
    days = _int(m.group(1)) if m else None
    if not days:
        return None
    inputs: dict[str, Any] = {"days": days}
    t = _extractors()["trainees"].search(case)
    trainees = _int(t.group(1) or t.group(2)) if t else None
    if trainees and trainees > 1:
        inputs["trainees"] = trainees
    if _has(case, "living_subsidy", "upskilling") and not _has(case, "living_subsidy", "poverty_programme"):
        inputs["programme"] = "职工技能提升培训"
    return "training_living_subsidy", inputs


def _model_worker(case: str) -> tuple[str, dict[str, Any]] | None:
    if not _has(case, "model_worker", "topic") or not _has(case, "model_worker", "subsidy"):
        return None
    inputs: dict[str, Any] = {}
    if _has(case, "model_worker", "farmer"):
        inputs["farmer"] = True
        inputs["employer"] = "农民"
    if sex := _pattern("model_worker", "sex").search(case):
        inputs["sex"] = next(g for g in sex.groups() if g)
    if age := _AGE.search(case):
        inputs["age"] = _int(age.group(1))
    if _has(case, "model_worker", "no_income"):
        inputs["has_fixed_income"] = False
    if _has(case, "model_worker", "lost_capacity"):
        inputs["lost_work_capacity"] = True
    if _has(case, "model_worker", "retired"):
        inputs["retired"] = True
    return "model_worker_subsidies", inputs


def _labour_competition(case: str) -> tuple[str, dict[str, Any]] | None:
    if not _has(case, "labour_competition", "topic") or not _has(case, "labour_competition", "action"):
        return None
    m = _COUNT_ITEMS.search(case)
    count = _int(m.group(1)) if m else 1
    return "labour_competition_application", {"applications": count if count and count > 0 else 1}


def _annual_plan(case: str) -> tuple[str, dict[str, Any]] | None:
    if not _has(case, "annual_plan", "topic"):
        return None
    m = _YEAR.search(case)
    if not m:
        return None
    return "kunming_annual_plan", {"year": int(m.group(1))}


def _craftsman(case: str) -> tuple[str, dict[str, Any]] | None:
    if not _has(case, "craftsman", "topic") or not _has(case, "craftsman", "action"):
        return None
    exclusions = [
        code for code, patterns in _profile()["craftsman"]["exclusions"].items() if re.search(_alt(patterns), case)
    ]
    honours = [h for h in DIRECT_HONOURS if h in case]
    for pattern in _profile()["craftsman"]["ranked_honours"]:
        if m := re.search(pattern, case):
            honours.append(_DIGIT_RANK.sub(lambda d: f"第{to_int(d.group(1))}", compact(m.group())))
    honours = [h for h in honours if classify_honour(h) == "direct"]
    if not exclusions and not honours:
        return None
    return "yunling_craftsman_eligibility", {"name": "申报人", "exclusions": exclusions, "honours": honours}


_TRIGGERS: tuple[Trigger, ...] = (
    _skills_award,
    _city_champion,
    _living_subsidy,
    _model_worker,
    _labour_competition,
    _annual_plan,
    _craftsman,
)


def consequences_for_case(case: str) -> list[RuleOutput]:
    """Rule outputs a described case clearly triggers, most specific first; [] when none does."""
    if not isinstance(case, str) or not case.strip():
        return []
    text = case[:5000]
    results: list[RuleOutput] = []
    seen: set[str] = set()
    for trigger in _TRIGGERS:
        try:
            found = trigger(text)
            if not found or found[0] in seen:
                continue
            results.append(evaluate_rule(*found))
            seen.add(found[0])
        except PolicyDeskError:
            continue  # facts stated but out of range: not a clear trigger
    return results
