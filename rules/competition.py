"""Provincial and national 职工职业技能竞赛: awards by final rank, the 3:7 composite score with its
tie-break, and the minimum field and team make-up (云职创〔2019〕3号, 云工通〔2020〕18号)."""

from __future__ import annotations

from decimal import Decimal
from typing import Literal

from pydantic import Field

from core.inputs import Line, StrictModel
from rules.model import Finding, Rule, RuleCitation
from rules.parameters import document

SC = document("skills_competition")
WY = document("wuyi_award")

CLASS1 = SC.cite("class1")
MIN_FIELD = SC.cite("min_field")
FINALISTS = SC.cite("finalists")
TEAM = SC.cite("team")
NO_REPEAT = SC.cite("no_repeat")
COMPOSITE = SC.cite("composite")
TIE_BREAK = SC.cite("tie_break")
PROV_TITLE = SC.cite("prov_title")
PROV_QUALIFICATION = SC.cite("prov_qualification")
PROV_OTHERS = SC.cite("prov_others")
NATIONAL = SC.cite("national")
WUYI_INSTANT = WY.cite("wuyi_instant")
WUYI_INSTANT_NATIONAL = WY.cite("wuyi_instant_national")
WUYI_NO_REPEAT = WY.cite("wuyi_no_repeat")

Qualification = Literal["无", "高级工", "技师", "高级技师"]
_TRADE_PLACEHOLDER = "××职业（工种）"
_NATIONAL_BONUS: tuple[tuple[int, int, int], ...] = tuple(tuple(row) for row in SC.value("national"))
_NATIONAL_LAST_RANK = max(high for _, high, _ in _NATIONAL_BONUS)
_CHAMPION_BONUS: int = SC.value("prov_title")
_THEORY_WEIGHT = Decimal(str(SC.value("composite")["theory"]))
_PRACTICE_WEIGHT = Decimal(str(SC.value("composite")["practice"]))
_MIN_FIELD: int = SC.value("min_field")
_MIN_FINALISTS: int = SC.value("finalists")


class ProvincialAwardInput(StrictModel):
    rank: int = Field(ge=1, le=10000, description="省级一类竞赛决赛名次（1 表示第1名）")
    trade: Line | None = Field(None, max_length=40, description="职业（工种），如“焊工”；用于称号全称")
    current_qualification: Qualification = Field("无", description="选手已取得的职业资格：无/高级工/技师/高级技师")
    promotion_excluded: bool = Field(
        False,
        description="属国家取消职业资格鉴定工种、另有特殊规定的工种或机关事业单位职工（不适用职业资格晋升）",
    )
    already_honoured: bool = Field(
        False, description="已获省部级及以上劳动模范、先进工作者或五一劳动奖（不再授予五一劳动奖章）"
    )


def _wuyi(already_honoured: bool) -> tuple[dict[str, object], str, tuple[RuleCitation, ...]]:
    if already_honoured:
        return (
            {"eligible": False, "note": "已获省部级及以上劳动模范、先进工作者或五一劳动奖，不再授予"},
            "已获省部级及以上荣誉，不再授予云南省五一劳动奖章（第九条）",
            (WUYI_NO_REPEAT,),
        )
    return (
        {
            "eligible": True,
            "note": "经审核符合条件的，由云南省总工会授予云南省“五一”劳动奖章，属即时授予情形",
        },
        "经审核符合条件的，授予云南省“五一”劳动奖章，可即时授予",
        (WUYI_INSTANT,),
    )


def _provincial_qualification(rank: int, current: str) -> str | None:
    if rank == 1:
        return {
            "无": "直接晋升技师职业资格",
            "高级工": "直接晋升技师职业资格",
            "技师": "可晋升高级技师职业资格",
        }.get(current)
    if rank <= 3:
        return {
            "无": "可破格晋升技师职业资格",
            "高级工": "可破格晋升技师职业资格",
            "技师": "可晋升高级技师职业资格",
        }.get(current)
    if rank <= 10:
        return {"无": "可直接晋升高级工职业资格", "高级工": "可晋升技师职业资格"}.get(current)
    return None


