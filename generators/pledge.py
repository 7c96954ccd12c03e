"""推荐承诺书 for 云岭工匠, 云南省职工创新工作室 and 云南省职工技师工作站 (templates: 附件1 of each 选树管理
办法, 云工办通〔2020〕22号), filled from the list of everything received: counts by channel are
computed, the programme's eligibility rule is applied to every nominee, those it excludes are listed
separately with the excluding article, and the rest go into the recommendation table."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from core.dates import cn_date
from core.numerals import int_to_cn
from generators import body
from generators.flow import Flow
from generators.footer import page_numbers
from generators.models import CraftsmanPledge, StationPledge, StudioPledge
from generators.package import to_bytes
from generators.result import GeneratedDocx, safe_filename
from generators.table import data_table
from generators.template import new_document
from generators.text_layout import text_width
from generators.typography import SIZE_BODY
from rules import RuleCitation, evaluate_rule, get_rule
from rules.craftsman import CraftsmanNominee

Pledge = CraftsmanPledge | StudioPledge | StationPledge
CHANNELS = (
    ("逐级推荐", "逐级推荐"),
    ("行业推荐", "行业（学会）推荐"),
    ("专业人士举荐", "专业人士举荐"),
    ("自荐", "自荐"),
)


@dataclass(frozen=True, slots=True)
class Programme:
    rule_id: str
    heading: str  # as in the template title: 云南省第N届{heading}推荐承诺书
    counter: str  # 名人选 / 个创新工作室 / 个技师工作站
    target: str  # 申报云岭工匠 / 申报云南省职工创新工作室 …
    excluded_counter: str  # 名申报人 / 个工作室 / 个工作站
    columns: tuple[str, ...]
    ratios: tuple[float, ...]
    aligns: tuple[str, ...]


_TEAM_ALIGNS = ("center", "left", "center", "left")
PROGRAMMES = {
    "云岭工匠": Programme(
        "yunling_craftsman_eligibility",
        "云岭工匠",
        "名人选",
        "申报云岭工匠",
        "名申报人",
        ("序号", "姓名", "年龄", "工作单位", "推荐理由"),
        (8, 13, 9, 30, 40),
        ("center", "center", "center", "left", "left"),
    ),
    "职工创新工作室": Programme(
        "innovation_studio_eligibility",
        "职工创新工作室",
        "个创新工作室",
        "申报云南省职工创新工作室",
        "个工作室",
        ("序号", "工作室名称", "工作室负责人", "工作室所在单位"),
        (8, 36, 18, 38),
        _TEAM_ALIGNS,
    ),
    "职工技师工作站": Programme(
        "technician_station_eligibility",
        "职工技师工作站",
        "个技师工作站",
        "申报云南省职工技师工作站",
        "个工作站",
        ("序号", "工作站名称", "工作站负责人", "工作站所在单位"),
        (8, 36, 18, 38),
        _TEAM_ALIGNS,
    ),
}


def _opening(inp: Pledge, spec: Programme, received: int, recommended: int) -> list[str]:
    """The template's three opening sentences, with the counts filled in."""
    session = int_to_cn(inp.session)
    cutoff, review = cn_date(inp.cutoff_date), cn_date(inp.review_date)
    source = get_rule(spec.rule_id).citations[0].doc_title
    names = "、".join(inp.expert_names)
    if isinstance(inp, CraftsmanPledge):
        counts = {key: sum(1 for n in inp.nominees if n.channel == key) for key, _ in CHANNELS}
        by_channel = "，".join(f"{label}的有{counts[key]}份" for key, label in CHANNELS)
        experts = f"特邀专家{names}等{inp.experts}人" if names else f"特邀专家共计{inp.experts}人"
        first = (
            f"根据云南省总工会办公室关于选树第{session}届云岭工匠通知要求，截至{cutoff}，"
            f"共收到云岭工匠申报材料{received}份。其中，{by_channel}。"
        )
        second = f"{review}，我单位{experts}，按照《{source}》有关规定，对{received}份申报材料进行了初审。"
    else:
        experts = f"特邀专家{names}等{inp.experts}人" if names else f"特邀专家{inp.experts}人"
        first = (
            f"根据云南省总工会办公室关于第{session}届云南省{spec.heading}选树通知要求，截至{cutoff}，"
            f"共收到申报材料{received}份。"
        )
        second = f"按照《{source}》有关规定，{review}，我单位{experts}组成评审组，对{received}份申报材料进行了初审。"
    if recommended:
        third = f"经初审，拟推荐以下{recommended}{spec.counter}{spec.target}。"
    else:
        third = f"经初审，本次无符合条件的拟推荐{spec.counter[1:]}。"
    return [first, second, third]


