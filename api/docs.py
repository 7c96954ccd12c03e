"""``/docs`` without the internet: Swagger UI from locally installed assets.

FastAPI's stock page loads Swagger UI from a CDN. When the ``fastapi-offline`` package (which ships
the Swagger UI bundle) is installed its files are served from ``/docs-assets``; otherwise ``/docs``
is a small local page that lists the operations of ``/openapi.json``.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

from fastapi import FastAPI
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import FileResponse, HTMLResponse
from fastapi.staticfiles import StaticFiles

STATIC_DIR = Path(__file__).parent / "static"
ASSETS_URL = "/docs-assets"


def swagger_assets_dir() -> Path | None:
    spec = importlib.util.find_spec("fastapi_offline")
    if spec is None or spec.origin is None:
        return None
    assets = Path(spec.origin).parent / "static"
    return assets if (assets / "swagger-ui-bundle.js").is_file() else None


def install_docs(app: FastAPI, openapi_url: str = "/openapi.json") -> None:
    assets = swagger_assets_dir()
    if assets is None:

        @app.get("/docs", include_in_schema=False)
        def local_docs() -> FileResponse:
            return FileResponse(STATIC_DIR / "docs.html")

        return

    app.mount(ASSETS_URL, StaticFiles(directory=assets), name="docs-assets")

    @app.get("/docs", include_in_schema=False)
    def swagger_docs() -> HTMLResponse:
        return get_swagger_ui_html(
            openapi_url=openapi_url,
            title=f"{app.title} – API 文档",
            swagger_js_url=f"{ASSETS_URL}/swagger-ui-bundle.js",
            swagger_css_url=f"{ASSETS_URL}/swagger-ui.css",
            swagger_favicon_url="/static/favicon.svg",
            swagger_ui_parameters={"validatorUrl": None, "defaultModelsExpandDepth": 0},
        )
