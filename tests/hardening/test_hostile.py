"""Hostile input over HTTP: every bad upload or query is a clear 4xx, and nothing is stored."""

from __future__ import annotations

from pathlib import Path

import httpx
import pytest

from policydesk.generations import DataDir
from tests.hardening.conftest import TOKEN, LiveServer
from tests.utils.hostile_files import blank_pdf, zip_bomb

AUTH = {"Authorization": f"Bearer {TOKEN}"}


HOSTILE_UPLOADS = [
    ("binary.txt", b"\x7fELF\x02\x01\x01\x00" + bytes(range(256)) * 64),
    ("bomb.docx", zip_bomb()),
    ("secret.pdf", blank_pdf("s3cret")),
    ("scan.pdf", blank_pdf()),
    ("empty.txt", b""),
    ("../../escape.txt", "第一条 为规范管理，制定本办法。本办法自印发之日起施行。".encode()),
    ("..", b"x" * 100),
    ("name\x00.txt", b"x" * 100),
    ("old.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 512),
]


def _stored(home: Path) -> list[str]:
    added = DataDir(home).added
    return sorted(p.name for p in added.iterdir()) if added.is_dir() else []


@pytest.mark.parametrize(("name", "data"), HOSTILE_UPLOADS, ids=[n for n, _ in HOSTILE_UPLOADS])
def test_hostile_upload_is_refused_and_nothing_stored(upload_server: LiveServer, name: str, data: bytes) -> None:
    generation = DataDir(upload_server.home).current()
    response = httpx.post(f"{upload_server.url}/api/documents", headers=AUTH, files={"file": (name, data)}, timeout=120)
    assert 400 <= response.status_code < 500, response.text
    assert response.json()["error"]["message"]
    assert _stored(upload_server.home) == []
    assert DataDir(upload_server.home).current() == generation
    assert not list((upload_server.home / "generations").glob("tmp-*"))


def test_fifty_megabytes_is_too_large(upload_server: LiveServer) -> None:
    big = "第一条 本办法自印发之日起施行。\n".encode() * (50 * 1024 * 1024 // 48)
    response = httpx.post(
        f"{upload_server.url}/api/documents", headers=AUTH, files={"file": ("big.txt", big)}, timeout=120
    )
    assert response.status_code == 413
    assert _stored(upload_server.home) == []


@pytest.mark.parametrize(
    "question",
    ["问" * 2001, "奖金\x00\x01\x02", "\u200b\u200b\u200b", "   \n\t  "],
    ids=["too-long", "control-characters", "zero-width-only", "blank"],
)
def test_hostile_questions_are_4xx(live_server: LiveServer, question: str) -> None:
    for path, key in (("/api/ask", "question"), ("/api/govern", "case")):
        response = httpx.post(f"{live_server.url}{path}", json={key: question}, timeout=60)
        assert 400 <= response.status_code < 500, (path, response.text)
        assert response.json()["error"]["message"]
    response = httpx.get(f"{live_server.url}/api/search", params={"q": question}, timeout=60)
    assert 400 <= response.status_code < 500


def test_odd_unicode_in_citations(live_server: LiveServer) -> None:
    """Full-width digits, ASCII brackets and zero-width marks still name the same article;
    nonsense is a clear 4xx."""
    for doc, article in (
        ("云职创〔２０１９〕３号", "第１８条"),
        ("云职创[2019]3号", "第十八条"),
        ("云职创\u200b〔2019〕3号", "第18条"),
    ):
        response = httpx.get(f"{live_server.url}/api/lookup", params={"doc": doc, "article": article}, timeout=60)
        assert response.status_code == 200, (doc, response.text)
        assert response.json()["locator"] == "第十八条"
    for doc, article in (
        ("\u202e号3〕9102〔创职云", "第18条"),
        ("云职创〔2019〕3号", "第\u0000条"),
        ("云职创〔2019〕3号", "💥"),
    ):
        response = httpx.get(f"{live_server.url}/api/lookup", params={"doc": doc, "article": article}, timeout=60)
        assert 400 <= response.status_code < 500, (doc, article, response.text)
