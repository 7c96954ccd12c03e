"""Search, cited answers and "which regulation governs"."""

from __future__ import annotations

from datetime import date
from typing import Annotated

from fastapi import APIRouter, Query

from api.deps import DeskDep
from api.errors import error_responses
from api.schemas import AS_OF_HELP, MAX_K, MAX_TEXT_CHARS, NO_CONTROL_CHARS, AskRequest, GovernRequest
from policydesk.records import Answer, GovernResult, SearchResult

router = APIRouter(prefix="/api", tags=["retrieval"], responses=error_responses())


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
    return desk.search(q, k, as_of=as_of)


@router.post("/ask", response_model=Answer, summary="提问（带出处的答案）")
def ask(body: AskRequest, desk: DeskDep) -> Answer:
    """An extractive answer: the sentences that answer, each cited to its article; ``found`` false when
    the corpus does not answer (then ``related`` lists the closest provisions, not as the answer)."""
    return desk.ask(body.question, as_of=body.as_of)


@router.post("/govern", response_model=GovernResult, summary="适用哪项规定")
def govern(body: GovernRequest, desk: DeskDep) -> GovernResult:
    """Regulations ranked for a described case, with the deciding articles, why, and rule consequences."""
    return desk.govern(body.case, as_of=body.as_of)
