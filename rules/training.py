"""Skills-training subsidies from the trade unions' special fund (《云南省工会技能培训专项资金管理办法
（试行）》, 云工办通〔2020〕22号): the 70 % / 30 % split of the standard subsidy, its two
instalments, and the trainees' living subsidy on 助力脱贫攻坚 courses."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal
from typing import Literal

from pydantic import Field

from core.inputs import StrictModel
from rules.model import Finding, Rule
from rules.parameters import document

TF = document("training_fund")

SPLIT_PROVINCE = TF.cite("split_province")
SPLIT_LOCAL = TF.cite("split_local")
INSTALMENTS = TF.cite("instalments")
LIVING = TF.cite("living")
LIVING_LUMP = TF.cite("living_lump")
MIN_DAYS = TF.cite("min_days")

# The values as the 办法 sets them (rules/params/training_fund.toml).
DAILY_RATE: int = TF.value("living")
DAILY_CAP_DAYS: int = TF.value("living_cap_days")
LUMP_SUM: int = TF.value("living_lump")
POVERTY_MIN_DAYS: int = TF.value("min_days")
PROVINCE_SHARE = Decimal(str(TF.value("split_province")))
LOCAL_SHARE = Decimal(str(TF.value("split_local")))
INSTALMENT_SHARE = Decimal(str(TF.value("instalments")))
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
    province = (total * PROVINCE_SHARE).quantize(_CENT, rounding=ROUND_HALF_UP)
    local = (total * LOCAL_SHARE).quantize(_CENT, rounding=ROUND_HALF_UP)
    first = (province * INSTALMENT_SHARE).quantize(_CENT, rounding=ROUND_HALF_UP)
    outputs = {
        "standard_total_yuan": _money(total),
        "province_share": float(PROVINCE_SHARE),
        "province_yuan": _money(province),
        "local_min_share": float(LOCAL_SHARE),
        "local_min_yuan": _money(local),
        "province_instalments": [  # the second is the remainder, so the two always add up
            {"when": "项目启动后", "share": float(INSTALMENT_SHARE), "yuan": _money(first)},
            {
                "when": "12月，根据全省工会培训取证情况",
                "share": float(1 - INSTALMENT_SHARE),
                "yuan": _money(province - first),
            },
        ],
    }
    text = (
        f"省总工会按培训补助标准的{PROVINCE_SHARE:.0%}补助{_money(province)}元，州（市）、县（市、区）总工会和省级产业、系统、公司工会"
        f"按不低于{LOCAL_SHARE:.0%}配套，即不少于{_money(local)}元（第九条）；"
        f"省总工会专项资金分两次各{INSTALMENT_SHARE:.0%}下拨（第十六条）。"
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
        text = (
            f"培训{inp.days}天（不超过{DAILY_CAP_DAYS}天），按{DAILY_RATE}元/人/天补助，"
            f"每人{inp.days}×{DAILY_RATE}={per_person}元"
        )
        cited = [LIVING]
    else:
        text = f"培训{inp.days}天，超过{DAILY_CAP_DAYS}天，一次性补助每人{LUMP_SUM}元"
        cited = [LIVING_LUMP]
    if inp.trainees > 1:
        text += f"，{inp.trainees}人共{per_person * inp.trainees}元"
    text += "（含交通补助，第十条）"
    if inp.days < POVERTY_MIN_DAYS:
        outputs["note"] = f"助力脱贫攻坚专项技能培训的天数原则上不少于{POVERTY_MIN_DAYS}天"
        text += f"；注意：此类培训天数原则上不少于{POVERTY_MIN_DAYS}天（第七条）"
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
