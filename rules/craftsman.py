"""Who may be recommended as 云岭工匠, 云南省职工创新工作室 or 云南省职工技师工作站, and how many may
be named (云工办通〔2020〕22号). The 承诺书 generator applies these rules to every nominee, so a
nominee is never dropped without the article that excludes them."""

from __future__ import annotations

import re
import unicodedata
from typing import Literal

from pydantic import Field

from core.inputs import Line, StrictModel, Text
from rules.model import Finding, Rule, RuleCitation
from rules.parameters import document

ST = document("innovation_studio")
TS = document("technician_station")
YC = document("yunling_craftsman")

# -- 云岭工匠 ---------------------------------------------------------------------------------------
Y_CAP = YC.cite("y_cap")
Y_NO_REPEAT = YC.cite("y_no_repeat")
Y_BASIC = YC.cite("y_basic")
Y_CONDITIONS = YC.cite("y_conditions")
Y_DIRECT = YC.cite("y_direct")
Y_PRIORITY = YC.cite("y_priority")
Y_EXCLUSIONS: dict[str, RuleCitation] = {
    "严重违纪违法": YC.cite("y_exclusion_discipline"),
    "违反政治纪律和政治规矩": YC.cite("y_exclusion_political"),
    "处分影响期未满": YC.cite("y_exclusion_sanction"),
    "失信联合惩戒对象": YC.cite("y_exclusion_credit"),
    "企业负责人责任情形": YC.cite("y_exclusion_employer"),
    "其他不宜": YC.cite("y_exclusion_other"),
}
_EXCLUSION_TEXT = {
    "严重违纪违法": "有严重违纪违法行为",
    "违反政治纪律和政治规矩": "违反政治纪律和政治规矩",
    "处分影响期未满": "受到诫勉、组织处理或党纪政务处分等影响期未满",
    "失信联合惩戒对象": "被依法列为失信联合惩戒对象",
    "企业负责人责任情形": "近3年来发生较大及以上安全生产和职业病危害事故、无故拖欠职工工资、"
    "未按规定缴纳社会保险费或未依法建立工会的企业负责人",
    "其他不宜": "其他原因不宜作为评选对象",
}
Exclusion = Literal[
    "严重违纪违法",
    "违反政治纪律和政治规矩",
    "处分影响期未满",
    "失信联合惩戒对象",
    "企业负责人责任情形",
    "其他不宜",
]
Condition = Literal["技艺精湛高超", "领军作用突出", "贡献卓越显著"]
CraftsmanChannel = Literal["逐级推荐", "行业推荐", "专业人士举荐", "自荐"]

DIRECT_HONOURS = ("大国工匠年度人物", "中国质量工匠")
PRIORITY_HONOURS = (
    "中华技能大奖",
    "全国技术能手",
    "云南省兴滇人才奖",
    "云南省劳动模范",
    "云南省千人计划专项",
    "云南省万人计划专项",
    "云岭技能大师",
    "云南省职工职业技能大赛技术状元",
)
_WORLD_SKILLS = re.compile(r"世界技能大赛决赛第?([0-9]+)名")
_NATIONAL_CLASS1 = re.compile(r"全国职业技能大赛[（(]?一类[）)]?决赛第?([0-9]+)名")


def _norm(text: str) -> str:
    text = unicodedata.normalize("NFKC", text)
    return re.sub(r"[\s“”\"'‘’「」《》]", "", text)


def classify_honour(honour: str) -> str | None:
    """'direct' (第六条), 'priority' (第七条) or None for an honour the articles do not name."""
    h = _norm(honour)
    if any(_norm(d) in h for d in DIRECT_HONOURS):
        return "direct"
    m = _WORLD_SKILLS.search(h)
    if m and 1 <= int(m.group(1)) <= 6:
        return "direct"
    m = _NATIONAL_CLASS1.search(h)
    if m and 1 <= int(m.group(1)) <= 3:
        return "direct"
    if any(_norm(p) in h for p in PRIORITY_HONOURS) or ("技术状元" in h and "云南省" in h):
        return "priority"
    return None


class CraftsmanNominee(StrictModel):
    name: Line = Field(max_length=40, description="申报人姓名")
    age: int | None = Field(None, ge=16, le=100, description="年龄")
    unit: Line | None = Field(None, max_length=80, description="工作单位")
    channel: CraftsmanChannel = Field("逐级推荐", description="申报方式：逐级推荐/行业推荐/专业人士举荐/自荐")
    reason: Text | None = Field(None, max_length=300, description="推荐理由")
    conditions: list[Condition] = Field(
        default_factory=list,
        max_length=3,
        description="符合第五条的条件：技艺精湛高超/领军作用突出/贡献卓越显著",
    )
    honours: list[Line] = Field(
        default_factory=list, max_length=30, description="所获荣誉，如“全国技术能手”“世界技能大赛决赛第4名”"
    )
    exclusions: list[Exclusion] = Field(
        default_factory=list, max_length=6, description="第八条所列不得列为评选对象的情形"
    )
    chinese_nationality: bool = Field(True, description="中国籍")
    unit_registered_in_yunnan: bool = Field(True, description="所在单位在云南登记注册")
    previously_named: bool = Field(False, description="已被命名为云岭工匠（不重复命名）")