def provincial_award(inp: ProvincialAwardInput) -> Finding:
    """第十八条: ranks 1, 2–10 and the rest get different titles, bonuses and promotions."""
    trade = inp.trade or _TRADE_PLACEHOLDER
    cited: list[RuleCitation] = [CLASS1]
    parts: list[str] = []
    if inp.rank == 1:
        title, bonus = f"云南省{trade}技术状元", _CHAMPION_BONUS
    elif inp.rank <= 10:
        title, bonus = f"云南省{trade}技术能手", 2000
    else:
        title, bonus = None, 0
    outputs: dict[str, object] = {"rank": inp.rank, "title": title, "bonus_yuan": bonus}
    if title:
        cited.append(PROV_TITLE)
        outputs["awarded_by"] = "云南省职工经济技术创新工程领导小组"
        outputs["certificate_and_trophy"] = True
        parts.append(f"决赛第{inp.rank}名授予“{title}”称号，颁发证书、奖杯，一次性奖金{bonus}元（第十八条（一））")
    else:
        cited.append(PROV_OTHERS)
        outputs["certificate_and_trophy"] = False
        outputs["other_commendation"] = "由各承办单位在不违反有关规定和纪律的前提下，自行确定表扬办法"
        parts.append(f"决赛第{inp.rank}名不在第1～10名之列，由承办单位自行确定表扬办法（第十八条（三））")
    if inp.rank == 1:
        wuyi, text, wuyi_cites = _wuyi(inp.already_honoured)
        outputs["wuyi_medal"] = wuyi
        parts.append(text)
        cited.extend(wuyi_cites)
    else:
        outputs["wuyi_medal"] = {"eligible": False, "note": "第十八条只对决赛第1名规定授予五一劳动奖章"}
    if inp.rank <= 10:
        cited.append(PROV_QUALIFICATION)
        if inp.promotion_excluded:
            promo = None
            outputs["qualification_note"] = (
                "国家取消职业资格鉴定工种、另有特殊规定的工种和机关事业单位职工不适用职业资格晋升"
            )
            parts.append("该选手不适用职业资格晋升（第十八条（二））")
        else:
            promo = _provincial_qualification(inp.rank, inp.current_qualification)
            if promo:
                parts.append(f"{promo}（第十八条（二））")
            else:
                outputs["qualification_note"] = f"第十八条（二）未规定已取得{inp.current_qualification}职业资格者的晋升"
                parts.append(outputs["qualification_note"])  # type: ignore[arg-type]
        outputs["qualification_promotion"] = promo
    else:
        outputs["qualification_promotion"] = None
    return Finding(outputs, "；".join(parts) + "。", tuple(cited))


class NationalAwardInput(StrictModel):
    rank: int = Field(ge=1, le=10000, description="代表云南省参加全国职工职业技能竞赛决赛的名次")
    trade: Line | None = Field(None, max_length=40, description="职业（工种），如“电工”")
    already_honoured: bool = Field(False, description="已获省部级及以上劳动模范、先进工作者或五一劳动奖")


def national_bonus(rank: int) -> int:
    for low, high, amount in _NATIONAL_BONUS:
        if low <= rank <= high:
            return amount
    return 0


