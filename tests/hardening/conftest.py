"""A real HTTP server on loopback (uvicorn in a thread), for fuzzing and hostile-input tests."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest
import uvicorn

from api.app import create_app
from policydesk.config import Settings

TOKEN = "hardening-token"


@dataclass
class LiveServer:
    url: str
    home: Path


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def wait_until_healthy(url: str, seconds: float = 120) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"{url}/health", timeout=2).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.1)
    raise AssertionError(f"server at {url} did not become healthy in {seconds:.0f}s")


def serve(settings: Settings) -> Iterator[LiveServer]:
    port = free_port()
    server = uvicorn.Server(uvicorn.Config(create_app(settings), host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    url = f"http://127.0.0.1:{port}"
    wait_until_healthy(url)
    yield LiveServer(url, settings.home)
    server.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="module")
def live_server(built_home: Path) -> Iterator[LiveServer]:
    """Read-only server over the session's build; uploads off."""
    yield from serve(Settings(home=built_home))


@pytest.fixture()
def upload_server(fresh_home: Path) -> Iterator[LiveServer]:
    """A server over a private copy of the data, with uploads on."""
    yield from serve(Settings(home=fresh_home, token=TOKEN))
