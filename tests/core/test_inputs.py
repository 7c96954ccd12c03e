"""Shared input validation: strict fields, XML-safe text, ISO dates, one Chinese message."""

from __future__ import annotations

from datetime import date

import pytest
from pydantic import Field

from core.errors import InvalidInput
from core.inputs import IsoDate, Line, StrictModel, Text, field_path, parse_input


class Sample(StrictModel):
    name: Line = Field(max_length=5)
    note: Text | None = None
    when: IsoDate | None = None
    items: list[int] = Field(default_factory=list, max_length=2)


def test_field_path() -> None:
    assert field_path(("nominees", 3, "age")) == "nominees[3].age"
    assert field_path(()) == "输入"


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        ({"name": "张\x00三"}, "字段 name：含有不能写入文档的控制字符 U+0000"),
        ({"name": "张\ud800"}, "字段 name：含有无法编码的字符（孤立的代理项）"),
        ({"name": "张\n三"}, "字段 name：不能包含换行符或制表符"),
        ({"name": "   "}, "字段 name：不能为空（收到 '   '）"),
        ({"name": "一二三四五六"}, "字段 name：不能超过5个字符（收到 '一二三四五六'）"),
        ({"name": "甲", "when": "2023-02-30"}, "字段 when：2023-02-30 不是存在的日期"),
        ({"name": "甲", "when": "2023/02/03"}, "字段 when：'2023/02/03' 不是 YYYY-MM-DD 格式的日期"),
        ({"name": "甲", "when": 20230203}, "字段 when：应为 YYYY-MM-DD 格式的日期字符串"),
        ({"name": "甲", "items": [1, 2, 3]}, "字段 items：最多2项（收到3项）"),
        ({"name": "甲", "extra": 1}, "字段 extra：不支持的字段"),
    ],
)
def test_messages_name_the_field(data: dict, expected: str) -> None:
    with pytest.raises(InvalidInput) as err:
        parse_input(Sample, data)
    assert err.value.message.startswith(expected), err.value.message


def test_multiline_text_and_dates_are_accepted() -> None:
    model = parse_input(Sample, {"name": " 甲 ", "note": "一行\n两行", "when": "2024-2-29"})
    assert model.name == "甲" and model.when == date(2024, 2, 29)


def test_many_errors_are_summarised() -> None:
    class Many(StrictModel):
        a: int
        b: int
        c: int
        d: int
        e: int
        f: int

    with pytest.raises(InvalidInput, match="另有1处错误") as err:
        parse_input(Many, {})
    assert err.value.details["fields"] == ["a", "b", "c", "d", "e", "f"]
