"""Service surface: health, the web page (no CDN), OpenAPI and offline /docs."""

from __future__ import annotations

import re

import pytest

ISSUE_PATHS = {
    "/health": {"get"},
    "/api/search": {"get"},
    "/api/ask": {"post"},
    "/api/govern": {"post"},
    "/api/documents": {"get", "post"},
    "/api/documents/{doc_id}": {"get"},
    "/api/lookup": {"get"},
    "/api/rules": {"get"},
    "/api/rules/{rule_id}": {"post"},
    "/api/generate/notice": {"post"},
    "/api/generate/plan": {"post"},
    "/api/generate/pledge": {"post"},
}
EXTERNAL = re.compile(
    r"""(?:src|href)\s*=\s*["']?(?:https?:)?//|@import\s+url\(\s*["']?https?:|fetch\(\s*["']https?:"""
)


def test_health_reports_the_loaded_corpus(client):
    response = client.get("/health")
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["status"] == "ok"
    assert body["documents"] >= 55
    assert body["rule_warnings"] == []  # every rule's cited article resolves in the seeds


def test_openapi_lists_every_path_of_the_issue(client):
    spec = client.get("/openapi.json").json()
    for path, methods in ISSUE_PATHS.items():
        assert path in spec["paths"], path
        assert methods <= set(spec["paths"][path]), path
    ask = spec["paths"]["/api/ask"]["post"]
    assert ask["responses"]["200"]["content"]["application/json"]["schema"]["$ref"].endswith("/Answer")
    assert ask["responses"]["413"]["content"]["application/json"]["schema"]["$ref"].endswith("/ErrorBody")
    upload = spec["paths"]["/api/documents"]["post"]
    assert "multipart/form-data" in upload["requestBody"]["content"]


def test_openapi_describes_every_successful_response(client):
    """Every route declares what its 2xx answer holds: the Desk's records (response_model), a JSON
    Schema, or the .docx download; none is left as an empty schema."""
    spec = client.get("/openapi.json").json()
    operations = [(path, method, op) for path, ops in spec["paths"].items() for method, op in ops.items()]
    assert len(operations) >= 15
    for path, method, op in operations:
        ok = {code: r for code, r in op["responses"].items() if code.startswith("2")}
        assert ok, (path, method)
        for code, response in ok.items():
            assert response.get("content"), (path, method, code)
            for media, body in response["content"].items():
                assert body.get("schema"), (path, method, code, media)
    components = spec["components"]["schemas"]
    for record in ("Hit", "Answer", "Citation", "Regulation", "GovernResult", "Provision", "DocumentDetail"):
        assert record in components, record
    health = spec["paths"]["/health"]["get"]["responses"]["200"]["content"]["application/json"]["schema"]
    assert {ref["$ref"].rsplit("/", 1)[1] for ref in health["anyOf"]} == {"Health", "HealthUnavailable"}


def test_openapi_describes_each_generator_input_and_every_ref_resolves(client):
    spec = client.get("/openapi.json").json()

    def body(path):
        return spec["paths"][path]["post"]["requestBody"]["content"]["application/json"]["schema"]

    assert {"year", "date"} <= set(body("/api/generate/plan")["required"])
    assert "doc_number" in body("/api/generate/notice")["properties"]
    assert body("/api/generate/pledge")["discriminator"]["propertyName"] == "programme"
    assert body("/api/generate/plan/preview") == body("/api/generate/plan")

    refs: list[str] = []

    def walk(node):
        if isinstance(node, dict):
            refs.extend(v for k, v in node.items() if k == "$ref")
            refs.extend(node.get("discriminator", {}).get("mapping", {}).values())
            for v in node.values():
                walk(v)
        elif isinstance(node, list):
            for v in node:
                walk(v)

    walk(spec)
    components = spec["components"]["schemas"]
    assert refs
    for ref in refs:
        assert ref.startswith("#/components/schemas/"), ref
        assert ref.rsplit("/", 1)[1] in components, ref


def test_web_page_is_chinese_and_uses_only_local_assets(client):
    response = client.get("/")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/html")
    html = response.text
    assert 'lang="zh-CN"' in html
    for label in ("提问", "适用哪项规定", "文件浏览", "公文生成"):
        assert label in html
    assert not EXTERNAL.search(html)
    assets = re.findall(r'(?:src|href)="(/static/[^"]+)"', html)
    assert {"/static/app.js", "/static/app.css"} <= set(assets)
    for asset in assets:
        res = client.get(asset)
        assert res.status_code == 200, asset
        if asset.endswith((".js", ".css")):
            assert not EXTERNAL.search(res.text), asset
            assert "http://" not in res.text and "https://" not in res.text, asset


def test_docs_page_works_offline(client):
    response = client.get("/docs")
    assert response.status_code == 200
    html = response.text
    assert "cdn." not in html and "https://" not in html
    for asset in re.findall(r"""(?:src|href)=["']?(/[^"' >]+)""", html):
        assert client.get(asset).status_code == 200, asset


@pytest.mark.parametrize("path", ["/static/../api/app.py", "/static/%2e%2e/app.py", "/static/..%2fapp.py"])
def test_static_files_stay_inside_the_static_directory(client, path):
    response = client.get(path)
    assert response.status_code == 404
    assert "create_app" not in response.text


def test_docs_fall_back_to_a_local_page_without_swagger_assets(monkeypatch, tmp_path):
    """Without the fastapi-offline package, /docs is the project's own page over /openapi.json."""
    from fastapi.testclient import TestClient

    import api.docs
    from api import create_app
    from policydesk.config import Settings

    monkeypatch.setattr(api.docs, "swagger_assets_dir", lambda: None)
    plain = TestClient(create_app(Settings(home=tmp_path)))  # no `with`: no build needed for static pages
    html = plain.get("/docs").text
    assert "/static/docs.js" in html and "https://" not in html
    assert plain.get("/static/docs.js").status_code == 200