def national_award(inp: NationalAwardInput) -> Finding:
    """第十九条（一）: ranks 1–20 of the national final, bonus falling from 20000 to 1000 元."""
    trade = inp.trade or _TRADE_PLACEHOLDER
    bonus = national_bonus(inp.rank)
    if inp.rank > _NATIONAL_LAST_RANK:
        outputs = {
            "rank": inp.rank,
            "title": None,
            "bonus_yuan": 0,
            "wuyi_medal": {"eligible": False, "note": "第十九条只对全国决赛第1～20名规定表扬"},
        }
        return Finding(outputs, f"全国决赛第{inp.rank}名不在第1～20名之列，第十九条（一）未规定奖励。", (NATIONAL,))
    title = f"云南省{trade}技术能手"
    outputs = {
        "rank": inp.rank,
        "title": title,
        "awarded_by": "云南省职工经济技术创新工程领导小组",
        "bonus_yuan": bonus,
        "certificate_and_trophy": True,
    }
    cited = [NATIONAL]
    if inp.already_honoured:
        outputs["wuyi_medal"] = {"eligible": False, "note": "已获省部级及以上荣誉，不再授予"}
        medal = "已获省部级及以上荣誉，不再授予云南省五一劳动奖章（第九条）"
        cited.append(WUYI_NO_REPEAT)
    else:
        outputs["wuyi_medal"] = {
            "eligible": True,
            "note": "经审核符合条件的，由云南省总工会授予云南省五一劳动奖章，属即时授予情形",
        }
        medal = "经审核符合条件的授予云南省五一劳动奖章"
        cited.append(WUYI_INSTANT_NATIONAL)
    text = f"全国决赛第{inp.rank}名授予“{title}”称号，颁发证书、奖杯，一次性奖金{bonus}元（第十九条（一））；{medal}。"
    return Finding(outputs, text, tuple(cited))


class Competitor(StrictModel):
    name: Line = Field(max_length=60, description="选手姓名或编号")
    theory: float = Field(ge=0, le=100, allow_inf_nan=False, description="技术理论成绩（满分100）")
    practice: float = Field(ge=0, le=100, allow_inf_nan=False, description="实际操作成绩（满分100）")


class CompositeInput(StrictModel):
    competitors: list[Competitor] = Field(min_length=1, max_length=1000, description="参赛选手及两部分成绩")


def _dec(value: float) -> Decimal:
    return Decimal(str(value))


def composite_ranking(inp: CompositeInput) -> Finding:
    """第十六条: composite = 0.3 × theory + 0.7 × practice; equal composites → higher practice first."""
    rows = []
    for c in inp.competitors:
        composite = _dec(c.theory) * _THEORY_WEIGHT + _dec(c.practice) * _PRACTICE_WEIGHT  # exact: no rounding ties
        rows.append((composite, _dec(c.practice), c))
    rows.sort(key=lambda r: (-r[0], -r[1]))
    ranking, tie_broken, still_tied = [], False, False
    for i, (composite, practice, c) in enumerate(rows):
        rank = i + 1
        if i and rows[i - 1][0] == composite:
            if rows[i - 1][1] == practice:
                rank = ranking[-1]["rank"]
                still_tied = True
            else:
                tie_broken = True
        ranking.append(
            {
                "rank": rank,
                "name": c.name,
                "theory": float(c.theory),
                "practice": float(c.practice),
                "composite": float(composite.normalize()),
            }
        )
    parts = ["技术理论与实际操作按3：7换算成综合得分确定名次（第十六条）"]
    if tie_broken:
        parts.append("综合成绩相同者以实际操作成绩高者居前")
    if still_tied:
        parts.append("综合成绩与实际操作成绩均相同者并列，第十六条未规定进一步的排序办法")
    cited = (COMPOSITE, TIE_BREAK) if (tie_broken or still_tied) else (COMPOSITE,)
    return Finding(
        {"ranking": ranking, "weights": {"theory": float(_THEORY_WEIGHT), "practice": float(_PRACTICE_WEIGHT)}},
        "；".join(parts) + "。",
        cited,
    )


class Team(StrictModel):
    name: Line | None = Field(None, max_length=60, description="代表队名称")
    leaders: int = Field(ge=0, le=100, description="领队人数")
    technical_advisers: int = Field(ge=0, le=100, description="技术指导人数")
    contestants: int = Field(ge=0, le=1000, description="选手人数")


class EntryInput(StrictModel):
    initial_entrants: int | None = Field(None, ge=0, le=1_000_000, description="同一竞赛组别的初始参赛选手人数")
    finalists: int | None = Field(None, ge=0, le=100_000, description="参加省级一类竞赛决赛的选手人数")
    rare_trade: bool = Field(False, description="是否稀缺工种（决赛人数要求不适用）")
    teams: list[Team] = Field(default_factory=list, max_length=1000, description="参赛代表队构成")
    previous_champion: bool = Field(False, description="选手已获省级一类竞赛相同职业（工种）技术状元")
    national_selection: bool = Field(False, description="本次竞赛为全国职工职业技能大赛云南省选拔赛")


