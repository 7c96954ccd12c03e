"""The app factory: settings → one Desk (built on first start) → routers, error handlers, web page, docs."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from importlib.metadata import PackageNotFoundError, version

from fastapi import FastAPI
from fastapi.responses import FileResponse
from fastapi.staticfiles import StaticFiles
from starlette.concurrency import run_in_threadpool

from api.deps import resolve_settings
from api.docs import STATIC_DIR, install_docs
from api.errors import install_error_handlers
from api.openapi import install_openapi
from api.routes import ROUTERS
from api.routes.generate import GENERATOR_KINDS
from policydesk.config import Settings
from policydesk.desk import Desk
from policydesk.records import HealthUnavailable

log = logging.getLogger("policydesk.api")


def _version() -> str:
    try:
        return version("policydesk")
    except PackageNotFoundError:  # running from a checkout that is not pip-installed
        return "0.0.0"


@asynccontextmanager
async def lifespan(app: FastAPI) -> AsyncIterator[None]:
    settings = resolve_settings(app)
    desk = Desk(settings)
    log.info("PolicyDesk data directory: %s", settings.home)
    log.info("Checking the index (the first start builds it from the bundled corpus: a few minutes)…")
    await run_in_threadpool(desk.ensure_built)  # builds the index from the bundled corpus on first start
    status = await run_in_threadpool(desk.health)  # loads the catalogue and index once, before serving
    if isinstance(status, HealthUnavailable):
        log.warning("PolicyDesk started without a loadable index: %s", status.detail)
    else:
        log.info("PolicyDesk ready: %s documents, %s segments", status.documents, status.segments)
    app.state.desk = desk
    yield


def create_app(settings: Settings | None = None) -> FastAPI:
    """The ASGI app. ``settings`` (e.g. ``Settings(home=tmp_path)``) overrides ``get_settings``
    for this app; without it the environment's settings are used."""
    app = FastAPI(
        title="PolicyDesk",
        version=_version(),
        description="云南省工会与人社政策文件：带出处的问答、适用规定查询、公文（GB/T 9704）生成。",
        lifespan=lifespan,
        docs_url=None,
        redoc_url=None,
    )
    if settings is not None:
        # kept on the app's state, not as a dependency override: with any override installed FastAPI
        # re-inspects every dependency's signature on every request, on the event loop (bench/README.md)
        app.state.settings = settings
    install_error_handlers(app)
    for router in ROUTERS:
        app.include_router(router)
    install_openapi(app, GENERATOR_KINDS, lambda kind: [f"/api/generate/{kind}", f"/api/generate/{kind}/preview"])
    install_docs(app)
    app.mount("/static", StaticFiles(directory=STATIC_DIR), name="static")

    @app.get("/", include_in_schema=False)
    def index() -> FileResponse:
        return FileResponse(STATIC_DIR / "index.html")

    return app
