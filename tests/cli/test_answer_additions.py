"""Issue 11 on the command line: the provision a quoted one defers to is printed as a further 出处,
marked with the provision that named it, and an older edition is named under the answer — in text,
``--json`` and ``--batch`` alike (real texts beside the seeds, ``real_home``)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.utils.cli import invoker

DEFERS = "被派遣到用工单位的劳务派遣职工能不能享受年休假？"
KEPT = "工伤认定结束后，有关资料要保存多少年？"


@pytest.fixture(scope="module")
def run(real_home: Path):  # type: ignore[no-untyped-def]
    invoke = invoker(real_home)

    def output(*args: str) -> str:
        result = invoke(*args)
        assert result.exit_code == 0, result.output
        return result.output

    return output


def test_text_output_marks_the_provision_quoted_because_another_defers_to_it(run) -> None:  # type: ignore[no-untyped-def]
    out = run("ask", DEFERS)
    assert "其中第十四条所引《企业职工带薪年休假实施办法》第三条：“第三条 职工连续工作满12个月以上的" in out
    assert (
        "  出处（第十四条所引）：《企业职工带薪年休假实施办法》 第三条 [renshebu_nianxiujia_shishi_banfa_2008.txt"
        in out
    )
    formal = run("ask", DEFERS, "--cite-format", "formal")
    assert "  出处（第十四条所引）：《企业职工带薪年休假实施办法》第三条" in formal


def test_text_output_names_the_older_edition(run) -> None:  # type: ignore[no-untyped-def]
    out = run("ask", KEPT)
    assert "旧版《工伤认定办法》（劳动和社会保障部令第17号）第十八条已于2011年1月1日被取代。" in out
    assert "  旧版：《工伤认定办法》劳动和社会保障部令第17号 第十八条" in out


def test_json_and_batch_carry_the_new_fields(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    single = json.loads(run("ask", DEFERS, "--json"))
    assert [c["refers_from"] for c in single["citations"] if c["locator"] == "第三条"] == ["第十四条"]
    batch = tmp_path / "q.jsonl"
    rows = [{"id": "defers", "question": DEFERS}, {"id": "then", "question": KEPT, "as_of": "2008-01-01"}]
    batch.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows), encoding="utf-8")
    out = {r["id"]: r for r in map(json.loads, run("ask", "--batch", str(batch)).strip().split("\n"))}
    assert out["defers"]["citations"] == single["citations"]
    assert out["then"]["superseded"] and {n["edition"] for n in out["then"]["superseded"]} == {"later"}
    assert out["then"]["superseded"][0]["locator"] == "第二十四条"


def test_text_output_marks_the_sentence_that_introduces_a_quoted_items_list(run) -> None:  # type: ignore[no-untyped-def]
    out = run("ask", "端午节放假几天？")
    lead = next(line for line in out.splitlines() if "的引语）：" in line)
    item = next(line for line in out.splitlines() if line.startswith("  出处：") and "（" in line.split("》")[1])
    assert lead.startswith("  出处（第二条（") and "》 第二条 [" in lead
    assert out.index(lead) < out.index(item)
    as_json = json.loads(run("ask", "端午节放假几天？", "--json"))
    leads = [c for c in as_json["citations"] if c["lead_in_of"]]
    assert leads and all(c["lead_in_of"].startswith(f"{c['locator']}（") for c in leads)
