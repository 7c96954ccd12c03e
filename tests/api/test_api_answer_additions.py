"""Issue 11 over HTTP: POST /api/ask quotes the provision an answer's provision defers to (``refers_from``)
and names other editions (``superseded``); real texts beside the seeds (``real_home``)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from api_helpers import make_client
from fastapi.testclient import TestClient


@pytest.fixture(scope="module")
def real_client(real_home: Path) -> Iterator[TestClient]:
    with make_client(real_home, token=None) as c:
        yield c


def test_ask_quotes_the_provision_deferred_to(real_client: TestClient) -> None:
    body = real_client.post("/api/ask", json={"question": "劳动能力再次鉴定和复查鉴定的期限是多久？"}).json()
    cited = {c["locator"]: c for c in body["citations"]}
    assert cited["第二十九条"]["refers_from"] is None
    deferred = [c for c in body["citations"] if c["refers_from"] == "第二十九条"]
    assert 1 <= len(deferred) <= 2 and all(c["verified"] for c in deferred)
    assert "第二十五条第二款" in cited and "60日内" in cited["第二十五条第二款"]["quote"]  # the deadline asked for
    assert cited["第二十五条第二款"]["formal"].endswith("第二十五条第二款")
    assert body["superseded"] == []


def test_ask_names_the_older_edition_and_as_of_the_later(real_client: TestClient) -> None:
    now = real_client.post("/api/ask", json={"question": "春节放几天假？"}).json()
    (note,) = now["superseded"]
    assert set(note) == {
        "edition", "doc_id", "doc_title", "doc_number", "locator", "effective_date", "expired_date",
        "superseded_by", "changed", "cited_doc_id", "cited_locator",
    }  # fmt: skip
    assert (note["edition"], note["locator"], note["expired_date"], note["changed"]) == (
        "older",
        "第二条",
        "2024-11-10",
        True,
    )
    assert any("放假4天" in c["quote"] for c in now["citations"]) and "2024年11月10日被取代" in now["answer"]
    then = real_client.post("/api/ask", json={"question": "春节放几天假？", "as_of": "2020-06-01"}).json()
    assert any("放假3天" in c["quote"].replace(" ", "") for c in then["citations"])
    assert [n["edition"] for n in then["superseded"]] == ["later"] and "被取代" not in then["answer"]
