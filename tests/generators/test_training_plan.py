"""xx培训项目实施方案 from structured input, with the 技能培训专项资金管理办法's limits applied: a budget
line over a limit is refused naming the field and the article; every kept limit is in the trace."""

from __future__ import annotations

import io

import pytest
from docx import Document

import generators
from core.errors import InvalidInput
from tests.generators.conftest import load_example
from tests.generators.docx_helpers import all_text


def _example() -> dict:
    return load_example("training-plan")


def test_the_template_headings_and_the_input_are_in_the_document() -> None:
    result = generators.generate("training-plan", _example())
    doc = Document(io.BytesIO(result.data))
    text = all_text(doc)
    for heading in ("一、培训任务及要求", "五、培训课程设置", "六、培训经费构成", "八、其他要求"):
        assert heading in text
    assert "2026年5月11日至2026年5月30日，共20天" in text
    assert "合计120学时" in text and "培训经费合计102000元" in text
    assert result.filename == "2026年寻甸县易地扶贫搬迁安置点家政服务员技能培训项目实施方案.docx"
    assert len(doc.tables) == 2
    assert generators.check_docx(result.data).ok
    assert generators.generate("training-plan", _example()).data == result.data


def test_the_trace_lists_each_limit_with_its_article() -> None:
    trace = generators.generate("training-plan", _example()).trace
    living = next(t for t in trace if t["requirement"] == "学员生活补助上限")
    assert living["locator"] == "第十条" and "64000元" in living["detail"]
    assert all(t["doc_number"] == "云工办通〔2020〕22号" for t in trace)


def test_living_subsidy_over_the_limit_is_refused_with_the_article() -> None:
    payload = _example()
    payload["budget"][2]["amount_yuan"] = 64001
    with pytest.raises(InvalidInput) as err:
        generators.generate("training-plan", payload)
    assert "budget[2].amount_yuan" in err.value.message and "第十条" in err.value.message


def test_a_course_over_30_days_is_capped_at_the_lump_sum() -> None:
    payload = _example() | {"end": "2026-06-30"}  # 51 days: 3600 元/人, 40 人 → 144000
    payload["budget"][2]["amount_yuan"] = 144000
    assert generators.generate("training-plan", payload)
    payload["budget"][2]["amount_yuan"] = 144001
    with pytest.raises(InvalidInput, match="第十条"):
        generators.generate("training-plan", payload)


def test_a_category_the_article_does_not_fund_is_refused() -> None:
    payload = _example()
    payload["budget"].append({"item": "场地租赁", "category": "工会配套", "amount_yuan": 1000})
    with pytest.raises(InvalidInput, match=r"budget\[4\]\.category"):
        generators.generate("training-plan", payload)


def test_equipment_is_not_tuition() -> None:
    payload = _example()
    payload["budget"][1]["item"] = "教学设备购置"
    with pytest.raises(InvalidInput, match=r"budget\[1\]\.item.*第十条"):
        generators.generate("training-plan", payload)


def test_a_short_poverty_course_is_noted_not_refused() -> None:
    payload = _example() | {"end": "2026-05-20"}  # 10 days
    payload["budget"][2]["amount_yuan"] = 32000
    days = next(t for t in generators.generate("training-plan", payload).trace if t["requirement"] == "培训天数")
    assert days["ok"] is False and days["locator"] == "第七条"


def _upskilling(province: float, local: float) -> dict:
    return _example() | {
        "programme": "职工技能提升培训",
        "standard_total_yuan": 100000,
        "budget": [
            {"item": "省总工会专项资金", "category": "省总工会补助", "amount_yuan": province},
            {"item": "州（市）总工会配套", "category": "工会配套", "amount_yuan": local},
        ],
    }


def test_upskilling_shares_follow_article_nine() -> None:
    assert generators.generate("training-plan", _upskilling(70000, 30000))
    with pytest.raises(InvalidInput, match=r"budget\[0\]\.amount_yuan.*第九条"):
        generators.generate("training-plan", _upskilling(70001, 30000))
    with pytest.raises(InvalidInput, match=r"budget\[1\]\.amount_yuan.*第九条"):
        generators.generate("training-plan", _upskilling(70000, 29999))


def test_upskilling_without_the_standard_total_is_refused() -> None:
    payload = _upskilling(1, 1) | {"standard_total_yuan": None}
    with pytest.raises(InvalidInput, match="standard_total_yuan"):
        generators.generate("training-plan", payload)


def test_an_end_before_the_start_names_the_field() -> None:
    with pytest.raises(InvalidInput, match="end"):
        generators.generate("training-plan", _example() | {"end": "2026-05-01"})
