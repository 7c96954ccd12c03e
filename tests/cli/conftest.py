from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import Result

from tests.utils.cli import invoker


@pytest.fixture(scope="module")
def run(built_home: Path) -> Callable[..., Result]:
    """The command line against the seeds' session build."""
    return invoker(built_home)