def _excluded(locator: str, reason: str) -> dict[str, str]:
    return {"locator": locator, "reason": reason}


def craftsman_eligibility(n: CraftsmanNominee) -> Finding:
    """第五条至第八条 and 第三条: exclusions first, then the basic conditions, then the route."""
    excluded: list[dict[str, str]] = []
    cited: list[RuleCitation] = []
    for code in sorted(set(n.exclusions), key=list(Y_EXCLUSIONS).index):  # article order, not input order
        cite = Y_EXCLUSIONS[code]
        excluded.append(_excluded(cite.locator, _EXCLUSION_TEXT[code]))
        cited.append(cite)
    if n.previously_named:
        excluded.append(_excluded("第三条", "已被命名为云岭工匠，不重复命名"))
        cited.append(Y_NO_REPEAT)
    if not n.chinese_nationality or not n.unit_registered_in_yunnan:
        excluded.append(_excluded("第五条", "须为中国籍人才且所在单位在云南登记注册"))
        cited.append(Y_BASIC)
    kinds = {h: classify_honour(h) for h in n.honours}
    direct = [h for h, k in kinds.items() if k == "direct"]
    priority = [h for h, k in kinds.items() if k == "priority"]
    if not n.conditions and not direct and not excluded:
        excluded.append(_excluded("第五条", "未说明符合技艺精湛高超、领军作用突出、贡献卓越显著中的任一条件"))
        cited.append(Y_CONDITIONS)
    if excluded:
        route = None
        text = f"{n.name}不得列为评选对象：" + "；".join(f"{e['reason']}（{e['locator']}）" for e in excluded) + "。"
    elif direct:
        route = "直接认定"
        cited.append(Y_DIRECT)
        text = f"{n.name}因{'、'.join(direct)}可以直接认定为云岭工匠（第六条）。"
    elif priority:
        route = "优先评定"
        cited.extend((Y_CONDITIONS, Y_PRIORITY) if n.conditions else (Y_PRIORITY,))
        text = f"{n.name}获{'、'.join(priority)}，在选树时优先评定（第七条）。"
    else:
        route = "一般评定"
        cited.append(Y_CONDITIONS)
        text = f"{n.name}符合第五条“{'、'.join(n.conditions)}”条件，可以申报。"
    outputs = {
        "name": n.name,
        "eligible": not excluded,
        "route": route,
        "excluded_by": excluded,
        "direct_honours": direct,
        "priority_honours": priority,
    }
    return Finding(outputs, text, tuple(dict.fromkeys(cited)))


# -- 职工创新工作室 / 职工技师工作站 -------------------------------------------------------------------
S_CAP = ST.cite("s_cap")
S_NAMED = ST.cite("s_named")
S_LEADER = ST.cite("s_leader")
S_TEAM = ST.cite("s_team")
S_COMMENDED = ST.cite("s_commended")
S_SYSTEM = ST.cite("s_system")
S_PROJECTS = ST.cite("s_projects")
S_RESULTS = ST.cite("s_results")
S_PLACE = ST.cite("s_place")
S_CHANNEL = ST.cite("s_channel")

T_CAP = TS.cite("t_cap")
T_NAMED = TS.cite("t_named")
T_UNIT = TS.cite("t_unit")
T_AWARD = TS.cite("t_award")
T_LEVEL = TS.cite("t_level")
T_AGE = TS.cite("t_age")
T_MONTHS = TS.cite("t_months")
T_TEAM = TS.cite("t_team")
T_CHANNEL = TS.cite("t_channel")

TeamChannel = Literal["逐级推荐", "个人申报", "越级申报"]
SkillLevel = Literal["高级技师", "技师", "高级工", "中级工", "初级工", "无"]


class _TeamNominee(StrictModel):
    name: Line = Field(max_length=60, description="名称")
    leader: Line | None = Field(None, max_length=40, description="负责人（领衔人）")
    unit: Line | None = Field(None, max_length=80, description="所在单位")
    channel: TeamChannel = Field("逐级推荐", description="推荐途径：逐级推荐/个人申报/越级申报")
    local_named_years: float | None = Field(
        None,
        ge=0,
        le=100,
        allow_inf_nan=False,
        description="被州（市）总工会或省级产业、系统、公司工会命名的年数",
    )
    outstanding: bool = Field(False, description="做出突出贡献、社会影响力较大（不受命名2年以上限制）")


