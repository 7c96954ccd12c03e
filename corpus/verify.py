"""Checking a quote against the original file, as the reader opened it — not against the cleaned text
it was cut from, which it always matches.

The file is read again (``corpus.read``) and cleaned again (``corpus.clean``), and the characters the
cleaner kept from the cited lines are put side by side: the cleaner's own removals (running headers, page
numbers, doubled bold headings, line breaks, spaced-out letters) are thereby accounted for through its
character → line map, and anything else — a file edited, replaced or gone since the build — shows. A
quote holds when it stands in those characters, spaces aside.

Reading and cleaning a file costs milliseconds; a ``SourceCheck`` does it once per file version (its
size and modification time), so a service keeps one per generation and an answer costs a lookup.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path

from core.errors import PolicyDeskError
from corpus.clean import clean
from corpus.read import read_lines

_SPACE = str.maketrans("", "", " \t\n\r\u3000\xa0")


def compact(text: str) -> str:
    """Text without any whitespace: line breaks and spaced-out letters are the cleaner's, not the quote's."""
    return text.translate(_SPACE)


class SourceCheck:
    """Quotes against their original files; ``resolve`` names the file a citation's ``file`` is."""

    def __init__(self, resolve: Callable[[str], Path | None]) -> None:
        self._resolve = resolve
        self._files: dict[Path, tuple[tuple[int, int], dict[int, str] | None]] = {}
        self._lock = threading.Lock()

    def holds(self, quote: str, file: str, line_start: int, line_end: int) -> bool:
        """Whether ``quote`` stands in lines ``line_start``…``line_end`` of ``file`` once cleaned."""
        wanted = compact(quote)
        if not wanted or line_end < line_start:
            return False
        lines = self._cleaned(file)
        if lines is None:
            return False
        cited = "".join(lines.get(n, "") for n in range(line_start, line_end + 1))
        return wanted in cited

    def _cleaned(self, file: str) -> dict[int, str] | None:
        """The cleaned characters of each source line of the file as it is now; None when it is gone or
        unreadable."""
        path = self._resolve(file)
        if path is None:
            return None
        try:
            stat = path.stat()
        except OSError:
            return None
        version = (stat.st_mtime_ns, stat.st_size)
        with self._lock:
            known = self._files.get(path)
            if known is not None and known[0] == version:
                return known[1]
        try:
            paragraphs = clean(read_lines(path))
        except PolicyDeskError:
            by_line = None
        else:
            chars: dict[int, list[str]] = {}
            for paragraph in paragraphs:
                for ch, line in zip(paragraph.text, paragraph.lines, strict=True):
                    chars.setdefault(line, []).append(ch)
            by_line = {line: compact("".join(cs)) for line, cs in chars.items()}
        with self._lock:
            self._files[path] = (version, by_line)
        return by_line
