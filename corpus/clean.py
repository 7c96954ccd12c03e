"""Cleaning: raw extracted lines → paragraphs whose every character maps back to its source line.

PDF extraction leaves running headers, page numbers (``··151``), lines hard-wrapped mid-word (also
across page breaks), spaced-out letterhead text, bold headings extracted twice and tables extracted
one character per line. Each fix here works on (character, source line) pairs, so whatever the text
becomes, a citation can still point at the original lines.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from core import docnumber
from core.dates import CN_DATE
from core.locator import MARKERS, marker_at
from core.sentences import ENDS
from core.text import compact

# -- thresholds, named once ----------------------------------------------------------------------
TABLE_CELL_MAX_CHARS = 3  # a "line" this short inside a run is one cell fragment of a table
TABLE_MIN_RUN = 8  # this many fragments in a row make a character-per-line table block
HEADER_MAX_CHARS = 24  # running headers are short
HEADER_MIN_REPEATS = 2  # …and recur
SHORT_LINE_RATIO = 0.72  # a line shorter than this share of the file's wrap width ends its paragraph
DOUBLED_MIN_SHARE = 0.8  # share of a prefix that must be doubled before it is collapsed

_CJK = r"\u3400-\u9fff"
_PAGE_NUMBER = re.compile(r"^[·•‧∙.\-—－\s]*[·•‧∙]{1,3}\s*\d{1,4}\s*$|^[-—－]\s*\d{1,4}\s*[-—－]$")
_DATE_LINE = re.compile(rf"^{CN_DATE}$")  # matched on the line without spaces
_LINE_COMPLETE = tuple(ENDS + "：:;!?…")  # a line ending in these ends its paragraph
_CLOSERS = tuple("”’」』）)】")
# besides the heading markers, a line opens a unit with an attachment label, a dash, or "1)" / "(1." items
_OTHER_STARTS = re.compile(r"^(附件|——|\(?[0-9]{1,2}[.．、)）](?![0-9]))")
_DOUBLED_MARKER = re.compile(r"^(\d{1,2})\1[.．]{2}|^（（|^———")
_LETTERHEAD = re.compile(rf"^[{_CJK}\s]{{2,40}}文件[{_CJK}\s]{{0,40}}$")
_MARKDOWN = re.compile(r"^\s*(#{1,6}\s+|---+\s*$|\*\*\*+\s*$)")


@dataclass(frozen=True, slots=True)
class Paragraph:
    """A run of cleaned text; ``lines[i]`` is the 1-based source line of ``text[i]``."""

    text: str
    lines: tuple[int, ...]
    page_start: bool = False  # its first line opened a PDF page (extraction marks it with a leading space)
    table: bool = False  # rebuilt from a character-per-line table block

    @property
    def line_start(self) -> int:
        return self.lines[0]

    @property
    def line_end(self) -> int:
        return self.lines[-1]

    def slice(self, start: int, end: int) -> Paragraph:
        return Paragraph(self.text[start:end], self.lines[start:end], self.page_start and start == 0, self.table)


@dataclass(frozen=True, slots=True)
class _Line:
    number: int
    text: str
    page_start: bool


def clean(raw_lines: Sequence[str]) -> list[Paragraph]:
    """The whole cleaning pipeline for one file."""
    lines = _drop_noise(raw_lines)
    width = _wrap_width(lines)
    paragraphs = _join(lines, width)
    return [_collapse_doubled(p) for p in paragraphs]


# -- noise -------------------------------------------------------------------------------------
def _drop_noise(raw_lines: Sequence[str]) -> list[_Line]:
    raw_lines = strip_markup(raw_lines)
    headers = running_headers(raw_lines)
    kept: list[_Line] = []
    for number, raw in enumerate(raw_lines, start=1):
        page_start = raw.startswith((" ", "\u3000")) and raw.strip() != ""
        text = raw.strip().replace("\ufeff", "")
        if not text or _is_noise(text, headers):
            continue
        text = _MARKDOWN.sub("", text).strip()
        text = normalise_spaces(text)
        if text:
            kept.append(_Line(number, text, page_start))
    return kept


def strip_markup(raw_lines: Sequence[str]) -> list[str]:
    """The lines without HTML comments (which may span lines: ``<!-- INFO END -->`` in a Markdown law)
    and HTML tags (``<br>``, ``<p align=center>``), one output line per input line so every
    character keeps its source line. Only ASCII-named tags count: ``<劳动法>`` stands for 《劳动法》."""
    out: list[str] = []
    in_comment = False
    for raw in raw_lines:
        kept = ""
        rest = raw
        while rest:
            if in_comment:
                end = rest.find("-->")
                if end < 0:
                    rest = ""
                    break
                rest = rest[end + 3 :]
                in_comment = False
            else:
                start = rest.find("<!--")
                if start < 0:
                    kept += rest
                    break
                kept += rest[:start]
                rest = rest[start + 4 :]
                in_comment = True
        out.append(_HTML_TAG.sub("", kept))
    return out


_HTML_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9]*(?:\s[^<>]*)?/?>")


def running_headers(raw_lines: Sequence[str]) -> set[str]:
    """Short lines that recur and sit right after a page number or open a page: the compilation's
    running headers ("四、省总工会文件"). Found from the file itself, not from a list."""
    stripped = [r.strip() for r in raw_lines]
    counts = Counter(s for s in stripped if s and len(s) <= HEADER_MAX_CHARS)
    headers: set[str] = set()
    for i, text in enumerate(stripped):
        if not text or _SENTENCE_END_RE.search(text) or len(text) > HEADER_MAX_CHARS:
            continue
        if counts[text] < HEADER_MIN_REPEATS and not _HEADER_WORDS.search(text):
            continue
        if text.isdigit() or len(text) <= TABLE_CELL_MAX_CHARS:
            continue
        window = [s for s in stripped[max(0, i - 5) : i] if s]
        if window and _PAGE_NUMBER.match(window[-1]):
            headers.add(text)
    return headers


_SENTENCE_END_RE = re.compile(rf"[{ENDS}]$")
_HEADER_WORDS = re.compile(
    r"(文件|汇编|选编|文件集)$"
)  # a once-seen line after a page number is a header if it names the book


def _is_noise(text: str, headers: set[str]) -> bool:
    if _PAGE_NUMBER.match(text) or text in headers:
        return True
    if text in {"★", "☆", "*"}:
        return True
    # a red letterhead pulled out of place: issuer names run together with 文件, no punctuation
    return bool(_LETTERHEAD.match(text)) and text.count("文件") == 1 and not text.endswith(("通知", "文件"))


def normalise_spaces(text: str) -> str:
    """Collapse spaced-out characters (昆 明 市 总 工 会 → 昆明市总工会) and spaces beside digits
    (2018年 12月 → 2018年12月), but keep spaces that separate words in titles and issuer lists."""
    tokens = text.replace("\u3000", " ").split()
    merged: list[str] = []
    spaced_out: list[bool] = []  # whether merged[i] was built from single spaced-out characters
    for token in tokens:
        single = len(token) == 1 and re.match(rf"[{_CJK}]", token) is not None
        if single and spaced_out and spaced_out[-1]:
            merged[-1] += token
        else:
            merged.append(token)
            spaced_out.append(single)
    out = merged[0] if merged else ""
    for token in merged[1:]:
        out += token if _joinable(out[-1], token[0]) else " " + token
    return out


def _joinable(left: str, right: str) -> bool:
    """Whether the space between two characters is an extraction artefact."""
    digit = str.isdigit
    cjk = re.compile(rf"[{_CJK}]")
    punct = "，。、；：？！“”‘’《》（）〔〕【】—·%％．.:"
    if digit(left) and (cjk.match(right) or right in punct):
        return True
    if digit(right) and (cjk.match(left) or left in punct):
        return True
    return left in punct or right in punct


# -- joining -----------------------------------------------------------------------------------
def _wrap_width(lines: Sequence[_Line]) -> int:
    """The file's hard-wrap width: what a full line holds, read off the longer lines."""
    lengths = sorted(len(line.text) for line in lines if len(line.text) > TABLE_CELL_MAX_CHARS)
    if not lengths:
        return 40
    return max(12, lengths[int(len(lengths) * 0.8)])


