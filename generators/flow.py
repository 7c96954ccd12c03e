"""A document being written, with a running estimate of how far down the current page it is.

Every paragraph goes through ``Flow`` so its height can be counted: with exact line spacing a line is
always 28.95 pt, so the estimate is close, and it lets the 版记 be pushed to the foot of the last
page (GB/T 9704 7.4) without a layout engine. The estimate errs towards more lines, so padding errs
towards leaving the 版记 a line high rather than spilling it onto a new page."""

from __future__ import annotations

import math
from dataclasses import dataclass

from docx.document import Document as DocxDocument
from docx.text.paragraph import Paragraph

from generators.prototypes import add_paragraph
from generators.text_layout import chars_per_line, line_count
from generators.typography import (
    CHAR_SPACING_TWIPS,
    FANGSONG,
    LINE_PT,
    SIZE_BODY,
    TEXT_HEIGHT_PT,
)

SAFETY_LINES = 1  # one line of slack: the height estimate is not a layout engine
KEEP_WHOLE_LINES = 3  # a closing 正文 paragraph this short moves to the next page whole, not split


@dataclass(frozen=True, slots=True)
class Span:
    """A run of text with its own font (a heading's 黑体 part, then 仿宋 body text)."""

    text: str
    font: str = FANGSONG
    size: float = SIZE_BODY
    spacing: int | None = None
    color: object = None


class Flow:
    def __init__(self, doc: DocxDocument) -> None:
        self.doc = doc
        self.used = 0.0  # points used on the current page
        self.pages = 1
        self._body_on_page: list[tuple[Paragraph, int]] = []  # 正文 paragraphs (and blanks) on the current page

    # -- accounting -----------------------------------------------------------------------------
    def _advance(self, height: float) -> None:
        if self.used + height > TEXT_HEIGHT_PT + 0.01:
            self._turn_page()
        self.used += height

    def _turn_page(self) -> None:
        self.pages += 1
        self.used = 0.0
        self._body_on_page = []

    def account_lines(self, lines: int, line_pt: float = LINE_PT, before: float = 0.0) -> None:
        self.used += before
        for _ in range(lines):
            self._advance(line_pt)

    def account_block(self, height: float) -> None:
        """An unsplittable block (a table row): moves to a new page whole when it does not fit."""
        self._advance(height)

    def new_page(self) -> None:
        if self.used > 0:
            self._turn_page()

    def keep_on_page(self, height: float) -> bool:
        """Keep a closing block of ``height`` (署名 and 成文日期) with the 正文 it closes. When it does not
        fit on the current page, the text runs on: the last 正文 paragraph (whole when it is short, else
        its last line) and the blanks after it are kept with the block on the next page, so the block is
        never alone there (7.3.5.5) and no line is tightened below 28.95 pt (5.2.3, 22 lines a page).
        True when the block fits where it is."""
        if height <= TEXT_HEIGHT_PT - self.used:
            return True
        trailing: list[tuple[Paragraph, int]] = []
        for p, n in reversed(self._body_on_page):
            trailing.insert(0, (p, n))
            if p.text.strip():
                break
        if not trailing or not trailing[0][0].text.strip():
            return False  # no 正文 on this page to keep with it
        head, head_lines = trailing[0]
        moved = head_lines if head_lines <= KEEP_WHOLE_LINES else 1
        if head_lines <= KEEP_WHOLE_LINES:
            head.paragraph_format.keep_together = True
        for p, _ in trailing:
            p.paragraph_format.keep_with_next = True
        self._turn_page()
        self.used = (moved + sum(n for _, n in trailing[1:])) * LINE_PT
        return False

    # -- writing --------------------------------------------------------------------------------
    def paragraph(
        self,
        spans: list[Span] | str,
        *,
        style: str = "Normal",
        align: str = "both",
        first_line: float | None = None,
        left: float = 0.0,
        right: float = 0.0,
        line: float | None = LINE_PT,
        before: float = 0.0,
        page_break_before: bool = False,
        keep_with_next: bool = False,
        height: float | None = None,
        body_text: bool = False,
    ) -> Paragraph:
        """Add a paragraph of spans with direct formatting and count its height.

        ``height`` overrides the estimate for single-line elements with their own line height
        (the 发文机关标志, a paragraph with a border)."""
        if isinstance(spans, str):
            spans = [Span(spans)]
        fmt = {
            "align": align,
            "first_line": first_line,
            "left": left or None,
            "right": right or None,
            "line": line,
            "before": before,
            "page_break_before": page_break_before,
            "keep_with_next": keep_with_next,
        }
        p = add_paragraph(self.doc, style, fmt, [(s.text, s.font, s.size, s.spacing, s.color) for s in spans])
        if page_break_before:
            self.new_page()
        if height is not None:
            self.used += before
            self._advance(height)
            return p
        size = max((s.size for s in spans), default=SIZE_BODY)
        spacing_pt = (spans[0].spacing if spans and spans[0].spacing is not None else CHAR_SPACING_TWIPS) / 20
        per_line = chars_per_line(
            size, spacing_pt=spacing_pt if size == SIZE_BODY else 0.0, width_pt=442.2 - left - right
        )
        text = "".join(s.text for s in spans)
        indent = (first_line or 0.0) / size
        lines = sum(
            line_count(part, per_line=per_line, indent_chars=indent if i == 0 else 0.0)
            for i, part in enumerate(text.split("\n"))
        )
        pages_before = self.pages
        if keep_with_next and self.used + before + (lines + 1) * (line or LINE_PT) > TEXT_HEIGHT_PT + 0.01:
            self._turn_page()  # a heading is never left alone at the foot of a page
            pages_before = self.pages
        self.account_lines(lines, line or LINE_PT, before)
        if body_text and line == LINE_PT and not before and self.pages == pages_before:
            self._body_on_page.append((p, lines))
        return p

    def blank(self, count: int = 1, *, page_break_before: bool = False, body_text: bool = False) -> None:
        for i in range(count):
            self.paragraph("", page_break_before=page_break_before and i == 0, body_text=body_text)

    def pad_to_bottom(self, reserve: float) -> int:
        """Blank lines that bring a block of height ``reserve`` to the foot of the page; a block that
        does not fit on the current page goes to the foot of the next one. Returns lines added."""
        free = TEXT_HEIGHT_PT - self.used
        if reserve <= free:
            lines = max(math.floor((free - reserve) / LINE_PT) - SAFETY_LINES, 0)
            self.blank(lines)
            return lines
        lines = max(math.floor((TEXT_HEIGHT_PT - reserve) / LINE_PT) - SAFETY_LINES, 1)
        self.blank(lines, page_break_before=True)  # the first blank carries the page break
        return lines
