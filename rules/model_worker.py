"""Subsidies for provincial model workers (省劳模) from the special fund (《云南省劳动模范专项补助资金发放
管理办法》, 云工通〔2020〕18号): the Spring Festival payment, the honour allowance and the monthly
minimum for farmer model workers without income."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from core.inputs import StrictModel
from rules.model import Finding, Rule, RuleCitation
from rules.parameters import document

MW = document("model_worker_fund")

FARMER_TARGET = MW.cite("farmer_target")
FARMER_MINIMUM = MW.cite("farmer_minimum")
SPRING_TARGET = MW.cite("spring_target")
SPRING_AMOUNT = MW.cite("spring_amount")
ALLOWANCE_TARGET = MW.cite("allowance_target")
ALLOWANCE_AMOUNT = MW.cite("allowance_amount")
EXCLUDED = MW.cite("excluded")

SPRING_FESTIVAL_YUAN: int = MW.value("spring_amount")
HONOUR_ALLOWANCE_MONTHLY: int = MW.value("allowance_amount")
FARMER_MONTHLY_MIN: int = MW.value("farmer_minimum")
FARMER_AGE: dict[str, int] = MW.value("farmer_target")


class ModelWorkerInput(StrictModel):
    farmer: bool = Field(False, description="是否农民劳模")
    sex: Literal["男", "女"] | None = Field(None, description="性别")
    age: int | None = Field(None, ge=0, le=130, description="年龄（周岁）")
    has_fixed_income: bool | None = Field(None, description=MW.text("has_fixed_income"))
    lost_work_capacity: bool = Field(False, description="是否丧失劳动能力")
    employer: Literal["机关事业单位", "国有企业", "其他企业或组织", "农民"] | None = Field(
        None, description="工作单位性质（决定荣誉津贴标准）"
    )
    retired: bool | None = Field(
        None, description="已按国家规定办理退休手续，或不属职工养老保险覆盖范围且达到城乡居民养老金领取年龄"
    )
    disqualified: bool = Field(False, description="违纪违法、撤销荣誉、移居国（境）外或去向不明且失去联系")


def _farmer_hardship(inp: ModelWorkerInput) -> tuple[dict[str, object], str | None]:
    if not inp.farmer:
        return {"eligible": False, "note": "第六条（三）只适用于农民劳模"}, None
    if inp.sex is None or inp.age is None or (inp.has_fixed_income is None and not inp.lost_work_capacity):
        return {"eligible": None, "note": MW.text("needs_income_facts")}, None
    threshold = FARMER_AGE[inp.sex]
    old_enough = inp.age >= threshold
    needy = inp.lost_work_capacity or inp.has_fixed_income is False
    if old_enough and needy:
        return (
            {"eligible": True, "monthly_min_yuan": FARMER_MONTHLY_MIN, "set_by": "省总工会每年核定"},
            f"农民劳模{inp.sex}年满{threshold}周岁且无固定收入或丧失劳动能力，属生活困难补助对象，"
            f"按每人每月不低于{FARMER_MONTHLY_MIN}元标准由省总工会每年核定（第六条（三）、第十一条）",
        )
    why = f"未满{threshold}周岁" if not old_enough else MW.text("not_needy")
    return {
        "eligible": False,
        "note": f"农民劳模{why}，不属第六条（三）情形",
    }, f"不属第六条（三）情形（{why}）"


def _honour_allowance(inp: ModelWorkerInput) -> tuple[dict[str, object], str | None, list[RuleCitation]]:
    if inp.retired is None:
        return {"eligible": None, "note": "须核实是否已退休或达到城乡居民养老金领取年龄"}, None, []
    if not inp.retired:
        return {"eligible": False, "note": "未退休或未达到养老金领取年龄"}, None, [ALLOWANCE_TARGET]
    if inp.employer in ("机关事业单位", "国有企业"):
        note = "按《云南省劳动模范和先进工作者评选服务管理办法》规定执行"
        return (
            {"eligible": True, "monthly_yuan": None, "note": note},
            f"荣誉津贴{note}（第十五条）",
            [ALLOWANCE_TARGET, ALLOWANCE_AMOUNT],
        )
    if inp.employer is None and not inp.farmer:
        return (
            {"eligible": True, "monthly_yuan": None, "note": "标准取决于工作单位性质"},
            "可领取荣誉津贴，标准取决于工作单位性质（第十五条）",
            [ALLOWANCE_TARGET],
        )
    return (
        {"eligible": True, "monthly_yuan": HONOUR_ALLOWANCE_MONTHLY, "set_by": "省总工会每年核定"},
        f"荣誉津贴按每人每月{HONOUR_ALLOWANCE_MONTHLY}元标准（第九条、第十五条）",
        [ALLOWANCE_TARGET, ALLOWANCE_AMOUNT],
    )


def model_worker_subsidies(inp: ModelWorkerInput) -> Finding:
    if inp.disqualified:
        outputs = {"eligible": False, "spring_festival_yuan_per_year": 0}
        return Finding(
            outputs,
            "违纪违法、撤销荣誉、移居国（境）外或者去向不明且失去联系的劳模，不纳入补助资金发放对象（第十条）。",
            (EXCLUDED,),
        )
    cited: list[RuleCitation] = [SPRING_TARGET, SPRING_AMOUNT]
    parts = [f"春节慰问金每人每年{SPRING_FESTIVAL_YUAN}元（第八条、第十四条）"]
    hardship, hardship_text = _farmer_hardship(inp)
    if hardship_text:
        parts.append(hardship_text)
        cited.extend((FARMER_TARGET, FARMER_MINIMUM))
    allowance, allowance_text, allowance_cites = _honour_allowance(inp)
    if allowance_text:
        parts.append(allowance_text)
    cited.extend(allowance_cites)
    outputs = {
        "eligible": True,
        "spring_festival_yuan_per_year": SPRING_FESTIVAL_YUAN,
        "farmer_hardship_subsidy": hardship,
        "honour_allowance": allowance,
    }
    return Finding(outputs, "；".join(parts) + "。", tuple(dict.fromkeys(cited)))


RULES = (
    Rule(
        "model_worker_subsidies",
        "省劳模春节慰问金、荣誉津贴与农民劳模生活困难补助",
        (
            FARMER_TARGET,
            FARMER_MINIMUM,
            SPRING_TARGET,
            SPRING_AMOUNT,
            ALLOWANCE_TARGET,
            ALLOWANCE_AMOUNT,
            EXCLUDED,
        ),
        ModelWorkerInput,
        model_worker_subsidies,
        {
            "farmer": True,
            "sex": "男",
            "age": 63,
            "has_fixed_income": False,
            "employer": "农民",
            "retired": True,
        },
    ),
)
