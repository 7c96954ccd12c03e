"""Payload variants all give documents that pass the checker (the generators and the checker agree)."""

from __future__ import annotations

import pytest

import generators
from tests.generators.conftest import load_example

NOTICE_VARIANTS = {
    "single_without_wenjian": {"with_wenjian": False},
    "joint_three": {"issuers": ["昆明市总工会", "昆明市人力资源和社会保障局", "昆明市财政局"]},
    "joint_without_wenjian": {"issuers": ["昆明市总工会", "昆明市人力资源和社会保障局"], "with_wenjian": False},
    "unsealed": {"sealed": False},
    "one_attachment": {"attachments": ["2026年全省职工职业技能大赛项目表"]},
    "no_attachments_no_cc": {"attachments": [], "cc": [], "annotation": None},
    "long_body": {"body": ["为进一步做好有关工作，现通知如下。" * 12] * 12},
    "many_recipients": {"recipients": [f"第{i}工会" for i in range(1, 30)]},
    "custom_signature": {"signature": ["云南省总工会办公室"]},
}


@pytest.mark.parametrize("change", NOTICE_VARIANTS.values(), ids=NOTICE_VARIANTS.keys())
def test_notice_variants_pass(change: dict) -> None:
    report = generators.check_docx(generators.generate("notice", load_example("notice") | change).data)
    assert report.ok, [r.to_dict() for r in report.failures()]


@pytest.mark.parametrize(
    "change",
    [
        {"year": 2031},
        {"year": 2099, "date": "12-31"},
        {"cc": []},
        {"focus": []},
        {"annotation": None},
        {"sealed": False},
        {"doc_number": "昆工〔2026〕12号"},
        {"issuers": ["昆明市总工会"]},
    ],
)
def test_plan_variants_pass(change: dict) -> None:
    report = generators.check_docx(generators.generate("plan", load_example("plan") | change).data)
    assert report.ok, [r.to_dict() for r in report.failures()]


def test_plan_issued_by_one_office_has_a_single_mark() -> None:
    import io

    from docx import Document

    result = generators.generate("plan", load_example("plan") | {"issuers": ["昆明市总工会"]})
    doc = Document(io.BytesIO(result.data))
    assert next(p.text for p in doc.paragraphs if p.text.strip()) == "昆明市总工会文件"
