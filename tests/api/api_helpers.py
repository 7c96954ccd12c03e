"""Small helpers shared by the API tests (module name kept unique: tests/ has no packages)."""

from __future__ import annotations

import re
from pathlib import Path

from fastapi.testclient import TestClient

from api import create_app
from policydesk.config import Settings

ASCII_TOKEN = "s3cret-upload-token"
CJK = re.compile(r"[\u4e00-\u9fff]")


def assert_error(response, status: int, code: str | None = None) -> dict:
    """Assert the one error shape ``{"error": {"code", "message", "details"}}`` and return ``error``."""
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith("application/json")
    body = response.json()
    assert set(body) == {"error"}, body
    error = body["error"]
    assert set(error) == {"code", "message", "details"}, error
    assert isinstance(error["code"], str) and error["code"]
    assert CJK.search(error["message"]), f"message is not Chinese: {error['message']!r}"
    assert isinstance(error["details"], dict)
    if code is not None:
        assert error["code"] == code, error
    return error


def make_client(home: Path, **overrides: object) -> TestClient:
    """A TestClient over ``home``; the caller enters it (``with``) so startup runs."""
    return TestClient(create_app(Settings(home=home, **overrides)))


def files_under(home: Path) -> set[str]:
    return {str(p.relative_to(home)) for p in home.rglob("*") if p.is_file()}
