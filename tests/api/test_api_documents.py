"""Catalogue endpoints on the real corpus: list, one document with its segments, exact lookup."""

from __future__ import annotations

from pathlib import Path

import pytest
from api_helpers import assert_error

RAW = Path(__file__).resolve().parents[2] / "corpus" / "raw"
COMPETITION = "云南省职工职业技能竞赛管理办法（试行）"


@pytest.fixture(scope="module")
def documents(client) -> list[dict]:
    response = client.get("/api/documents")
    assert response.status_code == 200, response.text
    return response.json()


def source_lines(source: dict) -> str:
    lines = (RAW / source["file"]).read_text(encoding="utf-8").splitlines()
    return "\n".join(lines[source["line_start"] - 1 : source["line_end"]])


def test_catalogue_lists_every_document_in_the_cli_shape(documents):
    assert 55 <= len(documents) <= 80
    keys = {
        "id",
        "title",
        "doc_number",
        "issuer",
        "date",
        "kind",
        "status",
        "parent_id",
        "relations",
        "source",
    }
    for doc in documents:
        assert keys <= set(doc), doc
        assert doc["source"]["line_start"] <= doc["source"]["line_end"]
    assert len({d["id"] for d in documents}) == len(documents)


def test_catalogue_has_the_competition_measures_under_its_notice_number(documents):
    matches = [d for d in documents if d["title"] == COMPETITION]
    assert len(matches) == 1
    assert matches[0]["doc_number"] == "云职创〔2019〕3号"
    assert matches[0]["status"] == "in_force"


def test_catalogue_marks_news_and_letters_non_normative(documents):
    kinds = {d["kind"]: d["status"] for d in documents if d["kind"] in {"news", "letter", "summary"}}
    assert kinds, "the seeds hold a news article, a summary and a reply letter"
    assert set(kinds.values()) == {"non_normative"}


def test_document_has_its_articles_with_source_lines(client, documents):
    doc = next(d for d in documents if d["title"] == COMPETITION)
    response = client.get(f"/api/documents/{doc['id']}")
    assert response.status_code == 200, response.text
    detail = response.json()
    assert detail["title"] == COMPETITION
    by_locator = {s["locator"]: s for s in detail["segments"]}
    article, item = by_locator["第十八条"], by_locator["第十八条（一）"]
    assert article["text"].startswith("第十八条")
    assert item["parent_id"] == article["id"]
    assert "技术状元" in item["text"]
    assert "10000元" in item["text"].replace(" ", "")
    assert item["source"]["file"] == doc["source"]["file"]
    assert "10000元" in source_lines(item["source"]).replace(" ", "")


def test_lookup_with_arabic_article_number(client):
    response = client.get("/api/lookup", params={"doc": "云职创〔2019〕3号", "article": "第18条"})
    assert response.status_code == 200, response.text
    hit = response.json()
    assert hit["doc_title"] == COMPETITION
    assert hit["locator"].endswith("第十八条")
    assert "技术状元" in hit["text"]


def test_lookup_by_title_and_item(client):
    response = client.get("/api/lookup", params={"doc": f"《{COMPETITION}》", "article": "第十八条第二项"})
    assert response.status_code == 200, response.text
    assert "技师职业资格" in response.json()["text"]


@pytest.mark.parametrize(
    ("doc", "article", "status"),
    [
        ("云职创〔2019〕3号", "第九十九条", 404),
        ("不存在的文件", "第一条", 404),
        ("../../../../etc/passwd", "第一条", 404),
    ],
)
def test_lookup_misses_are_404(client, doc, article, status):
    assert_error(client.get("/api/lookup", params={"doc": doc, "article": article}), status)


@pytest.mark.parametrize("doc_id", ["..", "..%2F..%2Fetc%2Fpasswd", "%00", "x" * 300])
def test_document_ids_never_reach_the_file_system(client, doc_id):
    response = client.get(f"/api/documents/{doc_id}")
    assert response.status_code in {404, 422}, response.text
    assert "root:" not in response.text


def test_lookup_requires_both_parameters(client):
    assert_error(client.get("/api/lookup", params={"doc": "云职创〔2019〕3号"}), 422, "invalid_input")
