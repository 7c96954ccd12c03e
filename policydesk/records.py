"""The records the Desk returns: one pydantic model per thing a user sees, and the only definition of
its JSON. The API declares them as ``response_model`` (so /openapi.json describes every response) and
the CLI prints them with ``--json``; both dump them with ``model_dump(mode="json")``, so the two
channels cannot drift apart.

Field order is the JSON key order; a field without a default is always present (``null`` when it has
no value), which is how clients tell "no 文号" from "not sent". Records are built from the lower
stages' dataclasses in one place, ``policydesk/convert.py``.
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from corpus import DocKind, DocStatus, RelationKind

__all__ = [
    "AddResult",
    "AddedDocument",
    "Answer",
    "Citation",
    "CorpusRef",
    "Document",
    "DocumentDetail",
    "DocumentRef",
    "EditionNote",
    "ExportRow",
    "GenerationPreview",
    "GovernResult",
    "Health",
    "HealthUnavailable",
    "Hit",
    "Provision",
    "Record",
    "Regulation",
    "RegulationArticle",
    "Relation",
    "RuleCitation",
    "RuleDescription",
    "RuleOutput",
    "SearchResult",
    "Segment",
    "Source",
]


class Record(BaseModel):
    """Immutable and closed: a record is output, and a key nobody declared is a bug, not data."""

    model_config = ConfigDict(frozen=True, extra="forbid")


class Source(Record):
    """Where a text sits in its original file, so staff can check it there."""

    file: str = Field(description="Seed file name in corpus/raw (or an added file).")
    line_start: int = Field(description="First line, 1-based, inclusive.")
    line_end: int = Field(description="Last line, 1-based, inclusive.")


# -- corpus --------------------------------------------------------------------------------------
class Relation(Record):
    kind: RelationKind
    source_id: str
    target_id: str | None = Field(description="None when the target is not in the corpus.")
    target_title: str
    locator: str | None = Field(description="The article that states the relation, e.g. 第三十五条.")
    note: str


class Document(Record):
    """One catalogued text: a notice, each 办法 it issues, a news item…"""

    id: str
    title: str
    doc_number: str | None = Field(description="发文字号; attachments carry their issuing notice's number.")
    issuer: str | None
    date: str | None = Field(description="ISO yyyy-mm-dd.")
    kind: DocKind
    status: DocStatus
    provisional: bool = Field(description="试行 / 暂行.")
    parent_id: str | None = Field(description="The notice that issues this document.")
    relations: list[Relation] = Field(
        description="Every kind: issues, repeals, prevails, supersedes, superseded_by, refers_to."
    )
    source: Source
    n_segments: int
    effective_date: str | None = Field(default=None, description="ISO; the day the text says it takes effect.")
    expired_date: str | None = Field(default=None, description="ISO; the day a newer edition or a repeal took effect.")
    superseded_by: str | None = Field(default=None, description="Id of the catalogued text that replaced this one.")


class DiffSpan(Record):
    """One changed phrase; offsets index the change's ``old_text`` / ``new_text``."""

    op: str = Field(description="replace, insert or delete.")
    old_start: int
    old_end: int
    new_start: int
    new_end: int
    old: str
    new: str


class DiffChange(Record):
    change: str = Field(description="changed, added, removed or renumbered.")
    old_locator: str | None
    new_locator: str | None
    old_text: str | None
    new_text: str | None
    spans: list[DiffSpan]


class DiffResult(Record):
    """Two editions aligned article by article (unchanged articles are not listed)."""

    old: Document
    new: Document
    changes: list[DiffChange]


class Segment(Record):
    """One addressable unit: 章, 条, 项 or 一、/（一）/1./（1）."""

    id: str
    doc_id: str
    locator: str = Field(description="Short form used in citations: 第十八条（一）, 三、（二）.")
    full_locator: str = Field(description="With its chapter: 第五章 第十八条（一）.")
    heading_path: list[str]
    text: str
    source: Source
    parent_id: str | None
    level: int = Field(description="0 = chapter or top section, deeper = finer.")
    children: list[str]


class DocumentRef(Record):
    id: str
    title: str


class DocumentDetail(Document):
    segments: list[Segment]
    children: list[DocumentRef] = Field(description="Documents this one issues (印发).")


class ExportRow(Segment):
    """One line of ``policydesk export --jsonl``: a segment with its document's title, 文号 and status."""

    doc_title: str
    doc_number: str | None
    doc_status: DocStatus


class Provision(Record):
    """An exact lookup: the whole article with its 项 and 目, and the lines it spans."""

    doc_id: str
    doc_title: str
    doc_number: str | None
    status: DocStatus
    locator: str
    full_locator: str
    text: str
    source: Source


class AddedDocument(Record):
    id: str
    title: str
    kind: DocKind


class AddResult(Record):
    """What adding files changed: files copied in, files already there, documents the rebuild found."""

    added: list[str]
    unchanged: list[str]
    documents: list[AddedDocument]


# -- retrieval -----------------------------------------------------------------------------------
class Hit(Record):
    doc_id: str
    doc_title: str
    doc_number: str | None
    locator: str
    text: str
    score: float
    status: DocStatus
    source: Source


class CorpusRef(Record):
    """Which corpus an answer came from: two answers a month apart can be told apart and replayed."""

    generation: str = Field(
        description="The generation (build) that answered; the same question on it gives the same answer."
    )
    built_at: str | None = Field(description="When that generation was built (local time, ISO).")
    as_of: str | None = Field(default=None, description="The date the question was asked as of, when one was given.")


class SearchResult(Record):
    hits: list[Hit]
    corpus: CorpusRef | None = Field(default=None, description="The generation that answered.")


