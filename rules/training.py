"""Skills-training subsidies from the trade unions' special fund (《云南省工会技能培训专项资金管理办法
（试行）》, 云工办通〔2020〕22号): the 70 % / 30 % split of the standard subsidy, its two
instalments, and the trainees' living subsidy on 助力脱贫攻坚 courses."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal
from typing import Literal

from pydantic import Field

from core.inputs import StrictModel
from rules.model import Finding, Rule
from rules.sources import TRAINING_FUND as TF

SPLIT_PROVINCE = TF.cite("第九条", "培训补助标准70%的比例补助专项资金")
SPLIT_LOCAL = TF.cite("第九条", "不低于培训补助标准30%的比例配套专项资金")
INSTALMENTS = TF.cite("第十六条", "按50%的比例下拨专项资金")
LIVING = TF.cite("第十条", "培训天数小于等于30天的，按照80元/人/天")
LIVING_LUMP = TF.cite("第十条", "超过30天的一次性补助3600元/人")
MIN_DAYS = TF.cite("第七条", "助力脱贫攻坚专项技能培训的天数原则上不少于15天")

DAILY_RATE = 80
DAILY_CAP_DAYS = 30
LUMP_SUM = 3600
POVERTY_MIN_DAYS = 15
_CENT = Decimal("0.01")


def _money(value: Decimal) -> float | int:
    q = value.quantize(_CENT, rounding=ROUND_HALF_UP)
    return int(q) if q == q.to_integral_value() else float(q)


class SplitInput(StrictModel):
    standard_total_yuan: float = Field(
        ge=0,
        le=1e10,
        allow_inf_nan=False,
        description="按当年《云南省职业技能培训创业培训标准目录》计算的培训补助标准总额（元）",
    )


def subsidy_split(inp: SplitInput) -> Finding:
    """第九条 and 第十六条: the province pays 70 %, local unions add at least 30 %; two 50 % instalments."""
    total = Decimal(str(inp.standard_total_yuan))
    province = (total * Decimal("0.7")).quantize(_CENT, rounding=ROUND_HALF_UP)
    local = (total * Decimal("0.3")).quantize(_CENT, rounding=ROUND_HALF_UP)
    first = (province / 2).quantize(_CENT, rounding=ROUND_HALF_UP)
    outputs = {
        "standard_total_yuan": _money(total),
        "province_share": 0.7,
        "province_yuan": _money(province),
        "local_min_share": 0.3,
        "local_min_yuan": _money(local),
        "province_instalments": [  # the second is the remainder, so the two always add up
            {"when": "项目启动后", "share": 0.5, "yuan": _money(first)},
            {"when": "12月，根据全省工会培训取证情况", "share": 0.5, "yuan": _money(province - first)},
        ],
    }
    text = (
        f"省总工会按培训补助标准的70%补助{_money(province)}元，州（市）、县（市、区）总工会和省级产业、系统、公司工会"
        f"按不低于30%配套，即不少于{_money(local)}元（第九条）；省总工会专项资金分两次各50%下拨（第十六条）。"
    )
    return Finding(outputs, text, (SPLIT_PROVINCE, SPLIT_LOCAL, INSTALMENTS))


class LivingInput(StrictModel):
    days: int = Field(ge=1, le=3650, description="培训天数")
    trainees: int = Field(1, ge=1, le=1_000_000, description="学员人数")
    programme: Literal["助力脱贫攻坚专项技能培训", "职工技能提升培训"] = Field(
        "助力脱贫攻坚专项技能培训", description="培训项目类别（学员生活补助只适用于助力脱贫攻坚专项技能培训）"
    )


def per_person_living_subsidy(days: int) -> int:
    return DAILY_RATE * days if days <= DAILY_CAP_DAYS else LUMP_SUM


def living_subsidy(inp: LivingInput) -> Finding:
    """第十条: 80 元/人/天 up to 30 days inclusive, otherwise a flat 3600 元/人 (含交通补助)."""
    if inp.programme != "助力脱贫攻坚专项技能培训":
        outputs = {"applicable": False, "per_person_yuan": 0, "total_yuan": 0}
        text = (
            "学员生活补助只适用于助力脱贫攻坚专项技能培训项目（第十条）；"
            "职工技能提升培训按培训补助标准分级补助（第九条）。"
        )
        return Finding(outputs, text, (LIVING, SPLIT_PROVINCE))
    per_person = per_person_living_subsidy(inp.days)
    outputs: dict[str, object] = {
        "applicable": True,
        "days": inp.days,
        "trainees": inp.trainees,
        "basis": "daily" if inp.days <= DAILY_CAP_DAYS else "lump_sum",
        "daily_rate_yuan": DAILY_RATE if inp.days <= DAILY_CAP_DAYS else None,
        "per_person_yuan": per_person,
        "total_yuan": per_person * inp.trainees,
        "includes_transport": True,
    }
    if inp.days <= DAILY_CAP_DAYS:
        text = f"培训{inp.days}天（不超过30天），按80元/人/天补助，每人{inp.days}×80={per_person}元"
        cited = [LIVING]
    else:
        text = f"培训{inp.days}天，超过30天，一次性补助每人3600元"
        cited = [LIVING_LUMP]
    if inp.trainees > 1:
        text += f"，{inp.trainees}人共{per_person * inp.trainees}元"
    text += "（含交通补助，第十条）"
    if inp.days < POVERTY_MIN_DAYS:
        outputs["note"] = "助力脱贫攻坚专项技能培训的天数原则上不少于15天"
        text += "；注意：此类培训天数原则上不少于15天（第七条）"
        cited.append(MIN_DAYS)
    return Finding(outputs, text + "。", tuple(cited))


RULES = (
    Rule(
        "training_subsidy_split",
        "职工技能提升培训补助：省总工会70%、各级工会配套不低于30%",
        (SPLIT_PROVINCE, SPLIT_LOCAL, INSTALMENTS),
        SplitInput,
        subsidy_split,
        {"standard_total_yuan": 100000},
    ),
    Rule(
        "training_living_subsidy",
        "助力脱贫攻坚专项技能培训学员生活补助",
        (LIVING, LIVING_LUMP, MIN_DAYS, SPLIT_PROVINCE),
        LivingInput,
        living_subsidy,
        {"days": 20, "trainees": 50},
    ),
)
