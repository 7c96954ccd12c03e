"""Splitting a cleaned file into documents, from the text's own structure.

A notice is anchored on its 发文字号 line, with its title just before (compilations) or just after
(a letterhead page). The documents it issues are the 《…》 names in its own title and body, found
again as headings after its 落款 date; attachments are the names in an "附件：" list, found again
after it. Text before the first notice, or a file with no 文号 at all, is a document of its own kind
(preface, news, summary). Nothing here knows any particular title.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from core import docnumber
from core.dates import ANY_DATE, CN_DATE, iso_from, iso_from_any
from core.locator import marker_at
from core.text import compact, title_key
from corpus.clean import Paragraph
from corpus.frontmatter import effective_in, is_front_matter_line, organ_of, read_front_matter
from corpus.model import DocKind

DATE = re.compile(rf"^{CN_DATE}(印发)?$")  # a 落款 or 印发 date line, matched without spaces
# an untitled text that opens by dating what was done ("2021年，……工作……") reports on that year
_SUMMARY_OPENING = re.compile(r"\d{4}年[^。]{0,80}工作")
SUMMARY_LEAD_CHARS = 200
_NEWS_STAMP = re.compile(r"^(?P<d>\d{2})\.(?P<m>\d{2})\.(?P<y>\d{4})\s*\d{1,2}:\d{2}$")
_QUOTED = re.compile(r"《([^《》]{4,80})》")
_ATTACH_LIST = re.compile(r"^附\s*件[：:]\s*(?:1[.．、]\s*)?(?P<first>.+)$")
_ATTACH_ITEM = re.compile(r"^(?P<n>\d{1,2})[.．、]\s*(?P<title>.+)$")
_ATTACH_LABEL = re.compile(r"^附\s*件\s*(?P<n>\d{0,2})")
_ISSUER_END = r"(会|局|厅|部|委|办公室|协会|政府|小组|中心)$"
MAX_TITLE_CHARS = 160
MAX_TITLE_LINE = 48

# title suffix → kind, longest first so 实施方案 is a 方案 and 任务分工 a table
KIND_SUFFIXES: tuple[tuple[str, DocKind], ...] = (
    ("承诺书", DocKind.PLEDGE),
    ("任务分工", DocKind.TABLE),
    ("通知", DocKind.NOTICE),
    ("条例", DocKind.REGULATION),
    ("解释", DocKind.INTERPRETATION),
    ("决定", DocKind.DECISION),
    ("公告", DocKind.ANNOUNCEMENT),
    ("函", DocKind.LETTER),
    ("办法", DocKind.MEASURES),
    ("细则", DocKind.RULES),
    ("规定", DocKind.PROVISIONS),
    ("方案", DocKind.SCHEME),
    ("规划", DocKind.PROGRAM),
    ("意见", DocKind.OPINION),
    ("计划", DocKind.ACTION_PLAN),
    ("制度", DocKind.SYSTEM),
    ("表", DocKind.TABLE),
    ("证书", DocKind.FORM),
    ("图", DocKind.FORM),
)
_LAW_TITLE = re.compile(r"(?<![方做说看想手写用])法典?$")  # 劳动法, 民法典; not 方法, 做法
_ORDER_TITLE = re.compile(r"^(?P<issuer>[\u4e00-\u9fff]{2,24})令$")
NORMATIVE_TITLE_KINDS = frozenset(
    {DocKind.LAW, DocKind.REGULATION, DocKind.MEASURES, DocKind.RULES, DocKind.PROVISIONS, DocKind.INTERPRETATION}
)
_TITLE_TAIL = re.compile(r"（(试行|暂行|\d{4}—\d{4}年|[^（）]{0,12})）$")


def kind_of_title(title: str) -> DocKind | None:
    bare = _TITLE_TAIL.sub("", title.strip())
    bare = _TITLE_TAIL.sub("", bare)
    for suffix, kind in KIND_SUFFIXES:
        if bare.endswith(suffix):
            return kind
    if _LAW_TITLE.search(bare) and len(bare) >= 3:
        return DocKind.LAW
    return None


@dataclass
class DraftDocument:
    """A document as found in one file, before ids, status and segments are assigned."""

    title: str
    kind: DocKind
    paragraphs: list[Paragraph]
    doc_number: str | None = None
    issuer: str | None = None
    date: str | None = None
    effective_date: str | None = None
    parent: DraftDocument | None = None
    children: list[DraftDocument] = field(default_factory=list)

    @property
    def line_start(self) -> int:
        return min(p.line_start for p in self.paragraphs)

    @property
    def line_end(self) -> int:
        return max(p.line_end for p in self.paragraphs)


def normalise_doc_number(text: str) -> str | None:
    """The 发文字号 a line is, spelt canonically (昆工[2022]3 号 → 昆工〔2022〕3号); None if it is not one.
    A notice is anchored on its 发文字号; a 令号 (国务院令第493号) heads a promulgation, not a notice."""
    number = docnumber.parse(text)
    return str(number) if number is not None and not number.is_order else None


def iso_date(text: str) -> str | None:
    text = compact(text)
    match = DATE.match(text) or _NEWS_STAMP.match(text)
    return iso_from(match) if match else None


def _clean_title(text: str) -> str:
    text = text.strip().strip("：:")
    text = re.sub(r"(?<=[\u4e00-\u9fff\d])[.．](?=\d)", "·", text)  # 72行大练兵.360行 → ·
    return re.sub(r"\s+", " ", text)


# -- file level ----------------------------------------------------------------------------------
def split_documents(paragraphs: Sequence[Paragraph], running_headers: Sequence[str] = ()) -> list[DraftDocument]:
    """All documents of one file, in reading order, with parent links set."""
    paras = list(paragraphs)
    anchors = [i for i, p in enumerate(paras) if normalise_doc_number(p.text)]
    if not anchors:
        return _standalone(paras, running_headers)
    notices: list[tuple[int, int, int]] = []  # (first paragraph, anchor, title end)
    for anchor in anchors:
        start, end = _title_span(paras, anchor)
        notices.append((start, anchor, end))
    letterhead = 0
    documents: list[DraftDocument] = []
    if notices[0][0] > 0:
        head = paras[: notices[0][0]]
        if _is_letterhead(head):
            letterhead = len(head)
        else:
            documents.extend(_standalone(head, running_headers))
    for n, (start, anchor, title_end) in enumerate(notices):
        stop = notices[n + 1][0] if n + 1 < len(notices) else len(paras)
        head = letterhead if n == 0 else 0
        documents.extend(_notice_family(paras[start - head : stop], anchor - start, title_end - start, head))
    _link_promulgations(documents)
    return documents


def _link_promulgations(documents: list[DraftDocument]) -> None:
    """A 令 or 公告 standing alone before the text it promulgates (which has its own 法释 number): the
    text becomes its child and takes its date, the 令 or 公告 takes the text's number when it has none."""
    for first, second in itertools.pairwise(documents):
        if first.kind not in (DocKind.ORDER, DocKind.ANNOUNCEMENT) or first.children or second.parent:
            continue
        body = "".join(p.text for p in first.paragraphs)
        if not any(title_key(name) == title_key(second.title) for name in _QUOTED.findall(body)):
            continue
        _adopt(first, second)
        first.doc_number = first.doc_number or second.doc_number
        second.doc_number = first.doc_number


