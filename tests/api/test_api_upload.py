"""Uploading a policy file over HTTP: token checks before the body is read, size limits, and an added
document that is visible at once (no restart)."""

from __future__ import annotations

from pathlib import Path

import pytest
from api_helpers import ASCII_TOKEN, assert_error, files_under, make_client

NEW_POLICY = """云南省总工会办公室文件

云工办发〔2024〕7号

云南省总工会办公室关于印发《云南省职工书屋管理办法（试行）》的通知

各州（市）总工会，省级各产业工会：
    现将《云南省职工书屋管理办法（试行）》印发给你们，请结合实际认真贯彻执行。

云南省总工会办公室
2024年3月1日

云南省职工书屋管理办法（试行）

第一章 总则

第一条 为加强全省职工书屋建设和管理，丰富职工精神文化生活，制定本办法。

第二条 本办法适用于全省各级工会建设的职工书屋。

第二章 建设标准

第三条 职工书屋每年开放时间不少于300天，藏书不少于1500册，并配备专（兼）职管理员1名。

第四条 职工书屋应当建立借阅登记制度，每季度更新图书不少于50册。

第三章 附则

第五条 本办法由云南省总工会负责解释，自印发之日起施行。
"""
AUTH = {"Authorization": f"Bearer {ASCII_TOKEN}"}


def upload(client, content: bytes, filename: str = "职工书屋管理办法.txt", headers: dict | None = None):
    return client.post("/api/documents", files={"file": (filename, content, "text/plain")}, headers=headers or {})


def test_uploads_are_off_without_a_configured_token(client, built_home):
    before = files_under(built_home)
    error = assert_error(upload(client, NEW_POLICY.encode(), headers=AUTH), 403, "uploads_disabled")
    assert "上传功能未开启" in error["message"]
    assert files_under(built_home) == before


def test_no_credentials_while_uploads_are_off_is_401_saying_so(client, built_home):
    before = files_under(built_home)
    response = upload(client, NEW_POLICY.encode())
    error = assert_error(response, 401, "unauthorized")
    assert "上传功能未开启" in error["message"]
    assert response.headers["www-authenticate"] == "Bearer"
    assert files_under(built_home) == before


def test_missing_token_is_401(token_client, built_home):
    before = files_under(built_home)
    response = upload(token_client, NEW_POLICY.encode())
    assert_error(response, 401, "unauthorized")
    assert response.headers["www-authenticate"] == "Bearer"
    assert files_under(built_home) == before


@pytest.mark.parametrize(
    "header",
    [
        f"Bearer {ASCII_TOKEN}x",
        "Bearer ",
        f"Bearer {ASCII_TOKEN[:-1]}",
        "Bearer 令牌".encode(),
    ],
)
def test_wrong_token_is_403(token_client, built_home, header):
    before = files_under(built_home)
    response = upload(token_client, NEW_POLICY.encode(), headers={"Authorization": header})
    assert response.status_code in {401, 403}, response.text
    assert_error(response, response.status_code)
    assert files_under(built_home) == before


def test_other_auth_schemes_are_401(token_client):
    assert_error(upload(token_client, b"x", headers={"Authorization": f"Basic {ASCII_TOKEN}"}), 401)


def test_declared_body_over_20_mb_is_413_before_reading(token_client, built_home):
    before = files_under(built_home)
    big = b"a" * (20 * 1024 * 1024 + 1)
    error = assert_error(upload(token_client, big, headers=AUTH), 413, "too_large")
    assert "20 MB" in error["message"]
    assert files_under(built_home) == before


@pytest.fixture(scope="module")
def small_limit_client(built_home):
    with make_client(built_home, token=ASCII_TOKEN, max_upload_bytes=1024) as c:
        yield c


def test_file_over_the_limit_is_413(small_limit_client, built_home):
    before = files_under(built_home)
    assert_error(upload(small_limit_client, b"x" * 5000, headers=AUTH), 413, "too_large")
    assert files_under(built_home) == before


