"""Builds are atomic: an interrupted, concurrent or corrupted build never damages what is serving."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from core.errors import BuildInProgress, DataDirError, IndexMissing
from policydesk.build import build
from policydesk.config import Settings
from policydesk.desk import Desk
from policydesk.generations import CATALOGUE_FILE, DataDir
from policydesk.records import SearchResult


def _answer(home: Path) -> SearchResult:
    return Desk(Settings(home=home)).search("省级一类竞赛决赛第1名奖金", k=3)


def test_killed_build_leaves_previous_generation_serving(fresh_home: Path) -> None:
    before = DataDir(fresh_home).current()
    expected = _answer(fresh_home)
    env = {**os.environ, "POLICYDESK_HOME": str(fresh_home)}
    proc = subprocess.Popen(
        [sys.executable, "-m", "policydesk", "build", "--force"],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    generations = fresh_home / "generations"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and not any(p.name.startswith("tmp-") for p in generations.iterdir()):
        time.sleep(0.01)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    assert DataDir(fresh_home).current() == before
    assert _answer(fresh_home) == expected
    report = build(Settings(home=fresh_home), force=True, progress=False)
    assert report.rebuilt
    assert not any(p.name.startswith("tmp-") for p in generations.iterdir())
    assert _answer(fresh_home).hits[0].locator == expected.hits[0].locator


def test_second_build_waits_then_fails_clearly(fresh_home: Path) -> None:
    data = DataDir(fresh_home)
    with data.build_lock(), pytest.raises(BuildInProgress, match="另一个构建正在进行"):
        build(Settings(home=fresh_home), force=True, progress=False, wait_seconds=0.5)
    assert data.current() is not None


def test_truncated_catalogue_is_detected(fresh_home: Path) -> None:
    current = DataDir(fresh_home).current()
    path = current / CATALOGUE_FILE
    path.write_bytes(path.read_bytes()[:4096])
    with pytest.raises(IndexMissing, match="损坏"):
        Desk(Settings(home=fresh_home)).documents()
    report = build(Settings(home=fresh_home), progress=False)
    assert report.rebuilt  # a damaged generation does not count as "unchanged"
    assert len(Desk(Settings(home=fresh_home)).documents()) > 60


def test_unchanged_inputs_are_not_rebuilt(fresh_home: Path) -> None:
    report = build(Settings(home=fresh_home), progress=False)
    assert not report.rebuilt


def test_unusable_data_directory_is_a_clear_error(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a directory")
    with pytest.raises(DataDirError, match="数据目录"):
        build(Settings(home=blocker / "home"), progress=False)