def _adopt(parent: DraftDocument, child: DraftDocument) -> None:
    """``child`` is issued by ``parent``: it inherits the instrument's number, issuer and date, and its
    施行 date from the instrument's sentence when its own text states none."""
    child.parent = parent
    parent.children.append(child)
    child.doc_number = parent.doc_number or child.doc_number
    child.issuer = parent.issuer or child.issuer
    child.date = parent.date or child.date
    if child.effective_date is None:
        own = effective_in("".join(p.text for p in child.paragraphs), child.date)
        told = effective_in("".join(p.text for p in parent.paragraphs), child.date)
        child.effective_date = own or told


def _is_letterhead(paras: list[Paragraph]) -> bool:
    """A few short lines above the first 文号 (issuer name, 〔公开〕 marks): part of that notice."""
    text = "".join(p.text for p in paras)
    return len(paras) <= 6 and len(text) <= 120 and not re.search(r"[。；！？]", text)


def _title_span(paras: Sequence[Paragraph], anchor: int) -> tuple[int, int]:
    """(first paragraph of the notice, paragraph after its title). The title sits just before the
    文号 in a compilation and just after it on a letterhead page."""
    start = anchor
    text = ""
    while start - 1 >= 0 and _title_like(paras[start - 1].text) and len(text) < MAX_TITLE_CHARS:
        start -= 1
        text = paras[start].text + text
        if paras[start].page_start and kind_of_title(text):
            break
    if start < anchor and kind_of_title(text):
        return start, anchor + 1
    # letterhead layout: 文号, issuer line(s), then the title
    end = anchor + 1
    text = ""
    while end < len(paras) and _title_like(paras[end].text) and len(text) < MAX_TITLE_CHARS:
        text += paras[end].text
        end += 1
        if kind_of_title(text) is DocKind.NOTICE or kind_of_title(text) is DocKind.LETTER:
            break
    return anchor, end


