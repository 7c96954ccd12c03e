"""Input validation shared by rules and generators: one strict pydantic base, text types that can
always be written into a .docx, and the translation of pydantic errors into one Chinese
``InvalidInput`` message that names every bad field (``nominees[3].age：应为整数``)."""

from __future__ import annotations

import re
from datetime import date
from typing import Annotated, Any, TypeVar

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    StringConstraints,
    ValidationError,
)

from core.errors import InvalidInput

M = TypeVar("M", bound=BaseModel)

# XML 1.0 forbids C0 controls other than TAB/LF/CR, lone surrogates and U+FFFE/U+FFFF; python-docx
# would either raise deep inside lxml or write a file Word refuses to open.
_XML_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_LINE_BREAKS = re.compile("[\t\n\r\u2028\u2029]")
_MAX_ERRORS_SHOWN = 5


def _xml_safe(value: str) -> str:
    bad = _XML_FORBIDDEN.search(value)
    if bad:
        raise ValueError(f"含有不能写入文档的控制字符 U+{ord(bad.group()):04X}")
    return value


def _single_line(value: str) -> str:
    value = _xml_safe(value)
    if _LINE_BREAKS.search(value):
        raise ValueError("不能包含换行符或制表符")
    return value


_ISO_DATE = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")


def _parse_date(value: Any) -> date:
    """Only 'YYYY-MM-DD' strings (or date objects): pydantic's lax mode would also take 20230230 as a
    Unix timestamp, and a paper dated from a typo is worse than an error."""
    if isinstance(value, date):
        return value
    if not isinstance(value, str):
        raise ValueError("应为 YYYY-MM-DD 格式的日期字符串")
    m = _ISO_DATE.match(value.strip())
    if not m:
        raise ValueError(f"{value!r} 不是 YYYY-MM-DD 格式的日期")
    try:
        return date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        raise ValueError(f"{value.strip()} 不是存在的日期") from None


IsoDate = Annotated[date, BeforeValidator(_parse_date)]
"""A calendar date written YYYY-MM-DD; 2023-02-30 is rejected with the field named."""

Text = Annotated[str, StringConstraints(strip_whitespace=True), AfterValidator(_xml_safe)]
"""Free text that may span paragraphs (line breaks allowed)."""

Line = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1), AfterValidator(_single_line)]
"""A non-empty single line: names, titles, units."""


class StrictModel(BaseModel):
    """Unknown fields are errors: a misspelt field must not be silently ignored in an official paper."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)


_MESSAGES: dict[str, str] = {
    "missing": "缺少必填字段",
    "extra_forbidden": "不支持的字段",
    "int_parsing": "应为整数",
    "int_type": "应为整数",
    "int_from_float": "应为整数",
    "float_parsing": "应为数字",
    "float_type": "应为数字",
    "decimal_parsing": "应为数字",
    "bool_parsing": "应为 true 或 false",
    "bool_type": "应为 true 或 false",
    "string_type": "应为字符串",
    "list_type": "应为数组",
    "dict_type": "应为 JSON 对象",
    "model_type": "应为 JSON 对象",
    "model_attributes_type": "应为 JSON 对象",
    "date_parsing": "不是有效日期（应为 YYYY-MM-DD）",
    "date_from_datetime_parsing": "不是有效日期（应为 YYYY-MM-DD）",
    "date_type": "不是有效日期（应为 YYYY-MM-DD）",
    "finite_number": "应为有限数字",
    "string_pattern_mismatch": "格式不对",
    "string_unicode": "含有无法编码的字符（孤立的代理项）",
    "union_tag_invalid": "取值无效",
}


def field_path(loc: tuple[Any, ...]) -> str:
    """('nominees', 3, 'age') → 'nominees[3].age'."""
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += ("." if out else "") + str(part)
    return out or "输入"


def _describe(err: dict[str, Any]) -> str:
    kind = err.get("type", "")
    ctx = err.get("ctx") or {}
    if kind in ("greater_than_equal", "greater_than"):
        text = f"不能小于{ctx.get('ge', ctx.get('gt'))}" if kind == "greater_than_equal" else f"必须大于{ctx.get('gt')}"
    elif kind in ("less_than_equal", "less_than"):
        text = f"不能大于{ctx.get('le', ctx.get('lt'))}" if kind == "less_than_equal" else f"必须小于{ctx.get('lt')}"
    elif kind == "string_too_short":
        text = "不能为空" if ctx.get("min_length") == 1 else f"至少{ctx.get('min_length')}个字符"
    elif kind == "string_too_long":
        text = f"不能超过{ctx.get('max_length')}个字符"
    elif kind == "too_short":
        text = f"至少需要{ctx.get('min_length')}项"
    elif kind == "too_long":
        text = f"最多{ctx.get('max_length')}项（收到{ctx.get('actual_length')}项）"
    elif kind == "literal_error" or kind == "enum":
        text = f"只能取 {ctx.get('expected')}"
    elif kind == "value_error":
        text = str(ctx.get("error") or err.get("msg", "")).removeprefix("Value error, ")
    elif kind == "assertion_error":
        text = str(err.get("msg", "")).removeprefix("Assertion failed, ")
    else:
        text = _MESSAGES.get(kind) or str(err.get("msg", "取值无效"))
    received = err.get("input")
    if kind not in ("missing", "extra_forbidden", "value_error") and isinstance(received, str | int | float):
        shown = repr(received) if isinstance(received, str) else str(received)
        if len(shown) <= 40:
            text += f"（收到 {shown}）"
    return text


def describe_validation_error(exc: ValidationError, prefix: str = "") -> str:
    errors = exc.errors(include_url=False)
    parts = []
    for err in errors[:_MAX_ERRORS_SHOWN]:
        loc = tuple(err.get("loc", ()))
        text = _describe(err)
        if not loc and text.startswith("字段 "):  # a whole-model check that names its field itself
            parts.append(text)
            continue
        parts.append(f"字段 {prefix}{field_path(loc)}：{text}")
    if len(errors) > _MAX_ERRORS_SHOWN:
        parts.append(f"另有{len(errors) - _MAX_ERRORS_SHOWN}处错误")
    return "；".join(parts)


def parse_input(model: type[M], data: Any, *, what: str = "输入") -> M:
    """Validate ``data`` against ``model``; every failure is an ``InvalidInput`` naming the field."""
    if not isinstance(data, dict):
        raise InvalidInput(f"{what}必须是 JSON 对象（收到 {type(data).__name__}）")
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        fields = [field_path(tuple(e.get("loc", ()))) for e in exc.errors(include_url=False)]
        raise InvalidInput(describe_validation_error(exc), fields=fields) from None
    except (ValueError, TypeError) as exc:  # a validator that raised outside pydantic's wrapping
        raise InvalidInput(f"{what}无效：{exc}") from None
