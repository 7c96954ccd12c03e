"""FastAPI dependencies: the settings (overridable per app, the FastAPI way) and the app's one Desk."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, FastAPI, Request

from core.errors import IndexMissing
from policydesk.config import Settings, get_settings
from policydesk.desk import Desk


def resolve_settings(app: FastAPI) -> Settings:
    """The settings this app runs with: an override of ``get_settings`` if installed, else those given
    to ``create_app``, else the env's."""
    override = app.dependency_overrides.get(get_settings)
    if override is not None:
        return override()
    given = getattr(app.state, "settings", None)
    return given if isinstance(given, Settings) else get_settings()


async def app_settings(request: Request) -> Settings:
    """A coroutine, so that FastAPI calls it on the event loop instead of a thread-pool round trip."""
    return resolve_settings(request.app)


async def get_desk(request: Request) -> Desk:
    """A coroutine for the same reason: it only reads the app's state."""
    desk = getattr(request.app.state, "desk", None)
    if desk is None:  # the lifespan has not run (or failed): answer 503, not an AttributeError
        raise IndexMissing("服务尚未就绪：索引正在加载或构建，请稍后再试")
    return desk


SettingsDep = Annotated[Settings, Depends(app_settings)]
DeskDep = Annotated[Desk, Depends(get_desk)]
