"""关于印发《昆明地区YYYY年职工“72行大练兵·360行出状元”竞赛活动方案》的通知, with the 方案 on a new
page, in one .docx. The 方案's dates, quotas, organisation, funding and requirements all come from
the ``kunming_annual_plan`` rule's outputs for the requested year, and every paragraph that states a
requirement is listed in the trace with the article (昆工〔2022〕3号) it rests on."""

from __future__ import annotations

from datetime import date
from typing import Any

from core.dates import cn_date
from core.errors import InvalidInput
from generators import body
from generators.flow import Flow
from generators.footer import page_numbers
from generators.header import red_header
from generators.imprint import imprint, imprint_height
from generators.models import PlanInput
from generators.package import to_bytes
from generators.result import GeneratedDocx, safe_filename
from generators.template import new_document
from rules import evaluate_rule
from rules.kunming_plan import LOCAL_UNITS

# One entry per paragraph: (section locator in the new 方案, text, requirement ids it states).
Item = tuple[str, str, tuple[str, ...]]


def _d(iso: str) -> str:
    return cn_date(date.fromisoformat(iso))


def plan_items(out: dict[str, Any], inp: PlanInput) -> list[Item]:
    """The 方案's paragraphs for one year, written from the rule outputs."""
    m, q = out["milestones"], out["quotas"]
    launch, half, done, summary = (
        _d(m["launch_by"]),
        _d(m["half_by"]),
        _d(m["all_done_by"]),
        _d(m["summary_by"]),
    )
    districts = "、".join(q["main_urban_districts"]["districts"])
    mu, oc = q["main_urban_districts"], q["other_counties"]
    hosts, organisers = "、".join(out["organisation"]["hosts"]), "、".join(out["organisation"]["organisers"])
    focus = f"{inp.year}年竞赛活动重点：{'；'.join(inp.focus)}。" if inp.focus else ""
    items: list[Item] = [
        ("一、", "一、指导思想和目的", ()),
        (
            "一、",
            "以全面推动技能人才队伍建设为目标，以提升职业技能竞赛科学化、规范化、专业化水平为核心，充分发挥职业技能竞赛"
            "在技能人才培养中的积极作用，组织全市广大职工开展以技能提升、技术创新为重点的劳动和技能竞赛活动，为昆明地区"
            "百万职工“学技术、练技能、强素质”搭建平台，提高职工队伍创新能力，拓展职工技能人才成长渠道，培育更多高素质劳动者。",
            (),
        ),
        ("二、", "二、目标任务", ()),
        (
            "二、",
            "以弘扬劳模精神、劳动精神、工匠精神，培养一支学习型、知识型、技能型、创新型职工队伍为目标，以岗位竞赛、"
            "职业技能竞赛、技能提升、技术创新等活动为主要内容，在全市各行各业职工中开展“72行大练兵·360行出状元”竞赛活动，"
            "使全市职工技能素质明显提升，技术工人队伍明显壮大，高技能人才明显增多，技术创新成果大量涌现，促进企业提质增效。"
            + focus,
            (),
        ),
        ("三、", "三、活动内容及时间安排", ()),
        ("三、（一）", "（一）广泛开展劳动和职业技能竞赛，促进职工成长成才", ()),
        (
            "三、（一）",
            f"市级职工职业技能竞赛。按照“2+X”的方式开展，由{out['organisation']['hosts'][0]}、"
            f"{out['organisation']['hosts'][1]}联合相关市级职能部门组织市级职业技能竞赛，全年组织开展不少于"
            f"{q['city_level_competitions_min']}场次全市性职工职业技能竞赛。",
            ("city_competitions",),
        ),
        ("三、（一）", f"时间：{done}前完成。", ("city_competitions",)),
        (
            "三、（一）",
            "各县（市）区，各国家级、省级开发（度假）园区和产业要将组织开展劳动和职业技能竞赛与区域经济发展重点相结合，"
            f"把劳动竞赛、岗位练兵、技能竞赛和创新活动形成常态化。主城五区（{districts}）组织开展不少于{mu['times_min']}次"
            f"{mu['trades_min']}个工种的区级职工职业技能竞赛；其他县（市）区组织开展不少于{oc['times_min']}次{oc['trades_min']}"
            "个工种的县（市）区级技能竞赛；各产业、行业、企业根据自身实际情况组织相应的职工练兵、竞赛和技术创新活动。",
            ("main_district_competitions", "county_competitions"),
        ),
        (
            "三、（一）",
            f"时间：{half}前须完成年度工作的50%以上；{done}前全部完成。",
            ("half_by_july", "all_by_november"),
        ),
        ("三、（二）", "（二）大力开展各类培训，提升一线职工技术技能素质", ()),
        (
            "三、（二）1",
            "1.加大力度开展培训。采取“全员发动、全员培训、全员提升”的形式，鼓励、支持广大职工（农民工）参加各类培训，"
            f"组织职工参加多种形式的在岗和转岗培训，确保按要求完成昆明市技能人才培训工作。时间：{done}前完成。",
            ("training",),
        ),
        (
            "三、（二）2",
            "2.深入开展“师徒传帮带”活动。以传授和学习技术“绝招、绝技、绝活”为重点，广泛组织岗位创新、师带徒和小发明、"
            f"小创造、小革新、小设计、小建议等“五小”群众性技术创新竞赛。时间：{done}前完成。",
            ("mentoring",),
        ),
        ("三、（三）", "（三）深化职工技术创新工程，激发创新创造活力", ()),
        (
            "三、（三）",
            "常态化开展技术革新、技术攻关、发明创造活动，有针对性地创建一批创新工作室、技师工作站。"
            f"时间：{done}前完成。",
            ("innovation",),
        ),
        ("三、（四）", "（四）开展劳模精神、劳动精神、工匠精神宣传，弘扬社会主义核心价值观", ()),
        (
            "三、（四）",
            "组织劳动模范、云岭工匠、昆明工匠、技术状元等进学校、进企业、进车间（班组）、进社区（乡村）开展成长、"
            "成才事迹宣讲和技艺传承活动。时间：不定期组织。",
            ("publicity",),
        ),
        ("四、", "四、方法步骤", ()),
        ("四、（一）", "（一）第一阶段：活动启动。", ()),
        ("四、（一）1", f"1.时间：{launch}前。", ("phase1",)),
        ("四、（一）2", "2.主要工作：制定实施方案，安排部署活动。", ("phase1",)),
        ("四、（二）", f"（二）第二阶段：{LOCAL_UNITS}，行业、企业开展技术练兵、职业技能竞赛。", ()),
        ("四、（二）1", f"1.时间：{done}前全部完成。", ("phase2",)),
        (
            "四、（二）2",
            f"2.主要工作：由{LOCAL_UNITS}、行业、企业自行组织开展最能展现各自产业特色的劳动和职工职业技能竞赛。",
            ("phase2",),
        ),
        (
            "四、（二）3",
            f"3.要求：{LOCAL_UNITS}组织的劳动和职工技能竞赛在{half}前须完成年度工作的50%以上。",
            ("phase2_half",),
        ),
        ("四、（三）", "（三）第三阶段：市级集中开展技术技能竞赛。", ()),
        ("四、（三）1", f"1.时间：{done}前。", ("phase3",)),
        (
            "四、（三）2",
            "2.主要工作：由市总工会、市人力资源和社会保障局牵头，联合市级有关部门，组织开展全市性劳动和技能竞赛。",
            ("phase3",),
        ),
        (
            "四、（三）3",
            f"3.要求：{LOCAL_UNITS}，各相关单位在组织开展技能竞赛的同时，积极承办市级职业技能竞赛，选拔优秀选手参加"
            "市级劳动和技能竞赛。",
            ("phase3_hosting",),
        ),
        ("四、（四）", "（四）第四阶段：总结。", ()),
        ("四、（四）1", f"1.时间：{summary}前。", ("phase4",)),
        (
            "四、（四）2",
            "2.主要工作：开展竞赛和创新活动成果展示，总结工作经验，通报在市级劳动和技能竞赛中成绩突出的单位和个人。",
            ("phase4",),
        ),
        (
            "四、（四）3",
            f"3.要求：{LOCAL_UNITS}、行业、企业积极向市总工会、市人力资源和社会保障局申报（推荐）优秀领军人才。",
            ("phase4_recommend",),
        ),
        ("五、", "五、组织机构", ()),
        ("五、（一）", f"（一）主办单位：{hosts}。", ("hosts",)),
        ("五、（二）", f"（二）承办单位：{organisers}。", ("organisers",)),
        (
            "五、（三）",
            "（三）竞赛活动领导小组：领导小组由主办单位相关领导组成，负责活动的总体策划、整体推进，统筹安排练兵活动的"
            "各项事宜。",
            ("leading_group",),
        ),
    ]
    for member in inp.leading_group:
        items.append(("五、（三）", f"{member.role}：{member.name}　{member.position}", ()))
    items += [
        ("五、（三）", f"领导小组下设办公室在{inp.office}，负责活动的具体实施。", ("leading_group",)),
        ("六、", "六、经费使用", ()),
        (
            "六、",
            "市级职工职业技能竞赛、职工（农民工）培训、技术创新活动等经费由市总工会、市人力资源和社会保障局筹集。各县（市）区、"
            "行业、企业岗位练兵、技能竞赛、职工（农民工）培训、技术创新活动实行分级负责筹集经费。",
            ("funding",),
        ),
        ("七、", "七、有关要求", ()),
        (
            "七、（一）",
            "（一）精心组织，确保工作落到实处。各单位要高度重视，把活动纳入各单位“一把手”工程，成立活动领导小组，"
            "加强对活动的组织领导，做到周密安排，精心组织，确保各项工作落实到位。",
            ("leadership",),
        ),
        (
            "七、（二）",
            "（二）加大经费投入，保障活动顺利开展。全市各级工会、人力资源和社会保障部门要建立完善经费保障机制，"
            "安排专项经费用于开展练兵、竞赛、培训活动。",
            ("budget",),
        ),
        (
            "七、（三）",
            "（三）广泛宣传，营造良好氛围。要充分利用网站、电视、报刊、微信平台等做好劳模精神、劳动精神、工匠精神宣传，"
            "大力营造人人参与竞赛、人人参与创新的浓厚氛围。",
            ("publicity_req",),
        ),
        (
            "七、（四）",
            "（四）选先树优，发挥典型示范引领作用。竞赛承办单位委托具有资质的昆明市内职业技能等级评价机构，对在市级"
            "职工职业技能竞赛中获决赛第一名的选手，破格晋升为三级职业技能等级；已具有三级职业技能等级的，破格晋升为二级职业"
            "技能等级（最高至职业技能等级二级）。符合条件的，按相关规定推荐参加市级以上先进个人、先进集体评选。",
            ("champion_promotion",),
        ),
    ]
    return items


