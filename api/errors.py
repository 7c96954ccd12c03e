"""The API's error edge: one JSON shape for every failure, built in one place.

``{"error": {"code": "...", "message": "<中文说明>", "details": {...}}}`` — for library errors
(``PolicyDeskError`` carries its code and message, ``http_status`` maps its kind to a status), for
invalid requests (422, or 413 when a question/case is over the length limit), for unknown routes and
for unexpected failures (logged with their traceback, answered 500 without internals).
"""

from __future__ import annotations

import logging
import re
from typing import Any, ClassVar

from fastapi import FastAPI, Request
from fastapi.encoders import jsonable_encoder
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import BaseModel, ConfigDict, Field
from starlette.exceptions import HTTPException as StarletteHTTPException

from core.errors import (
    AmbiguousCitation,
    BuildError,
    BuildInProgress,
    DataDirError,
    IndexMissing,
    InvalidInput,
    NotFound,
    PolicyDeskError,
    TooLarge,
    UnreadableFile,
)

log = logging.getLogger("policydesk.api")

_HTTP_METHODS = frozenset({"get", "put", "post", "delete", "options", "head", "patch", "trace"})

#: Request fields whose over-length value is "too large" (413) rather than "invalid" (422).
TEXT_FIELDS = frozenset({"q", "question", "case"})

_HTTP_CODES: dict[int, tuple[str, str]] = {
    401: ("unauthorized", "需要身份验证"),
    403: ("forbidden", "没有权限执行此操作"),
    404: ("not_found", "未找到请求的资源"),
    405: ("method_not_allowed", "不支持该请求方法"),
    406: ("not_acceptable", "无法提供所请求的格式"),
    413: ("too_large", "请求内容过大"),
    415: ("unsupported_media_type", "不支持的内容类型"),
}

_VALIDATION_MESSAGES: dict[str, str] = {
    "missing": "缺少必填项",
    "string_type": "必须是文本",
    "string_too_short": "不能为空",
    "string_too_long": "内容过长",
    "string_pattern_mismatch": "含有不允许的控制字符",
    "int_type": "必须是整数",
    "int_parsing": "必须是整数",
    "greater_than_equal": "取值过小",
    "less_than_equal": "取值过大",
    "dict_type": "必须是 JSON 对象",
    "model_attributes_type": "必须是 JSON 对象",
    "json_invalid": "请求体不是合法的 JSON",
    "json_type": "请求体不是合法的 JSON",
    "value_error": "取值无效",
    "extra_forbidden": "不允许的字段",
}


class Unauthorized(PolicyDeskError):
    """No bearer token sent to an endpoint that needs one."""

    code = "unauthorized"
    headers: ClassVar[dict[str, str]] = {"WWW-Authenticate": "Bearer"}


class Forbidden(PolicyDeskError):
    code = "forbidden"


#: Error kind → HTTP status, most specific first; a kind not listed is a 400.
_STATUS_BY_KIND: tuple[tuple[type[PolicyDeskError], int], ...] = (
    (Unauthorized, 401),
    (Forbidden, 403),
    (NotFound, 404),
    (AmbiguousCitation, 409),
    (BuildInProgress, 409),
    (TooLarge, 413),
    (UnreadableFile, 422),
    (InvalidInput, 422),
    (BuildError, 500),
    (IndexMissing, 503),
    (DataDirError, 503),
)


def http_status(exc: PolicyDeskError) -> int:
    """The status the API answers a library error with (the library itself knows no HTTP)."""
    return next((status for kind, status in _STATUS_BY_KIND if isinstance(exc, kind)), 400)


class UploadsDisabled(Forbidden):
    code = "uploads_disabled"


class ErrorDetail(BaseModel):
    model_config = ConfigDict(extra="allow")

    code: str = Field(description="Stable machine-readable code, e.g. document_not_found.")
    message: str = Field(description="中文说明, shown to staff as is.")
    details: dict[str, Any] = Field(default_factory=dict)


class ErrorBody(BaseModel):
    """The one error shape of the API."""

    error: ErrorDetail


def error_response(
    status: int, code: str, message: str, details: dict[str, Any] | None = None, headers: dict | None = None
) -> JSONResponse:
    body = {"error": {"code": code, "message": message, "details": _jsonable(details or {})}}
    return JSONResponse(body, status_code=status, headers=headers)


def _jsonable(details: dict[str, Any]) -> dict[str, Any]:
    try:
        return jsonable_encoder(details)
    except Exception:  # details are best-effort context; never fail the error response over them
        return {key: str(value) for key, value in details.items()}


def _field_name(loc: tuple[Any, ...]) -> str:
    parts = [str(p) for p in loc if p not in ("body", "query", "path", "header")]
    return ".".join(parts)


