"""推荐承诺书: counts by channel, the eligibility rule applied to every nominee, excluded nominees
listed with their article, the table, the 盖章 and date lines."""

from __future__ import annotations

import io
import time

import pytest
from docx import Document

import generators
from core.errors import InvalidInput
from tests.generators.conftest import load_example
from tests.generators.docx_helpers import all_text


def test_counts_by_channel_and_recommendation_count(reopened: dict) -> None:
    text = all_text(reopened["pledge"])
    assert "共收到云岭工匠申报材料5份" in text
    assert "逐级推荐的有2份，行业（学会）推荐的有1份，专业人士举荐的有1份，自荐的有1份" in text
    assert "经初审，拟推荐以下3名人选申报云岭工匠" in text
    assert "2026年5月20日，我单位特邀专家共计7人" in text


def test_recommended_table_and_excluded_table(reopened: dict) -> None:
    doc = reopened["pledge"]
    recommended, excluded = doc.tables
    assert [c.text for c in recommended.rows[0].cells] == ["序号", "姓名", "年龄", "工作单位", "推荐理由"]
    assert [r.cells[1].text for r in recommended.rows[1:]] == ["张明", "李华", "王磊"]
    assert "可直接认定" in recommended.rows[2].cells[4].text
    assert [r.cells[1].text for r in excluded.rows[1:]] == ["赵强", "陈刚"]
    assert "第八条（四）" in excluded.rows[1].cells[3].text
    assert "《云岭工匠选树管理办法》" in excluded.rows[1].cells[3].text
    assert "第八条（三）" in excluded.rows[2].cells[3].text


def test_sign_block_and_promise(reopened: dict) -> None:
    texts = [p.text for p in reopened["pledge"].paragraphs if p.text.strip()]
    assert "我们承诺，对所申报材料或陈述事实的真实性负责。" in texts
    assert texts[-3:] == ["推荐单位（盖章）：昆明市总工会", "负责人（签字）：", "2026年5月25日"]


def test_trace_has_a_decision_per_nominee(generated: dict) -> None:
    trace = generated["pledge"].trace
    decisions = [t for t in trace if "nominee" in t]
    assert [t["nominee"] for t in decisions] == ["张明", "李华", "王磊", "赵强", "陈刚"]
    assert [t["eligible"] for t in decisions] == [True, True, True, False, False]
    assert all(t["citations"] for t in decisions)
    assert trace[-1]["outputs"]["cap"] == 20


STUDIO = {
    "programme": "职工创新工作室",
    "session": 3,
    "unit": "曲靖市总工会",
    "cutoff_date": "2026-06-01",
    "review_date": "2026-06-05",
    "experts": 5,
    "expert_names": ["甲", "乙"],
    "date": "2026-06-10",
    "nominees": [
        {"name": "李强创新工作室", "leader": "李强", "unit": "曲靖某公司", "local_named_years": 3, "team_size": 6},
        {"name": "某个人工作室", "leader": "王五", "unit": "某厂", "channel": "个人申报"},
    ],
}


@pytest.mark.parametrize("programme", ["职工创新工作室", "职工技师工作站"])
def test_studio_and_station_templates(programme: str) -> None:
    payload = STUDIO | {"programme": programme}
    result = generators.generate("pledge", payload)
    doc = Document(io.BytesIO(result.data))
    text = all_text(doc)
    word = "工作室" if programme == "职工创新工作室" else "工作站"
    assert f"云南省第三届{programme}推荐承诺书" in text
    assert "我单位特邀专家甲、乙等5人组成评审组" in text
    assert f"以下1个{word}经初审不符合申报条件" in text
    assert "第十三条" in doc.tables[1].rows[1].cells[3].text
    assert [c.text for c in doc.tables[0].rows[0].cells][1] == f"{word}名称"
    assert generators.check_docx(result.data).ok


def test_nobody_eligible_says_so_and_has_no_recommendation_table() -> None:
    payload = load_example("pledge")
    payload["nominees"] = [n | {"exclusions": ["其他不宜"]} for n in payload["nominees"]]
    doc = Document(io.BytesIO(generators.generate("pledge", payload).data))
    assert "本次无符合条件的拟推荐人选" in all_text(doc)
    assert len(doc.tables) == 1


def test_a_thousand_nominees_make_a_correct_document() -> None:
    payload = load_example("pledge")
    base = payload["nominees"][0]
    payload["nominees"] = [base | {"name": f"申报人{i}", "channel": ("逐级推荐", "自荐")[i % 2]} for i in range(1000)]
    started = time.perf_counter()
    result = generators.generate("pledge", payload)
    assert time.perf_counter() - started < 15
    doc = Document(io.BytesIO(result.data))
    assert len(doc.tables[0].rows) == 1001
    assert "逐级推荐的有500份" in all_text(doc)
    assert generators.check_docx(result.data).ok


def test_more_than_a_thousand_nominees_is_refused() -> None:
    payload = load_example("pledge")
    payload["nominees"] = payload["nominees"] * 201
    with pytest.raises(InvalidInput, match="字段 nominees：最多1000项"):
        generators.generate("pledge", payload)
