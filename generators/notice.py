"""通知 with a red 版头: 版头, title, 主送, 正文, 附件说明, 署名 and 成文日期, 附注, 版记 at the foot of
the last page, and odd/even page numbers."""

from __future__ import annotations

from core.errors import InvalidInput
from generators import body
from generators.flow import Flow
from generators.footer import page_numbers
from generators.header import red_header
from generators.headings import heading_mistake, sequence_problems
from generators.imprint import imprint, imprint_height
from generators.models import NoticeInput
from generators.package import to_bytes
from generators.result import GeneratedDocx, safe_filename
from generators.template import new_document


def check_body(paragraphs: list[str], field: str = "body") -> None:
    """Refuse mistyped heading numbers ("1、", "(一)") and broken sequences, naming the paragraph."""
    lines: list[tuple[int, str]] = [
        (i, line.strip()) for i, block in enumerate(paragraphs) for line in block.split("\n") if line.strip()
    ]
    for i, text in lines:
        if mistake := heading_mistake(text):
            raise InvalidInput(f"字段 {field}[{i}]：{mistake}（“{text[:12]}…”）")
    for k, expected, found in sequence_problems([t for _, t in lines]):
        raise InvalidInput(f"字段 {field}[{lines[k][0]}]：层次序号应为“{expected}”，收到“{found}”")


def build_notice(inp: NoticeInput) -> GeneratedDocx:
    check_body(inp.body)
    if inp.print_date and inp.print_date < inp.date:
        raise InvalidInput("字段 print_date：印发日期不能早于成文日期")
    doc = new_document()
    flow = Flow(doc)
    red_header(flow, inp.issuers, inp.doc_number, with_wenjian=inp.with_wenjian)
    flow.blank(2, body_text=True)
    body.title(flow, inp.title)
    body.recipients(flow, inp.recipients)
    body.body_paragraphs(flow, inp.body)
    body.attachment_note(flow, inp.attachments)
    body.signature_and_date(flow, inp.signature or inp.issuers, inp.date, sealed=inp.sealed, annotation=inp.annotation)
    body.annotation(flow, inp.annotation)
    printer, print_date = inp.printer or inp.issuers[0], inp.print_date or inp.date
    flow.pad_to_bottom(imprint_height(inp.cc, printer, print_date))
    imprint(flow, inp.cc, printer, print_date)
    page_numbers(doc)
    data = to_bytes(doc, title=inp.title, author=inp.issuers[0], when=inp.date)
    return GeneratedDocx(data, safe_filename(inp.title), [])
