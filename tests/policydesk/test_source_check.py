"""Issue 15 item 6: "verified" means the quote stands in the cited lines of the original file, with the
cleaner's removals (running headers, page numbers, doubled headings, line breaks) accounted for — and a
quote that no longer does is dropped from the answer, never shown."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from corpus import Catalogue
from corpus.verify import SourceCheck
from indexer.answer import Answer, Citation
from policydesk.config import Settings
from policydesk.desk import Desk
from policydesk.verified import UNCHECKABLE, checked

AWARD = "拿了省赛第一名有多少奖金？"


def test_every_provision_stands_in_its_original_lines(catalogue: Catalogue, raw_dir: Path) -> None:
    """The whole seeds corpus, page breaks and running headers included: the check never rejects a true quote."""
    check = SourceCheck(lambda name: raw_dir / name)
    segments = [seg for _, seg in catalogue.iter_pairs()]
    assert len(segments) > 1000
    for seg in segments:
        assert check.holds(seg.text, seg.source.file, seg.source.line_start, seg.source.line_end), seg.id


def test_a_quote_from_other_lines_or_a_missing_file_does_not_hold(catalogue: Catalogue, raw_dir: Path) -> None:
    check = SourceCheck(lambda name: raw_dir / name if (raw_dir / name).exists() else None)
    seg = next(s for _, s in catalogue.iter_pairs() if s.locator == "第十八条（一）" and "10000元" in s.text)
    src = seg.source
    assert check.holds(seg.text, src.file, src.line_start, src.line_end)
    assert not check.holds(seg.text, src.file, src.line_end + 1, src.line_end + 8)
    assert not check.holds(seg.text, "gone.txt", src.line_start, src.line_end)
    assert not check.holds(seg.text.replace("10000元", "20000元"), src.file, src.line_start, src.line_end)


@pytest.fixture()
def edited_sources(fresh_home: Path, raw_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The built data directory, served from a copy of its seed files that a test may edit."""
    copy = tmp_path / "raw"
    shutil.copytree(raw_dir, copy)
    monkeypatch.setattr("policydesk.build.BUNDLED_CORPUS", copy)
    return copy


def test_a_source_edited_after_the_build_drops_its_quotes(fresh_home: Path, edited_sources: Path) -> None:
    desk = Desk(Settings(home=fresh_home))
    before = desk.ask(AWARD)
    assert before.found and all(c.verified for c in before.citations)
    cited = before.citations[0]
    assert "10000元" in cited.quote
    path = edited_sources / cited.source.file
    lines = path.read_text(encoding="utf-8").split("\n")
    n = next(i for i in range(cited.source.line_start - 1, cited.source.line_end) if "10000" in lines[i])
    lines[n] = lines[n].replace("10000", "20000")
    path.write_text("\n".join(lines), encoding="utf-8")

    after = desk.ask(AWARD)
    assert all(c.quote != cited.quote for c in after.citations)  # dropped, never shown
    assert cited.quote not in after.answer
    assert all(c.verified for c in after.citations)
    if not after.citations:
        assert not after.found and after.answer.startswith("未在现有政策文件中找到")


def test_a_removed_source_leaves_no_quote(fresh_home: Path, edited_sources: Path) -> None:
    desk = Desk(Settings(home=fresh_home))
    cited = desk.ask(AWARD).citations[0]
    (edited_sources / cited.source.file).unlink()
    after = desk.ask(AWARD)
    assert all(c.source.file != cited.source.file for c in after.citations)


class _Only:
    """A check that holds for the listed quotes only."""

    def __init__(self, *quotes: str) -> None:
        self.quotes = quotes

    def holds(self, quote: str, file: str, line_start: int, line_end: int) -> bool:
        return quote in self.quotes


def _citation(locator: str, quote: str) -> Citation:
    return Citation(
        doc_id="d1",
        doc_title="某办法",
        doc_number=None,
        locator=locator,
        quote=quote,
        file="a.txt",
        line_start=1,
        line_end=2,
        status="in_force",
        verified=True,
    )


def test_a_dropped_quote_leaves_the_answer_text_with_it() -> None:
    one, two = _citation("第一条", "甲规定。"), _citation("第二条", "乙规定。")
    answer = Answer(
        found=True, answer=f"根据{one.label}：“{one.quote}”；\n{two.label}：“{two.quote}”", citations=[one, two]
    )
    kept = checked(answer, _Only("乙规定。"))  # type: ignore[arg-type]
    assert kept.found and kept.citations == [two]
    assert kept.answer == f"根据{two.label}：“{two.quote}”"
    assert checked(answer, _Only("甲规定。", "乙规定。")) is answer  # type: ignore[arg-type]
    none = checked(answer, _Only())  # type: ignore[arg-type]
    assert not none.found and none.citations == [] and none.answer == UNCHECKABLE


def test_an_edition_note_leaves_with_the_quote_it_stood_beside() -> None:
    """Issue 11: an older edition is named beside a quote; when that quote is dropped, so is the note."""
    from indexer.editions import OLDER, EditionNote

    one, two = _citation("第一条", "甲规定。"), _citation("第二条", "乙规定。")
    note = EditionNote(OLDER, "d0", "某办法", None, "第一条", None, "2020-01-01", "d1", True, "d1", "第一条")
    text = f"根据{one.label}：“{one.quote}”；\n{two.label}：“{two.quote}”\n{note.line}。"
    answer = Answer(found=True, answer=text, citations=[one, two], superseded=[note])
    assert checked(answer, _Only("甲规定。")).superseded == [note]  # type: ignore[arg-type]
    kept = checked(answer, _Only("乙规定。"))  # type: ignore[arg-type]
    assert kept.superseded == [] and kept.answer == f"根据{two.label}：“{two.quote}”"
    assert checked(answer, _Only()).superseded == []  # type: ignore[arg-type]
