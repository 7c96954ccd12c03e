"""A full or read-only data directory: a clear error, and the previous build keeps serving.

These mount a small tmpfs (root only, as CI runs); elsewhere they are skipped with the reason."""

from __future__ import annotations

import shutil
import subprocess
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from core.errors import DataDirError
from policydesk.build import build
from policydesk.config import Settings
from policydesk.desk import Desk

QUESTION = "工会劳动法律监督员证有效期几年？"


@pytest.fixture()
def small_disk(tmp_path: Path) -> Iterator[Path]:
    mount = tmp_path / f"disk-{uuid.uuid4().hex[:6]}"
    mount.mkdir()
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=24m", "tmpfs", str(mount)], capture_output=True)
    if done.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {done.stderr.decode().strip()}")
    try:
        yield mount
    finally:
        subprocess.run(["umount", "-l", str(mount)], check=False)


def _home_on(disk: Path, built_home: Path) -> Path:
    home = disk / "home"
    shutil.copytree(built_home, home, symlinks=True)
    return home


def test_full_disk_is_a_clear_error_and_serving_goes_on(small_disk: Path, built_home: Path) -> None:
    home = _home_on(small_disk, built_home)
    before = Desk(Settings(home=home)).ask(QUESTION)
    filler = small_disk / "filler"
    with filler.open("wb") as handle:  # leave about 1 MB free
        free = shutil.disk_usage(small_disk).free
        handle.write(b"\0" * max(free - 1024 * 1024, 0))
    with pytest.raises(DataDirError, match="空间不足"):
        build(Settings(home=home), force=True, progress=False)
    assert not list((home / "generations").glob("tmp-*"))
    assert Desk(Settings(home=home)).ask(QUESTION) == before
    filler.unlink()
    assert build(Settings(home=home), force=True, progress=False).rebuilt


def test_read_only_disk_is_a_clear_error_and_serving_goes_on(small_disk: Path, built_home: Path) -> None:
    home = _home_on(small_disk, built_home)
    before = Desk(Settings(home=home)).ask(QUESTION)
    subprocess.run(["mount", "-o", "remount,ro", str(small_disk)], check=True)
    with pytest.raises(DataDirError, match="不可写"):
        build(Settings(home=home), force=True, progress=False)
    assert Desk(Settings(home=home)).ask(QUESTION) == before