def _join(lines: Sequence[_Line], width: int) -> list[Paragraph]:
    paragraphs: list[Paragraph] = []
    buf_text: list[str] = []
    buf_lines: list[int] = []
    buf_page = False
    prev: _Line | None = None

    def flush(table: bool = False) -> None:
        nonlocal buf_text, buf_lines, buf_page
        if buf_text:
            paragraphs.append(Paragraph("".join(buf_text), tuple(buf_lines), buf_page, table))
        buf_text, buf_lines, buf_page = [], [], False

    i = 0
    while i < len(lines):
        run_end = _table_run_end(lines, i)
        if run_end - i >= TABLE_MIN_RUN:
            flush()
            for line in lines[i:run_end]:
                buf_text.append(line.text.replace(" ", ""))
                buf_lines.extend([line.number] * len(line.text.replace(" ", "")))
            flush(table=True)
            prev = None
            i = run_end
            continue
        line = lines[i]
        if prev is None or _starts_paragraph(prev, line, width):
            flush()
            buf_page = line.page_start
        buf_text.append(line.text)
        buf_lines.extend([line.number] * len(line.text))
        prev = line
        i += 1
    flush()
    return paragraphs


def _table_run_end(lines: Sequence[_Line], start: int) -> int:
    end = start
    while (
        end < len(lines)
        and len(lines[end].text.replace(" ", "")) <= TABLE_CELL_MAX_CHARS
        and (end == start or lines[end].number - lines[end - 1].number <= 3)
    ):
        end += 1
    # tolerate the odd longer fragment ("1 2 3") inside a long run
    return end


