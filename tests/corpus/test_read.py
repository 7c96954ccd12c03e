"""Readers: supported formats give lines; every bad file gets an UnreadableFile naming it."""

from __future__ import annotations

from pathlib import Path

import pytest
from docx import Document as new_docx

from core.errors import UnreadableFile
from corpus.read import read_lines
from tests.utils.hostile_files import blank_pdf, zip_bomb


def test_docx_paragraphs_and_tables_become_lines(tmp_path: Path) -> None:
    doc = new_docx()
    doc.add_paragraph("第一条 为规范管理，制定本办法。")
    table = doc.add_table(rows=2, cols=2)
    table.cell(0, 0).text, table.cell(0, 1).text = "序号", "姓名"
    table.cell(1, 0).text, table.cell(1, 1).text = "1", "张明"
    path = tmp_path / "new.docx"
    doc.save(path)
    lines = read_lines(path)
    assert "第一条 为规范管理，制定本办法。" in lines
    assert "序号 姓名" in lines and "1 张明" in lines


def test_gb18030_text_is_read(tmp_path: Path) -> None:
    path = tmp_path / "gbk.txt"
    path.write_bytes("第一条 本办法自发布之日起施行，由省总工会负责解释。\n".encode("gb18030"))
    assert read_lines(path)[0] == "第一条 本办法自发布之日起施行，由省总工会负责解释。"


@pytest.mark.parametrize(
    ("name", "data", "reason"),
    [
        ("old.doc", b"\xd0\xcf\x11\xe0 word 97", "另存为 .docx"),
        ("empty.txt", b"", "文件为空"),
        ("binary.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 10, "不是文本文件"),
        ("fake.docx", b"this is not a zip archive at all", "不是有效的 .docx"),
        ("bomb.docx", zip_bomb(50), "压缩炸弹"),
        ("scan.pdf", blank_pdf(), "没有文字层"),
        ("secret.pdf", blank_pdf("s3cret"), "加密"),
        ("fake.pdf", b"plain text pretending to be a pdf", "不是有效的 PDF"),
        ("notes.xlsx", b"PK\x03\x04", "不支持的文件类型"),
    ],
)
def test_bad_files_are_rejected_with_their_name(tmp_path: Path, name: str, data: bytes, reason: str) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    with pytest.raises(UnreadableFile) as info:
        read_lines(path)
    assert name in info.value.message and reason in info.value.message
