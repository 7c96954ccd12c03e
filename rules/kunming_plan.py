"""The Kunming annual "72行大练兵·360行出状元" competition plan (昆工〔2022〕3号) as a rule: for any
year, the phases and their deadlines, the quotas per level, organisation and funding, each
requirement with the article it comes from. The 方案 generator writes its text from these outputs,
so a requirement never appears in a plan without its source."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Literal

from pydantic import ConfigDict, Field

from core.dates import cn_date
from core.inputs import IsoDate, StrictModel
from rules.model import Finding, Rule, RuleCitation
from rules.parameters import document

KP = document("kunming_plan_2022")

K_CITY = KP.cite("k_city")
K_DISTRICT = KP.cite("k_district")
K_COUNTY = KP.cite("k_county")
K_HALF = KP.cite("k_half")
K_DONE = KP.cite("k_done")
K_TRAINING = KP.cite("k_training")
K_MENTOR = KP.cite("k_mentor")
K_INNOVATION = KP.cite("k_innovation")
K_PUBLICITY = KP.cite("k_publicity")
K_PHASE1 = KP.cite("k_phase1")
K_PHASE2 = KP.cite("k_phase2")
K_PHASE2_HALF = KP.cite("k_phase2_half")
K_PHASE3 = KP.cite("k_phase3")
K_PHASE3_REQ = KP.cite("k_phase3_req")
K_PHASE4 = KP.cite("k_phase4")
K_PHASE4_REQ = KP.cite("k_phase4_req")
K_HOSTS = KP.cite("k_hosts")
K_ORGANISERS = KP.cite("k_organisers")
K_LEADING_GROUP = KP.cite("k_leading_group")
K_FUNDING = KP.cite("k_funding")
K_LEADERSHIP = KP.cite("k_leadership")
K_BUDGET = KP.cite("k_budget")
K_PUBLICITY_REQ = KP.cite("k_publicity_req")
K_PROMOTION = KP.cite("k_promotion")

CITATIONS = (
    K_CITY,
    K_DISTRICT,
    K_COUNTY,
    K_HALF,
    K_DONE,
    K_TRAINING,
    K_MENTOR,
    K_INNOVATION,
    K_PUBLICITY,
    K_PHASE1,
    K_PHASE2,
    K_PHASE2_HALF,
    K_PHASE3,
    K_PHASE3_REQ,
    K_PHASE4,
    K_PHASE4_REQ,
    K_HOSTS,
    K_ORGANISERS,
    K_LEADING_GROUP,
    K_FUNDING,
    K_LEADERSHIP,
    K_BUDGET,
    K_PUBLICITY_REQ,
    K_PROMOTION,
)


@dataclass(frozen=True, slots=True)
class PlanValues:
    """The plan's quotas, deadlines and organisation: the parameters of 昆工〔2022〕3号
    (rules/params/kunming_plan_2022.toml), possibly with a year's overrides applied."""

    city_min: int
    district_times: int
    district_trades: int
    county_times: int
    county_trades: int
    launch: tuple[int, int]  # (month, day) of every deadline; the year is the plan's
    half: tuple[int, int]
    half_share: float
    done: tuple[int, int]
    summary: tuple[int, int]
    districts: tuple[str, ...]
    hosts: tuple[str, ...]
    organisers: tuple[str, ...]
    local_units: str


def _month_day(value: str) -> tuple[int, int]:
    month, day = value.split("-")
    return int(month), int(day)


def base_values() -> PlanValues:
    """The values as the base plan sets them."""
    return PlanValues(
        city_min=KP.value("k_city"),
        district_times=KP.value("k_district")["times"],
        district_trades=KP.value("k_district")["trades"],
        county_times=KP.value("k_county")["times"],
        county_trades=KP.value("k_county")["trades"],
        launch=_month_day(KP.value("k_phase1")),
        half=_month_day(KP.value("k_half")["date"]),
        half_share=KP.value("k_half")["share"],
        done=_month_day(KP.value("k_done")),
        summary=_month_day(KP.value("k_phase4")),
        districts=tuple(KP.value("main_districts")),
        hosts=tuple(KP.value("k_hosts")),
        organisers=tuple(KP.value("k_organisers")),
        local_units=KP.value("local_units"),
    )


BASE = base_values()
MAIN_DISTRICTS, HOSTS, ORGANISERS, LOCAL_UNITS = BASE.districts, BASE.hosts, BASE.organisers, BASE.local_units