class StudioNominee(_TeamNominee):
    leaders: int | None = Field(None, ge=0, le=1000, description="领军人员人数")
    team_size: int | None = Field(None, ge=0, le=10000, description=ST.text("team_size"))
    commended_members: int | None = Field(
        None, ge=0, le=10000, description="近年因创新业绩突出受上级表彰或表扬的成员人数"
    )
    has_system: bool | None = Field(None, description="有创建目标、创建制度和活动内容")
    projects_per_year: int | None = Field(None, ge=0, le=1000, description="每年承担的立项创新课题或攻关项目数")
    results_in_3_years: int | None = Field(None, ge=0, le=1000, description="近三年得到认可或认定的成果数")
    has_place_and_funds: bool | None = Field(None, description="有相对固定的活动场所和专项经费")


class StationNominee(_TeamNominee):
    unit_conditions: bool | None = Field(None, description="申报单位符合第十条（一）条件")
    expert_award: bool | None = Field(None, description=TS.text("expert_award"))
    expert_skill_level: SkillLevel | None = Field(None, description=TS.text("expert_skill_level"))
    expert_age: int | None = Field(None, ge=16, le=100, description=TS.text("expert_age"))
    expert_months_per_year: float | None = Field(
        None, ge=0, le=12, allow_inf_nan=False, description=TS.text("expert_months")
    )
    team_size: int | None = Field(None, ge=0, le=10000, description=TS.text("team_size"))


class _Checks:
    """Collects requirement checks: failed ones exclude, unknown ones are listed for manual review."""

    def __init__(self) -> None:
        self.failed: list[dict[str, str]] = []
        self.unverified: list[str] = []
        self.cited: list[RuleCitation] = []

    def check(self, ok: bool | None, requirement: str, cite: RuleCitation) -> None:
        if ok is None:
            self.unverified.append(requirement)
        elif not ok:
            self.failed.append(_excluded(cite.locator, f"不符合：{requirement}"))
            self.cited.append(cite)

    def finding(self, name: str, kind: str, all_cites: tuple[RuleCitation, ...]) -> Finding:
        eligible = not self.failed
        outputs = {
            "name": name,
            "eligible": eligible,
            "excluded_by": self.failed,
            "unverified": self.unverified,
        }
        if eligible:
            text = f"{name}符合申报{kind}的条件"
            text += f"；以下条件未提供材料，须人工核实：{'、'.join(self.unverified)}。" if self.unverified else "。"
            cited = all_cites
        else:
            text = f"{name}不予推荐：" + "；".join(f"{e['reason']}（{e['locator']}）" for e in self.failed) + "。"
            cited = tuple(dict.fromkeys(self.cited))
        return Finding(outputs, text, cited)


def _at_least(value: float | None, minimum: float) -> bool | None:
    return None if value is None else value >= minimum


def _named_long_enough(n: _TeamNominee) -> bool | None:
    return True if n.outstanding else _at_least(n.local_named_years, 2)


def studio_eligibility(n: StudioNominee) -> Finding:
    """第十条 and 第十三条 of the 职工创新工作室 办法."""
    c = _Checks()
    c.check(n.channel == "逐级推荐", "按工会隶属关系逐级推荐，不受理个人名义申报和越级申报", S_CHANNEL)
    c.check(_named_long_enough(n), "被州（市）或省级产业、系统、公司工会命名2年以上", S_NAMED)
    c.check(_at_least(n.leaders, 1), "至少有1名领军人员", S_LEADER)
    c.check(_at_least(n.team_size, ST.value("s_team")), "有3人以上的创新团队", S_TEAM)
    c.check(_at_least(n.commended_members, 1), "团队中至少有1人因创新业绩突出受到上级表彰或表扬", S_COMMENDED)
    c.check(n.has_system, "有工作制度", S_SYSTEM)
    c.check(_at_least(n.projects_per_year, 1), "每年至少承担1～2个立项的创新课题或攻关项目", S_PROJECTS)
    c.check(_at_least(n.results_in_3_years, 1), "每三年至少有1项以上成果得到认可或认定", S_RESULTS)
    c.check(n.has_place_and_funds, "有工作场所和工作经费", S_PLACE)
    return c.finding(n.name, "云南省职工创新工作室", (S_CHANNEL, S_NAMED))


_LEVEL_ORDER = {"无": 0, "初级工": 1, "中级工": 2, "高级工": 3, "技师": 4, "高级技师": 5}


