"""`as_of` on POST /api/ask, POST /api/govern and GET /api/search (issue 11), over the seeds."""

from __future__ import annotations

import pytest
from api_helpers import assert_error


def test_ask_and_govern_take_as_of(client) -> None:  # type: ignore[no-untyped-def]
    body = client.post("/api/ask", json={"question": "云岭工匠每年最多命名多少名？", "as_of": "2023-05-01"}).json()
    assert body["answer"].startswith("（按2023年5月1日施行的文件）") and body["found"]
    response = client.post("/api/govern", json={"case": "推荐云岭工匠需要什么条件？", "as_of": "2023-05-01"})
    assert response.status_code == 200 and response.json()["regulations"]


def test_search_as_of_leaves_out_texts_not_yet_issued(client) -> None:  # type: ignore[no-untyped-def]
    now = client.get("/api/search", params={"q": "云岭工匠 命名", "k": 10}).json()["hits"]
    early = client.get("/api/search", params={"q": "云岭工匠 命名", "k": 10, "as_of": "2000-01-01"}).json()["hits"]
    dated = {h["doc_id"] for h in now if h["doc_title"] == "云岭工匠选树管理办法"}
    assert dated and not dated & {h["doc_id"] for h in early}


@pytest.mark.parametrize("bad", ["2020-13-01", "2020/06/01", "昨天", "2021-02-30"])
def test_malformed_as_of_is_422(client, bad: str) -> None:  # type: ignore[no-untyped-def]
    for response in (
        client.post("/api/ask", json={"question": "春节放几天假？", "as_of": bad}),
        client.post("/api/govern", json={"case": "春节加班", "as_of": bad}),
        client.get("/api/search", params={"q": "春节", "as_of": bad}),
    ):
        error = assert_error(response, 422, "invalid_input")
        assert "as_of" in error["message"]
