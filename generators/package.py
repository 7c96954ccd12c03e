"""Turning a python-docx document into bytes that are identical for identical input: fixed core
properties (dates from the document's own date, never the clock), fixed zip timestamps, stable
entry order; and writing them to disk atomically so a failure leaves no half-written file."""

from __future__ import annotations

import contextlib
import io
import os
import tempfile
import zipfile
from datetime import date, datetime
from pathlib import Path

from docx.document import Document as DocxDocument

_ZIP_EPOCH = (1980, 1, 1, 0, 0, 0)
_FIRST = ("[Content_Types].xml", "_rels/.rels")


def _core_properties(doc: DocxDocument, *, title: str, author: str, when: date) -> None:
    cp = doc.core_properties
    stamp = datetime(when.year, when.month, when.day)
    cp.title = title[:255]
    cp.author = author[:255]
    cp.last_modified_by = author[:255]
    cp.created = stamp
    cp.modified = stamp
    cp.revision = 1
    cp.language = "zh-CN"
    cp.subject = ""
    cp.keywords = ""
    cp.comments = ""


def _normalised_zip(data: bytes) -> bytes:
    src = zipfile.ZipFile(io.BytesIO(data))
    names = src.namelist()
    order = [n for n in _FIRST if n in names] + sorted(n for n in names if n not in _FIRST)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as dst:
        for name in order:
            info = zipfile.ZipInfo(name, date_time=_ZIP_EPOCH)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.create_system = 0
            info.external_attr = 0
            dst.writestr(info, src.read(name), compresslevel=6)
    return out.getvalue()


def to_bytes(doc: DocxDocument, *, title: str, author: str, when: date) -> bytes:
    _core_properties(doc, title=title, author=author, when=when)
    buf = io.BytesIO()
    doc.save(buf)
    return _normalised_zip(buf.getvalue())


def write_atomic(path: Path, data: bytes) -> None:
    """Write to a temporary file in the target directory, then rename over the target."""
    path = Path(path)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent or ".")
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise
