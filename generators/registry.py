"""All generators by kind (notice, plan, pledge, training-plan), as ``rules.registry`` holds all rules by id: one
dispatch table from kind to input model and builder, so the CLI, the API and the tests all validate and
build the same way."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Annotated, Any

from pydantic import Field, TypeAdapter

from core.errors import BuildError, InvalidInput, PolicyDeskError
from core.inputs import parse_input
from generators.models import (
    PLEDGE_MODELS,
    CraftsmanPledge,
    NoticeInput,
    PlanInput,
    StationPledge,
    StudioPledge,
    TrainingPlanInput,
)
from generators.notice import build_notice
from generators.plan import build_plan
from generators.pledge import build_pledge
from generators.result import GeneratedDocx
from generators.training_plan import build_training_plan

EXAMPLES_DIR = Path(__file__).resolve().parents[1] / "examples"
PledgeInput = Annotated[CraftsmanPledge | StudioPledge | StationPledge, Field(discriminator="programme")]


def _parse_pledge(payload: dict[str, Any]) -> Any:
    """The programme picks the nominee model, so errors name ``nominees[3].age``, not a union branch."""
    if not isinstance(payload, dict):
        return parse_input(CraftsmanPledge, payload, what="承诺书输入")  # raises: must be a JSON object
    programme = payload.get("programme")
    if not isinstance(programme, str) or programme not in PLEDGE_MODELS:
        raise InvalidInput(f"字段 programme：只能取 {'、'.join(PLEDGE_MODELS)}（收到 {programme!r}）")
    return parse_input(PLEDGE_MODELS[programme], payload, what="承诺书输入")


_KINDS: dict[str, tuple[Callable[[dict[str, Any]], Any], Callable[[Any], GeneratedDocx], Callable[[], dict]]] = {
    "notice": (
        lambda p: parse_input(NoticeInput, p, what="通知输入"),
        build_notice,
        NoticeInput.model_json_schema,
    ),
    "plan": (lambda p: parse_input(PlanInput, p, what="方案输入"), build_plan, PlanInput.model_json_schema),
    "pledge": (_parse_pledge, build_pledge, lambda: TypeAdapter(PledgeInput).json_schema()),
    "training-plan": (
        lambda p: parse_input(TrainingPlanInput, p, what="培训项目实施方案输入"),
        build_training_plan,
        TrainingPlanInput.model_json_schema,
    ),
}
KINDS = tuple(_KINDS)


def _kind(
    kind: str,
) -> tuple[Callable[[dict[str, Any]], Any], Callable[[Any], GeneratedDocx], Callable[[], dict]]:
    try:
        return _KINDS[kind]
    except (KeyError, TypeError):
        raise InvalidInput(f"未知的文书类型 {kind!r}；可选：{'、'.join(KINDS)}") from None


def input_schema(kind: str) -> dict[str, Any]:
    """JSON Schema of a generator's input, with the shipped example (examples/KIND.json) when the
    project's examples are beside the package, so forms open filled in."""
    schema = _kind(kind)[2]()
    example = EXAMPLES_DIR / f"{kind.replace('-', '_')}.json"
    if example.is_file():
        schema["examples"] = [json.loads(example.read_text(encoding="utf-8"))]
    return schema


def generate(kind: str, payload: dict[str, Any]) -> GeneratedDocx:
    """Validate ``payload`` and build the .docx. Bad input raises InvalidInput naming the field; an
    unexpected failure while building raises BuildError, never a bare exception."""
    parse, build, _ = _kind(kind)
    model = parse(payload)
    try:
        return build(model)
    except PolicyDeskError:
        raise
    except ValueError as exc:  # model-level checks that need the built context (dates in a year …)
        raise InvalidInput(str(exc)) from None
    except Exception as exc:  # the CLI and API must never show a traceback
        raise BuildError(f"生成{kind}失败：{type(exc).__name__}: {exc}") from exc
