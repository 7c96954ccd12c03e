"""API fixtures: one app per module over the session's built data directory (``built_home`` from
tests/conftest.py), opened in a ``with`` block so the lifespan (Desk + ensure_built) runs."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from api_helpers import ASCII_TOKEN, make_client
from fastapi.testclient import TestClient


@pytest.fixture(scope="module")
def client(built_home: Path) -> Iterator[TestClient]:
    """Read-only client over the shared built data directory; uploads are off (no token)."""
    with make_client(built_home, token=None) as c:
        yield c


@pytest.fixture(scope="module")
def token_client(built_home: Path) -> Iterator[TestClient]:
    """Uploads on (a token is configured) over the shared data: only for requests that are refused."""
    with make_client(built_home, token=ASCII_TOKEN) as c:
        yield c
