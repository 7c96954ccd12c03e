"""Small readers for assertions on generated documents."""

from __future__ import annotations

from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph


def east_asia(run) -> str | None:
    rpr = run._r.rPr
    fonts = rpr.find(qn("w:rFonts")) if rpr is not None else None
    return fonts.get(qn("w:eastAsia")) if fonts is not None else None


def nonempty(paragraphs: list[Paragraph]) -> list[Paragraph]:
    return [p for p in paragraphs if p.text.strip()]


def find(paragraphs: list[Paragraph], text: str) -> Paragraph:
    return next(p for p in paragraphs if text in p.text)


def all_text(doc) -> str:
    parts = [p.text for p in doc.paragraphs]
    for table in doc.tables:
        for row in table.rows:
            parts += [c.text for c in row.cells]
    return "\n".join(parts)
