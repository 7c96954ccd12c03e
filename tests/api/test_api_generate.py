"""Generators over HTTP: JSON in, a GB/T 9704 .docx download with a Chinese file name (RFC 5987) out."""

from __future__ import annotations

import io
import json
import re
import zipfile
from pathlib import Path
from urllib.parse import unquote

import pytest
from api_helpers import assert_error

from api.routes.generate import DOCX_MEDIA_TYPE, content_disposition

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
KINDS = ["notice", "plan", "pledge", "training-plan"]


def example(kind: str) -> dict:
    return json.loads((EXAMPLES / f"{kind.replace('-', '_')}.json").read_text(encoding="utf-8"))


def filename_star(header: str) -> str:
    match = re.search(r"filename\*=UTF-8''([^;]+)", header)
    assert match, header
    return unquote(match.group(1))


@pytest.mark.parametrize("kind", KINDS)
def test_generate_downloads_a_docx_with_a_chinese_name(client, kind):
    response = client.post(f"/api/generate/{kind}", json=example(kind))
    assert response.status_code == 200, response.text
    assert response.headers["content-type"] == DOCX_MEDIA_TYPE
    assert response.content[:2] == b"PK"
    with zipfile.ZipFile(io.BytesIO(response.content)) as docx:
        assert "word/document.xml" in docx.namelist()
    disposition = response.headers["content-disposition"]
    assert disposition.startswith("attachment;")
    assert re.search(r'filename="[\x20-\x7e]+\.docx"', disposition), disposition
    name = filename_star(disposition)
    assert name.endswith(".docx")
    assert re.search(r"[\u4e00-\u9fff]", name), name


def test_plan_download_is_the_year_asked_for_and_byte_identical_on_repeat(client):
    payload = {**example("plan"), "year": 2031}
    first = client.post("/api/generate/plan", json=payload)
    second = client.post("/api/generate/plan", json=payload)
    assert first.status_code == 200, first.text
    assert first.content == second.content
    with zipfile.ZipFile(io.BytesIO(first.content)) as docx:
        xml = docx.read("word/document.xml").decode("utf-8")
    assert "2031" in xml
    assert "2031" in filename_star(first.headers["content-disposition"]) or "2031" in xml


@pytest.mark.parametrize("kind", KINDS)
def test_schema_describes_the_input(client, kind):
    response = client.get(f"/api/generate/{kind}/schema")
    assert response.status_code == 200, response.text
    schema = response.json()
    assert "properties" in schema or "$defs" in schema or "schema" in schema


@pytest.mark.parametrize("kind", KINDS)
def test_preview_gives_the_filename_and_trace(client, kind):
    response = client.post(f"/api/generate/{kind}/preview", json=example(kind))
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["filename"].endswith(".docx")
    assert body["size"] > 1000


@pytest.mark.parametrize(
    "payload",
    [{}, {"year": "明年"}, {"year": 20222}, {"unexpected": "field", "year": None}],
)
def test_invalid_plan_input_is_422(client, payload):
    assert_error(client.post("/api/generate/plan", json=payload), 422)


def test_notice_with_a_malformed_doc_number_is_422(client):
    payload = example("notice")
    payload = _replace_doc_number(payload, "云工发2022第3号")
    error = assert_error(client.post("/api/generate/notice", json=payload), 422)
    assert "文号" in error["message"] or "doc_number" in json.dumps(error, ensure_ascii=False)


def _replace_doc_number(payload: dict, value: str) -> dict:
    for key in ("doc_number", "number"):
        if key in payload:
            return {**payload, key: value}
    raise AssertionError(f"examples/notice.json has no 文号 field: {sorted(payload)}")


def test_generate_body_must_be_a_json_object(client):
    assert_error(client.post("/api/generate/plan", json=["year", 2022]), 422, "invalid_input")


@pytest.mark.parametrize(
    ("filename", "ascii_part"),
    [
        ("关于印发《2025年方案》的通知.docx", "policydesk-plan.docx"),
        ("plan-2025.docx", "plan-2025.docx"),
        ('a"b;c\\d.docx', "abcd.docx"),
    ],
)
def test_content_disposition_is_rfc5987(filename, ascii_part):
    header = content_disposition(filename, "policydesk-plan.docx")
    assert header.startswith(f'attachment; filename="{ascii_part}"; ')
    assert filename_star(header) == filename
    header.encode("latin-1")  # must be sendable as an HTTP header


@pytest.mark.parametrize("programme", [{}, ["云岭工匠"], "不存在的项目", None, 5])
def test_pledge_with_a_bad_programme_is_422_not_500(client, programme):
    """Regression: an unhashable ``programme`` (found by fuzzing) crashed the pledge dispatch with a 500."""
    payload = {**example("pledge"), "programme": programme}
    error = assert_error(client.post("/api/generate/pledge", json=payload), 422)
    assert "programme" in error["message"]


def test_plan_preview_lists_the_changes_against_the_base(client):
    response = client.post("/api/generate/plan/preview", json=example("plan_overrides"))
    assert response.status_code == 200, response.text
    lines = [c["line"] for c in response.json()["changes"]]
    assert "全市性职工职业技能竞赛：不少于20场次 → 不少于25场次" in lines
    unchanged = client.post("/api/generate/plan/preview", json=example("plan")).json()
    assert unchanged["changes"] == []


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"parameters": {"no_such_quota": 3}}, "overrides.parameters.no_such_quota"),
        ({"parameters": {"city_min": "many"}}, "overrides.parameters.city_min"),
        ({"remove_paragraphs": ["phase1_heading"]}, "overrides.remove_paragraphs[0]"),
    ],
)
def test_bad_plan_overrides_are_422_naming_the_field(client, overrides, field):
    response = client.post("/api/generate/plan", json={**example("plan"), "overrides": overrides})
    error = assert_error(response, 422)
    assert field in error["message"]


def test_training_plan_over_a_limit_is_422_with_the_article(client):
    payload = example("training_plan")
    payload["budget"][2]["amount_yuan"] = 99999
    error = assert_error(client.post("/api/generate/training-plan", json=payload), 422)
    assert "budget[2].amount_yuan" in error["message"] and "第十条" in error["message"]
