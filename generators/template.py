"""The base .docx every generator starts from, assembled from the reviewable XML parts in
``templates/`` (styles, settings, fonts, page setup) rather than python-docx's default template,
whose theme falls back to ＭＳ 明朝 and whose styles, thumbnail and custom XML we do not want."""

from __future__ import annotations

import io
import zipfile
from functools import cache
from importlib import resources

from docx import Document
from docx.document import Document as DocxDocument

# package member → template file; [Content_Types].xml and the package rels come first, as Word writes them.
_PARTS = (
    ("[Content_Types].xml", "content_types.xml"),
    ("_rels/.rels", "package.rels"),
    ("word/document.xml", "document.xml"),
    ("word/_rels/document.xml.rels", "document.rels"),
    ("word/styles.xml", "styles.xml"),
    ("word/settings.xml", "settings.xml"),
    ("word/fontTable.xml", "fontTable.xml"),
    ("docProps/core.xml", "core.xml"),
    ("docProps/app.xml", "app.xml"),
)


@cache
def base_docx() -> bytes:
    """The template package as bytes, built once per process."""
    folder = resources.files("generators") / "templates"
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        for member, filename in _PARTS:
            zf.writestr(member, (folder / filename).read_bytes())
    return buf.getvalue()


def new_document() -> DocxDocument:
    """A fresh, empty GB/T 9704 document (A4, margins, styles, odd/even footers enabled)."""
    return Document(io.BytesIO(base_docx()))
