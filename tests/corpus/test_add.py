"""Adding a document staff write in the seeds' own style: split, catalogued, searchable; idempotent;
bad files change nothing."""

from __future__ import annotations

from pathlib import Path

import pytest

from core.errors import InvalidInput, UnreadableFile
from corpus import DocKind, RelationKind
from policydesk.config import Settings
from policydesk.desk import Desk
from policydesk.records import AddResult
from tests.utils.policy_text import NEW_NOTICE


@pytest.fixture()
def new_file(tmp_path: Path) -> Path:
    path = tmp_path / "005_职工书屋.txt"
    path.write_text(NEW_NOTICE, encoding="utf-8")
    return path


def test_added_notice_is_split_catalogued_and_searchable(fresh_home: Path, new_file: Path) -> None:
    desk = Desk(Settings(home=fresh_home))
    before = len(desk.documents())
    result = desk.add_files([new_file])
    assert result.added == [new_file.name]
    titles = {d.title: d for d in desk.documents()}
    assert len(titles) == before + 2
    rules = titles["云南省职工书屋建设管理办法"]
    notice = titles["云南省总工会关于印发《云南省职工书屋建设管理办法》的通知"]
    assert rules.doc_number == notice.doc_number == "云工通〔2024〕7号"
    assert rules.parent_id == notice.id and rules.kind == DocKind.MEASURES
    assert notice.date == "2024-03-08"
    repeal = [r for r in rules.relations if r.kind == RelationKind.REPEALS]
    assert repeal[0].target_title == "云南省职工书屋管理暂行办法" and repeal[0].locator == "第五条"
    article = desk.lookup("云工通〔2024〕7号", "第4条")
    assert "3万元" in article.text and "省总工会文件" not in article.text
    assert article.source.file == new_file.name
    hits = desk.search("示范职工书屋藏书要求", k=3).hits
    assert hits[0].doc_title == "云南省职工书屋建设管理办法"


def test_adding_the_same_file_twice_changes_nothing(fresh_home: Path, new_file: Path) -> None:
    desk = Desk(Settings(home=fresh_home))
    desk.add_files([new_file])
    generation = desk.data.current()
    again = desk.add_files([new_file])
    assert again == AddResult(added=[], unchanged=[new_file.name], documents=[])
    assert desk.data.current() == generation


def test_bad_file_is_rejected_and_nothing_changes(fresh_home: Path, tmp_path: Path) -> None:
    desk = Desk(Settings(home=fresh_home))
    generation = desk.data.current()
    bad = tmp_path / "scan.txt"
    bad.write_bytes(b"\x00\x01\x02binary" * 100)
    with pytest.raises(UnreadableFile):
        desk.add_files([bad])
    with pytest.raises(InvalidInput):
        desk.add_upload("../../etc/passwd.txt", b"x")
    assert desk.data.current() == generation
    assert list(desk.data.added.iterdir()) == []