def _req(key: str, text: str, cite: RuleCitation, when: date | None = None) -> dict[str, object]:
    return {
        "id": key,
        "text": text,
        "date": when.isoformat() if when else None,
        "locator": cite.locator,
        "doc_number": cite.doc_number,
        "doc_title": cite.doc_title,
    }


# The rule's question about one year's plan; the 方案 generator's input is generators.models.PlanInput.
# (A comment, not a docstring: pydantic would publish a docstring in the rule's input schema.)
class AnnualPlanInput(StrictModel):
    model_config = ConfigDict(title="PlanInput")  # the schema's name in `rules --json`, as published

    year: int = Field(ge=2000, le=2099, description="方案年度")
    as_of: IsoDate | None = Field(None, description="核对日期（YYYY-MM-DD）：给出时标出各时间节点是否已过")
    district_type: Literal["主城五区", "其他县（市）区"] | None = Field(None, description="核对县区任务时的县区类别")
    competitions_held: int | None = Field(None, ge=0, le=10000, description="该县区已组织的区级（县级）技能竞赛次数")
    trades_covered: int | None = Field(None, ge=0, le=10000, description="该县区竞赛已覆盖的工种数")


def plan_outputs(year: int, values: PlanValues = BASE) -> dict[str, object]:
    """Everything a year's plan states, as data; used by the rule and by the 方案 generator (which passes
    the base values with the year's overrides applied)."""
    v = values
    hosts = "、".join(v.hosts)
    share = f"{v.half_share:.0%}"
    local_units = v.local_units
    d = {
        name: date(year, m, day)
        for name, (m, day) in {"launch": v.launch, "half": v.half, "done": v.done, "summary": v.summary}.items()
    }
    title = f"昆明地区{year}年职工“72行大练兵·360行出状元”竞赛活动方案"
    requirements = [
        _req(
            "city_competitions",
            f"由{hosts}联合相关市级职能部门，按照“2+X”的方式，全年组织开展不少于{v.city_min}场次全市性职工职业技能竞赛",
            K_CITY,
            d["done"],
        ),
        _req(
            "main_district_competitions",
            f"主城五区（{'、'.join(v.districts)}）组织开展不少于{v.district_times}次{v.district_trades}个工种"
            "的区级职工职业技能竞赛",
            K_DISTRICT,
            d["done"],
        ),
        _req(
            "county_competitions",
            f"其他县（市）区组织开展不少于{v.county_times}次{v.county_trades}个工种的县（市）区级技能竞赛",
            K_COUNTY,
            d["done"],
        ),
        _req("half_by_july", f"{cn_date(d['half'])}前须完成年度工作的{share}以上", K_HALF, d["half"]),
        _req("all_by_november", f"{cn_date(d['done'])}前全部完成", K_DONE, d["done"]),
        _req(
            "training",
            "鼓励、支持广大职工（农民工）参加各类培训，确保按要求完成昆明市技能人才培训工作",
            K_TRAINING,
            d["done"],
        ),
        _req(
            "mentoring",
            "深入开展“师徒传帮带”活动，广泛组织岗位创新、师带徒和“五小”群众性技术创新竞赛",
            K_MENTOR,
            d["done"],
        ),
        _req(
            "innovation",
            "常态化开展技术革新、技术攻关、发明创造活动，有针对性地创建一批创新工作室、技师工作站",
            K_INNOVATION,
            d["done"],
        ),
        _req(
            "publicity",
            "组织劳动模范、云岭工匠、昆明工匠、技术状元等开展事迹宣讲和技艺传承活动，不定期组织",
            K_PUBLICITY,
        ),
        _req(
            "phase1",
            f"第一阶段：活动启动，{cn_date(d['launch'])}前制定实施方案，安排部署活动",
            K_PHASE1,
            d["launch"],
        ),
        _req(
            "phase2",
            f"第二阶段：{local_units}，行业、企业开展技术练兵、职业技能竞赛，{cn_date(d['done'])}前全部完成",
            K_PHASE2,
            d["done"],
        ),
        _req(
            "phase2_half",
            f"第二阶段中组织的劳动和职工技能竞赛在{cn_date(d['half'])}前须完成年度工作的{share}以上",
            K_PHASE2_HALF,
            d["half"],
        ),
        _req("phase3", f"第三阶段：市级集中开展技术技能竞赛，{cn_date(d['done'])}前", K_PHASE3, d["done"]),
        _req(
            "phase3_hosting",
            "各单位在组织开展技能竞赛的同时，积极承办市级职业技能竞赛，选拔优秀选手参加市级劳动和技能竞赛",
            K_PHASE3_REQ,
            d["done"],
        ),
        _req("phase4", f"第四阶段：总结，{cn_date(d['summary'])}前", K_PHASE4, d["summary"]),
        _req(
            "phase4_recommend",
            "积极向市总工会、市人力资源和社会保障局申报（推荐）优秀领军人才",
            K_PHASE4_REQ,
            d["summary"],
        ),
        _req("hosts", f"主办单位：{hosts}", K_HOSTS),
        _req("organisers", "承办单位：" + "、".join(v.organisers), K_ORGANISERS),
        _req("leading_group", "成立竞赛活动领导小组，负责活动的总体策划、整体推进", K_LEADING_GROUP),
        _req(
            "funding",
            "市级竞赛、培训、技术创新活动经费由市总工会、市人力资源和社会保障局筹集；各县（市）区、行业、企业"
            "实行分级负责筹集经费",
            K_FUNDING,
        ),
        _req("leadership", "把活动纳入各单位“一把手”工程，成立活动领导小组", K_LEADERSHIP),
        _req("budget", "建立完善经费保障机制，安排专项经费用于开展练兵、竞赛、培训活动", K_BUDGET),
        _req("publicity_req", "营造人人参与竞赛、人人参与创新的浓厚氛围", K_PUBLICITY_REQ),
        _req(
            "champion_promotion",
            "市级职工职业技能竞赛决赛第一名破格晋升为三级职业技能等级，已具有三级的破格晋升为二级（最高至二级）",
            K_PROMOTION,
        ),
    ]
    phases = [
        {
            "order": 1,
            "name": "活动启动",
            "deadline": d["launch"].isoformat(),
            "deadline_text": f"{cn_date(d['launch'])}前",
            "work": "制定实施方案，安排部署活动。",
            "locator": K_PHASE1.locator,
        },
        {
            "order": 2,
            "name": f"{local_units}，行业、企业开展技术练兵、职业技能竞赛",
            "deadline": d["done"].isoformat(),
            "deadline_text": f"{cn_date(d['done'])}前全部完成",
            "milestone": {"date": d["half"].isoformat(), "share_min": v.half_share},
            "work": f"由{local_units}、行业、企业自行组织开展最能展现各自产业特色的劳动和职工职业技能竞赛。",
            "requirement": f"{local_units}组织的劳动和职工技能竞赛在{d['half'].month}月{d['half'].day}日前"
            f"须完成年度工作的{share}以上。",
            "locator": K_PHASE2.locator,
        },
        {
            "order": 3,
            "name": "市级集中开展技术技能竞赛",
            "deadline": d["done"].isoformat(),
            "deadline_text": f"{cn_date(d['done'])}前",
            "work": "由市总工会、市人力资源和社会保障局牵头，联合市级有关部门，组织开展全市性劳动和技能竞赛。",
            "requirement": f"{local_units}，各相关单位在组织开展技能竞赛的同时，"
            "积极承办市级职业技能竞赛，选拔优秀选手参加"
            "市级劳动和技能竞赛。",
            "locator": K_PHASE3.locator,
        },
        {
            "order": 4,
            "name": "总结",
            "deadline": d["summary"].isoformat(),
            "deadline_text": f"{cn_date(d['summary'])}前",
            "work": "开展竞赛和创新活动成果展示，总结工作经验，通报在市级劳动和技能竞赛中成绩突出的单位和个人。",
            "requirement": f"{local_units}、行业、企业积极向市总工会、市人力资源和社会保障局申报（推荐）优秀领军人才。",
            "locator": K_PHASE4.locator,
        },
    ]
    return {
        "year": year,
        "title": title,
        "based_on": {"doc_number": KP.source.doc_number, "doc_title": KP.source.doc_title},
        "milestones": {
            "launch_by": d["launch"].isoformat(),
            "half_by": d["half"].isoformat(),
            "half_share_min": v.half_share,
            "all_done_by": d["done"].isoformat(),
            "summary_by": d["summary"].isoformat(),
        },
        "quotas": {
            "city_level_competitions_min": v.city_min,
            "main_urban_districts": {
                "districts": list(v.districts),
                "times_min": v.district_times,
                "trades_min": v.district_trades,
            },
            "other_counties": {"times_min": v.county_times, "trades_min": v.county_trades},
        },
        "phases": phases,
        "organisation": {"hosts": list(v.hosts), "organisers": list(v.organisers)},
        "requirements": requirements,
    }


