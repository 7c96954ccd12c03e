"""The corpus's domain records, passed between stages as plain frozen data classes.

A ``Document`` is one normative or non-normative text (a notice, each 办法 it issues, a news item…);
a ``Segment`` is one addressable unit inside it (章, 条, 款, 项 or 一、/（一）/1./（1）). Both know the
seed file and the 1-based line range they came from, because every citation shown to staff must be
checkable against the original file.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

from core.locator import MARKERS


class DocKind(StrEnum):
    NOTICE = "notice"  # 通知 (incl. 印发通知)
    MEASURES = "measures"  # 办法
    RULES = "rules"  # 细则
    PROVISIONS = "provisions"  # 规定
    SCHEME = "scheme"  # 方案
    PROGRAM = "program"  # 规划
    OPINION = "opinion"  # 意见
    ACTION_PLAN = "action_plan"  # 计划
    SYSTEM = "system"  # 制度
    TABLE = "table"  # 表 (申报表, 项目表, 任务分工 …)
    PLEDGE = "pledge"  # 承诺书
    FORM = "form"  # other attached forms (证书样式, 体系图 …)
    LETTER = "letter"  # 函 (reply letters)
    NEWS = "news"  # 新闻报道
    SUMMARY = "summary"  # 工作总结
    PREFACE = "preface"  # 汇编前言
    OTHER = "other"
    # issue 11: the kinds of national normative texts (values are data on the wire: add, never rename)
    LAW = "law"  # 法
    REGULATION = "regulation"  # 条例
    INTERPRETATION = "interpretation"  # 司法解释
    DECISION = "decision"  # 决定
    ORDER = "order"  # 令 that promulgates a text (国务院令, 部令)
    ANNOUNCEMENT = "announcement"  # 公告 that promulgates a text


NON_NORMATIVE_KINDS = frozenset({DocKind.LETTER, DocKind.NEWS, DocKind.SUMMARY, DocKind.PREFACE})
INSTRUMENT_KINDS = frozenset({DocKind.ORDER, DocKind.ANNOUNCEMENT})
"""Kinds that only promulgate another text: they never take effect themselves."""


class DocStatus(StrEnum):
    IN_FORCE = "in_force"
    SUPERSEDED = "superseded"  # repealed (废止) or replaced by a later text
    NON_NORMATIVE = "non_normative"  # news, summaries, letters, prefaces: never "governing"


class RelationKind(StrEnum):
    ISSUES = "issues"  # notice → the document it issues (印发)
    REPEALS = "repeals"  # "……同时废止": target may be outside the corpus
    PREVAILS = "prevails"  # "以本办法规定为准" / "按本实施细则执行"
    SUPERSEDES = "supersedes"  # a newer edition (or a repeal) → the text it replaces, both catalogued
    SUPERSEDED_BY = "superseded_by"  # the inverse, kept on the older text so it names its successor
    REFERS_TO = "refers_to"  # "依照本办法第十条": a provision → the provision it defers to


@dataclass(frozen=True, slots=True)
class SourceSpan:
    """Where a unit sits in its seed file: 1-based, inclusive line numbers."""

    file: str
    line_start: int
    line_end: int

    def contains(self, line: int) -> bool:
        return self.line_start <= line <= self.line_end

    def to_dict(self) -> dict:
        """The ``source`` object of every hit, citation, article and document in the JSON."""
        return {"file": self.file, "line_start": self.line_start, "line_end": self.line_end}


@dataclass(frozen=True, slots=True)
class Relation:
    kind: RelationKind
    source_id: str
    target_id: str | None  # None when the target is not in the corpus
    target_title: str
    locator: str | None = None  # the article that states the relation (e.g. 第三十五条)
    note: str = ""


@dataclass(frozen=True, slots=True)
class Document:
    id: str
    title: str
    doc_number: str | None  # 发文字号; attachments carry their issuing notice's number
    issuer: str | None
    date: str | None  # ISO yyyy-mm-dd
    kind: DocKind
    status: DocStatus
    provisional: bool  # 试行 / 暂行
    parent_id: str | None
    source: SourceSpan
    relations: tuple[Relation, ...] = ()
    n_segments: int = 0
    effective_date: str | None = None  # ISO; from a 施行 clause or line ("自公布之日起施行" = date)
    expired_date: str | None = None  # ISO; the day a newer edition or a repeal took effect

    @property
    def superseded_by(self) -> str | None:
        """The id of the catalogued text that replaced this one, if any."""
        return next((r.target_id for r in self.relations if r.kind is RelationKind.SUPERSEDED_BY), None)

    def citation_label(self) -> str:
        """《title》文号, the form staff write in their own documents."""
        return f"《{self.title}》{self.doc_number or ''}"


@dataclass(frozen=True, slots=True)
class Segment:
    """One addressable unit. ``locator`` is the short human form used in citations
    (``第十八条（一）``, ``三、（二）``, ``四、（四）1``); ``heading_path`` adds the enclosing 章/headings."""

    id: str
    doc_id: str
    locator: str
    heading_path: tuple[str, ...]
    text: str
    source: SourceSpan
    parent_id: str | None
    level: int  # 0 = chapter/top section, deeper = finer
    order: int  # position in document order
    children: tuple[str, ...] = field(default=())
    # (offset in text, source line) at every offset where the source line changes: lets a slice of
    # the text (a retrieval window, a quoted sentence) be cited to its exact lines
    line_map: tuple[tuple[int, int], ...] = field(default=())

    def lines_for(self, start: int, end: int) -> tuple[int, int]:
        """Source lines covering text[start:end]."""
        if not self.line_map:
            return self.source.line_start, self.source.line_end
        first = last = self.line_map[0][1]
        for offset, line in self.line_map:
            if offset <= start:
                first = line
            if offset < max(end, start + 1):
                last = line
        return first, max(first, last)

    @property
    def full_locator(self) -> str:
        """The locator with its chapter, e.g. ``第五章 第十八条（一）``."""
        for heading in self.heading_path:
            chapter = MARKERS["chapter"].match(heading)
            if chapter:
                return f"{chapter.group(0)} {self.locator}"
        return self.locator
