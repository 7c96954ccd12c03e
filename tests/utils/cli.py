"""The command line in-process (click's CliRunner) against one data directory."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from click.testing import CliRunner, Result

from policydesk.cli import main


def invoker(home: Path) -> Callable[..., Result]:
    """``policydesk COMMAND --home HOME ARGS…``: the command first, then the data directory."""
    runner = CliRunner()

    def invoke(*args: str) -> Result:
        return runner.invoke(main, [*args[:1], "--home", str(home), *args[1:]], catch_exceptions=False)

    return invoke
