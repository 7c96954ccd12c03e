"""Generators: GB/T 9704 .docx for 通知, 方案, 承诺书 and 培训项目实施方案, downloaded under their Chinese file names.

One route per kind (the URL contract of the issue), so an unknown kind is simply an unknown URL (404)
and the OpenAPI schema lists each generator on its own.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Annotated, Any
from urllib.parse import quote

from fastapi import APIRouter, Body, Response

from api.deps import DeskDep
from api.errors import error_responses
from policydesk.records import GenerationPreview

DOCX_MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"

#: kind (URL segment) → what staff call it.
GENERATOR_KINDS: dict[str, str] = {
    "notice": "通知",
    "plan": "方案",
    "pledge": "承诺书",
    "training-plan": "培训项目实施方案",
}

router = APIRouter(prefix="/api/generate", tags=["generate"], responses=error_responses())

Payload = Annotated[dict[str, Any], Body(description="The generator's JSON input (see …/schema)")]

DOCX_RESPONSE: dict[int | str, dict[str, Any]] = {
    200: {
        "description": ".docx 文件（附件下载，文件名为中文，RFC 5987 编码）",
        "content": {DOCX_MEDIA_TYPE: {"schema": {"type": "string", "format": "binary"}}},
    }
}


def content_disposition(filename: str, fallback: str) -> str:
    """``attachment`` with an ASCII ``filename`` for old clients and the real (Chinese) name as
    ``filename*`` (RFC 5987)."""
    ascii_name = "".join(c for c in filename if c.isprintable() and c not in '"\\;')
    if not ascii_name.isascii() or not ascii_name.removesuffix(".docx").strip(" ._-"):
        ascii_name = fallback
    return f"attachment; filename=\"{ascii_name}\"; filename*=UTF-8''{quote(filename, safe='')}"


def _docx_route(kind: str, label: str) -> Callable[..., Response]:
    def generate(payload: Payload, desk: DeskDep) -> Response:
        document = desk.generate(kind, payload)
        disposition = content_disposition(document.filename, f"policydesk-{kind}.docx")
        return Response(document.data, media_type=DOCX_MEDIA_TYPE, headers={"Content-Disposition": disposition})

    generate.__doc__ = f"生成{label} .docx (GB/T 9704), returned as a download."
    return generate


def _preview_route(kind: str, label: str) -> Callable[..., GenerationPreview]:
    def preview(payload: Payload, desk: DeskDep) -> GenerationPreview:
        return desk.preview(kind, payload)

    preview.__doc__ = f"预览{label}: the file name and the rule outputs/citations the document rests on."
    return preview


def _schema_route(kind: str, label: str) -> Callable[..., dict[str, Any]]:
    def schema(desk: DeskDep) -> dict[str, Any]:
        return desk.generator_schema(kind)

    schema.__doc__ = f"{label}输入的 JSON Schema (with an example where the generator provides one)."
    return schema


for _kind, _label in GENERATOR_KINDS.items():
    router.add_api_route(
        f"/{_kind}",
        _docx_route(_kind, _label),
        methods=["POST"],
        response_class=Response,
        responses=DOCX_RESPONSE,
        summary=f"生成{_label}",
        operation_id=f"generate_{_kind.replace('-', '_')}",
    )
    router.add_api_route(
        f"/{_kind}/preview",
        _preview_route(_kind, _label),
        methods=["POST"],
        response_model=GenerationPreview,
        summary=f"预览{_label}",
        operation_id=f"preview_{_kind.replace('-', '_')}",
    )
    router.add_api_route(
        f"/{_kind}/schema",
        _schema_route(_kind, _label),
        methods=["GET"],
        response_model=dict[str, Any],
        summary=f"{_label}输入格式",
        operation_id=f"schema_{_kind.replace('-', '_')}",
    )
