"""A second copy of a held text is refused from the text keys the generation records (what each file says,
by the hash of its bytes), not by cleaning every held file on every add — and a data directory built before
the keys were recorded, or whose record is stale or damaged, still refuses it, reads each held file once
and keeps what it read beside the manifest without touching the manifest."""

from __future__ import annotations

import hashlib
import json
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

import corpus.duplicates
from core.errors import InvalidInput
from corpus.ingest import text_key
from corpus.read import read_lines
from policydesk.build import BUNDLED_CORPUS, pipeline_code_hash, source_paths
from policydesk.config import Settings
from policydesk.desk import Desk
from policydesk.generations import MANIFEST_FILE, DataDir, verify
from policydesk.text_keys import MANIFEST_FIELD, TEXT_KEYS_FILE
from tests.utils.real_texts import REAL_DIR

HELD_AS_DOCX = "laobaobu_gongshang_rending_banfa_2003.docx"  # in real_home; its .txt is the same text
HOUSING_FUND = "guowuyuan_zhufang_gongjijin_tiaoli_2019.txt"  # not in real_home
HOLIDAYS_2013 = "guowuyuan_fangjia_banfa_2013.txt"  # in real_home


@pytest.fixture()
def real_copy(real_home: Path, tmp_path: Path) -> Path:
    """A private copy of the data directory with the real texts added."""
    home = tmp_path / "real"
    shutil.copytree(real_home, home, symlinks=True)
    return home


@pytest.fixture()
def held_reads(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    """The held files the copy check reads and cleans (the file being added is read by the Desk)."""
    names: list[str] = []

    def counting(path: Path, data: bytes | None = None) -> list[str]:
        names.append(path.name)
        return read_lines(path, data)

    monkeypatch.setattr(corpus.duplicates, "read_lines", counting)
    yield names


def _gbk_copy(source: Path, target: Path) -> Path:
    target.write_bytes(source.read_text(encoding="utf-8").encode("gb18030"))
    return target


def _refused(home: Path, copy: Path, held: str) -> None:
    """Adding ``copy`` is refused as the same text as ``held``, exactly as before, and changes nothing."""
    desk = Desk(Settings(home=home))
    generation = desk.data.current()
    with pytest.raises(InvalidInput) as refused:
        desk.add_files([copy])
    expected = f"{copy.name} 的正文与已收录的 {held} 相同（同一文本的另一份副本，如不同编码或格式），未添加"
    assert refused.value.message == expected
    assert refused.value.details == {"file": copy.name, "same_as": held}
    assert desk.data.current() == generation
    assert not (desk.data.added / copy.name).exists()


def test_a_build_records_what_each_held_file_says(real_home: Path) -> None:
    data = DataDir(real_home)
    record = json.loads((data.current() / MANIFEST_FILE).read_text(encoding="utf-8"))[MANIFEST_FIELD]
    assert record["pipeline"] == pipeline_code_hash()
    held = source_paths(data)
    assert {p.suffix for p in held} >= {".txt", ".docx", ".pdf"}
    for path in held:
        data_bytes = path.read_bytes()
        sha = hashlib.sha256(data_bytes).hexdigest()
        assert record["files"][sha] == text_key(read_lines(path, data_bytes)), path.name


def test_a_copy_in_another_format_is_refused_after_a_restart_from_the_record(
    real_copy: Path, tmp_path: Path, held_reads: list[str]
) -> None:
    txt = tmp_path / "工伤认定办法2003.txt"
    shutil.copyfile(REAL_DIR / HELD_AS_DOCX.replace(".docx", ".txt"), txt)
    _refused(real_copy, txt, HELD_AS_DOCX)
    gbk = _gbk_copy(BUNDLED_CORPUS / "002_bf8b8a8ab55a58df.txt", tmp_path / "种子_GBK.txt")
    _refused(real_copy, gbk, "002_bf8b8a8ab55a58df.txt")
    assert held_reads == []  # every held file's key came from the generation's record
    assert not (DataDir(real_copy).current() / TEXT_KEYS_FILE).exists()


def test_a_held_file_changed_since_the_build_is_read_again(
    real_copy: Path, tmp_path: Path, held_reads: list[str]
) -> None:
    """The record is by content: a held file whose bytes changed is not matched on what it used to say."""
    shutil.copyfile(REAL_DIR / HOUSING_FUND, DataDir(real_copy).added / HOLIDAYS_2013)
    gbk = _gbk_copy(REAL_DIR / HOUSING_FUND, tmp_path / "公积金_GBK.txt")
    _refused(real_copy, gbk, HOLIDAYS_2013)
    assert held_reads == [HOLIDAYS_2013]


def _drop_keys(manifest: Path) -> None:
    """The manifest as a build before text keys wrote it."""
    record = json.loads(manifest.read_text(encoding="utf-8"))
    del record[MANIFEST_FIELD]
    manifest.write_text(json.dumps(record, ensure_ascii=False, indent=1), encoding="utf-8")


def _other_code(manifest: Path) -> None:
    """Keys computed by other cleaning code: they may say a text differently, so none is trusted."""
    record = json.loads(manifest.read_text(encoding="utf-8"))
    record[MANIFEST_FIELD]["pipeline"] = "0" * 64
    record[MANIFEST_FIELD]["files"] = {sha: "f" * 64 for sha in record[MANIFEST_FIELD]["files"]}
    manifest.write_text(json.dumps(record, ensure_ascii=False, indent=1), encoding="utf-8")


def _damaged_side_file(manifest: Path) -> None:
    _drop_keys(manifest)
    (manifest.parent / TEXT_KEYS_FILE).write_text('{"pipeline": "', encoding="utf-8")


@pytest.mark.parametrize("older", [_drop_keys, _other_code, _damaged_side_file], ids=lambda f: f.__name__)
def test_a_data_directory_without_usable_keys_still_refuses_and_reads_once(
    older, fresh_home: Path, tmp_path: Path, held_reads: list[str]
) -> None:
    generation = DataDir(fresh_home).current()
    manifest = generation / MANIFEST_FILE
    older(manifest)
    stored = manifest.read_bytes()
    seeds = sorted(p.name for p in BUNDLED_CORPUS.iterdir() if p.suffix == ".txt")
    first = _gbk_copy(BUNDLED_CORPUS / seeds[-1], tmp_path / "末篇_GBK.txt")
    _refused(fresh_home, first, seeds[-1])
    assert sorted(held_reads) == seeds  # each held file read once, for the missing keys
    kept = json.loads((generation / TEXT_KEYS_FILE).read_text(encoding="utf-8"))
    assert kept["pipeline"] == pipeline_code_hash() and len(kept["files"]) == len(seeds)
    assert manifest.read_bytes() == stored  # the manifest itself is never rewritten
    verify(generation)  # and every checksummed file is as the build left it
    held_reads.clear()
    second = _gbk_copy(BUNDLED_CORPUS / seeds[0], tmp_path / "首篇_GBK.txt")
    _refused(fresh_home, second, seeds[0])  # a new Desk: the kept keys, nothing read again
    assert held_reads == []
