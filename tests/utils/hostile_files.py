"""Files that are not what they claim, built in memory for reader and upload tests."""

from __future__ import annotations

import io
import zipfile

from pypdf import PdfWriter


def blank_pdf(password: str | None = None) -> bytes:
    """A PDF with a page and no text layer (a scan), optionally encrypted."""
    writer = PdfWriter()
    writer.add_blank_page(width=595, height=842)
    if password:
        writer.encrypt(password)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def zip_bomb(megabytes: int = 60) -> bytes:
    """A tiny .docx-shaped archive that unpacks to ``megabytes`` of zeros."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("word/document.xml", b"<w:document/>" + b"\0" * (megabytes * 1024 * 1024))
    return out.getvalue()
