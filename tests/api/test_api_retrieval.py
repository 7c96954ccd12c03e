"""Search, ask and govern over HTTP on the real corpus, in the CLI's JSON shapes."""

from __future__ import annotations

import pytest
from api_helpers import assert_error

COMPETITION_NUMBER = "云职创〔2019〕3号"
HIT_KEYS = {"doc_id", "doc_title", "doc_number", "locator", "text", "score", "status", "source"}


def test_search_returns_ranked_hits_with_sources(client):
    response = client.get("/api/search", params={"q": "省级一类竞赛 决赛第1名 奖金", "k": 5})
    assert response.status_code == 200, response.text
    hits = response.json()["hits"]
    assert 1 <= len(hits) <= 5
    for hit in hits:
        assert set(hit) >= HIT_KEYS
        assert hit["source"]["line_start"] <= hit["source"]["line_end"]
    scores = [h["score"] for h in hits]
    assert scores == sorted(scores, reverse=True)
    assert any(h["doc_number"] == COMPETITION_NUMBER for h in hits)


def test_search_k_defaults_and_bounds(client):
    assert len(client.get("/api/search", params={"q": "奖金"}).json()["hits"]) <= 10
    assert len(client.get("/api/search", params={"q": "奖金", "k": 1}).json()["hits"]) == 1
    assert client.get("/api/search", params={"q": "奖金", "k": 50}).status_code == 200


@pytest.fixture(scope="module")
def bonus_answer(client) -> dict:
    response = client.post("/api/ask", json={"question": "拿了省赛第一名有多少奖金？"})
    assert response.status_code == 200, response.text
    return response.json()


def test_ask_answers_with_a_citation_to_the_competition_measures(bonus_answer):
    assert bonus_answer["found"] is True
    assert "10000" in bonus_answer["answer"].replace(" ", "")
    cited = [c for c in bonus_answer["citations"] if c["doc_number"] == COMPETITION_NUMBER]
    assert cited, bonus_answer["citations"]
    provincial = [c for c in cited if c["locator"].startswith("第十八条")]
    assert provincial, cited
    assert provincial[0]["doc_title"] == "云南省职工职业技能竞赛管理办法（试行）"
    assert "10000元" in provincial[0]["quote"]
    assert provincial[0]["doc_id"]  # the page opens the article inside its document with it


def test_ask_quotes_are_verbatim_in_the_cited_article(client, bonus_answer):
    for citation in bonus_answer["citations"]:
        response = client.get("/api/lookup", params={"doc": citation["doc_title"], "article": citation["locator"]})
        assert response.status_code == 200, response.text
        assert citation["quote"] in response.json()["text"]


def test_ask_says_plainly_when_the_corpus_does_not_answer(client):
    response = client.post("/api/ask", json={"question": "公司给员工配发的笔记本电脑使用年限是几年？"})
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["found"] is False
    assert "未在现有政策文件中找到" in body["answer"]
    assert body["citations"] == []
    assert isinstance(body["related"], list)


def test_govern_ranks_the_supervision_rules_for_a_small_union(client):
    case = (
        "我们是一家民营企业的基层工会，会员只有20个人左右。上级工会让我们把劳动法律监督组织建起来。"
        "我们是不是也得成立一个完整的监督委员会？有没有更简便的做法？"
    )
    response = client.post("/api/govern", json={"case": case})
    assert response.status_code == 200, response.text
    body = response.json()
    top = body["regulations"][0]
    assert top["doc_number"] == "云工发〔2019〕34号"
    assert top["doc_title"] == "云南省工会劳动法律监督条例实施细则"
    assert top["articles"] and all(a["source"]["file"] for a in top["articles"])
    assert top["why"]
    assert "consequences" in body


def test_govern_never_ranks_superseded_or_non_normative_texts(client):
    response = client.post(
        "/api/govern", json={"case": "职工在省级一类技能竞赛决赛中获得第一名，单位想知道能得到什么奖励。"}
    )
    assert response.status_code == 200, response.text
    regulations = response.json()["regulations"]
    assert regulations
    assert {r["status"] for r in regulations} == {"in_force"}


ODD_INPUTS = ["😀" * 50, "<script>alert(1)</script>", "' OR 1=1 --", "第", "奖金 \u3000 ？"]


@pytest.mark.parametrize("text", ODD_INPUTS)
def test_odd_input_is_answered_not_crashed(client, text):
    assert client.post("/api/ask", json={"question": text}).status_code == 200
    assert client.post("/api/govern", json={"case": text}).status_code == 200
    assert client.get("/api/search", params={"q": text}).status_code == 200


@pytest.mark.parametrize("text", ["\x00\x01\x02", "奖金\x00", "奖金\x07？"])
def test_control_characters_are_invalid_input(client, text):
    assert_error(client.post("/api/ask", json={"question": text}), 422, "invalid_input")
    assert_error(client.post("/api/govern", json={"case": text}), 422, "invalid_input")