def _title_like(text: str) -> bool:
    return (
        len(text) <= MAX_TITLE_LINE
        and not re.search(r"[。；！？：:]$", text)
        and not DATE.match(compact(text))
        and not is_front_matter_line(text)
        and not normalise_doc_number(text)
        and not text.startswith(("〔", "[", "附件"))
        and marker_at(text, ("chapter", "article", "top", "paren_cn")) is None
    )


def _notice_family(paras: list[Paragraph], anchor: int, title_end: int, head: int = 0) -> list[DraftDocument]:
    """A notice and everything it issues, from its title to the next notice's title. ``head``
    paragraphs of letterhead (issuer name, 〔公开〕) stand before the 文号 of a letterhead page."""
    anchor += head
    title_end += head
    doc_number = normalise_doc_number(paras[anchor].text)
    if anchor > head:  # title before the 文号
        title_paras = paras[head:anchor]
        issuer_paras: list[Paragraph] = []
    else:
        title_paras, issuer_paras = _title_after_number(paras[anchor + 1 : title_end])
        if issuer_paras and title_paras and title_paras[0].text.startswith("关于"):
            title_paras = issuer_paras + title_paras  # the issuer line heads the title on a letterhead
        issuer_paras = [p for p in paras[:head] if not p.text.startswith("〔")] + issuer_paras
    title = _clean_title(_join_title_lines([p.text for p in title_paras]))
    date_idx = next((i for i in range(title_end, len(paras)) if DATE.match(compact(paras[i].text))), None)
    body_end = date_idx + 1 if date_idx is not None else len(paras)
    # a 附注 such as （联系人…） or 印发 lines right after the date still belong to the notice
    while body_end < len(paras) and re.match(r"^[（(].{2,60}[）)]$", paras[body_end].text):
        body_end += 1
    issuer = _issuer(title, issuer_paras, paras[title_end:date_idx] if date_idx else [])
    notice = DraftDocument(
        title=title or (doc_number or "通知"),
        kind=kind_of_title(title) or DocKind.NOTICE,
        paragraphs=paras[:body_end],
        doc_number=doc_number,
        issuer=issuer,
        date=iso_date(paras[date_idx].text) if date_idx is not None else None,
    )
    if notice.date is None:  # a 法释 or 令 text: its dates are in the 题注 under the title
        front = read_front_matter([p.text for p in paras[title_end:body_end]])
        notice.date = front.date
        notice.issuer = notice.issuer or front.issuer
        notice.effective_date = front.effective_date
    expected = _quoted_titles(title + "".join(p.text for p in paras[title_end:body_end]))
    for name in expected:  # the title's own 《…》 in its best spelling
        title = re.sub(
            r"《([^《》]+)》", lambda m, n=name: f"《{n}》" if title_key(m[1]) == title_key(n) else m[0], title
        )
    notice.title = title
    rest = paras[body_end:]
    children = _find_children(rest, expected)
    documents = [notice]
    if not children and rest:
        # an issued text whose name the notice does not quote: take the next heading as its title
        children = _heading_child(rest)
        if not children:
            notice.paragraphs.extend(rest)
    for child in children:
        child.doc_number = doc_number
        child.issuer = issuer
        child.date = notice.date
        child.parent = notice
        notice.children.append(child)
        documents.append(child)
        documents.extend(_attachments(child))
    if notice.kind is DocKind.LETTER or not children:
        documents.extend(_attachments(notice))
    return documents


def _join_title_lines(lines: list[str]) -> str:
    """Title lines join without a space, except after a line listing joint issuers ("甲 乙")."""
    out = ""
    for line in lines:
        joint = " " in out and "关于" not in out and "印发" not in out
        if out and joint and re.search(_ISSUER_END, out) and not line.startswith(("关于", "印发")):
            out += " "
        out += line
    return re.sub(r"\s+(?=关于|第\d)", "", out)


