"""方案 issued by its 印发通知 in one .docx, for any year, with its requirement → article trace."""

from __future__ import annotations

import io
import re

import pytest
from docx import Document

import generators
from rules import get_rule
from tests.generators.conftest import load_example
from tests.generators.docx_helpers import all_text, east_asia, find


def _plan(year: int, **changes: object):
    payload = load_example("plan") | {"year": year} | changes
    result = generators.generate("plan", payload)
    return result, Document(io.BytesIO(result.data))


def test_notice_title_docno_and_filename(generated: dict, reopened: dict) -> None:
    result, doc = generated["plan"], reopened["plan"]
    title = "关于印发《昆明地区2026年职工“72行大练兵·360行出状元”竞赛活动方案》的通知"
    assert result.filename == title + ".docx"
    assert any(p.text.replace("\n", "") == title for p in doc.paragraphs)
    assert any(p.text == "昆工〔2026〕3号" for p in doc.paragraphs)


def test_the_plan_starts_on_a_new_page_with_its_own_title(reopened: dict) -> None:
    """By default the 方案 opens a new page with its 附件 label (黑体, 顶格), then its own title."""
    doc = reopened["plan"]
    paragraphs = doc.paragraphs
    index = next(i for i, p in enumerate(paragraphs) if p.text.replace("\n", "").startswith("昆明地区2026年"))
    plan_title = paragraphs[index]
    label = paragraphs[index - 2] if paragraphs[index - 1].text == "" else paragraphs[index - 1]
    assert label.text == "附件" and label.paragraph_format.page_break_before is True
    assert {r.font.size.pt for r in plan_title.runs} == {22.0}
    assert {east_asia(r) for r in plan_title.runs} == {"方正小标宋简体"}
    before = paragraphs[:index]
    assert any(p.text == "2026年4月10日" for p in before)  # the notice is signed before the 方案


@pytest.mark.parametrize("year", [2026, 2027, 2031])
def test_every_date_in_the_document_falls_in_the_year(year: int) -> None:
    result, doc = _plan(year)
    text = all_text(doc)
    years = {int(y) for y in re.findall(r"((?:19|20)\d{2})\s*年", text)}
    assert years == {year}
    assert f"昆工〔{year}〕3号" in text
    assert f"{year}年7月31日前须完成年度工作的50%以上" in text
    assert f"{year}年12月25日前" in text
    assert generators.check_docx(result.data).ok


def test_quotas_come_from_the_rule(reopened: dict) -> None:
    text = all_text(reopened["plan"])
    assert "不少于20场次" in text
    assert "不少于5次10个工种" in text
    assert "不少于4次8个工种" in text


def test_focus_and_leading_group_are_written() -> None:
    _, doc = _plan(2026, leading_group=[{"role": "组长", "name": "张三", "position": "市总工会主席"}])
    text = all_text(doc)
    assert "2026年竞赛活动重点：服务全市重点产业链发展" in text
    assert "组长：张三" in text


def test_trace_covers_every_requirement_with_a_declared_citation(generated: dict) -> None:
    trace = generated["plan"].trace
    declared = {(c.doc_number, c.doc_title, c.locator) for c in get_rule("kunming_annual_plan").citations}
    assert len(trace) >= 25
    for entry in trace:
        assert (entry["doc_number"], entry["doc_title"], entry["locator"]) in declared
        assert entry["text"] and entry["section"]
    dated = [e for e in trace if e["date"]]
    assert dated and all(e["date"].startswith("2026-") for e in dated)


def test_imprint_defaults_and_is_last(reopened: dict) -> None:
    table = reopened["plan"].tables[-1]
    assert table.rows[-1].cells[0].text == "昆明市总工会办公室\t2026年4月10日印发"


def test_attachment_label_option(generated: dict) -> None:
    result, doc = _plan(2026)
    label = find(doc.paragraphs, "附件")
    assert label.text == "附件" and label.paragraph_format.page_break_before is True
    assert east_asia(label.runs[0]) == "黑体"
    assert generators.check_docx(result.data).ok
    result, doc = _plan(2026, attachment_label=False)  # GB/T 9704 style: the issued text is no 附件
    assert not any(p.text == "附件" for p in doc.paragraphs)
    title = next(p for p in doc.paragraphs if p.text.replace("\n", "").startswith("昆明地区2026年"))
    assert title.paragraph_format.page_break_before is True
    assert generators.check_docx(result.data).ok


def test_notice_body_can_be_replaced() -> None:
    _, doc = _plan(2026, notice_body="现将方案印发给你们，请结合实际认真贯彻落实。")
    assert any(p.text == "现将方案印发给你们，请结合实际认真贯彻落实。" for p in doc.paragraphs)
