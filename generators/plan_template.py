"""A 方案 as a base template plus a year's overrides (generators/plans/*.toml, docs/generators.md).

The base is data: sections and paragraphs whose text holds ``{slot}`` placeholders, each slot bound to a
parameter of a source document (rules/params/*.toml), so its base value and the article it comes from
are known. Overrides change slots and add or remove paragraphs; every change is listed against the base
("全市性职工职业技能竞赛：不少于20场次 → 不少于25场次") with the base article it departs from, so staff
drafting next year's plan see exactly where it differs from last year's.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from datetime import date
from functools import cache
from pathlib import Path
from typing import Any

from core.dates import cn_date
from core.errors import InvalidInput
from rules.parameters import ParamDocument, document

PLANS_DIR = Path(__file__).resolve().parent / "plans"
DEFAULT_BASE = "kunming_2022"
SLOT_TYPES = ("int", "share", "month_day", "text", "list")
_MAX_TEXT = 2000


@dataclass(frozen=True, slots=True)
class Slot:
    name: str
    param: str
    key: str | None
    type: str
    label: str
    show: str


@dataclass(frozen=True, slots=True)
class Paragraph:
    id: str
    section: str
    text: str
    requires: tuple[str, ...] = ()
    refers: tuple[str, ...] = ()
    kind: str = "text"  # "text" | "leading_group"


@dataclass(frozen=True, slots=True)
class PlanTemplate:
    id: str
    title: str
    parameters: ParamDocument
    rule: str
    slots: dict[str, Slot]
    paragraphs: tuple[Paragraph, ...]

    def base_values(self) -> dict[str, Any]:
        """Every slot's value as the base document sets it, in the slot's type."""
        out = {}
        for slot in self.slots.values():
            raw = self.parameters.value(slot.param)
            out[slot.name] = _typed(slot, raw[slot.key] if slot.key else raw, f"{self.id}.{slot.name}")
        return out


def _typed(slot: Slot, value: Any, field: str) -> Any:
    """A slot value checked and normalised for its type; InvalidInput naming ``field`` otherwise."""
    if slot.type == "int":
        if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= 100000:
            raise InvalidInput(f"字段 {field}：应为 0 到 100000 的整数（收到 {value!r}）", fields=[field])
        return value
    if slot.type == "share":
        if isinstance(value, bool) or not isinstance(value, int | float) or not 0 < value <= 1:
            raise InvalidInput(f"字段 {field}：应为大于 0、不大于 1 的比例，如 0.5（收到 {value!r}）", fields=[field])
        return float(value)
    if slot.type == "month_day":
        try:
            month, day = (int(x) for x in str(value).split("-"))
            date(2024, month, day)  # a leap year: 02-29 is a month-day that exists
        except (ValueError, TypeError):
            raise InvalidInput(f"字段 {field}：应为 MM-DD 格式的日期（收到 {value!r}）", fields=[field]) from None
        if not isinstance(value, str):
            raise InvalidInput(f"字段 {field}：应为 MM-DD 格式的日期（收到 {value!r}）", fields=[field])
        return (month, day)
    if slot.type == "text":
        if not isinstance(value, str) or not value.strip() or len(value) > 200 or "\n" in value:
            raise InvalidInput(f"字段 {field}：应为一行非空文字（不超过200字）", fields=[field])
        return value.strip()
    if (
        not isinstance(value, list)
        or not 1 <= len(value) <= 30
        or not all(isinstance(v, str) and v.strip() and "\n" not in v and len(v) <= 80 for v in value)
    ):
        raise InvalidInput(f"字段 {field}：应为 1 到 30 个名称的列表（每个为一行非空文字）", fields=[field])
    return tuple(v.strip() for v in value)


def _parse(key: str, data: dict[str, Any]) -> PlanTemplate:
    head = data["template"]
    slots = {
        name: Slot(name, raw["param"], raw.get("key"), raw["type"], raw["label"], raw.get("show", "{}"))
        for name, raw in data.get("slots", {}).items()
    }
    for slot in slots.values():
        if slot.type not in SLOT_TYPES:
            raise ValueError(f"{key}.toml [slots.{slot.name}]：type 只能取 {'、'.join(SLOT_TYPES)}")
    paragraphs = tuple(
        Paragraph(
            raw["id"],
            raw["section"],
            raw.get("text", ""),
            tuple(raw.get("requires", ())),
            tuple(raw.get("refers", ())),
            raw.get("kind", "text"),
        )
        for raw in data["paragraph"]
    )
    return PlanTemplate(head["id"], head["title"], document(head["parameters"]), head["rule"], slots, paragraphs)


@cache
def template(base: str) -> PlanTemplate:
    """The plan template ``base`` (a file stem under generators/plans/)."""
    path = PLANS_DIR / f"{base}.toml"
    if not base.replace("_", "").isalnum() or not path.is_file():
        raise InvalidInput(f"字段 base：没有方案模板 {base!r}；可用：{'、'.join(bases())}", fields=["base"])
    with path.open("rb") as fh:
        return _parse(base, tomllib.load(fh))


def bases() -> list[str]:
    return sorted(p.stem for p in PLANS_DIR.glob("*.toml"))


@dataclass(frozen=True, slots=True)
class Item:
    """One paragraph of the rendered 方案: the base article it belongs to, its text, what it states."""

    section: str
    text: str
    requires: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class AppliedPlan:
    values: dict[str, Any]
    paragraphs: tuple[Paragraph, ...]
    changes: list[dict[str, Any]]


def _render(slot: Slot, value: Any, year: int) -> str:
    if slot.type == "share":
        return f"{value:.0%}"
    if slot.type == "month_day":
        return cn_date(date(year, *value))
    if slot.type == "list":
        return "、".join(value)
    return str(value)


def _shown(slot: Slot, value: Any) -> str:
    """A value as the change list shows it (deadlines without the year: they move with it)."""
    text = f"{value[0]}月{value[1]}日" if slot.type == "month_day" else _render(slot, value, 2000)
    return slot.show.format(text)


def apply_overrides(tpl: PlanTemplate, overrides: dict[str, Any] | None, year: int) -> AppliedPlan:
    """The template's values and paragraphs with ``overrides`` applied, and the change list.

    ``overrides``: ``parameters`` (slot → value), ``add_paragraphs`` ([{after, text}]) and
    ``remove_paragraphs`` ([paragraph id]). Every bad entry is an InvalidInput naming its field."""
    overrides = overrides or {}
    source = tpl.parameters.source
    base = tpl.base_values()
    values = dict(base)
    changes: list[dict[str, Any]] = []
    for name, raw in (overrides.get("parameters") or {}).items():
        field = f"overrides.parameters.{name}"
        slot = tpl.slots.get(name)
        if slot is None:
            known = "、".join(tpl.slots)
            raise InvalidInput(f"字段 {field}：方案模板 {tpl.id} 没有参数 {name!r}；可用：{known}", fields=[field])
        value = _typed(slot, raw, field)
        if slot.type == "month_day":
            try:
                date(year, *value)
            except ValueError:
                raise InvalidInput(f"字段 {field}：{year}年没有 {raw}", fields=[field]) from None
        values[name] = value
        if value != base[name]:
            cite = tpl.parameters.cite(slot.param)
            old, new = _shown(slot, base[name]), _shown(slot, value)
            changes.append(
                {
                    "kind": "parameter",
                    "name": name,
                    "label": slot.label,
                    "base": old,
                    "new": new,
                    "line": f"{slot.label}：{old} → {new}",
                    "doc_number": cite.doc_number,
                    "doc_title": cite.doc_title,
                    "locator": cite.locator,
                }
            )
    by_id = {p.id: p for p in tpl.paragraphs}
    removed: list[str] = []
    for i, pid in enumerate(overrides.get("remove_paragraphs") or []):
        field = f"overrides.remove_paragraphs[{i}]"
        if pid not in by_id:
            raise InvalidInput(f"字段 {field}：方案模板 {tpl.id} 没有段落 {pid!r}", fields=[field])
        removed.append(pid)
    for p in tpl.paragraphs:
        if p.id in removed:
            continue
        for ref in p.refers:
            if ref in removed:
                field = f"overrides.remove_paragraphs[{removed.index(ref)}]"
                raise InvalidInput(
                    f"字段 {field}：段落 {ref!r} 被段落 {p.id!r} 引用，不能单独删除（可一并删除 {p.id!r}）",
                    fields=[field],
                )
    additions: dict[str, list[Paragraph]] = {}
    for i, raw in enumerate(overrides.get("add_paragraphs") or []):
        field = f"overrides.add_paragraphs[{i}]"
        after, text = raw.get("after"), raw.get("text")
        if after not in by_id or after in removed:
            raise InvalidInput(
                f"字段 {field}.after：没有段落 {after!r}（或已删除）；段落编号见 docs/generators.md",
                fields=[f"{field}.after"],
            )
        if not isinstance(text, str) or not text.strip() or len(text) > _MAX_TEXT:
            raise InvalidInput(f"字段 {field}.text：应为非空文字（不超过{_MAX_TEXT}字）", fields=[f"{field}.text"])
        anchor = by_id[after]
        additions.setdefault(after, []).append(Paragraph(f"added_{i + 1}", anchor.section, text.strip()))
        changes.append(
            {
                "kind": "paragraph_added",
                "name": f"added_{i + 1}",
                "label": f"新增段落（{anchor.section}，段落 {after} 之后）",
                "base": None,
                "new": text.strip(),
                "line": f"新增段落（{anchor.section}）：{text.strip()}",
                "doc_number": source.doc_number,
                "doc_title": source.doc_title,
                "locator": anchor.section,
            }
        )
    for pid in removed:
        p = by_id[pid]
        changes.append(
            {
                "kind": "paragraph_removed",
                "name": pid,
                "label": f"删除段落（{p.section}）",
                "base": p.text or p.kind,
                "new": None,
                "line": f"删除段落（{p.section}）：{p.text or p.kind}",
                "doc_number": source.doc_number,
                "doc_title": source.doc_title,
                "locator": p.section,
            }
        )
    paragraphs: list[Paragraph] = []
    for p in tpl.paragraphs:
        if p.id not in removed:
            paragraphs.append(p)
        paragraphs.extend(additions.get(p.id, ()))
    return AppliedPlan(values, tuple(paragraphs), changes)


def render_items(
    tpl: PlanTemplate,
    applied: AppliedPlan,
    year: int,
    extra: dict[str, str],
    members: list[str],
) -> list[Item]:
    """The 方案's paragraphs: slots and the input's ``extra`` fields ({focus}, {office}, {year}) filled in,
    the leading-group paragraph expanded into ``members``."""
    fields = {name: _render(tpl.slots[name], v, year) for name, v in applied.values.items()}
    fields.update(extra, year=str(year))
    items: list[Item] = []
    for p in applied.paragraphs:
        if p.kind == "leading_group":
            items.extend(Item(p.section, line, ()) for line in members)
        elif p.id.startswith("added_"):
            items.append(Item(p.section, p.text, ()))  # input text: never formatted
        else:
            items.append(Item(p.section, p.text.format(**fields), p.requires))
    return items
