"""Shared pieces of the command line: the group, JSON output and the error edge."""

from __future__ import annotations

import functools
import json
import sys
from collections.abc import Callable
from typing import Any, TypeVar

import click
from pydantic import BaseModel

from core.errors import PolicyDeskError

CONTEXT_SETTINGS = {"help_option_names": ["-h", "--help"]}
F = TypeVar("F", bound=Callable[..., Any])


@click.group(context_settings=CONTEXT_SETTINGS)
@click.version_option(package_name="policydesk")
def main() -> None:
    """PolicyDesk: cited answers from Yunnan trade-union and HR policy texts, and GB/T 9704 drafts."""


def handle_errors(func: F) -> F:
    """Turn every PolicyDeskError into one `Error: …` line and exit 1; never a traceback."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except PolicyDeskError as exc:
            click.echo(f"Error: {exc.message}", err=True)
            candidates = exc.details.get("candidates")
            if candidates:
                for cand in candidates:  # type: ignore[union-attr]
                    click.echo(f"  - {json.dumps(cand, ensure_ascii=False)}", err=True)
            sys.exit(1)
        except KeyboardInterrupt:
            click.echo("Error: interrupted", err=True)
            sys.exit(130)

    return wrapper  # type: ignore[return-value]


def jsonable(data: Any) -> Any:
    """Records (and lists of them) as the API sends them: ``model_dump(mode="json")``, same keys in the
    same order; anything else is already plain JSON data."""
    if isinstance(data, BaseModel):
        return data.model_dump(mode="json")
    if isinstance(data, list | tuple):
        return [jsonable(item) for item in data]
    return data


def echo_json(data: Any, *, indent: int | None = 2) -> None:
    click.echo(json.dumps(jsonable(data), ensure_ascii=False, indent=indent))


def echo_jsonl(rows: Any) -> None:
    for row in rows:
        echo_json(row, indent=None)
