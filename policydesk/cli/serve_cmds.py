"""`policydesk serve`: the HTTP API and the staff web page."""

from __future__ import annotations

import logging

import click

from policydesk.cli.base import handle_errors, main
from policydesk.cli.options import data_options
from policydesk.config import Settings

APP_FACTORY = "api:create_app"
"""The HTTP app, named as ``uvicorn --factory api:create_app`` names it and loaded by uvicorn's importer:
the command line and the API are sibling shells over the Desk, and neither imports the other."""


@main.command()
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(1, 65535), help="Port to listen on.")
@data_options
@handle_errors
def serve(host: str, port: int, settings: Settings) -> None:
    """Run the API and the web page on http://HOST:PORT (builds the index on first start).

    Uploads over HTTP are on only when POLICYDESK_TOKEN is set.
    """
    import uvicorn
    from uvicorn.importer import import_from_string

    create_app = import_from_string(APP_FACTORY)

    handler = logging.StreamHandler()
    handler.setFormatter(logging.Formatter("%(levelname)s:     %(message)s"))
    logger = logging.getLogger("policydesk")  # our start-up and error lines, beside uvicorn's
    logger.setLevel(logging.INFO)
    logger.addHandler(handler)
    click.echo(f"PolicyDesk: http://{host}:{port}/  (API 文档 /docs, 数据目录 {settings.home})", err=True)
    uvicorn.run(create_app(settings), host=host, port=port, log_level="info")
