"""文号: every form read, one canonical spelling, found in running text, and held to GB/T 9704 when written."""

from __future__ import annotations

import pytest

from core import docnumber
from core.docnumber import DocNumber


@pytest.mark.parametrize(
    ("text", "canonical"),
    [
        ("昆工〔2022〕3号", "昆工〔2022〕3号"),
        ("昆工[2022]3 号", "昆工〔2022〕3号"),
        ("昆工［2022］3号", "昆工〔2022〕3号"),
        ("昆工(2022)3号", "昆工〔2022〕3号"),
        ("昆工 （2022） 03号", "昆工〔2022〕3号"),
        ("云工办通【2020】22号", "云工办通〔2020〕22号"),
        ("法释〔2020〕26号", "法释〔2020〕26号"),
        ("国务院令第493号", "国务院令第493号"),
        ("中华人民共和国主席令 第 11 号", "中华人民共和国主席令第11号"),
        ("人力资源和社会保障部令第7号", "人力资源和社会保障部令第7号"),
    ],
)
def test_every_form_has_one_canonical_spelling(text: str, canonical: str) -> None:
    assert docnumber.normalise(text) == canonical


def test_parts_of_a_number() -> None:
    assert docnumber.parse("云职创〔2019〕3号") == DocNumber("云职创", 2019, 3)
    order = docnumber.parse("国务院令第493号")
    assert order == DocNumber("国务院", None, 493) and order.is_order


@pytest.mark.parametrize("text", ["第十八条", "昆工〔22〕3号", "2022年3号", "云职创〔2019〕3号第十八条", ""])
def test_what_is_not_a_whole_number_is_none(text: str) -> None:
    assert docnumber.parse(text) is None


def test_numbers_are_found_in_running_text() -> None:
    found = [n for _, n in docnumber.find("按照《办法》（云职创[2019] 3号）和国务院令第493号执行")]
    assert [str(n) for n in found] == ["云职创〔2019〕3号", "和国务院令第493号"]
    # running text marks no boundary before the issuer: the readings let a catalogue pick the one it knows
    assert [str(n) for n in found[1].readings()] == ["和国务院令第493号", "国务院令第493号", "务院令第493号"]
    assert DocNumber("云职创", 2019, 3) in docnumber.parse("关于云职创〔2019〕3号").readings()


@pytest.mark.parametrize("text", ["昆工〔2022〕3号", "法释〔2020〕26号", "国务院令第493号"])
def test_well_formed(text: str) -> None:
    assert docnumber.well_formed(text)


@pytest.mark.parametrize(
    ("text", "advice"),
    [
        ("昆工[2022]3号", "六角括号"),
        ("昆工〔2022〕第3号", "不加“第”"),
        ("昆工〔2022〕03号", "不编虚位"),
        ("昆工〔22〕3号", "写全4位"),
        ("2022年3号", "机关代字〔年份〕序号号"),
    ],
)
def test_a_malformed_issuing_number_is_named_with_its_fix(text: str, advice: str) -> None:
    assert not docnumber.well_formed(text)
    assert advice in (docnumber.problem(text) or "")
    assert docnumber.LOOSE.match(text) or advice == "机关代字〔年份〕序号号"
