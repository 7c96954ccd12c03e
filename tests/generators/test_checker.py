"""The GB/T 9704 checker: every generated document passes, and each kind of defect is caught."""

from __future__ import annotations

import io
from collections.abc import Callable

import pytest
from docx import Document
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, RGBColor

import generators
from core.errors import InvalidInput, UnreadableFile
from generators import CHECK_IDS, check_docx

FORMAT_IDS = {
    "page.size",
    "page.margins",
    "page.grid",
    "body.line_spacing",
    "header.issuer_red",
    "docno.present",
    "docno.format",
    "header.separator_red",
    "title.font",
    "title.size",
    "title.align",
    "title.punct",
    "recipient.present",
    "recipient.format",
    "body.font",
    "body.size",
    "body.indent",
    "headings.format",
    "headings.sequence",
    "headings.fonts",
    "headings.autonumber",
    "attachment_note.format",
    "signature.present",
    "date.present",
    "date.format",
    "date.position",
    "annotation.format",
    "attachment.label",
    "attachment.title",
    "attachment.numbering",
    "imprint.separators",
    "imprint.cc",
    "imprint.font",
    "imprint.present",
    "imprint.format",
    "imprint.last",
    "footer.present",
    "footer.position",
    "footer.font",
    "table.present",
    "table.width",
    "signblock.cns",
    "body.punct",
}


def test_the_checks_use_the_format_notes_ids() -> None:
    assert set(CHECK_IDS) >= FORMAT_IDS


@pytest.mark.parametrize("kind", generators.KINDS)
def test_every_generated_document_passes(kind: str, generated: dict) -> None:
    report = check_docx(generated[kind].data)
    assert report.ok, [r.to_dict() for r in report.failures()]
    assert not report.failures(mandatory_only=False)


def test_kinds_are_recognised(generated: dict) -> None:
    assert check_docx(generated["notice"].data).kind == "gongwen"
    assert check_docx(generated["plan"].data).kind == "gongwen"
    assert check_docx(generated["pledge"].data).kind == "pledge"
    assert check_docx(generated["pledge"].data).get("header.issuer_red").status == "n/a"


def test_report_shape(generated: dict) -> None:
    d = check_docx(generated["notice"].data).to_dict()
    assert set(d) == {"ok", "kind", "passed", "failed", "not_applicable", "results"}
    assert set(d["results"][0]) == {"id", "title", "mandatory", "status", "detail"}


def _mutated(data: bytes, change: Callable) -> bytes:
    doc = Document(io.BytesIO(data))
    change(doc)
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


def _para(doc, text: str):
    return next(p for p in doc.paragraphs if p.text.replace("\n", "").startswith(text))


def _set_text(p, text: str) -> None:
    p.runs[0].text = text
    for r in p.runs[1:]:
        r.text = ""


def _margin(doc) -> None:
    doc.sections[0].left_margin = Mm(25)


def _docno(doc) -> None:
    _set_text(_para(doc, "云工通"), "云工通[2026]05号")


def _black_mark(doc) -> None:
    for r in _para(doc, "云南省总工会文件").runs:
        r.font.color.rgb = RGBColor(0, 0, 0)


def _no_red_line(doc) -> None:
    p = _para(doc, "云工通")
    p._p.pPr.remove(p._p.pPr.find(qn("w:pBdr")))


def _title_size(doc) -> None:
    for r in _para(doc, "关于做好").runs:
        r.font.size = Pt(18)


def _body_indent(doc) -> None:
    _para(doc, "为深入推进").paragraph_format.first_line_indent = Pt(0)


def _date(doc) -> None:
    _set_text(_para(doc, "2026年3月9日"), "2026年03月09日")


def _heading_font(doc) -> None:
    r = _para(doc, "一、竞赛组织").runs[0]
    r._r.rPr.find(qn("w:rFonts")).set(qn("w:eastAsia"), "宋体")


def _sequence(doc) -> None:
    _set_text(_para(doc, "二、激励措施"), "三、激励措施")