def _starts_paragraph(prev: _Line, line: _Line, width: int) -> bool:
    prev_text = prev.text
    complete = prev_text.endswith(_LINE_COMPLETE) or (prev_text.endswith(_CLOSERS) and len(prev_text) < width * 0.95)
    short = len(prev_text) < width * SHORT_LINE_RATIO
    if _DATE_LINE.match(compact(prev_text)) or _DATE_LINE.match(compact(line.text)):
        return True
    if docnumber.parse(line.text) or docnumber.parse(prev_text):
        return True
    if len(prev_text) <= 2 and len(line.text) <= 4 and not _starts_unit(prev_text) and not _starts_unit(line.text):
        return False  # a form's cell label broken over lines ("培训" / "人数")
    if _DOUBLED_MARKER.match(line.text):
        return True
    if _starts_unit(line.text):
        found = marker_at(line.text, ("chapter", "article"))
        strong = found is not None and line.text[found[1].end() : found[1].end() + 1].isspace()
        heading_before = _starts_unit(prev_text) and not prev_text.endswith("，、")
        return strong or complete or short or heading_before
    return complete or short


def _starts_unit(text: str) -> bool:
    """Whether a line opens a numbered unit (a heading marker, 附件, a dash)."""
    return marker_at(text, MARKERS) is not None or _OTHER_STARTS.match(text) is not None


# -- doubled bold headings ---------------------------------------------------------------------
def _collapse_doubled(paragraph: Paragraph) -> Paragraph:
    """ "11.. 完善理论武装制度完善理论武装制度。。建立…" → "1. 完善理论武装制度。建立…".

    Bold runs are extracted twice, piece by piece, up to a doubled full stop; only a prefix that is
    (nearly) all pairs is collapsed, so genuine repeats in running text ("人人", "常常") stay."""
    text = paragraph.text
    stop = text.find("。。")
    if stop < 0 or stop > 120:
        return paragraph
    prefix_end = stop + 2
    keep: list[int] = []
    doubled = 0
    i = 0
    while i < prefix_end:
        size = _longest_repeat(text, i, prefix_end)
        if size:
            keep.extend(range(i, i + size))
            doubled += 2 * size
            i += 2 * size
        else:
            keep.append(i)
            i += 1
    non_space = sum(1 for ch in text[:prefix_end] if not ch.isspace())
    if doubled < DOUBLED_MIN_SHARE * non_space:
        return paragraph
    keep.extend(range(prefix_end, len(text)))
    return Paragraph(
        "".join(text[k] for k in keep), tuple(paragraph.lines[k] for k in keep), paragraph.page_start, paragraph.table
    )


def _longest_repeat(text: str, start: int, limit: int) -> int:
    for size in range((limit - start) // 2, 0, -1):
        if text[start : start + size] == text[start + size : start + 2 * size]:
            return size
    return 0
