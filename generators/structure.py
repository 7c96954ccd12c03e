"""Finding the GB/T 9704 elements in a document's blocks: 版头, 发文字号, title, 主送, 正文, 附件说明,
署名 and 成文日期, 附注, new-page parts (附件 or the issued 方案) and the 版记. Recognition is by
content and position, never by our own style names, so hand-edited files are judged too."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from core import docnumber
from core.dates import LOOSE_CN_DATE
from generators.docx_reader import Block, Resolver

ATTACHMENT_LABEL = re.compile(r"^附件\s*\d*$")
HEADER_SCAN = 12


@dataclass
class Structure:
    blocks: list[Block]
    kind: str  # "gongwen" (red 版头), "pledge" (承诺书) or "document"
    mark: list[Block] = field(default_factory=list)
    docno: Block | None = None
    title: Block | None = None
    recipient: Block | None = None
    body: list[Block] = field(default_factory=list)
    attachment_note: list[Block] = field(default_factory=list)
    signature: list[Block] = field(default_factory=list)
    date: Block | None = None
    annotation: Block | None = None
    parts: list[list[Block]] = field(default_factory=list)  # new-page parts after the first
    labels: list[Block] = field(default_factory=list)
    part_titles: list[Block] = field(default_factory=list)
    part_bodies: list[list[Block]] = field(default_factory=list)
    imprint: Block | None = None
    tables: list[Block] = field(default_factory=list)
    sign_block: list[Block] = field(default_factory=list)


def _text(b: Block) -> str:
    return re.sub(r"\s+", "", b.text)


def analyse(blocks: list[Block], res: Resolver) -> Structure:
    first = [b for b in blocks if b.page == 0]
    docno = next((b for b in first[:HEADER_SCAN] if b.kind == "p" and docnumber.LOOSE.match(_text(b))), None)
    nonempty = [b for b in first if not b.empty]
    kind = "document"
    if docno is not None:
        kind = "gongwen"
    elif nonempty and "承诺书" in _text(nonempty[0]):
        kind = "pledge"
    s = Structure(blocks=blocks, kind=kind, docno=docno)
    pos = 0
    if docno is not None:
        s.mark = [b for b in first if b.index < docno.index and not b.empty]
        pos = first.index(docno) + 1
    rest = [b for b in first[pos:] if not b.empty]
    if rest and rest[0].kind == "p":
        s.title = rest[0]
        rest = rest[1:]
    if rest and rest[0].kind == "p" and _text(rest[0]).endswith(("：", ":")) and len(_text(rest[0])) < 400:
        s.recipient = rest[0]
        rest = rest[1:]
    _tail(s, rest, res)
    _parts(s, blocks)
    tables = [b for b in blocks if b.kind == "tbl"]
    s.imprint = next((b for b in reversed(tables) if "印发" in b.text), None) if kind == "gongwen" else None
    s.tables = [b for b in tables if b is not s.imprint and not (s.mark and b in s.mark)]
    return s


def _tail(s: Structure, rest: list[Block], res: Resolver) -> None:
    """Split the first part after the 主送 into 正文, 附件说明, 署名/日期, 附注 (or a 承诺书 sign block)."""
    date_i = next(
        (i for i in range(len(rest) - 1, -1, -1) if rest[i].kind == "p" and LOOSE_CN_DATE.match(rest[i].text)),
        None,
    )
    if date_i is None:
        s.body = [b for b in rest if b.kind == "p"]
        return
    s.date = rest[date_i]
    after = rest[date_i + 1 :]
    if after and after[0].kind == "p" and _text(after[0]).startswith(("（", "(")):
        s.annotation = after[0]
    before = rest[:date_i]
    if s.kind == "pledge":
        i = date_i
        while i > 0 and before[i - 1].kind == "p" and re.search(r"（(盖章|签字)）|\((盖章|签字)\)", before[i - 1].text):
            i -= 1
        s.sign_block = before[i:]
        s.signature = s.sign_block
        before = before[:i]
    else:
        i = date_i
        while i > 0 and before[i - 1].kind == "p" and _is_signature(res, before[i - 1]):
            i -= 1
        s.signature = before[i:]
        before = before[:i]
    note_start = next(
        (i for i, b in enumerate(before) if _text(b).startswith("附件：") or _text(b).startswith("附件:")),
        None,
    )
    if note_start is not None:
        s.attachment_note = [b for b in before[note_start:] if b.kind == "p"]
        before = before[:note_start]
    s.body = [b for b in before if b.kind == "p"]


def _is_signature(res: Resolver, b: Block) -> bool:
    """A 署名 line: short text just above the date, set to the right (right-aligned, or centred, or
    pushed right by a large left indent)."""
    text = _text(b)
    if not 0 < len(text) <= 40 or text.endswith(("。", "：", ":", "；")) or re.match(r"^(附件|\d+[.．])", text):
        return False
    return res.alignment(b.el) in ("right", "end", "center") or res.indent_pt(b.el, "left") >= 160


def _parts(s: Structure, blocks: list[Block]) -> None:
    n_parts = max((b.page for b in blocks), default=0)
    for page in range(1, n_parts + 1):
        part = [b for b in blocks if b.page == page and b is not s.imprint]
        if not part:
            continue
        s.parts.append(part)
        nonempty = [b for b in part if not b.empty and b.kind == "p"]
        if not nonempty:
            s.part_bodies.append([])
            continue
        if ATTACHMENT_LABEL.match(_text(nonempty[0])):
            s.labels.append(nonempty[0])
            nonempty = nonempty[1:]
        if nonempty:
            s.part_titles.append(nonempty[0])
            s.part_bodies.append(nonempty[1:])
