"""The data directory and its generations: where builds land, atomically.

Each build writes a complete *generation* (catalogue, index, manifest with checksums) into a fresh
directory and then atomically replaces the ``CURRENT`` pointer. A build that dies half-way leaves
only a stray temporary directory; readers keep the previous generation. A lock file serialises
builds, and the manifest's checksums let a reader detect a truncated or corrupted file.
"""

from __future__ import annotations

import contextlib
import errno
import fcntl
import hashlib
import json
import os
import shutil
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from core.errors import BuildInProgress, DataDirError, IndexMissing

CATALOGUE_FILE = "catalogue.sqlite"
MANIFEST_FILE = "manifest.json"
KEEP_GENERATIONS = 2  # the current one and the one before it (a reader may still hold it)


@dataclass(frozen=True, slots=True)
class DataDir:
    root: Path

    @property
    def added(self) -> Path:
        """Policy files added by staff (``policydesk add``, uploads)."""
        return self.root / "corpus"

    @property
    def generations(self) -> Path:
        return self.root / "generations"

    @property
    def cache(self) -> Path:
        return self.root / "cache"

    @property
    def pointer(self) -> Path:
        return self.root / "CURRENT"

    def prepare(self) -> None:
        """Create the layout; a read-only or full directory becomes a clear DataDirError."""
        try:
            for path in (self.root, self.added, self.generations, self.cache):
                path.mkdir(parents=True, exist_ok=True)
            probe = self.root / f".write-probe-{os.getpid()}"
            probe.write_bytes(b"ok")
            probe.unlink()
        except OSError as exc:
            raise DataDirError(data_dir_message(self.root, exc)) from None

    def current(self) -> Path | None:
        """The directory of the serving generation, or None before the first build."""
        try:
            name = self.pointer.read_text(encoding="utf-8").strip()
        except FileNotFoundError:
            return None
        except OSError as exc:
            raise DataDirError(data_dir_message(self.pointer, exc)) from None
        path = self.generations / name
        return path if name and path.is_dir() else None

    def current_manifest(self) -> dict | None:
        current = self.current()
        if current is None:
            return None
        try:
            return json.loads((current / MANIFEST_FILE).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None

    def new_generation(self) -> Path:
        name = f"tmp-{time.strftime('%Y%m%dT%H%M%S')}-{os.getpid()}-{time.monotonic_ns() % 10**6}"
        path = self.generations / name
        try:
            path.mkdir(parents=True)
        except OSError as exc:
            raise DataDirError(data_dir_message(path, exc)) from None
        return path

    def publish(self, staging: Path, manifest: dict) -> Path:
        """Seal a staged generation (manifest with checksums, fsync) and switch CURRENT to it."""
        manifest = {**manifest, "files": checksums(staging)}
        final = staging.with_name(staging.name.removeprefix("tmp-"))
        try:
            _write_durably(staging / MANIFEST_FILE, json.dumps(manifest, ensure_ascii=False, indent=1).encode())
            os.replace(staging, final)
            _write_durably(self.root / "CURRENT.tmp", final.name.encode())
            os.replace(self.root / "CURRENT.tmp", self.pointer)
            _fsync_dir(self.root)
        except OSError as exc:
            raise DataDirError(data_dir_message(self.root, exc)) from None
        self._prune(final)
        return final

    def discard(self, staging: Path) -> None:
        shutil.rmtree(staging, ignore_errors=True)

    def _prune(self, keep: Path) -> None:
        generations = sorted(
            (p for p in self.generations.iterdir() if p.is_dir() and not p.name.startswith("tmp-")),
            key=lambda p: p.stat().st_mtime,
        )
        for old in generations[:-KEEP_GENERATIONS]:
            if old != keep:
                shutil.rmtree(old, ignore_errors=True)
        for stray in self.generations.glob("tmp-*"):  # left by a build that was killed
            if not _held_by_live_process(stray.name):
                shutil.rmtree(stray, ignore_errors=True)

    @contextlib.contextmanager
    def build_lock(self, wait_seconds: float = 0.0) -> Iterator[None]:
        """One build at a time; a second waits up to ``wait_seconds`` then fails clearly."""
        self.prepare()
        handle = open(self.root / "build.lock", "a+b")  # noqa: SIM115  (held for the whole build)
        deadline = time.monotonic() + wait_seconds
        try:
            while True:
                try:
                    fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
                    break
                except BlockingIOError:
                    if time.monotonic() >= deadline:
                        raise BuildInProgress("另一个构建正在进行，请稍后再试") from None
                    time.sleep(0.2)
            yield
        finally:
            with contextlib.suppress(OSError):
                fcntl.flock(handle, fcntl.LOCK_UN)
            handle.close()


def checksums(directory: Path) -> dict[str, str]:
    out: dict[str, str] = {}
    for path in sorted(directory.rglob("*")):
        if path.is_file() and path.name != MANIFEST_FILE:
            out[path.relative_to(directory).as_posix()] = _sha256(path)
    return out


def verify(generation: Path) -> dict:
    """The generation's manifest, after checking every file against its checksum."""
    try:
        manifest = json.loads((generation / MANIFEST_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        raise IndexMissing(f"构建清单缺失或损坏：{generation.name}，请运行 policydesk build --force") from None
    for rel, expected in manifest.get("files", {}).items():
        path = generation / rel
        if not path.is_file() or _sha256(path) != expected:
            raise IndexMissing(f"索引文件已损坏或被截断：{rel}，请运行 policydesk build --force 重建")
    return manifest


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _write_durably(path: Path, data: bytes) -> None:
    with path.open("wb") as handle:
        handle.write(data)
        handle.flush()
        os.fsync(handle.fileno())


def _fsync_dir(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _held_by_live_process(name: str) -> bool:
    parts = name.split("-")
    try:
        pid = int(parts[2])
    except (IndexError, ValueError):
        return False
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def data_dir_message(path: Path, exc: Exception) -> str:
    """One Chinese sentence for an unusable data directory, naming the cause staff can fix."""
    if not isinstance(exc, OSError):
        text = str(exc)
        if "full" in text:
            return f"数据目录空间不足：{path}"
        return f"数据目录不可写：{path}（{text}）"
    if exc.errno == errno.ENOSPC:
        return f"数据目录空间不足：{path}"
    if exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return f"数据目录不可写：{path}（请检查权限或设置 POLICYDESK_HOME）"
    return f"数据目录无法使用：{path}（{exc.strerror}）"
