"""通知: reopen the generated file and check the GB/T 9704 elements one by one."""

from __future__ import annotations

import io

import pytest
from docx import Document
from docx.oxml.ns import qn

import generators
from tests.generators.conftest import load_example
from tests.generators.docx_helpers import east_asia, find, nonempty


@pytest.fixture(scope="module")
def doc(reopened: dict):
    return reopened["notice"]


def test_page_size_and_margins(doc) -> None:
    s = doc.sections[0]
    assert round(s.page_width.mm) == 210 and round(s.page_height.mm) == 297
    assert [round(m.mm) for m in (s.top_margin, s.bottom_margin, s.left_margin, s.right_margin)] == [37, 35, 28, 26]
    assert s.gutter.mm == 0


def test_red_issuer_mark_and_docno_with_red_line(doc) -> None:
    paras = nonempty(doc.paragraphs)
    mark = paras[0]
    assert mark.text == "云南省总工会文件"
    assert {str(r.font.color.rgb) for r in mark.runs} == {"FF0000"}
    assert mark.paragraph_format.space_before.mm == pytest.approx(35, abs=0.5)
    docno = paras[1]
    assert docno.text == "云工通〔2026〕5号"
    bottom = docno._p.pPr.find(qn("w:pBdr")).find(qn("w:bottom"))
    assert bottom.get(qn("w:color")) == "FF0000"


def test_title_is_22pt_xiaobiaosong_centred_and_balanced(doc) -> None:
    title = find(doc.paragraphs, "关于做好")
    assert title.alignment == 1  # centre
    assert {r.font.size.pt for r in title.runs} == {22.0}
    assert {east_asia(r) for r in title.runs} == {"方正小标宋简体"}
    lines = title.text.split("\n")
    assert "".join(lines) == "关于做好2026年全省职工职业技能大赛有关工作的通知"
    assert len(lines) == 2


def test_recipients_flush_left_with_colon(doc) -> None:
    p = find(doc.paragraphs, "各州、市总工会")
    assert p.text.endswith("：") and not p.paragraph_format.first_line_indent


def test_body_is_fangsong_16pt_indented_two_characters(doc) -> None:
    p = find(doc.paragraphs, "为深入推进")
    assert p.paragraph_format.first_line_indent.pt == 32
    assert {r.font.size.pt for r in p.runs} == {16.0}
    assert {east_asia(r) for r in p.runs} == {"仿宋_GB2312"}
    assert p.paragraph_format.line_spacing.pt == pytest.approx(28.95, abs=0.05)


def test_heading_levels_use_heiti_and_kaiti(doc) -> None:
    h1 = find(doc.paragraphs, "一、竞赛组织")
    h2 = find(doc.paragraphs, "（一）申报承办。")
    assert east_asia(h1.runs[0]) == "黑体"
    assert east_asia(h2.runs[0]) == "楷体_GB2312" and h2.runs[0].text == "（一）申报承办。"
    assert east_asia(h2.runs[-1]) == "仿宋_GB2312"


def test_attachment_note_signature_date_and_annotation(doc) -> None:
    texts = [p.text for p in nonempty(doc.paragraphs)]
    i = texts.index("附件：1.2026年全省职工职业技能大赛项目表")
    assert texts[i + 1] == "2.2026年全省职工职业技能大赛报名表"
    assert texts[i + 2] == "云南省总工会"
    assert texts[i + 3] == "2026年3月9日"
    assert texts[i + 4] == "（联系人：张明，联系电话：0871-65900000）"
    date = find(doc.paragraphs, "2026年3月9日")
    assert date.alignment == 2 and date.paragraph_format.right_indent.pt == 64  # 右空四字


def test_imprint_table_is_last_with_thick_and_thin_lines(doc) -> None:
    body = list(doc.element.body.iterchildren())
    table_el = [el for el in body if el.tag == qn("w:tbl")][-1]
    after = [el for el in body[body.index(table_el) + 1 :] if el.tag == qn("w:p")]
    assert not any("".join(el.itertext()).strip() for el in after)
    table = doc.tables[-1]
    assert table.rows[0].cells[0].text == "抄送：中华全国总工会技术创新办公室，云南省人力资源和社会保障厅。"
    assert table.rows[-1].cells[0].text == "云南省总工会办公室\t2026年3月10日印发"
    borders = table._tbl.tblPr.find(qn("w:tblBorders"))
    assert borders.find(qn("w:top")).get(qn("w:sz")) == "8"
    assert borders.find(qn("w:insideH")).get(qn("w:sz")) == "6"
    assert borders.find(qn("w:left")).get(qn("w:val")) == "nil"


def test_page_numbers_odd_right_even_left(doc) -> None:
    assert doc.settings.odd_and_even_pages_header_footer
    odd = doc.sections[0].footer.paragraphs[0]
    even = doc.sections[0].even_page_footer.paragraphs[0]
    assert odd.alignment == 2 and odd.paragraph_format.right_indent.pt == 14
    assert even.alignment == 0 and even.paragraph_format.left_indent.pt == 14
    for p in (odd, even):
        assert "PAGE" in "".join(p._p.itertext())
        assert p.text.startswith("— ") and p.text.endswith(" —")
        assert {r.font.size.pt for r in p.runs if r.text} == {14.0}


def test_language_and_east_asian_fonts_everywhere(doc) -> None:
    lang = doc.styles.element.find(qn("w:docDefaults")).find(f"{qn('w:rPrDefault')}/{qn('w:rPr')}/{qn('w:lang')}")
    assert lang.get(qn("w:eastAsia")) == "zh-CN"
    assert doc.settings.element.find(qn("w:themeFontLang")).get(qn("w:eastAsia")) == "zh-CN"
    for p in doc.paragraphs:
        for r in p.runs:
            if r.text.strip():
                assert east_asia(r), r.text
    for style in doc.styles:
        if style.type == 1 and style.element.rPr is not None and style.element.rPr.find(qn("w:rFonts")) is not None:
            assert style.element.rPr.find(qn("w:rFonts")).get(qn("w:eastAsia")), style.name


def test_joint_issuance_stacks_the_issuers_and_signs_side_by_side() -> None:
    payload = load_example("notice")
    payload["issuers"] = ["昆明市总工会", "昆明市人力资源和社会保障局"]
    result = generators.generate("notice", payload)
    doc = Document(io.BytesIO(result.data))
    mark = doc.tables[0]
    assert [row.cells[0].text for row in mark.rows] == payload["issuers"]
    assert mark.rows[0].cells[1].text == "文件"
    assert any(p.text == "昆明市总工会\u3000\u3000\u3000昆明市人力资源和社会保障局" for p in doc.paragraphs)
    assert generators.check_docx(result.data).ok


def test_unsealed_signature_is_two_characters_from_the_right() -> None:
    payload = load_example("notice") | {"sealed": False}
    doc = Document(io.BytesIO(generators.generate("notice", payload).data))
    sig = next(p for p in doc.paragraphs if p.text == "云南省总工会")
    assert sig.paragraph_format.right_indent.pt == 32


def test_filename_is_the_title() -> None:
    result = generators.generate("notice", load_example("notice"))
    assert result.filename == "关于做好2026年全省职工职业技能大赛有关工作的通知.docx"
    assert result.trace == []