def entry_requirements(inp: EntryInput) -> Finding:
    """第八条 and 第十二条: a field of at least 30, teams of 1 leader + 1 adviser + 3–5 contestants."""
    checks: list[dict[str, object]] = []
    cited: list[RuleCitation] = []
    if inp.initial_entrants is not None:
        checks.append(
            {
                "requirement": "同一竞赛组别的初始参赛选手原则上不少于30人",
                "value": inp.initial_entrants,
                "ok": inp.initial_entrants >= _MIN_FIELD,
                "locator": "第八条",
            }
        )
        cited.append(MIN_FIELD)
    if inp.finalists is not None:
        ok = True if inp.rare_trade else inp.finalists >= _MIN_FINALISTS
        checks.append(
            {
                "requirement": "省级一类竞赛决赛选手原则上不得少于30名（稀缺工种除外）",
                "value": inp.finalists,
                "ok": ok,
                "locator": "第十二条",
            }
        )
        cited.append(FINALISTS)
    for i, team in enumerate(inp.teams, 1):
        ok = team.leaders == 1 and team.technical_advisers == 1 and 3 <= team.contestants <= 5
        checks.append(
            {
                "requirement": f"代表队“{team.name or i}”由领队1人、技术指导1人和3～5名选手组成",
                "value": {
                    "leaders": team.leaders,
                    "technical_advisers": team.technical_advisers,
                    "contestants": team.contestants,
                },
                "ok": ok,
                "locator": "第十二条",
            }
        )
    if inp.teams:
        cited.append(TEAM)
    if inp.previous_champion:
        ok = inp.national_selection
        checks.append(
            {
                "requirement": "已获相同职业（工种）技术状元者不得再以选手身份参加（全国大赛云南省选拔赛除外）",
                "value": True,
                "ok": ok,
                "locator": "第十二条",
            }
        )
        cited.append(NO_REPEAT)
    if not checks:
        return Finding({"ok": True, "checks": []}, "未提供需要核对的人数或代表队。", (MIN_FIELD, TEAM))
    failed = [c["requirement"] for c in checks if not c["ok"]]
    text = "全部符合第八条、第十二条的要求。" if not failed else "不符合：" + "；".join(map(str, failed)) + "。"
    return Finding({"ok": not failed, "checks": checks}, text, tuple(dict.fromkeys(cited)))


RULES = (
    Rule(
        "provincial_skills_award",
        SC.text("provincial_award_title"),
        (CLASS1, PROV_TITLE, PROV_QUALIFICATION, PROV_OTHERS, WUYI_INSTANT, WUYI_NO_REPEAT),
        ProvincialAwardInput,
        provincial_award,
        {"rank": 1, "trade": "焊工", "current_qualification": "高级工"},
    ),
    Rule(
        "national_skills_award",
        "全国职工职业技能竞赛决赛名次的表扬与奖金",
        (NATIONAL, WUYI_INSTANT_NATIONAL, WUYI_NO_REPEAT),
        NationalAwardInput,
        national_award,
        {"rank": 3, "trade": "电工"},
    ),
    Rule(
        "competition_composite_score",
        "竞赛综合成绩（理论:实操=3:7）与同分排序",
        (COMPOSITE, TIE_BREAK),
        CompositeInput,
        composite_ranking,
        {
            "competitors": [
                {"name": "甲", "theory": 90, "practice": 80},
                {"name": "乙", "theory": 76, "practice": 86},
            ]
        },
    ),
    Rule(
        "competition_entry_requirements",
        "竞赛参赛人数与代表队构成",
        (MIN_FIELD, FINALISTS, TEAM, NO_REPEAT),
        EntryInput,
        entry_requirements,
        {
            "initial_entrants": 45,
            "finalists": 32,
            "teams": [{"name": "昆明代表队", "leaders": 1, "technical_advisers": 1, "contestants": 4}],
        },
    ),
)
