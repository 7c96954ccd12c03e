"""From a case described in Chinese to rule consequences, conservatively.

Each trigger looks for the few facts its rule needs (a final rank, a number of training days, a
farmer model worker's age…) and fires only when they are stated plainly; anything vaguer yields
nothing, because a wrong amount attached to an answer is worse than none. Triggers never raise:
text that does not parse is simply not a trigger.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from core.errors import PolicyDeskError
from core.numerals import NUMBER, to_int
from core.text import compact
from rules.craftsman import DIRECT_HONOURS, classify_honour
from rules.model import RuleOutput
from rules.registry import evaluate_rule

_NUM = NUMBER
_RANK = re.compile(rf"(?:第\s*({_NUM})\s*名|(冠军|亚军|季军|状元))")
_RANK_WORDS = {"冠军": 1, "状元": 1, "亚军": 2, "季军": 3}
_DAYS = re.compile(rf"(?<![/每])({_NUM})\s*(?:个)?(?:天|日)(?!内)")
_AGE = re.compile(rf"({_NUM})\s*(?:周岁|岁)")
_TRAINEES = re.compile(rf"({_NUM})\s*(?:名|个|位)?(?:学员|人参训|人参加培训)|学员\s*({_NUM})\s*(?:人|名)")
_COUNT_ITEMS = re.compile(rf"({_NUM})\s*(?:个|项)")
_TRADE = re.compile(r"([\u4e00-\u9fff]{1,8}?工)(?:决赛|比赛|项目|组)")
_QUALIFICATION = re.compile(r"(?:已|已经|本来就?|原来就?)(?:取得|有|是|具有|具备)?(高级技师|技师|高级工)")
_LEVEL = re.compile(r"(?:已|已经|本来就?|原来就?)(?:取得|有|是|具有|具备)?([一二三四五])级(?:职业技能等级)?")
_YEAR = re.compile(r"((?:19|20)[0-9]{2})\s*年")

Trigger = Callable[[str], tuple[str, dict[str, Any]] | None]


def _int(text: str | None) -> int | None:
    if not text:
        return None
    try:
        return to_int(text)
    except ValueError:
        return None


def _rank(case: str) -> int | None:
    """The final rank stated after 决赛/比赛/大赛 ('决赛拿了第一名', '获得冠军')."""
    for m in _RANK.finditer(case):
        window = case[max(0, m.start() - 40) : m.start()]
        if not re.search(r"决赛|比赛|竞赛|大赛", window):
            continue
        value = _int(m.group(1)) if m.group(1) else _RANK_WORDS[m.group(2)]
        if value and value > 0:
            return value
    return None


def _trade(case: str) -> str | None:
    m = _TRADE.search(case)
    if not m:
        return None
    trade = re.split(r"大赛|竞赛|比赛|技能|一名|一位|名|位|的", m.group(1))[-1]
    return trade if 1 < len(trade) <= 6 else None


def _skills_award(case: str) -> tuple[str, dict[str, Any]] | None:
    if not re.search(r"职业技能(?:大赛|竞赛)|技能大赛|省级一类", case):
        return None
    if re.search(r"市级|州级|县级|区级|昆明市(?:级|职工职业技能竞赛)|72行|大练兵", case):
        return None
    rank = _rank(case)
    if rank is None:
        return None
    inputs: dict[str, Any] = {"rank": rank}
    if trade := _trade(case):
        inputs["trade"] = trade
    national = re.search(r"全国职工职业技能(?:大赛|竞赛)|全国(?:总)?决赛|代表云南(?:省)?参加全国", case)
    if national:
        return "national_skills_award", inputs
    if not re.search(r"云南省|省级|全省|省职工|省总工会|省赛", case):
        return None
    if q := _QUALIFICATION.search(case):
        inputs["current_qualification"] = q.group(1)
    if re.search(r"机关事业单位|公务员|事业编", case):
        inputs["promotion_excluded"] = True
    return "provincial_skills_award", inputs


def _city_champion(case: str) -> tuple[str, dict[str, Any]] | None:
    if not re.search(r"昆明", case) or not re.search(r"市级|全市性|市里", case):
        return None
    if not re.search(r"职业技能竞赛|技能竞赛|技能大赛", case) or _rank(case) != 1:
        return None
    inputs: dict[str, Any] = {}
    if m := _LEVEL.search(case):
        inputs["current_level"] = f"{m.group(1)}级"
    return "kunming_city_champion_promotion", inputs


def _living_subsidy(case: str) -> tuple[str, dict[str, Any]] | None:
    if "培训" not in case or not re.search(r"生活补助|脱贫|扶贫|易地|搬迁|安置点|建档立卡", case):
        return None
    m = _DAYS.search(case)
    days = _int(m.group(1)) if m else None
    if not days:
        return None
    inputs: dict[str, Any] = {"days": days}
    t = _TRAINEES.search(case)
    trainees = _int(t.group(1) or t.group(2)) if t else None
    if trainees and trainees > 1:
        inputs["trainees"] = trainees
    if re.search(r"技能提升培训", case) and not re.search(r"脱贫|扶贫|搬迁|安置点|建档立卡", case):
        inputs["programme"] = "职工技能提升培训"
    return "training_living_subsidy", inputs


def _model_worker(case: str) -> tuple[str, dict[str, Any]] | None:
    if not re.search(r"省劳模|省级劳模|省劳动模范|云南省劳动模范", case):
        return None
    if not re.search(r"农民|慰问金|荣誉津贴|生活困难补助|困难补助", case):
        return None
    inputs: dict[str, Any] = {}
    if "农民" in case:
        inputs["farmer"] = True
        inputs["employer"] = "农民"
    if sex := re.search(r"[，,、（(\s]([男女])[，,、）)\s]|([男女])性", case):
        inputs["sex"] = sex.group(1) or sex.group(2)
    if age := _AGE.search(case):
        inputs["age"] = _int(age.group(1))
    if re.search(r"(?:没有|无)(?:任何)?固定收入", case):
        inputs["has_fixed_income"] = False
    if re.search(r"丧失劳动能力", case):
        inputs["lost_work_capacity"] = True
    if re.search(r"已(?:经)?退休|退休了", case):
        inputs["retired"] = True
    return "model_worker_subsidies", inputs


def _labour_competition(case: str) -> tuple[str, dict[str, Any]] | None:
    if "示范性劳动竞赛" not in case or not re.search(r"申报|升级", case):
        return None
    m = _COUNT_ITEMS.search(case)
    count = _int(m.group(1)) if m else 1
    return "labour_competition_application", {"applications": count if count and count > 0 else 1}


def _annual_plan(case: str) -> tuple[str, dict[str, Any]] | None:
    if not re.search(r"72行|七十二行|大练兵", case):
        return None
    m = _YEAR.search(case)
    if not m:
        return None
    return "kunming_annual_plan", {"year": int(m.group(1))}


_CRAFTSMAN_EXCLUSIONS = {
    "严重违纪违法": r"严重违纪|违法犯罪|严重违法",
    "违反政治纪律和政治规矩": r"政治纪律|政治规矩",
    "处分影响期未满": r"诫勉|处分.*?(?:影响期|未满)|组织处理",
    "失信联合惩戒对象": r"失信",
}


def _craftsman(case: str) -> tuple[str, dict[str, Any]] | None:
    if "云岭工匠" not in case or not re.search(r"申报|推荐|评选|参评|认定", case):
        return None
    exclusions = [code for code, pattern in _CRAFTSMAN_EXCLUSIONS.items() if re.search(pattern, case)]
    honours = [h for h in DIRECT_HONOURS if h in case]
    for pattern in (
        r"世界技能大赛决赛第?\s*[0-9一二三四五六]\s*名",
        r"全国职业技能大赛[（(]一类[）)]决赛第?\s*[0-9一二三]\s*名",
    ):
        if m := re.search(pattern, case):
            honours.append(
                compact(m.group())
                .replace("第一", "第1")
                .replace("第二", "第2")
                .replace("第三", "第3")
                .replace("第四", "第4")
                .replace("第五", "第5")
                .replace("第六", "第6")
            )
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
