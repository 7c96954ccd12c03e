"""Same input, same bytes; atomic writes."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest

import generators
from generators.package import write_atomic
from tests.generators.conftest import load_example


@pytest.mark.parametrize("kind", generators.KINDS)
def test_identical_input_gives_identical_bytes(kind: str) -> None:
    first = generators.generate(kind, load_example(kind)).data
    second = generators.generate(kind, load_example(kind)).data
    assert first == second


def test_different_input_gives_different_bytes() -> None:
    a = generators.generate("plan", load_example("plan")).data
    b = generators.generate("plan", load_example("plan") | {"year": 2027}).data
    assert a != b


@pytest.mark.parametrize("kind", generators.KINDS)
def test_zip_entries_are_ordered_and_timestamped_fixed(kind: str, generated: dict) -> None:
    names = zipfile.ZipFile(io.BytesIO(generated[kind].data)).infolist()
    assert [i.filename for i in names[:2]] == ["[Content_Types].xml", "_rels/.rels"]
    assert {i.date_time for i in names} == {(1980, 1, 1, 0, 0, 0)}
    rest = [i.filename for i in names[2:]]
    assert rest == sorted(rest)


def test_core_properties_come_from_the_document_not_the_clock(reopened: dict) -> None:
    cp = reopened["notice"].core_properties
    assert cp.created.isoformat().startswith("2026-03-09")
    assert cp.modified == cp.created
    assert cp.author == "云南省总工会" and cp.title.startswith("关于做好")
    assert cp.language == "zh-CN"


def test_write_atomic_replaces_and_leaves_no_temp_files(tmp_path: Path) -> None:
    target = tmp_path / "a.docx"
    target.write_bytes(b"old")
    write_atomic(target, b"new")
    assert target.read_bytes() == b"new"
    assert [p.name for p in tmp_path.iterdir()] == ["a.docx"]


def test_write_atomic_failure_leaves_nothing(tmp_path: Path) -> None:
    with pytest.raises(OSError):
        write_atomic(tmp_path / "missing-dir" / "a.docx", b"x")
    assert list(tmp_path.iterdir()) == []
