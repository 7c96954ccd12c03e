"""Liveness and what is loaded."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter

from api.deps import DeskDep
from api.errors import error_responses
from api.schemas import Health

router = APIRouter(tags=["service"], responses=error_responses())


@router.get("/health", response_model=Health, summary="服务状态")
def health(desk: DeskDep) -> dict[str, Any]:
    """Status, number of documents and segments, index generation, whether dense search is on."""
    return desk.health()
