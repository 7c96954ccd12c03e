"""Request models of the HTTP API and the limits they state.

Responses are the Desk's records (``policydesk/records.py``), declared as each route's
``response_model``: the CLI prints the same records with ``--json``, so the shapes are defined once.
"""

from __future__ import annotations

from datetime import date
from typing import Annotated

from pydantic import BaseModel, Field, StringConstraints

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


# -- requests ------------------------------------------------------------------------------------
AS_OF_HELP = "Answer from the texts in force on this day (YYYY-MM-DD); omitted = the texts in force now."


class AskRequest(BaseModel):
    question: QueryText = Field(description="A question in plain Chinese, e.g. 拿了省赛第一名有多少奖金？")
    as_of: date | None = Field(default=None, description=AS_OF_HELP, examples=["2020-06-01"])


class GovernRequest(BaseModel):
    case: QueryText = Field(description="A case described in a few sentences.")
    as_of: date | None = Field(default=None, description=AS_OF_HELP, examples=["2020-06-01"])
