"""xx培训项目实施方案: the template attached to 《云南省工会技能培训专项资金管理办法（试行）》 (附件1,
云工办通〔2020〕22号), filled from structured input. Its eight headings are the template's; the course
table and the budget are built from the input, and the budget is checked against the 办法's limits
first (rules/training_budget.py): a line over a limit is refused with the article that sets it, and
every limit the budget keeps is listed in the trace with its article."""

from __future__ import annotations

from decimal import Decimal

from core.dates import cn_date
from generators import body
from generators.flow import Flow
from generators.footer import page_numbers
from generators.models import TrainingPlanInput
from generators.package import to_bytes
from generators.result import GeneratedDocx, safe_filename
from generators.table import data_table
from generators.template import new_document
from rules.training_budget import BudgetLine, check_budget

HEADINGS = (
    "一、培训任务及要求",
    "二、培训对象",
    "三、培训时间和地点",
    "四、培训方式",
    "五、培训课程设置",
    "六、培训经费构成",
    "七、培训组织领导和工作职责",
    "八、其他要求",
)


DEFAULT_OTHER = "按《云南省工会技能培训专项资金管理办法（试行）》执行。"


def _number(value: float | Decimal) -> str:
    d = Decimal(str(value)).quantize(Decimal("0.01"))
    return str(int(d)) if d == d.to_integral_value() else f"{d:.2f}"


def build_training_plan(inp: TrainingPlanInput) -> GeneratedDocx:
    days = inp.days()
    lines = [BudgetLine(b.item, b.category, Decimal(str(b.amount_yuan))) for b in inp.budget]
    standard = Decimal(str(inp.standard_total_yuan)) if inp.standard_total_yuan is not None else None
    checks = check_budget(inp.programme, days, inp.trainees, lines, standard)
    title = f"{inp.project}实施方案"
    total_hours = sum(Decimal(str(c.hours)) for c in inp.courses)
    total_yuan = sum((line.amount_yuan for line in lines), Decimal(0))

    doc = new_document()
    flow = Flow(doc)
    body.title(flow, title)
    flow.blank()
    body.body_paragraphs(flow, [HEADINGS[0], *inp.tasks])
    body.body_paragraphs(
        flow,
        [HEADINGS[1], f"{inp.programme}，培训{inp.trainees}人。{inp.trainee_description}"],
    )
    when = (
        f"{cn_date(inp.start)}至{cn_date(inp.end)}，共{days}天"
        if inp.end != inp.start
        else f"{cn_date(inp.start)}，共1天"
    )
    body.body_paragraphs(flow, [HEADINGS[2], f"培训时间：{when}。", f"培训地点：{inp.place}。"])
    body.body_paragraphs(flow, [HEADINGS[3], inp.method])
    body.body_paragraphs(flow, [HEADINGS[4], f"共{len(inp.courses)}门课程，合计{_number(total_hours)}学时。"])
    rows = [[str(i), c.name, c.kind, _number(c.hours)] for i, c in enumerate(inp.courses, 1)]
    data_table(
        flow, ["序号", "课程名称", "类型", "学时"], rows, [10, 56, 18, 16], ["center", "left", "center", "center"]
    )
    body.body_paragraphs(flow, [HEADINGS[5], f"培训经费合计{_number(total_yuan)}元，构成如下："])
    rows = [[str(i), b.item, b.category, _number(b.amount_yuan)] for i, b in enumerate(inp.budget, 1)]
    data_table(
        flow, ["序号", "经费项目", "类别", "金额（元）"], rows, [10, 46, 22, 22], ["center", "left", "center", "right"]
    )
    body.body_paragraphs(flow, [HEADINGS[6], *inp.leadership])
    body.body_paragraphs(
        flow, [HEADINGS[7], *(inp.other or ["按《云南省工会技能培训专项资金管理办法（试行）》执行。"])]
    )
    body.signature_and_date(flow, [inp.organiser], inp.date, sealed=True)
    page_numbers(doc)
    data = to_bytes(doc, title=title, author=inp.organiser, when=inp.date)
    return GeneratedDocx(data, safe_filename(title), [c.to_dict() for c in checks])