def _footer(doc) -> None:
    doc.sections[0].even_page_footer.paragraphs[0].alignment = 2


def _imprint_last(doc) -> None:
    doc.add_paragraph("版记后多出的一段")


def _imprint_lines(doc) -> None:
    borders = doc.tables[-1]._tbl.tblPr.find(qn("w:tblBorders"))
    borders.find(qn("w:top")).set(qn("w:sz"), "4")


def _cc_stop(doc) -> None:
    cell = doc.tables[-1].rows[0].cells[0].paragraphs[0]
    cell.runs[-1].text = cell.runs[-1].text.rstrip("。")


def _lang(doc) -> None:
    lang = doc.styles.element.find(qn("w:docDefaults")).find(f"{qn('w:rPrDefault')}/{qn('w:rPr')}/{qn('w:lang')}")
    lang.set(qn("w:eastAsia"), "ja-JP")


def _east_asia(doc) -> None:
    p = _para(doc, "为深入推进")
    for r in p.runs:
        r._r.rPr.find(qn("w:rFonts")).attrib.pop(qn("w:eastAsia"))
    normal = doc.styles.element.find(qn("w:docDefaults")).find(f"{qn('w:rPrDefault')}/{qn('w:rPr')}/{qn('w:rFonts')}")
    normal.attrib.pop(qn("w:eastAsia"))
    for style in doc.styles.element.findall(qn("w:style")):
        fonts = style.find(f"{qn('w:rPr')}/{qn('w:rFonts')}")
        if fonts is not None:
            fonts.attrib.pop(qn("w:eastAsia"), None)


@pytest.mark.parametrize(
    ("change", "check_id"),
    [
        (_margin, "page.margins"),
        (_docno, "docno.format"),
        (_black_mark, "header.issuer_red"),
        (_no_red_line, "header.separator_red"),
        (_title_size, "title.size"),
        (_body_indent, "body.indent"),
        (_date, "date.format"),
        (_heading_font, "headings.fonts"),
        (_sequence, "headings.sequence"),
        (_footer, "footer.position"),
        (_imprint_last, "imprint.last"),
        (_imprint_lines, "imprint.separators"),
        (_cc_stop, "imprint.cc"),
        (_lang, "lang.zh_cn"),
        (_east_asia, "fonts.east_asia"),
    ],
)
def test_each_defect_fails_its_check(generated: dict, change: Callable, check_id: str) -> None:
    report = check_docx(_mutated(generated["notice"].data, change))
    assert report.get(check_id).status == "fail", report.get(check_id)
    assert not report.ok


def test_a_plain_python_docx_document_fails() -> None:
    doc = Document()
    doc.add_paragraph("关于做好有关工作的通知")
    doc.add_paragraph("正文。")
    out = io.BytesIO()
    doc.save(out)
    report = check_docx(out.getvalue())
    failed = {r.id for r in report.failures()}
    assert {"page.size", "page.margins", "body.line_spacing", "footer.present", "lang.zh_cn"} <= failed


def test_pledge_without_sign_block_fails(generated: dict) -> None:
    def drop(doc) -> None:
        for p in doc.paragraphs:
            if "（盖章）" in p.text or "（签字）" in p.text:
                p._p.getparent().remove(p._p)

    report = check_docx(_mutated(generated["pledge"].data, drop))
    assert report.get("signblock.cns").status == "fail"


def test_reads_paths(tmp_path, generated: dict) -> None:
    path = tmp_path / "n.docx"
    path.write_bytes(generated["notice"].data)
    assert check_docx(path).ok


@pytest.mark.parametrize("data", [b"not a zip", b"PK\x03\x04broken"])
def test_unreadable_files(data: bytes) -> None:
    with pytest.raises(UnreadableFile, match=r"\.docx"):
        check_docx(data)


def test_missing_file(tmp_path) -> None:
    with pytest.raises(InvalidInput, match="文件不存在"):
        check_docx(tmp_path / "none.docx")
