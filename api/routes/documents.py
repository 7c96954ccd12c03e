"""The catalogue: documents, their segments, exact lookup, and uploading a new policy file."""

from __future__ import annotations

import secrets
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import UploadFile
from starlette.exceptions import HTTPException as StarletteHTTPException

from api.deps import DeskDep, SettingsDep
from api.errors import Forbidden, Unauthorized, UploadsDisabled, error_responses
from api.schemas import NO_CONTROL_CHARS
from core.errors import InvalidInput, TooLarge
from policydesk.records import AddResult, DiffResult, Document, DocumentDetail, Provision

router = APIRouter(prefix="/api", tags=["documents"], responses=error_responses(404))

#: Room for the multipart envelope (boundaries, part headers) on top of the file itself.
MULTIPART_OVERHEAD = 64 * 1024

bearer = HTTPBearer(auto_error=False, description="POLICYDESK_TOKEN; uploads are off when it is not set.")

UPLOAD_BODY = {
    "requestBody": {
        "required": True,
        "content": {
            "multipart/form-data": {
                "schema": {
                    "type": "object",
                    "required": ["file"],
                    "properties": {
                        "file": {"type": "string", "format": "binary", "description": ".txt/.md/.docx/.pdf"}
                    },
                }
            }
        },
    }
}


@router.get("/documents", response_model=list[Document], summary="文件目录")
def list_documents(desk: DeskDep) -> list[Document]:
    """The catalogue: one object per document with 文号, issuer, date, kind, status and source lines."""
    return desk.documents()


@router.get("/documents/{doc_id}", response_model=DocumentDetail, summary="文件全文（按条款）")
def get_document(doc_id: str, desk: DeskDep) -> DocumentDetail:
    """One document with all its segments (locator, text, source file and lines)."""
    return desk.document(doc_id)


@router.get("/diff", response_model=DiffResult, summary="两个版本逐条比较", responses=error_responses(404, 409))
def diff(
    desk: DeskDep,
    old: Annotated[str, Query(min_length=1, max_length=200, pattern=NO_CONTROL_CHARS, description="旧版：编号或标题")],
    new: Annotated[str, Query(min_length=1, max_length=200, pattern=NO_CONTROL_CHARS, description="新版：编号或标题")],
) -> DiffResult:
    """Two editions aligned article by article: changed, added, removed and renumbered articles with
    both locators and texts and the changed phrases (``spans``). A title naming several editions means its
    oldest as ``old`` and its newest as ``new``."""
    return desk.diff(old, new)


@router.get("/lookup", response_model=Provision, summary="按文号/标题和条款精确查找")
def lookup(
    desk: DeskDep,
    doc: Annotated[
        str, Query(min_length=1, max_length=200, pattern=NO_CONTROL_CHARS, description="文号、标题或文件 id")
    ],
    article: Annotated[
        str,
        Query(min_length=1, max_length=100, pattern=NO_CONTROL_CHARS, description="条款，如 第十八条 / 第18条（一）"),
    ],
) -> Provision:
    """Exact lookup, e.g. doc=云职创〔2019〕3号&article=第18条."""
    return desk.lookup(doc, article)


def require_upload_token(
    settings: SettingsDep, credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(bearer)]
) -> None:
    """Uploads need ``Authorization: Bearer <POLICYDESK_TOKEN>``; with no token configured they are off.
    No credentials is 401 either way (the message says when uploads are off); credentials while uploads
    are off, or a wrong token, is 403."""
    if credentials is None:
        off = "上传功能未开启（服务端未配置 POLICYDESK_TOKEN）；" if not settings.token else ""
        raise Unauthorized(f"{off}缺少身份令牌：请在请求头中提供 Authorization: Bearer <令牌>")
    if not settings.token:
        raise UploadsDisabled("上传功能未开启：服务端未配置 POLICYDESK_TOKEN")
    if not secrets.compare_digest(credentials.credentials.encode(), settings.token.encode()):
        raise Forbidden("身份令牌不正确")


@router.post(
    "/documents",
    response_model=AddResult,
    summary="上传新的政策文件",
    dependencies=[Depends(require_upload_token)],
    responses=error_responses(401, 403, 404),
    openapi_extra=UPLOAD_BODY,
)
async def upload_document(request: Request, desk: DeskDep, settings: SettingsDep) -> AddResult:
    """Multipart upload (field ``file``); the catalogue and index are rebuilt and swapped atomically.
    The body is read only after the token is checked, and never beyond the size limit."""
    limit = settings.max_upload_bytes
    too_large = TooLarge(f"文件过大：上限为 {limit // (1024 * 1024)} MB", max_bytes=limit)
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > limit + MULTIPART_OVERHEAD:
        raise too_large
    bounded = Request(request.scope, _bounded_receive(request, limit + MULTIPART_OVERHEAD, too_large))
    try:
        async with bounded.form(max_files=1, max_fields=8) as form:
            upload = form.get("file")
            if not isinstance(upload, UploadFile):
                raise InvalidInput("缺少上传文件：请用 multipart/form-data 的 file 字段上传", field="file")
            data = await upload.read(limit + 1)
            filename = upload.filename or ""
    except StarletteHTTPException as exc:  # starlette's answer to a malformed multipart body
        raise InvalidInput("上传内容不是有效的 multipart/form-data", field="file") from exc
    if len(data) > limit:
        raise too_large
    return await run_in_threadpool(desk.add_upload, filename, data)


def _bounded_receive(request: Request, limit: int, error: Exception):
    """The request's receive channel, failing as soon as the body passes ``limit`` bytes."""
    received = 0

    async def receive() -> Any:
        nonlocal received
        message = await request.receive()
        if message["type"] == "http.request":
            received += len(message.get("body", b""))
            if received > limit:
                raise error
        return message

    return receive