def _title_after_number(paras: list[Paragraph]) -> tuple[list[Paragraph], list[Paragraph]]:
    """Letterhead: [issuer line(s)…, title line(s)…] → split where the title ("关于…") begins."""
    for i, p in enumerate(paras):
        if p.text.startswith("关于") or ("关于" in p.text[:30] and i == len(paras) - 1):
            return paras[i:], paras[:i]
    return paras[-1:], paras[:-1]


def _issuer(title: str, issuer_paras: list[Paragraph], body: list[Paragraph]) -> str | None:
    match = re.match(r"^(?P<who>.+?)(关于|印发)", title)
    if match and not match["who"].startswith("关于"):
        return match["who"].strip()
    if issuer_paras:
        return " ".join(p.text.strip() for p in issuer_paras).strip() or None
    # a title that starts with 关于: the 署名 lines just above the date
    signature: list[str] = []
    for p in reversed(body):
        if len(p.text) > MAX_TITLE_LINE or re.search(r"[。；！？，：]", p.text):
            break
        signature.insert(0, p.text)
    return " ".join(signature) or None


def _quoted_titles(text: str) -> list[str]:
    """Names of issued documents quoted in a text: 《…》 that end like a document title; of two
    spellings of one name the one that keeps its phrase-separating spaces wins."""
    seen: dict[str, str] = {}
    for name in _QUOTED.findall(text):
        name = name.replace("<", "《").replace(">", "》")
        if kind_of_title(name):
            key = title_key(name)
            seen[key] = _richer_spelling(seen.get(key, name), name)
    return list(seen.values())


def _find_children(paras: list[Paragraph], expected: list[str], page_start_only: bool = False) -> list[DraftDocument]:
    """Locate each expected title as a heading (optionally after a 附件 label), in order."""
    starts: list[tuple[int, int, str, int]] = []  # (paragraph, paragraphs in title, title, label paras)
    cursor = 0
    for name in expected:
        found = _find_heading(paras, title_key(name), cursor)
        if found is None or (page_start_only and not paras[found[0] - found[2]].page_start):
            continue
        index, length, label = found
        starts.append((index, length, name, label))
        cursor = index + length
    starts.sort()
    children: list[DraftDocument] = []
    for n, (index, length, name, label) in enumerate(starts):
        stop = starts[n + 1][0] - starts[n + 1][3] if n + 1 < len(starts) else len(paras)
        heading = "".join(p.text for p in paras[index : index + length])
        title = _clean_title(_richer_spelling(heading, name) if title_key(heading) == title_key(name) else name)
        children.append(
            DraftDocument(
                title=title, kind=kind_of_title(title) or DocKind.OTHER, paragraphs=paras[index - label : stop]
            )
        )
    return children


def _richer_spelling(heading: str, name: str) -> str:
    """Two spellings of one title: keep the one that separates its phrases with spaces."""
    return name if name.count(" ") > heading.count(" ") else heading


def _find_heading(paras: list[Paragraph], key: str, cursor: int) -> tuple[int, int, int] | None:
    """Where a title stands as a heading. After a 附件 label the heading may carry a short prefix
    the list leaves out ("云南省第 届云岭工匠推荐承诺书" for "云岭工匠推荐承诺书")."""
    for i in range(cursor, len(paras)):
        label = 1 if _ATTACH_LABEL.fullmatch(compact(paras[i].text)) else 0
        start = i + label
        joined = ""
        for j in range(start, min(start + 6, len(paras))):
            joined += compact(paras[j].text)
            joined_key = title_key(joined)
            if joined_key == key or (label and _loosely_names(joined_key, key)):
                return start, j - start + 1, label
            if not (key.startswith(joined_key) or (label and len(joined_key) < len(key) + 8)):
                break
    return None


def _loosely_names(heading: str, name: str) -> bool:
    """The heading is the listed name with at most a few characters added (blanks to fill in)."""
    if not 0 <= len(heading) - len(name) <= 8 or heading[-2:] != name[-2:]:
        return False
    chars = iter(heading)
    return all(ch in chars for ch in name)


def _heading_child(paras: list[Paragraph]) -> list[DraftDocument]:
    """The first heading after a notice, when the notice names no document."""
    title_paras: list[Paragraph] = []
    i = 1 if paras and _ATTACH_LABEL.fullmatch(compact(paras[0].text)) else 0
    while i < len(paras) and _title_like(paras[i].text) and len("".join(p.text for p in title_paras)) < 80:
        title_paras.append(paras[i])
        i += 1
        if kind_of_title("".join(p.text for p in title_paras)):
            break
    title = _clean_title("".join(p.text for p in title_paras))
    kind = kind_of_title(title)
    if not title_paras or kind is None or kind is DocKind.NOTICE:
        return []
    return [DraftDocument(title=title, kind=kind, paragraphs=list(paras))]


