"""Liveness and what is loaded."""

from __future__ import annotations

from fastapi import APIRouter

from api.deps import DeskDep
from api.errors import error_responses
from policydesk.records import Health, HealthUnavailable

router = APIRouter(tags=["service"], responses=error_responses())


@router.get("/health", response_model=Health | HealthUnavailable, summary="服务状态")
def health(desk: DeskDep) -> Health | HealthUnavailable:
    """Status, number of documents and segments, index generation, whether dense search is on; or
    ``unavailable`` with the reason while no index can be loaded."""
    return desk.health()