def _trace(items: list[Item], requirements: list[dict[str, Any]]) -> list[dict[str, Any]]:
    by_id = {r["id"]: r for r in requirements}
    trace = []
    for section, text, ids in items:
        for rid in ids:
            r = by_id[rid]
            trace.append(
                {
                    "section": section,
                    "text": text,
                    "requirement": r["text"],
                    "date": r["date"],
                    "doc_number": r["doc_number"],
                    "doc_title": r["doc_title"],
                    "locator": r["locator"],
                }
            )
    return trace


def build_plan(inp: PlanInput) -> GeneratedDocx:
    try:
        issued = inp.issue_date()
    except ValueError as exc:
        raise InvalidInput(str(exc)) from None
    out = evaluate_rule("kunming_annual_plan", {"year": inp.year}).outputs
    plan_title = out["title"]
    notice_title = f"关于印发《{plan_title}》的通知"
    doc = new_document()
    flow = Flow(doc)
    red_header(flow, inp.issuers, inp.number())
    flow.blank(2, squeezable=True)
    body.title(flow, notice_title)
    body.recipients(flow, inp.recipients)
    body.body_paragraphs(flow, [inp.notice_body or f"现将《{plan_title}》印发给你们，请按要求，认真组织开展竞赛活动。"])
    body.signature_and_date(flow, inp.issuers, issued, sealed=inp.sealed, annotation=inp.annotation)
    body.annotation(flow, inp.annotation)
    if inp.attachment_label:
        body.attachment_label(flow, "附件")
        body.title(flow, plan_title)
    else:
        body.title(flow, plan_title, page_break_before=True)
    flow.blank()
    items = plan_items(out, inp)
    body.body_paragraphs(flow, [text for _, text, _ in items])
    printer, print_date = inp.printer or f"{inp.issuers[0]}办公室", inp.print_date or issued
    flow.pad_to_bottom(imprint_height(inp.cc, printer, print_date))
    imprint(flow, inp.cc, printer, print_date)
    page_numbers(doc)
    data = to_bytes(doc, title=notice_title, author=inp.issuers[0], when=issued)
    return GeneratedDocx(data, safe_filename(notice_title), _trace(items, out["requirements"]))