def _reason(nominee: CraftsmanNominee, decision: dict[str, Any]) -> str:
    """推荐理由, with the recognition route of 第六条/第七条 noted when one applies."""
    reason = nominee.reason or "、".join(nominee.conditions)
    if decision.get("route") == "直接认定":
        note = f"{'、'.join(decision['direct_honours'])}，可直接认定"
    elif decision.get("route") == "优先评定":
        note = f"{'、'.join(decision['priority_honours'])}，优先评定"
    else:
        return reason
    return f"{reason}（{note}）" if reason else note


def _recommended_row(i: int, nominee: Any, decision: dict[str, Any]) -> list[str]:
    if isinstance(nominee, CraftsmanNominee):
        age = "" if nominee.age is None else str(nominee.age)
        return [str(i), nominee.name, age, nominee.unit or "", _reason(nominee, decision)]
    return [str(i), nominee.name, nominee.leader or "", nominee.unit or ""]


def _basis(citations: Sequence[RuleCitation], locators: list[str]) -> str:
    title = citations[0].doc_title if citations else ""
    return f"《{title}》" + "、".join(dict.fromkeys(locators))


def _sign_block(flow: Flow, unit: str, when_text: str) -> None:
    lines = [f"推荐单位（盖章）：{unit}", "负责人（签字）：", when_text]
    widest = max(text_width(t) for t in lines)
    left = max(0.0, 28 - 2 - widest) * SIZE_BODY
    flow.blank(2)
    for text in lines:
        flow.paragraph(text, align="left", first_line=0, left=left, keep_with_next=text != when_text)


def build_pledge(inp: Pledge) -> GeneratedDocx:
    spec = PROGRAMMES[inp.programme]
    outputs = [evaluate_rule(spec.rule_id, n.model_dump(mode="json")) for n in inp.nominees]
    eligible = [(n, o) for n, o in zip(inp.nominees, outputs, strict=True) if o.outputs["eligible"]]
    excluded = [(n, o) for n, o in zip(inp.nominees, outputs, strict=True) if not o.outputs["eligible"]]
    title = f"云南省第{int_to_cn(inp.session)}届{spec.heading}推荐承诺书"

    doc = new_document()
    flow = Flow(doc)
    body.title(flow, title)
    flow.blank()
    flow.paragraph(f"{inp.addressee}：", first_line=0)
    opening = _opening(inp, spec, len(inp.nominees), len(eligible))
    body.body_paragraphs(flow, opening)
    if eligible:
        rows = [_recommended_row(i, n, o.outputs) for i, (n, o) in enumerate(eligible, 1)]
        data_table(flow, list(spec.columns), rows, list(spec.ratios), list(spec.aligns))
    if excluded:
        body.body_paragraphs(flow, [f"以下{len(excluded)}{spec.excluded_counter}经初审不符合申报条件，不予推荐："])
        rows = [
            [
                str(i),
                n.name,
                "；".join(e["reason"] for e in o.outputs["excluded_by"]),
                _basis(o.citations, [e["locator"] for e in o.outputs["excluded_by"]]),
            ]
            for i, (n, o) in enumerate(excluded, 1)
        ]
        data_table(
            flow,
            ["序号", "姓名" if inp.programme == "云岭工匠" else "名称", "不予推荐原因", "依据"],
            rows,
            [8, 18, 44, 30],
            ["center", "center", "left", "left"],
        )
    body.body_paragraphs(flow, ["我们承诺，对所申报材料或陈述事实的真实性负责。"])
    _sign_block(flow, inp.unit, cn_date(inp.date))
    page_numbers(doc)

    quota = evaluate_rule("selection_quota", {"programme": inp.programme, "proposed": len(eligible)})
    trace = [
        {
            "nominee": n.name,
            "eligible": o.outputs["eligible"],
            "route": o.outputs.get("route"),
            "excluded_by": o.outputs["excluded_by"],
            "unverified": o.outputs.get("unverified", []),
            "explanation": o.explanation,
            "citations": [c.to_dict() for c in o.citations],
        }
        for n, o in zip(inp.nominees, outputs, strict=True)
    ]
    trace.append(
        {
            "requirement": "命名数量上限",
            "outputs": quota.outputs,
            "explanation": quota.explanation,
            "citations": [c.to_dict() for c in quota.citations],
        }
    )
    data = to_bytes(doc, title=title, author=inp.unit, when=inp.date)
    return GeneratedDocx(data, safe_filename(title), trace)