def _district_check(inp: AnnualPlanInput) -> tuple[dict[str, object] | None, str | None]:
    if inp.district_type is None or (inp.competitions_held is None and inp.trades_covered is None):
        return None, None
    v = BASE
    times, trades = (
        (v.district_times, v.district_trades) if inp.district_type == "主城五区" else (v.county_times, v.county_trades)
    )
    ok_times = inp.competitions_held is None or inp.competitions_held >= times
    ok_trades = inp.trades_covered is None or inp.trades_covered >= trades
    check = {
        "district_type": inp.district_type,
        "times_min": times,
        "trades_min": trades,
        "competitions_held": inp.competitions_held,
        "trades_covered": inp.trades_covered,
        "meets_quota": ok_times and ok_trades,
    }
    text = f"{inp.district_type}须组织不少于{times}次{trades}个工种的技能竞赛，" + (
        "已达到。" if ok_times and ok_trades else "尚未达到。"
    )
    return check, text


def annual_plan(inp: AnnualPlanInput) -> Finding:
    out = plan_outputs(inp.year)
    m = out["milestones"]
    parts = [
        f"{inp.year}年：{cn_date(date.fromisoformat(m['launch_by']))}前启动；县区竞赛{cn_date(date.fromisoformat(m['half_by']))}前"
        f"完成年度工作的{BASE.half_share:.0%}以上，{cn_date(date.fromisoformat(m['all_done_by']))}前全部完成；"
        f"市级竞赛不少于{BASE.city_min}场次，"
        f"{cn_date(date.fromisoformat(m['all_done_by']))}前完成；{cn_date(date.fromisoformat(m['summary_by']))}前总结"
        "（参照昆工〔2022〕3号三、四）"
    ]
    cited: list[RuleCitation] = [
        K_CITY,
        K_DISTRICT,
        K_COUNTY,
        K_HALF,
        K_DONE,
        K_PHASE1,
        K_PHASE2,
        K_PHASE2_HALF,
        K_PHASE3,
        K_PHASE4,
    ]
    if inp.as_of is not None:
        out["as_of"] = inp.as_of.isoformat()
        out["deadlines_status"] = [
            {"what": name, "date": when, "passed": inp.as_of > date.fromisoformat(when)}
            for name, when in (
                ("launch_by", m["launch_by"]),
                ("half_by", m["half_by"]),
                ("all_done_by", m["all_done_by"]),
                ("summary_by", m["summary_by"]),
            )
        ]
    check, text = _district_check(inp)
    if check:
        out["district_check"] = check
        parts.append(text or "")
    return Finding(out, "；".join(parts) + "。", tuple(cited))


