"""One error shape everywhere: ``{"error": {"code", "message", "details"}}`` with a Chinese message."""

from __future__ import annotations

import logging

import pytest
from api_helpers import assert_error
from fastapi.testclient import TestClient

from api import create_app
from api.deps import get_desk
from policydesk.config import Settings


def test_unknown_document_is_404_document_not_found(client):
    assert_error(client.get("/api/documents/no-such-document"), 404, "document_not_found")


def test_unknown_route_is_404_in_the_same_shape(client):
    assert_error(client.get("/api/nothing-here"), 404, "not_found")


def test_wrong_method_is_405_in_the_same_shape(client):
    response = client.delete("/api/ask")
    assert_error(response, 405, "method_not_allowed")
    assert "POST" in response.headers.get("allow", "")


@pytest.mark.parametrize("k", ["0", "51", "-1", "abc", "1.5"])
def test_search_k_out_of_bounds_is_422(client, k):
    error = assert_error(client.get("/api/search", params={"q": "奖金", "k": k}), 422, "invalid_input")
    assert error["details"]["errors"][0]["field"] == "k"
    assert "k" in error["message"]


@pytest.mark.parametrize(
    ("path", "body"),
    [
        ("/api/ask", {}),
        ("/api/ask", {"question": ""}),
        ("/api/ask", {"question": "   "}),
        ("/api/ask", {"question": 42}),
        ("/api/ask", {"question": None}),
        ("/api/ask", ["拿了省赛第一名有多少奖金？"]),
        ("/api/govern", {"question": "用错了字段名"}),
        ("/api/govern", {"case": ""}),
    ],
)
def test_invalid_bodies_are_422(client, path, body):
    assert_error(client.post(path, json=body), 422, "invalid_input")


def test_body_that_is_not_json_is_422(client):
    response = client.post("/api/ask", content=b"{not json", headers={"content-type": "application/json"})
    error = assert_error(response, 422, "invalid_input")
    assert "JSON" in error["message"]


def test_validation_errors_do_not_echo_the_input(client):
    """A 2 MB body must not come back in the error (pydantic's errors carry the input by default)."""
    response = client.post("/api/ask", json={"question": ["x" * 100_000]})
    assert_error(response, 422)
    assert len(response.content) < 2_000


@pytest.mark.parametrize(
    ("method", "path", "kwargs"),
    [
        ("post", "/api/ask", {"json": {"question": "奖" * 2001}}),
        ("post", "/api/govern", {"json": {"case": "案" * 2001}}),
        ("get", "/api/search", {"params": {"q": "奖" * 2001}}),
    ],
)
def test_text_over_2000_characters_is_413(client, method, path, kwargs):
    error = assert_error(getattr(client, method)(path, **kwargs), 413, "too_large")
    assert error["details"]["max_chars"] == 2000
    assert "2000" in error["message"]


def test_text_of_exactly_2000_characters_is_accepted(client):
    question = ("拿了省赛第一名有多少奖金？" * 200)[:2000]
    assert client.post("/api/ask", json={"question": question}).status_code == 200


@pytest.mark.parametrize(
    ("method", "path", "allow"),
    [("options", "/api/documents", "GET, POST"), ("delete", "/api/documents/x", "GET"), ("get", "/api/ask", "POST")],
)
def test_405_lists_every_method_of_the_path(client, method, path, allow):
    response = client.request(method.upper(), path)
    assert_error(response, 405, "method_not_allowed")
    assert response.headers["allow"] == allow


def test_unknown_rule_is_404(client):
    assert_error(client.post("/api/rules/no-such-rule", json={}), 404)


def test_unknown_generator_kind_is_404(client):
    assert_error(client.post("/api/generate/report", json={}), 404, "not_found")
    assert_error(client.get("/api/generate/report/schema"), 404, "not_found")


def test_unexpected_exception_is_logged_and_answered_500(tmp_path, caplog):
    """Unknown failures: the traceback goes to the log, the client gets the error shape without internals."""

    class BrokenDesk:
        def health(self):
            raise RuntimeError("internal detail that must not leak")

    app = create_app(Settings(home=tmp_path))
    app.dependency_overrides[get_desk] = BrokenDesk
    # no `with`: the lifespan (and its build) does not run; the desk comes from the override
    plain = TestClient(app, raise_server_exceptions=False)
    with caplog.at_level(logging.ERROR, logger="policydesk.api"):
        response = plain.get("/health")
    error = assert_error(response, 500, "internal_error")
    assert "internal detail" not in response.text
    assert "internal detail that must not leak" in caplog.text
    assert error["details"] == {}


def test_library_errors_keep_their_code_status_and_details(tmp_path):
    from core.errors import AmbiguousCitation

    class AmbiguousDesk:
        def lookup(self, doc, article):
            raise AmbiguousCitation(
                "该文号下有多份文件含有此条款", candidates=[{"doc_title": "甲"}, {"doc_title": "乙"}]
            )

    app = create_app(Settings(home=tmp_path))
    app.dependency_overrides[get_desk] = AmbiguousDesk
    response = TestClient(app).get("/api/lookup", params={"doc": "某〔2020〕1号", "article": "第一条"})
    error = assert_error(response, 409, "ambiguous_citation")
    assert error["details"]["candidates"] == [{"doc_title": "甲"}, {"doc_title": "乙"}]


def test_body_that_is_not_utf8_is_422(client):
    response = client.post("/api/govern", content=b'{"case": "\xff\xfe"}', headers={"content-type": "application/json"})
    assert_error(response, 422, "invalid_input")
