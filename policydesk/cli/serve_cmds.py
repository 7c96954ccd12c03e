"""`policydesk serve`: the HTTP API and the staff web page."""

from __future__ import annotations

import logging

import click

from policydesk.cli.base import handle_errors, main


@main.command()
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(1, 65535), help="Port to listen on.")
@handle_errors
def serve(host: str, port: int) -> None:
    """Run the API and the web page on http://HOST:PORT (builds the index on first start).

    Settings come from the environment: POLICYDESK_HOME (data directory), POLICYDESK_TOKEN (enables
    uploads), POLICYDESK_EMBED_MODEL.
    """
    import uvicorn

    from api import create_app

    logging.basicConfig(level=logging.INFO, format="%(levelname)s:     %(name)s - %(message)s")
    click.echo(f"PolicyDesk: http://{host}:{port}/  (API 文档: http://{host}:{port}/docs)", err=True)
    uvicorn.run(create_app(), host=host, port=port, log_level="info")
