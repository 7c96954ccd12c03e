"""Search, cited answers and "which regulation governs"."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any

from fastapi import APIRouter, Query
from fastapi.responses import Response
from pydantic import BaseModel

from api.deps import DeskDep
from api.errors import error_responses
from api.schemas import AS_OF_HELP, MAX_K, MAX_TEXT_CHARS, NO_CONTROL_CHARS, AskRequest, GovernRequest
from policydesk.records import Answer, GovernResult, SearchResult

router = APIRouter(prefix="/api", tags=["retrieval"], responses=error_responses())


class RecordJSON(Response):
    """A record serialised where it was built, in the request's worker thread: returned as the record
    itself, FastAPI validates it again in a second thread-pool round trip and serialises it on the
    event loop, which every other request waits for (bench/README.md). The bytes are the same as
    FastAPI's own serialisation of the ``response_model`` (tests/api/test_api_record_json.py)."""

    media_type = "application/json"

    def render(self, content: Any) -> bytes:
        assert isinstance(content, BaseModel)
        return content.model_dump_json(by_alias=True).encode("utf-8")


@router.get("/search", response_model=SearchResult, summary="条款检索")
def search(
    desk: DeskDep,
    q: Annotated[
        str, Query(min_length=1, max_length=MAX_TEXT_CHARS, pattern=NO_CONTROL_CHARS, description="检索词或问题")
    ],
    k: Annotated[int, Query(ge=1, le=MAX_K, description="返回条数")] = 10,
    as_of: Annotated[date | None, Query(description=AS_OF_HELP)] = None,
) -> SearchResult:
    """Top-k articles with document title, 文号, locator, text, score, status and source lines; with
    ``as_of``, only from the texts in force that day."""
    return RecordJSON(desk.search(q, k, as_of=as_of))  # type: ignore[return-value]


@router.post("/ask", response_model=Answer, summary="提问（带出处的答案）")
def ask(body: AskRequest, desk: DeskDep) -> Answer:
    """An extractive answer: the sentences that answer, each cited to its article; ``found`` false when
    the corpus does not answer (then ``related`` lists the closest provisions, not as the answer)."""
    return RecordJSON(desk.ask(body.question, as_of=body.as_of))  # type: ignore[return-value]


@router.post("/govern", response_model=GovernResult, summary="适用哪项规定")
def govern(body: GovernRequest, desk: DeskDep) -> GovernResult:
    """Regulations ranked for a described case, with the deciding articles, why, and rule consequences."""
    return RecordJSON(desk.govern(body.case, as_of=body.as_of))  # type: ignore[return-value]