def test_streamed_body_without_length_is_cut_off_at_the_limit(small_limit_client):
    """A chunked body (no Content-Length) is counted as it arrives and refused past the limit."""

    def body():
        boundary = b"--xyz\r\n"
        yield boundary + b'Content-Disposition: form-data; name="file"; filename="a.txt"\r\n\r\n'
        for _ in range(1000):
            yield b"x" * 1024
        yield b"\r\n--xyz--\r\n"

    response = small_limit_client.post(
        "/api/documents",
        content=body(),
        headers={**AUTH, "Content-Type": "multipart/form-data; boundary=xyz"},
    )
    assert_error(response, 413, "too_large")


@pytest.mark.parametrize(
    ("content", "content_type"),
    [(b'{"file": "x"}', "application/json"), (b"--nope\r\ngarbage", "multipart/form-data; boundary=xyz")],
)
def test_body_without_a_file_part_is_422(token_client, content, content_type):
    response = token_client.post("/api/documents", content=content, headers={**AUTH, "Content-Type": content_type})
    assert_error(response, 422)


@pytest.fixture(scope="module")
def upload_home(tmp_path_factory, built_home):
    import shutil

    home = tmp_path_factory.mktemp("upload") / "home"
    shutil.copytree(built_home, home, symlinks=True)
    return home


@pytest.fixture(scope="module")
def upload_client(upload_home):
    with make_client(upload_home, token=ASCII_TOKEN) as c:
        yield c


def test_uploaded_policy_is_catalogued_and_searchable_without_restart(upload_client, upload_home):
    before = len(upload_client.get("/api/documents").json())
    response = upload(upload_client, NEW_POLICY.encode("utf-8"), headers=AUTH)
    assert response.status_code == 200, response.text

    documents = upload_client.get("/api/documents").json()
    assert len(documents) > before
    titles = {d["title"] for d in documents}
    assert "云南省职工书屋管理办法（试行）" in titles

    hit = upload_client.get("/api/lookup", params={"doc": "云工办发〔2024〕7号", "article": "第3条"})
    assert hit.status_code == 200, hit.text
    assert "1500册" in hit.json()["text"]

    hits = upload_client.get("/api/search", params={"q": "职工书屋 藏书 开放时间", "k": 3}).json()["hits"]
    assert hits[0]["doc_title"] == "云南省职工书屋管理办法（试行）"

    answer = upload_client.post("/api/ask", json={"question": "职工书屋每年至少开放多少天？"}).json()
    assert answer["found"] is True
    assert any(c["doc_number"] == "云工办发〔2024〕7号" for c in answer["citations"])


def test_uploading_the_same_file_twice_changes_nothing(upload_client):
    upload(upload_client, NEW_POLICY.encode("utf-8"), headers=AUTH)
    before = upload_client.get("/api/documents").json()
    response = upload(upload_client, NEW_POLICY.encode("utf-8"), headers=AUTH)
    assert response.status_code == 200, response.text
    assert upload_client.get("/api/documents").json() == before


def test_unreadable_upload_is_rejected_and_nothing_changes(upload_client, upload_home):
    before = upload_client.get("/api/documents").json()
    files_before = files_under(upload_home)
    word97 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 2048
    error = assert_error(upload(upload_client, word97, filename="旧文件.doc", headers=AUTH), 422)
    assert "旧文件.doc" in error["message"] or "doc" in error["message"]
    assert upload_client.get("/api/documents").json() == before
    assert {f for f in files_under(upload_home) - files_before if "旧文件" in f} == set()


@pytest.mark.parametrize("filename", ["../../../逃逸.txt", "/etc/逃逸.txt", "..\\..\\逃逸.txt"])
def test_upload_file_names_never_escape_the_data_directory(upload_client, upload_home, filename):
    response = upload(upload_client, NEW_POLICY.replace("7号", "8号").encode(), filename=filename, headers=AUTH)
    assert response.status_code in {200, 422}, response.text
    outside = [p for p in upload_home.parent.parent.rglob("逃逸*") if upload_home not in p.parents]
    assert outside == []
    assert not Path("/etc/逃逸.txt").exists()
