"""Cleaning on real seed text: page noise, broken lines, spaced numbers, doubled headings, tables."""

from __future__ import annotations

import re

from corpus import Catalogue
from corpus.clean import clean, normalise_spaces


def _paragraphs(raw_dir, name: str):
    return clean((raw_dir / name).read_text(encoding="utf-8").split("\n"))


def test_page_break_inside_a_word_is_joined(raw_dir) -> None:
    paras = _paragraphs(raw_dir, "002_bf8b8a8ab55a58df.txt")
    article = next(p for p in paras if p.text.startswith("第十五条 发生职工伤亡事故"))
    assert "保护好事故现场" in article.text
    assert "··" not in article.text and "省总工会文件" not in article.text
    assert article.line_start <= 5624 and article.line_end >= 5632


def test_spaces_in_numbers_and_letterheads_are_normalised() -> None:
    assert normalise_spaces("2018年 12月") == "2018年12月"
    assert normalise_spaces("不少于 5 次 10 个工种") == "不少于5次10个工种"
    assert normalise_spaces("昆 明 市 总 工 会 昆明市人力资源和社会保障局") == "昆明市总工会 昆明市人力资源和社会保障局"
    assert normalise_spaces("云南省总工会 云南省人力资源和社会保障厅") == "云南省总工会 云南省人力资源和社会保障厅"


def test_doubled_bold_heading_is_collapsed(raw_dir) -> None:
    paras = _paragraphs(raw_dir, "002_bf8b8a8ab55a58df.txt")
    texts = [p.text for p in paras]
    assert any(t.startswith("1.完善理论武装制度。建立“第一议题”制度") for t in texts)
    assert not any("完善理论武装制度完善理论武装制度" in t for t in texts)
    assert not any("。。" in t for t in texts)


def test_character_per_line_table_reads_as_numbers(raw_dir) -> None:
    paras = _paragraphs(raw_dir, "002_bf8b8a8ab55a58df.txt")
    table = " ".join(p.text for p in paras if p.table)
    assert "826亿元" in table
    assert "661公里" in table
    assert "2018年" in table


def test_genuine_repeats_in_running_text_are_kept() -> None:
    [para] = clean(["各级工会要人人参与、常常检查，做到天天有记录。"])
    assert para.text == "各级工会要人人参与、常常检查，做到天天有记录。"


def test_no_segment_keeps_page_noise_or_one_character_lines(catalogue: Catalogue) -> None:
    for seg in catalogue.segments():
        assert not re.search(r"··\d", seg.text), seg.locator
        assert "云南省产业工人队伍建设改革工作文件汇编" not in seg.text.replace(
            "《云南省产业工人队伍建设改革工作文件汇编》", ""
        )
        lines = seg.text.split("\n")
        short_run = max(
            (len(list(g)) for k, g in __import__("itertools").groupby(len(x) <= 2 for x in lines) if k), default=0
        )
        assert short_run < 5, (seg.doc_id, seg.locator)


def test_every_segment_text_stands_in_its_source_lines(catalogue: Catalogue, raw_dir) -> None:
    """Each segment's characters appear, in order, within the lines it cites (noise aside)."""
    files: dict[str, list[str]] = {}
    for seg in catalogue.segments():
        lines = files.setdefault(seg.source.file, (raw_dir / seg.source.file).read_text(encoding="utf-8").split("\n"))
        assert 1 <= seg.source.line_start <= seg.source.line_end <= len(lines)
        source = "".join("".join(lines[n - 1].split()) for n in range(seg.source.line_start, seg.source.line_end + 1))
        chars = iter(source)
        compact = "".join(seg.text.split())
        assert all(ch in chars for ch in compact), (seg.doc_id, seg.locator)
