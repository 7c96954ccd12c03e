"""Readers: a policy file on disk → its text lines, the lines every citation counts in.

.txt/.md are read as they are. A .docx or a .pdf with a text layer is turned into lines, and those
lines are what its citations count; the file itself is kept in the data directory, and reading it again
gives the same lines.
Anything else gets an ``UnreadableFile`` naming the file and the reason, never a traceback.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

from core.errors import UnreadableFile

SUPPORTED_SUFFIXES = (".txt", ".md", ".docx", ".pdf")
MAX_DOCX_UNPACKED = 200 * 1024 * 1024  # a .docx that unpacks to more than this is a zip bomb
MAX_DOCX_RATIO = 200  # …or one that compresses suspiciously well
MIN_TEXT_CHARS = 20  # fewer readable characters than this: nothing to catalogue


def read_lines(path: Path, data: bytes | None = None) -> list[str]:
    """The text lines of one policy file (``data`` overrides reading ``path``, for uploads)."""
    name = path.name
    suffix = path.suffix.lower()
    if suffix not in SUPPORTED_SUFFIXES:
        hint = "（Word 97 .doc 请另存为 .docx）" if suffix == ".doc" else ""
        raise UnreadableFile(f"{name}：不支持的文件类型 {suffix or '（无扩展名）'}{hint}，支持 .txt .md .docx .pdf")
    if data is None:
        try:
            data = path.read_bytes()
        except OSError as exc:
            raise UnreadableFile(f"{name}：无法读取（{exc.strerror}）") from None
    if not data.strip():
        raise UnreadableFile(f"{name}：文件为空")
    if suffix in (".txt", ".md"):
        lines = _text_lines(name, data)
    elif suffix == ".docx":
        lines = _docx_lines(name, data)
    else:
        lines = _pdf_lines(name, data)
    if sum(len(line.strip()) for line in lines) < MIN_TEXT_CHARS:
        raise UnreadableFile(f"{name}：没有可读取的文字")
    return lines


def _text_lines(name: str, data: bytes) -> list[str]:
    if b"\x00" in data[:65536]:
        raise UnreadableFile(f"{name}：不是文本文件（含二进制内容）")
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            text = data.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:
        raise UnreadableFile(f"{name}：无法识别的文字编码（请使用 UTF-8）")
    controls = sum(1 for ch in text if ord(ch) < 32 and ch not in "\n\r\t\f")
    if controls > max(8, len(text) // 200):
        raise UnreadableFile(f"{name}：不是文本文件（含大量控制字符）")
    return text.replace("\r\n", "\n").replace("\r", "\n").split("\n")


def _docx_lines(name: str, data: bytes) -> list[str]:
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile:
        raise UnreadableFile(f"{name}：不是有效的 .docx 文件") from None
    with archive:
        infos = archive.infolist()
        unpacked = sum(i.file_size for i in infos)
        packed = sum(i.compress_size for i in infos) or 1
        if unpacked > MAX_DOCX_UNPACKED or unpacked / packed > MAX_DOCX_RATIO:
            raise UnreadableFile(f"{name}：压缩内容异常（疑似压缩炸弹），已拒绝")
        if "word/document.xml" not in archive.namelist():
            raise UnreadableFile(f"{name}：不是有效的 .docx 文件（缺少 word/document.xml）")
    from docx import Document as open_docx  # deferred: corpus imports without python-docx installed
    from docx.table import Table
    from docx.text.paragraph import Paragraph as DocxParagraph

    try:
        document = open_docx(io.BytesIO(data))
    except Exception as exc:  # python-docx raises many kinds on malformed XML
        raise UnreadableFile(f"{name}：无法解析 .docx（{type(exc).__name__}）") from None
    lines: list[str] = []
    for block in document.iter_inner_content():
        if isinstance(block, DocxParagraph):
            lines.append(block.text)
        elif isinstance(block, Table):
            for row in block.rows:
                cells: list[str] = []
                for cell in row.cells:
                    text = " ".join(cell.text.split())
                    if not cells or cells[-1] != text:  # merged cells repeat their text
                        cells.append(text)
                lines.append(" ".join(cells))
    return lines


def _pdf_lines(name: str, data: bytes) -> list[str]:
    import pdfplumber  # deferred: only .pdf needs it
    from pdfminer.pdfdocument import PDFPasswordIncorrect
    from pdfminer.pdfparser import PDFSyntaxError

    if not data.startswith(b"%PDF"):
        raise UnreadableFile(f"{name}：不是有效的 PDF 文件")
    if _pdf_encrypted(data):
        raise UnreadableFile(f"{name}：PDF 已加密，无法读取")
    try:
        with pdfplumber.open(io.BytesIO(data)) as pdf:
            lines: list[str] = []
            for page in pdf.pages:
                text = page.extract_text() or ""
                page_lines = text.split("\n")
                if page_lines and lines:
                    page_lines[0] = " " + page_lines[0]  # mark the page start, as the seeds do
                lines.extend(page_lines)
    except PDFPasswordIncorrect:
        raise UnreadableFile(f"{name}：PDF 已加密，无法读取") from None
    except (PDFSyntaxError, ValueError, KeyError, TypeError) as exc:
        raise UnreadableFile(f"{name}：PDF 无法解析（{type(exc).__name__}）") from None
    except Exception as exc:
        if "password" in str(exc).lower() or "encrypt" in str(exc).lower():
            raise UnreadableFile(f"{name}：PDF 已加密，无法读取") from None
        raise UnreadableFile(f"{name}：PDF 无法解析（{type(exc).__name__}）") from None
    if sum(len(line.strip()) for line in lines) < MIN_TEXT_CHARS:
        raise UnreadableFile(f"{name}：PDF 没有文字层（可能是扫描图片），请先做文字识别")
    return lines


def _pdf_encrypted(data: bytes) -> bool:
    from pypdf import PdfReader
    from pypdf.errors import PyPdfError

    try:
        return bool(PdfReader(io.BytesIO(data)).is_encrypted)
    except (PyPdfError, ValueError, KeyError, TypeError):
        return False
