"""kill -9 in the middle of an upload's rebuild: the previous catalogue and index go on serving
identical answers, and the next build succeeds."""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import httpx

from policydesk.build import build
from policydesk.config import Settings
from policydesk.desk import Desk
from policydesk.generations import DataDir
from tests.hardening.conftest import TOKEN, free_port, wait_until_healthy
from tests.utils.policy_text import NEW_NOTICE

QUESTION = "工会劳动法律监督员证有效期几年？"


def test_kill_during_upload_keeps_serving(fresh_home: Path) -> None:
    before = Desk(Settings(home=fresh_home)).ask(QUESTION)
    generation = DataDir(fresh_home).current()
    port = free_port()
    env = {**os.environ, "POLICYDESK_HOME": str(fresh_home), "POLICYDESK_TOKEN": TOKEN}
    server = subprocess.Popen(
        [sys.executable, "-m", "policydesk", "serve", "--port", str(port)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        wait_until_healthy(url)
        upload = threading.Thread(target=_upload, args=(url,), daemon=True)
        upload.start()
        generations = fresh_home / "generations"
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and not any(p.name.startswith("tmp-") for p in generations.iterdir()):
            time.sleep(0.005)
        server.send_signal(signal.SIGKILL)
        server.wait(timeout=30)
    finally:
        if server.poll() is None:
            server.kill()
    assert DataDir(fresh_home).current() == generation
    assert Desk(Settings(home=fresh_home)).ask(QUESTION) == before
    report = build(Settings(home=fresh_home), progress=False)
    assert report.rebuilt  # the upload that was interrupted is picked up by the next build
    assert any(d.title == "云南省职工书屋建设管理办法" for d in Desk(Settings(home=fresh_home)).documents())


def _upload(url: str) -> None:
    with contextlib.suppress(httpx.HTTPError):  # the server is killed mid-request: that is the point
        httpx.post(
            f"{url}/api/documents",
            headers={"Authorization": f"Bearer {TOKEN}"},
            files={"file": ("005_职工书屋.txt", NEW_NOTICE.encode())},
            timeout=120,
        )
