"""Generator fixtures: the shipped example payloads, and each kind generated once per session."""

from __future__ import annotations

import copy
import json
from pathlib import Path

import pytest
from docx import Document

import generators

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


def load_example(kind: str) -> dict:
    return json.loads((EXAMPLES / f"{kind.replace('-', '_')}.json").read_text(encoding="utf-8"))


@pytest.fixture()
def payload(request: pytest.FixtureRequest) -> dict:
    """A fresh copy of examples/<kind>.json for tests that change it (parametrize indirectly)."""
    return copy.deepcopy(load_example(request.param))


@pytest.fixture(scope="session")
def generated() -> dict[str, generators.GeneratedDocx]:
    return {kind: generators.generate(kind, load_example(kind)) for kind in generators.KINDS}


@pytest.fixture(scope="session")
def reopened(generated: dict) -> dict:
    import io

    return {kind: Document(io.BytesIO(result.data)) for kind, result in generated.items()}
