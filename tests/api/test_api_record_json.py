"""Search, ask and govern serialise their record in the worker thread (api/routes/retrieval.py): the
bytes sent are exactly what FastAPI's own serialisation of the route's ``response_model`` gives."""

from __future__ import annotations

from fastapi.testclient import TestClient
from pydantic import TypeAdapter

from policydesk.desk import Desk
from policydesk.records import Answer, GovernResult, SearchResult

QUESTIONS = ("劳动法律监督员证有效期几年？", "云职创〔2019〕3号第十八条的奖金是多少", "示范职工书屋的藏书有什么要求")
CASE = "职工在车间作业时受伤，企业不承认是工伤，工会该怎么办"


def _desk(client: TestClient) -> Desk:
    desk = client.app.state.desk  # type: ignore[attr-defined]
    assert isinstance(desk, Desk)
    return desk


def test_answers_and_searches_are_the_bytes_fastapi_would_send(client: TestClient) -> None:
    desk = _desk(client)
    for question in QUESTIONS:
        response = client.post("/api/ask", json={"question": question})
        assert response.status_code == 200
        assert response.headers["content-type"] == "application/json"
        assert response.content == TypeAdapter(Answer).dump_json(desk.ask(question), by_alias=True)
        response = client.get("/api/search", params={"q": question, "k": 5})
        assert response.status_code == 200
        assert response.content == TypeAdapter(SearchResult).dump_json(desk.search(question, 5), by_alias=True)


def test_governs_are_the_bytes_fastapi_would_send(client: TestClient) -> None:
    response = client.post("/api/govern", json={"case": CASE})
    assert response.status_code == 200
    assert response.content == TypeAdapter(GovernResult).dump_json(_desk(client).govern(CASE), by_alias=True)


def test_errors_keep_their_shape(client: TestClient) -> None:
    response = client.post("/api/ask", json={"question": "   "})
    assert response.status_code == 422
    assert set(response.json()["error"]) >= {"code", "message", "details"}
