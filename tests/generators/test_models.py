"""Bad input gives one InvalidInput naming the field, never a traceback or a file."""

from __future__ import annotations

import pytest

import generators
from core.errors import InvalidInput
from tests.generators.conftest import load_example


@pytest.mark.parametrize(
    ("doc_number", "hint"),
    [
        ("昆工[2022]3号", "六角括号"),
        ("昆工【2022】3号", "六角括号"),
        ("昆工(2022)3号", "六角括号"),
        ("昆工〔2022〕03号", "不编虚位"),
        ("昆工〔2022〕第3号", "不加“第”"),
        ("昆工〔22〕3号", "4位"),
        ("昆工2022年3号", "机关代字"),
        ("〔2022〕3号", "机关代字"),
    ],
)
def test_doc_number_forms(doc_number: str, hint: str) -> None:
    with pytest.raises(InvalidInput, match="字段 doc_number") as err:
        generators.generate("notice", load_example("notice") | {"doc_number": doc_number})
    assert hint in err.value.message


@pytest.mark.parametrize(
    ("kind", "change", "field"),
    [
        ("notice", {"date": "2023-02-30"}, "date"),
        ("notice", {"date": "2026/03/09"}, "date"),
        ("notice", {"date": 20260309}, "date"),
        ("notice", {"title": "关于做好有关工作的通知。"}, "title"),
        ("notice", {"title": "关于\x01做好工作的通知"}, "title"),
        ("notice", {"body": ["正文\x0b含有垂直制表符"]}, "body[0]"),
        ("notice", {"recipients": []}, "recipients"),
        ("notice", {"issuers": ["云南省总工会\n办公室"]}, "issuers[0]"),
        ("notice", {"unexpected": 1}, "unexpected"),
        ("notice", {"print_date": "2026-03-01"}, "print_date"),
        ("plan", {"year": 1999}, "year"),
        ("plan", {"date": "02-30"}, "date"),
        ("plan", {"date": "2025-04-10"}, "date"),
        ("plan", {"date": "April"}, "date"),
        ("plan", {"doc_number": "昆工〔2025〕3号"}, "doc_number"),
        ("plan", {"agency_code": "昆工〔"}, "agency_code"),
        ("pledge", {"programme": "劳模"}, "programme"),
        ("pledge", {"review_date": "2026-05-01"}, "review_date"),
        ("pledge", {"session": 0}, "session"),
        ("pledge", {"nominees": []}, "nominees"),
    ],
)
def test_invalid_fields_are_named(kind: str, change: dict, field: str) -> None:
    payload = load_example(kind) | change
    with pytest.raises(InvalidInput) as err:
        generators.generate(kind, payload)
    assert f"字段 {field}" in err.value.message


def test_missing_required_fields_are_all_listed() -> None:
    with pytest.raises(InvalidInput) as err:
        generators.generate("notice", {"issuers": ["云南省总工会"]})
    for field in ("doc_number", "title", "recipients", "body", "date"):
        assert f"字段 {field}：缺少必填字段" in err.value.message


def test_nominee_errors_point_into_the_list() -> None:
    payload = load_example("pledge")
    payload["nominees"][2]["age"] = "五十"
    with pytest.raises(InvalidInput, match=r"字段 nominees\[2\]\.age：应为整数"):
        generators.generate("pledge", payload)


@pytest.mark.parametrize(
    ("paragraph", "hint"),
    [("1、明确任务。", "1."), ("(一)提高认识。", "全角括号"), ("（一）、提高认识。", "不加标点")],
)
def test_mistyped_heading_numbers(paragraph: str, hint: str) -> None:
    payload = load_example("notice")
    payload["body"] = [payload["body"][0], "一、总体要求", paragraph]
    with pytest.raises(InvalidInput, match=r"字段 body\[2\]") as err:
        generators.generate("notice", payload)
    assert hint in err.value.message


def test_heading_sequence_must_run_on() -> None:
    payload = load_example("notice")
    payload["body"] = ["一、总体要求", "（一）提高认识。", "（三）加强领导。", "二、工作安排"]
    with pytest.raises(InvalidInput, match=r"body\[2\]：层次序号应为“（二）”，收到“（三）”"):
        generators.generate("notice", payload)


@pytest.mark.parametrize("kind", generators.KINDS)
@pytest.mark.parametrize("payload", [None, [], "x", 1])
def test_payload_must_be_an_object(kind: str, payload: object) -> None:
    with pytest.raises(InvalidInput, match="JSON 对象"):
        generators.generate(kind, payload)  # type: ignore[arg-type]


def test_unknown_kind() -> None:
    with pytest.raises(InvalidInput, match="notice、plan、pledge"):
        generators.generate("letter", {})


@pytest.mark.parametrize("kind", generators.KINDS)
def test_schemas_are_json_schema_objects(kind: str) -> None:
    schema = generators.input_schema(kind)
    assert schema.get("type") == "object" or "oneOf" in schema or "anyOf" in schema
    text = str(schema)
    assert {"notice": "doc_number", "plan": "year", "pledge": "nominees", "training-plan": "budget"}[kind] in text


def test_plan_dates_accept_month_day_and_full_date_in_the_year() -> None:
    a = generators.generate("plan", load_example("plan") | {"date": "04-10"}).data
    b = generators.generate("plan", load_example("plan") | {"date": "2026-04-10"}).data
    assert a == b


def test_long_and_odd_text_makes_a_correct_document() -> None:
    payload = load_example("notice")
    payload["title"] = "关于" + "进一步加强和改进全省职工职业技能竞赛组织管理" * 3 + "的通知"
    payload["body"] = ['含有<尖括号>&符号"引号"和emoji🙂的正文。' * 40]
    result = generators.generate("notice", payload)
    assert generators.check_docx(result.data).ok
