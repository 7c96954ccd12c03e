"""Provincial demonstration labour competitions (《云南省劳动竞赛管理办法》, 云劳竞办〔2019〕1号):
who may apply and how often, the yearly upgrade ceiling, and the participation standard."""

from __future__ import annotations

from decimal import Decimal

from pydantic import Field

from core.errors import InvalidInput
from core.inputs import StrictModel
from rules.model import Finding, Rule
from rules.parameters import document

LC = document("labour_competition")

PARTICIPATION = LC.cite("participation")
PER_UNIT = LC.cite("per_unit")
CEILING = LC.cite("ceiling")
REVOKED = LC.cite("revoked")

UNIT_RATE_MIN = Decimal(str(LC.value("participation")["unit_rate_min"]))
WORKER_RATE_MIN = Decimal(str(LC.value("participation")["worker_rate_min"]))
MAX_PER_UNIT: int = LC.value("per_unit")
PROVINCE_CEILING: int = LC.value("ceiling")


class ApplicationInput(StrictModel):
    applications: int = Field(ge=0, le=1000, description="本单位（州市总工会或省级产业系统公司工会）今年拟申报的项目数")
    upgraded_this_year: int | None = Field(
        None, ge=0, le=1000, description="全省今年已升级为省级示范性劳动竞赛的项目数"
    )
    consecutive_failed_years: int = Field(0, ge=0, le=100, description="已是省级示范性劳动竞赛的，连续评比不达标的年数")


def application(inp: ApplicationInput) -> Finding:
    """第十条: one application per unit a year, by year end; at most 3 upgrades province-wide."""
    allowed = min(inp.applications, MAX_PER_UNIT)
    outputs: dict[str, object] = {
        "max_per_unit": MAX_PER_UNIT,
        "deadline": "每年年底前",
        "allowed_applications": allowed,
        "within_unit_limit": inp.applications <= MAX_PER_UNIT,
        "province_ceiling": PROVINCE_CEILING,
    }
    parts = [
        f"每个州（市）总工会、省级产业系统公司工会每年年底前可申报{MAX_PER_UNIT}项，拟申报{inp.applications}项"
        + ("，符合规定" if inp.applications <= MAX_PER_UNIT else f"，须择优只报{MAX_PER_UNIT}项")
    ]
    cited = [PER_UNIT, CEILING]
    if inp.upgraded_this_year is not None:
        remaining = max(0, PROVINCE_CEILING - inp.upgraded_this_year)
        outputs["province_remaining"] = remaining
        parts.append(f"全省每年升级原则上不超过{PROVINCE_CEILING}项，今年尚余{remaining}项")
    else:
        parts.append(f"全省每年升级为省级示范性劳动竞赛的项目原则上不超过{PROVINCE_CEILING}项")
    if inp.consecutive_failed_years >= 2:
        outputs["status_revoked"] = True
        parts.append("连续2年评比成绩不达标的，取消省级示范性劳动竞赛资格（第十四条）")
        cited.append(REVOKED)
    return Finding(outputs, "；".join(parts) + "（第十条）。", tuple(cited))


class ParticipationInput(StrictModel):
    units_in_scope: int = Field(ge=1, le=10_000_000, description="参赛范围内的单位数")
    units_participating: int = Field(ge=0, le=10_000_000, description="参赛单位数")
    workers_in_scope: int = Field(ge=1, le=100_000_000, description="参赛范围内的职工数")
    workers_participating: int = Field(ge=0, le=100_000_000, description="参与竞赛的职工数")


def participation(inp: ParticipationInput) -> Finding:
    """第六条（六）: unit participation ≥ 80 %, worker participation ≥ 90 %."""
    if inp.units_participating > inp.units_in_scope:
        raise InvalidInput("字段 units_participating：参赛单位数不能大于参赛范围内的单位数")
    if inp.workers_participating > inp.workers_in_scope:
        raise InvalidInput("字段 workers_participating：参与职工数不能大于参赛范围内的职工数")
    unit_rate = Decimal(inp.units_participating) / Decimal(inp.units_in_scope)
    worker_rate = Decimal(inp.workers_participating) / Decimal(inp.workers_in_scope)
    unit_ok, worker_ok = unit_rate >= UNIT_RATE_MIN, worker_rate >= WORKER_RATE_MIN
    outputs = {
        "unit_rate": round(float(unit_rate), 4),
        "worker_rate": round(float(worker_rate), 4),
        "unit_rate_min": float(UNIT_RATE_MIN),
        "worker_rate_min": float(WORKER_RATE_MIN),
        "units_needed": int(-(-UNIT_RATE_MIN * inp.units_in_scope // 1)),
        "workers_needed": int(-(-WORKER_RATE_MIN * inp.workers_in_scope // 1)),
        "meets_standard": unit_ok and worker_ok,
    }
    text = (
        f"单位参赛率{float(unit_rate):.1%}（要求不低于{UNIT_RATE_MIN:.0%}，{'达标' if unit_ok else '未达标'}），"
        f"职工参与率{float(worker_rate):.1%}（要求不低于{WORKER_RATE_MIN:.0%}，{'达标' if worker_ok else '未达标'}）"
        "（第六条（六））。"
    )
    return Finding(outputs, text, (PARTICIPATION,))


RULES = (
    Rule(
        "labour_competition_application",
        "省级示范性劳动竞赛的申报与升级数量",
        (PER_UNIT, CEILING, REVOKED),
        ApplicationInput,
        application,
        {"applications": 2, "upgraded_this_year": 1},
    ),
    Rule(
        "labour_competition_participation",
        "劳动竞赛参与面标准（单位≥80%、职工≥90%）",
        (PARTICIPATION,),
        ParticipationInput,
        participation,
        {
            "units_in_scope": 50,
            "units_participating": 42,
            "workers_in_scope": 12000,
            "workers_participating": 11000,
        },
    ),
)