class Citation(Record):
    """A quoted sentence and the article it was checked against, verbatim."""

    doc_id: str
    doc_title: str
    doc_number: str | None
    locator: str
    quote: str
    source: Source
    status: DocStatus
    verified: bool = Field(
        description="The quote stands in the cited lines of the original file (a quote that does not is dropped)."
    )
    highlights: list[tuple[int, int]] = Field(
        default_factory=list,
        description="[start, end) character offsets into ``quote`` of the words that answer.",
    )
    formal: str = Field(default="", description="The citation ready to paste: 《标题》（文号）第十八条第（一）项.")
    refers_from: str | None = Field(
        default=None,
        description="Set on a provision quoted because a cited one defers to it (按第十条规定执行, 前款): the "
        "locator of that cited provision. Null on the provisions that answer.",
    )
    lead_in_of: str | None = Field(
        default=None,
        description="Set on the sentence that introduces a list (有下列情形之一的，…：), quoted before an item of "
        "it that answers: the locator of that item. Null otherwise.",
    )


class EditionNote(Record):
    """Another edition of a quoted text, named beside the answer and never quoted as current."""

    edition: Literal["older", "later"] = Field(
        description="older: an edition the quoted text superseded; later: one that later superseded it "
        "(when the answer is given as of a day the quoted text was in force)."
    )
    doc_id: str
    doc_title: str
    doc_number: str | None
    locator: str = Field(description="The article of that edition aligned with the quoted one (its wording differs).")
    effective_date: str | None = Field(description="ISO; when that edition took effect.")
    expired_date: str | None = Field(description="ISO; when that edition was superseded (null while in force).")
    superseded_by: str | None = Field(description="Id of the text that replaced that edition.")
    changed: bool = Field(description="The quoted provision itself (the 项 or article) reads differently there.")
    cited_doc_id: str = Field(description="The quoted provision this note stands beside: its document …")
    cited_locator: str = Field(description="… and its locator.")


class Answer(Record):
    found: bool = Field(description="False when the corpus does not answer; ``related`` is then no answer.")
    answer: str
    citations: list[Citation]
    related: list[Hit] = Field(description="Closest provisions, not the answer; never one already cited.")
    short_answer: str | None = Field(
        default=None,
        description="The exact words of a quote that answer a question asking for a value (一次性奖金10000元).",
    )
    corpus: CorpusRef | None = Field(default=None, description="The generation that answered.")
    superseded: list[EditionNote] = Field(
        default_factory=list,
        description="Older editions of the quoted texts whose aligned article reads differently (named, never "
        "quoted), and — asked as of a day — the editions that later replaced them.",
    )


class RegulationArticle(Record):
    locator: str
    text: str
    source: Source


class Regulation(Record):
    doc_id: str
    doc_title: str
    doc_number: str | None
    status: DocStatus
    score: float
    why: str = Field(description="Why this regulation governs the case (matched subject, scope, level).")
    articles: list[RegulationArticle]


# -- rules ---------------------------------------------------------------------------------------
class RuleCitation(Record):
    """An article a rule rests on."""

    doc_number: str | None
    doc_title: str
    locator: str


class ParameterSource(Record):
    """Where a parameter's value stands: the article and the phrase ``rules verify`` looks for there."""

    doc_number: str | None
    doc_title: str
    locator: str
    key_phrase: str


class RuleParameter(Record):
    """A value a rule applies (rules/params/*.toml), with its unit, source and period of validity."""

    name: str = Field(description="document.parameter, e.g. training_fund.living")
    value: Any = Field(description="The latest period's value; null for a provision cited without a number.")
    unit: str
    description: str
    valid_from: str
    valid_until: str | None
    source: ParameterSource


class RuleDescription(Record):
    id: str
    title: str
    citations: list[RuleCitation]
    input_schema: dict[str, Any]
    example: dict[str, Any] = Field(description="An input that evaluates.")
    parameters: list[RuleParameter] = Field(default_factory=list, description="The values the rule applies.")


class RuleOutput(Record):
    rule: str
    inputs: dict[str, Any] = Field(description="The inputs as validated (defaults filled in).")
    outputs: dict[str, Any]
    explanation: str
    citations: list[RuleCitation] = Field(description="The articles this evaluation used.")


class GovernResult(Record):
    regulations: list[Regulation]
    consequences: list[RuleOutput] = Field(description="Rules the case states enough facts for, evaluated.")
    corpus: CorpusRef | None = Field(default=None, description="The generation that answered.")


# -- generators and service ----------------------------------------------------------------------
class GenerationPreview(Record):
    """A generated .docx without its bytes: its name, its size and what it rests on."""

    filename: str = Field(description="The Chinese file name the download will carry.")
    size: int = Field(description="Size of the .docx in bytes.")
    trace: list[dict[str, Any]] = Field(description="Rule outputs and the articles each requirement rests on.")
    changes: list[dict[str, Any]] = Field(
        default_factory=list,
        description="A 方案's departures from its base template (kind, name, label, base, new, line, and the base "
        "article: doc_number, doc_title, locator); empty for the other kinds and for an unchanged base.",
    )


class Health(Record):
    status: Literal["ok"]
    generation: str
    documents: int
    segments: int | None
    units: int
    dense: bool
    embed_model: str | None
    rule_warnings: list[str] = Field(
        default_factory=list,
        description="Rule citations whose article no longer resolves in the serving catalogue (see "
        "`policydesk rules verify`); the service keeps serving.",
    )


class HealthUnavailable(Record):
    status: Literal["unavailable"]
    detail: str
