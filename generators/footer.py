"""页码 (GB/T 9704 7.5): "— N —" in 4号 半角宋体 under the 版心, odd pages right and even pages left,
each 空一字 from its edge; the PAGE field keeps counting through attachments bound with the body."""

from __future__ import annotations

from docx.document import Document as DocxDocument
from docx.text.paragraph import Paragraph

from generators.oxml import add_page_field
from generators.typography import SIZE_FOOTER, SONGTI, format_paragraph, set_run_font


def _number(p: Paragraph, *, align: str) -> None:
    side = SIZE_FOOTER  # 一字
    format_paragraph(
        p,
        align=align,
        first_line=0,
        left=side if align == "left" else None,
        right=side if align == "right" else None,
        line=None,
    )

    def run(text: str):
        return set_run_font(p.add_run(text), SONGTI, SIZE_FOOTER, latin=SONGTI, spacing=0)

    run("— ")
    add_page_field(p, run)
    run(" —")


def page_numbers(doc: DocxDocument) -> None:
    doc.settings.odd_and_even_pages_header_footer = True
    for section in doc.sections:
        section.different_first_page_header_footer = False
        section.footer.is_linked_to_previous = False
        section.even_page_footer.is_linked_to_previous = False
        _number(section.footer.paragraphs[0], align="right")
        _number(section.even_page_footer.paragraphs[0], align="left")
