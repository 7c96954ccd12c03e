"""Request and response models of the HTTP API.

Responses are the Desk's dicts (the same JSON shapes as the CLI); these models only describe them
for the OpenAPI schema and check them on the way out. Every model allows extra keys, so a field the
library adds later reaches clients without an API change.
"""

from __future__ import annotations

from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

from policydesk.config import MAX_SEARCH_K, Settings

#: Longest question or case accepted (over it: 413). The schema states it so clients can check first.
MAX_TEXT_CHARS: int = Settings.model_fields["max_question_chars"].default
MAX_K = MAX_SEARCH_K

#: No C0/C1 control characters other than tab and line breaks, and at least one character that is neither
#: white space nor an invisible format mark (the library refuses blank or control text as 422).
_ALLOWED = r"[^\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]"
_VISIBLE = r"[^\s\x00-\x1f\x7f-\x9f\u200b-\u200f\u2028-\u202e\u2060-\u2064\ufeff]"
NO_CONTROL_CHARS = rf"^{_ALLOWED}*{_VISIBLE}{_ALLOWED}*$"

QueryText = Annotated[
    str,
    StringConstraints(strip_whitespace=True, min_length=1, max_length=MAX_TEXT_CHARS, pattern=NO_CONTROL_CHARS),
]


class _Open(BaseModel):
    model_config = ConfigDict(extra="allow")


# -- requests ------------------------------------------------------------------------------------
class AskRequest(BaseModel):
    question: QueryText = Field(description="A question in plain Chinese, e.g. 拿了省赛第一名有多少奖金？")


class GovernRequest(BaseModel):
    case: QueryText = Field(description="A case described in a few sentences.")


# -- shared pieces -------------------------------------------------------------------------------
class Source(_Open):
    file: str = Field(description="Seed file name in corpus/raw (or an added file).")
    line_start: int = Field(description="First line, 1-based, inclusive.")
    line_end: int = Field(description="Last line, 1-based, inclusive.")


# -- retrieval -----------------------------------------------------------------------------------
class Hit(_Open):
    doc_id: str
    doc_title: str
    doc_number: str | None = None
    locator: str
    text: str
    score: float
    status: str
    source: Source


class SearchResult(_Open):
    hits: list[Hit]


class Citation(_Open):
    doc_id: str | None = None
    doc_title: str
    doc_number: str | None = None
    locator: str
    quote: str
    source: Source


class AskResult(_Open):
    found: bool
    answer: str
    citations: list[Citation]
    related: list[dict[str, Any]] = Field(default_factory=list, description="Closest provisions, not the answer.")


class GovernArticle(_Open):
    locator: str
    text: str
    source: Source


class Regulation(_Open):
    doc_id: str | None = None
    doc_title: str
    doc_number: str | None = None
    status: str
    score: float
    why: Any = Field(description="Why this regulation governs the case (matched subject, scope, level).")
    articles: list[GovernArticle]


class GovernResult(_Open):
    regulations: list[Regulation]
    consequences: list[dict[str, Any]] = Field(default_factory=list)


# -- corpus --------------------------------------------------------------------------------------
class DocumentSummary(_Open):
    id: str
    title: str
    doc_number: str | None = None
    issuer: str | None = None
    date: str | None = None
    kind: str
    status: str
    parent_id: str | None = None
    relations: list[dict[str, Any]] = Field(default_factory=list)
    source: Source
    n_segments: int


class Segment(_Open):
    id: str
    locator: str
    text: str
    source: Source
    heading_path: list[str] = Field(default_factory=list)
    parent_id: str | None = None
    level: int | None = None


class DocumentDetail(DocumentSummary):
    segments: list[Segment]


class LookupResult(_Open):
    text: str
    locator: str
    doc_id: str
    doc_title: str
    doc_number: str | None = None
    source: Source


class UploadResult(_Open):
    """What the rebuild changed: the Desk's ``add_upload`` result."""


# -- rules ---------------------------------------------------------------------------------------
class RuleCitation(_Open):
    doc_number: str | None = None
    doc_title: str | None = None
    locator: str


class RuleSummary(_Open):
    id: str
    title: str
    citations: list[RuleCitation]
    input_schema: dict[str, Any]
    example: Any = None


class RuleResult(_Open):
    rule: Any
    inputs: dict[str, Any]
    outputs: Any
    explanation: Any
    citations: list[RuleCitation]


# -- generators and service ----------------------------------------------------------------------
class GenerationPreview(_Open):
    filename: str = Field(description="The Chinese file name the download will carry.")
    size: int = Field(description="Size of the .docx in bytes.")
    trace: Any = Field(None, description="Rule outputs and the articles each requirement rests on.")


class Health(_Open):
    status: str
    rule_warnings: list[str] = Field(
        default_factory=list,
        description="Rule citations whose article no longer resolves in the serving catalogue (see "
        "`policydesk rules verify`); the service keeps serving.",
    )