def _attachments(doc: DraftDocument) -> list[DraftDocument]:
    """Split off the texts a document carries after its own end: those its "附件：1．… 2．…" note
    lists, or, with no note, forms it names in 《…》 that open a page of their own."""
    names, note_index = _attachment_names(doc.paragraphs)
    if names:
        tail = _split_glued_titles(doc.paragraphs[note_index + 1 :], names)
        found = _find_children(tail, names)
    else:
        own = title_key(doc.title)
        quoted = [n for n in _quoted_titles("".join(p.text for p in doc.paragraphs)) if title_key(n) != own]
        found = _find_children(doc.paragraphs[1:], quoted, page_start_only=True)
    if not found:
        return []
    first = found[0].paragraphs[0]
    doc.paragraphs = [p for p in doc.paragraphs if p.line_start < first.line_start]
    for child in found:
        child.parent = doc
        child.doc_number = doc.doc_number
        child.issuer = doc.issuer
        child.date = doc.date
        doc.children.append(child)
    return found


def _attachment_names(paras: list[Paragraph]) -> tuple[list[str], int]:
    for i, p in enumerate(paras):
        match = _ATTACH_LIST.match(p.text)
        if not match:
            continue
        names = [match["first"]]
        j = i + 1
        while j < len(paras):
            item = _ATTACH_ITEM.match(paras[j].text)
            if item and len(paras[j].text) <= 60:
                names.append(item["title"])
            elif len(paras[j].text) <= 6 and names and not _ATTACH_LABEL.match(paras[j].text):
                names[-1] += paras[j].text  # a name wrapped onto the next line
            else:
                break
            j += 1
        return [_clean_title(n) for n in names], j - 1
    return [], -1


def _split_glued_titles(paras: list[Paragraph], names: list[str]) -> list[Paragraph]:
    """A table block swallows its own "附件2" label and title; cut them off so they can be found."""
    out: list[Paragraph] = []
    for p in paras:
        if not p.table:
            out.append(p)
            continue
        text = p.text
        label = _ATTACH_LABEL.match(text)
        offset = label.end() if label else 0
        for name in names:
            name_c = compact(name)
            if text[offset:].startswith(name_c):
                cut = offset + len(name_c)
                if offset:
                    out.append(p.slice(0, offset))
                out.append(p.slice(offset, cut))
                out.append(p.slice(cut, len(text)))
                break
        else:
            out.append(p)
    return [p for p in out if p.text]


# -- files without a 文号 ---------------------------------------------------------------------------
def _standalone(paras: list[Paragraph], running_headers: Sequence[str]) -> list[DraftDocument]:
    """A news item, a preface, a work summary: classified by what the text itself shows."""
    first = compact(paras[0].text) if paras else ""
    all_text = "".join(p.text for p in paras)
    promulgated = _promulgation(paras)
    if promulgated:
        return promulgated
    if paras and len(paras[0].text) <= MAX_TITLE_LINE and kind_of_title(paras[0].text) in NORMATIVE_TITLE_KINDS:
        return [_normative(paras)]
    stamp = next((iso_date(p.text) for p in paras[:4] if _NEWS_STAMP.match(compact(p.text))), None)
    if first in {"前言", "序言", "序"}:
        book = next((h for h in running_headers if h.endswith("汇编")), None)
        title = f"《{book}》前言" if book else "前言"
        date = next((iso_date(p.text) for p in reversed(paras) if iso_date(p.text)), None)
        return [DraftDocument(title=title, kind=DocKind.PREFACE, paragraphs=paras, date=date)]
    if stamp or re.search(r"(记者|通讯员|责任编辑|编辑：|编辑:)", all_text):
        return [DraftDocument(title=_clean_title(paras[0].text), kind=DocKind.NEWS, paragraphs=paras, date=stamp)]
    kind = kind_of_title(paras[0].text) if len(paras[0].text) <= MAX_TITLE_LINE else None
    if kind is not None:
        return [DraftDocument(title=_clean_title(paras[0].text), kind=kind, paragraphs=paras)]
    if _SUMMARY_OPENING.match(compact(all_text[:SUMMARY_LEAD_CHARS])):
        # an untitled work summary: titled from its first line, as any untitled text is
        return [DraftDocument(title=_clean_title(paras[0].text[:30]), kind=DocKind.SUMMARY, paragraphs=paras)]
    return [DraftDocument(title=_clean_title(paras[0].text[:30]), kind=DocKind.OTHER, paragraphs=paras)]


