"""关于印发《昆明地区YYYY年职工“72行大练兵·360行出状元”竞赛活动方案》的通知, with the 方案 on a new
page, in one .docx. The 方案's paragraphs come from its base template (generators/plans/, default the
2022 plan, 昆工〔2022〕3号) with the input's overrides applied (generators/plan_template.py); its dates,
quotas and organisation are the ``kunming_annual_plan`` rule's values for the year, and every paragraph
that states a requirement is listed in the trace with the article it rests on. The departures from
the base are returned as the change list."""

from __future__ import annotations

from typing import Any

from core.errors import InvalidInput
from generators import body
from generators.flow import Flow
from generators.footer import page_numbers
from generators.header import red_header
from generators.imprint import imprint, imprint_height
from generators.models import PlanInput
from generators.package import to_bytes
from generators.plan_template import Item, apply_overrides, render_items, template
from generators.result import GeneratedDocx, safe_filename
from generators.template import new_document
from rules.kunming_plan import PlanValues, plan_outputs


def plan_items(inp: PlanInput) -> tuple[list[Item], dict[str, Any], list[dict[str, Any]]]:
    """The 方案's paragraphs (from its base template with the input's overrides), the rule outputs they
    state, and the change list against the base."""
    tpl = template(inp.base)
    applied = apply_overrides(tpl, inp.overrides.model_dump(), inp.year)
    out = plan_outputs(inp.year, PlanValues(**applied.values))
    focus = f"{inp.year}年竞赛活动重点：{'；'.join(inp.focus)}。" if inp.focus else ""
    members = [f"{m.role}：{m.name}　{m.position}" for m in inp.leading_group]
    items = render_items(tpl, applied, inp.year, {"focus": focus, "office": inp.office}, members)
    return items, out, applied.changes


def _trace(items: list[Item], requirements: list[dict[str, Any]]) -> list[dict[str, Any]]:
    by_id = {r["id"]: r for r in requirements}
    trace = []
    for item in items:
        for rid in item.requires:
            r = by_id[rid]
            trace.append(
                {
                    "section": item.section,
                    "text": item.text,
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
    items, out, changes = plan_items(inp)
    plan_title = template(inp.base).title.format(year=inp.year)
    notice_title = f"关于印发《{plan_title}》的通知"
    doc = new_document()
    flow = Flow(doc)
    red_header(flow, inp.issuers, inp.number())
    flow.blank(2, body_text=True)
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
    body.body_paragraphs(flow, [item.text for item in items])
    printer, print_date = inp.printer or f"{inp.issuers[0]}办公室", inp.print_date or issued
    flow.pad_to_bottom(imprint_height(inp.cc, printer, print_date))
    imprint(flow, inp.cc, printer, print_date)
    page_numbers(doc)
    data = to_bytes(doc, title=notice_title, author=inp.issuers[0], when=issued)
    return GeneratedDocx(data, safe_filename(notice_title), _trace(items, out["requirements"]), changes)
