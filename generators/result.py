"""What a generator returns: the .docx bytes, a Chinese file name, and the requirement → article
trace that makes every obligation in the document checkable against its source."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

_UNSAFE = re.compile(r'[\\/:*?"<>|\x00-\x1f]')


def safe_filename(title: str, suffix: str = ".docx") -> str:
    """The title as a file name: path separators and characters Windows refuses become "_"."""
    name = _UNSAFE.sub("_", title).strip(" .") or "文书"
    return name[:120] + suffix


@dataclass(frozen=True, slots=True)
class GeneratedDocx:
    data: bytes
    filename: str
    trace: list[dict[str, Any]] = field(default_factory=list)
    changes: list[dict[str, Any]] = field(default_factory=list)  # a 方案's departures from its base