# -- texts that state their own metadata -------------------------------------------------------------
def _normative(paras: list[Paragraph]) -> DraftDocument:
    """A law, regulation, rule or interpretation with its title first: date, issuer, 令号 and 施行 date
    from the front matter under the title, the 施行 article otherwise."""
    front = read_front_matter([p.text for p in paras[1:12]])
    title = _clean_title(paras[0].text)
    draft = DraftDocument(
        title=title,
        kind=kind_of_title(title) or DocKind.OTHER,
        paragraphs=paras,
        doc_number=front.doc_number,
        issuer=_title_issuer(title) or front.issuer,
        date=front.date,
    )
    draft.effective_date = front.effective_date or effective_in("".join(p.text for p in paras), draft.date)
    return draft


def _title_issuer(title: str) -> str | None:
    match = re.match(r"^(?P<who>.+?)关于", title)
    return match["who"].strip() if match else None


_ORDER_LINE = re.compile(r"^[（(]?(?P<number>[\u4e00-\u9fff]{2,24}令第\d{1,4}号)[）)]?$")
_SERIAL_LINE = re.compile(r"^第(?P<n>\d{1,4})号$")
_DATE_LINE = re.compile(rf"^{ANY_DATE.pattern}$")


def _promulgation(paras: list[Paragraph]) -> list[DraftDocument] | None:
    """A 令, 公告 or notice near the top of a file that has no 发文字号, with the text it issues after its
    落款 date: "中华人民共和国国务院令 / 第514号 / 《…》已经…通过，现予公布… / 二○○七年十二月十四日 / title / 第一条…".
    The issued text's title may stand above the instrument (a file saved under the text's name)."""
    for i in range(min(3, len(paras))):
        head = _instrument_head(paras, i)
        if head is None:
            continue
        title, number, issuer, n_head, kind = head
        window = range(i + n_head, min(i + n_head + 40, len(paras)))
        date_at = next((j for j in window if _DATE_LINE.match(compact(paras[j].text))), None)
        if date_at is None:
            return None
        match = ANY_DATE.match(compact(paras[date_at].text))
        instrument = DraftDocument(
            title=title,
            kind=kind,
            paragraphs=paras[: date_at + 1],
            doc_number=number,
            issuer=issuer,
            date=iso_from_any(match) if match else None,
        )
        if instrument.issuer is None:
            instrument.issuer = _issuer(title, [], paras[i + n_head : date_at])
        rest = paras[date_at + 1 :]
        if not rest:  # the promulgated text follows under its own 法释 number (see _link_promulgations)
            return [instrument]
        children = _heading_child(rest)
        if not children:
            return None
        child = children[0]
        _adopt(instrument, child)
        return [instrument, child]
    return None


def _instrument_head(paras: list[Paragraph], i: int) -> tuple[str, str | None, str | None, int, DocKind] | None:
    """(title, 令号, issuer, paragraphs in the head, kind) when paragraph ``i`` opens a 令, 公告 or notice."""
    text = compact(paras[i].text)
    order = _ORDER_LINE.match(text)
    if order:
        number = docnumber.parse(order["number"])
        issuer = organ_of(order["number"] + "公布")
        return order["number"], str(number) if number else order["number"], issuer, 1, DocKind.ORDER
    order_title = _ORDER_TITLE.match(text)
    if order_title and i + 1 < len(paras) and _SERIAL_LINE.match(compact(paras[i + 1].text)):
        full = text + compact(paras[i + 1].text)
        issuer = organ_of(full + "公布")
        return full, full, issuer, 2, DocKind.ORDER
    kind = kind_of_title(text) if len(text) <= MAX_TITLE_CHARS else None
    if kind is DocKind.ANNOUNCEMENT and len(text) <= MAX_TITLE_LINE:
        issuer = text.removeprefix("中华人民共和国").removesuffix("公告") or None
        return _clean_title(paras[i].text), None, issuer, 1, kind
    if kind is DocKind.NOTICE and i > 0 and "关于" in text:
        return _clean_title(paras[i].text), None, _title_issuer(text), 1, kind
    return None