Level = Literal["无", "五级", "四级", "三级", "二级", "一级"]


class ChampionInput(StrictModel):
    current_level: Level = Field("无", description="选手已有的职业技能等级：无/五级/四级/三级/二级/一级")


def champion_promotion(inp: ChampionInput) -> Finding:
    """七、（五）: a city-level final winner rises to 三级, or 二级 if already 三级, never beyond 二级."""
    if inp.current_level in ("无", "五级", "四级"):
        new, text = "三级", "破格晋升为三级职业技能等级"
    elif inp.current_level == "三级":
        new, text = "二级", "已具有三级职业技能等级，破格晋升为二级职业技能等级"
    else:
        new, text = None, f"已具有{inp.current_level}职业技能等级，破格晋升最高至二级，不再晋升"
    outputs = {
        "current_level": inp.current_level,
        "promoted_to": new,
        "max_level": "二级",
        "handled_by": "竞赛承办单位委托具有资质的昆明市内职业技能等级评价机构",
        "other": "符合条件的，推荐参加“昆明市劳动模范”“昆明市优秀技术能手”“昆明市五一劳动奖章”等市级以上先进个人评选",
    }
    return Finding(
        outputs,
        f"市级职工职业技能竞赛决赛第一名：{text}，由竞赛承办单位委托有资质的昆明市内评价机构办理"
        "（昆工〔2022〕3号 七、（五））。",
        (K_PROMOTION,),
    )


RULES = (
    Rule(
        "kunming_annual_plan",
        "昆明地区年度“72行大练兵·360行出状元”竞赛活动：阶段、时限与任务量",
        CITATIONS,
        AnnualPlanInput,
        annual_plan,
        {"year": 2026},
    ),
    Rule(
        "kunming_city_champion_promotion",
        KP.text("champion_title"),
        (K_PROMOTION,),
        ChampionInput,
        champion_promotion,
        {"current_level": "三级"},
    ),
)