def station_eligibility(n: StationNominee) -> Finding:
    """第十条 and 第十三条 of the 职工技师工作站 办法; the expert conditions differ from the studio's."""
    c = _Checks()
    c.check(n.channel == "逐级推荐", "按工会隶属关系逐级推荐，不受理个人名义申报和越级申报", T_CHANNEL)
    c.check(_named_long_enough(n), "被州（市）或省级产业、系统、公司工会命名2年以上", T_NAMED)
    c.check(n.unit_conditions, "申报单位条件", T_UNIT)
    c.check(n.expert_award, TS.text("expert_award"), T_AWARD)
    level = None if n.expert_skill_level is None else _LEVEL_ORDER[n.expert_skill_level] >= _LEVEL_ORDER["技师"]
    c.check(level, TS.text("expert_level_check"), T_LEVEL)
    c.check(None if n.expert_age is None else n.expert_age <= TS.value("t_age"), TS.text("expert_age_check"), T_AGE)
    c.check(_at_least(n.expert_months_per_year, TS.value("t_months")), TS.text("expert_months_check"), T_MONTHS)
    c.check(_at_least(n.team_size, TS.value("t_team")), "领衔一个5人以上专家团队", T_TEAM)
    return c.finding(n.name, "云南省职工技师工作站", (T_CHANNEL, T_NAMED))


# -- quotas -------------------------------------------------------------------------------------------
Programme = Literal["云岭工匠", "职工创新工作室", "职工技师工作站"]
_QUOTAS: dict[str, tuple[int, str, RuleCitation]] = {
    "云岭工匠": (YC.value("y_cap"), f"每年命名人数不超过{YC.value('y_cap')}名", Y_CAP),
    "职工创新工作室": (ST.value("s_cap"), f"每两年命名一批，原则上每批不超过{ST.value('s_cap')}个", S_CAP),
    "职工技师工作站": (TS.value("t_cap"), f"每两年命名一批，原则上每批不超过{TS.value('t_cap')}个", T_CAP),
}


class QuotaInput(StrictModel):
    programme: Programme = Field(description="选树项目：云岭工匠/职工创新工作室/职工技师工作站")
    proposed: int = Field(ge=0, le=100000, description="拟命名数量")


def selection_quota(inp: QuotaInput) -> Finding:
    cap, wording, cite = _QUOTAS[inp.programme]
    within = inp.proposed <= cap
    text = f"{inp.programme}{wording}（{cite.locator}）；拟命名{inp.proposed}个，" + (
        "未超过上限。" if within else f"超过上限{inp.proposed - cap}个。"
    )
    return Finding(
        {
            "programme": inp.programme,
            "cap": cap,
            "period": "每年" if inp.programme == "云岭工匠" else "每批（两年）",
            "proposed": inp.proposed,
            "within_cap": within,
        },
        text,
        (cite,),
    )


RULES = (
    Rule(
        "yunling_craftsman_eligibility",
        "云岭工匠申报资格：排除情形、直接认定与优先评定",
        (Y_NO_REPEAT, Y_BASIC, Y_CONDITIONS, Y_DIRECT, Y_PRIORITY, *Y_EXCLUSIONS.values()),
        CraftsmanNominee,
        craftsman_eligibility,
        {
            "name": "张明",
            "age": 45,
            "channel": "逐级推荐",
            "conditions": ["技艺精湛高超"],
            "honours": ["全国技术能手"],
        },
    ),
    Rule(
        "innovation_studio_eligibility",
        "云南省职工创新工作室申报条件",
        (S_CHANNEL, S_NAMED, S_LEADER, S_TEAM, S_COMMENDED, S_SYSTEM, S_PROJECTS, S_RESULTS, S_PLACE),
        StudioNominee,
        studio_eligibility,
        {
            "name": "李强创新工作室",
            "leader": "李强",
            "local_named_years": 3,
            "leaders": 1,
            "team_size": 6,
            "commended_members": 1,
            "has_system": True,
            "projects_per_year": 2,
            "results_in_3_years": 1,
            "has_place_and_funds": True,
        },
    ),
    Rule(
        "technician_station_eligibility",
        "云南省职工技师工作站申报条件",
        (T_CHANNEL, T_NAMED, T_UNIT, T_AWARD, T_LEVEL, T_AGE, T_MONTHS, T_TEAM),
        StationNominee,
        station_eligibility,
        {
            "name": "王刚技师工作站",
            "leader": "王刚",
            "local_named_years": 2,
            "expert_award": True,
            "expert_skill_level": "高级技师",
            "expert_age": 50,
            "expert_months_per_year": 8,
            "team_size": 6,
        },
    ),
    Rule(
        "selection_quota",
        "云岭工匠、职工创新工作室、职工技师工作站的命名数量上限",
        (Y_CAP, S_CAP, T_CAP),
        QuotaInput,
        selection_quota,
        {"programme": "云岭工匠", "proposed": 22},
    ),
)