def _validation_errors(exc: RequestValidationError) -> list[dict[str, Any]]:
    """The useful part of pydantic's errors: no echoed input (it may be 2 MB of text), no ctx objects."""
    return [
        {
            "field": _field_name(tuple(err.get("loc", ()))),
            "type": err.get("type", ""),
            "msg": err.get("msg", ""),
        }
        for err in exc.errors()
    ]


async def policydesk_error_handler(request: Request, exc: PolicyDeskError) -> JSONResponse:
    status = http_status(exc)
    if status >= 500:
        log.error("%s %s: %s (%s)", request.method, request.url.path, exc.code, exc.message)
    headers = getattr(exc, "headers", None)
    return error_response(status, exc.code, exc.message, exc.details, headers)


async def validation_error_handler(request: Request, exc: RequestValidationError) -> JSONResponse:
    errors = _validation_errors(exc)
    too_long = [e for e in errors if e["type"] == "string_too_long" and e["field"] in TEXT_FIELDS]
    if too_long:
        limit = _limit(exc)
        return error_response(
            413,
            "too_large",
            f"内容过长：最多 {limit} 个字符",
            {"field": too_long[0]["field"], "max_chars": limit},
        )
    first = errors[0] if errors else {"field": "", "type": ""}
    reason = _VALIDATION_MESSAGES.get(first["type"], "取值无效")
    where = f"字段 {first['field']}：" if first["field"] and not first["type"].startswith("json") else ""
    return error_response(422, "invalid_input", f"请求参数无效：{where}{reason}", {"errors": errors})


def _limit(exc: RequestValidationError) -> int | None:
    for err in exc.errors():
        ctx = err.get("ctx") or {}
        if err.get("type") == "string_too_long" and "max_length" in ctx:
            return int(ctx["max_length"])
    return None


async def http_error_handler(request: Request, exc: StarletteHTTPException) -> JSONResponse:
    if exc.status_code == 400:  # FastAPI's "error parsing the body" (e.g. not UTF-8): invalid input
        return error_response(422, "invalid_input", "请求参数无效：请求体无法解析（应为 UTF-8 编码的 JSON）")
    code, message = _HTTP_CODES.get(exc.status_code, ("http_error", "请求无法处理"))
    headers = dict(exc.headers) if exc.headers else None
    if exc.status_code == 405:  # routing stops at the first route of a path; list every method it has
        allowed = _allowed_methods(request)
        if allowed:
            headers = {**(headers or {}), "Allow": ", ".join(allowed)}
    return error_response(exc.status_code, code, message, {}, headers)


def _allowed_methods(request: Request) -> list[str]:
    """The methods the OpenAPI document lists for the requested path (templates like ``{doc_id}``)."""
    methods: set[str] = set()
    for template, operations in request.app.openapi().get("paths", {}).items():
        pattern = "^" + re.sub(r"\\\{[^/]+?\\\}", "[^/]+", re.escape(template)) + "$"
        if re.match(pattern, request.url.path):
            methods.update(m.upper() for m in operations if m.lower() in _HTTP_METHODS)
    return sorted(methods)


async def unexpected_error_handler(request: Request, exc: Exception) -> JSONResponse:
    log.exception("unhandled error in %s %s", request.method, request.url.path)
    return error_response(500, "internal_error", "服务器内部错误，请稍后重试；问题已记录在日志中")


def install_error_handlers(app: FastAPI) -> None:
    app.add_exception_handler(PolicyDeskError, policydesk_error_handler)  # type: ignore[arg-type]
    app.add_exception_handler(RequestValidationError, validation_error_handler)  # type: ignore[arg-type]
    app.add_exception_handler(StarletteHTTPException, http_error_handler)  # type: ignore[arg-type]
    app.add_exception_handler(Exception, unexpected_error_handler)


#: OpenAPI ``responses`` for the error statuses every route may answer with.
ERROR_RESPONSES: dict[int | str, dict[str, Any]] = {
    413: {"model": ErrorBody, "description": "问题或文件过大"},
    422: {"model": ErrorBody, "description": "请求参数无效"},
    500: {"model": ErrorBody, "description": "服务器内部错误"},
    503: {"model": ErrorBody, "description": "索引尚未就绪或数据目录不可用"},
}


def error_responses(*statuses: int) -> dict[int | str, dict[str, Any]]:
    descriptions = {
        401: "缺少身份令牌",
        403: "令牌错误或上传未开启",
        404: "未找到",
        409: "引用不唯一或正在重建",
    }
    extra = {s: {"model": ErrorBody, "description": descriptions.get(s, "错误")} for s in statuses}
    return {**ERROR_RESPONSES, **extra}
