"""One text, one catalogue entry: a file whose cleaned text is already held is refused.

A UTF-8 and a GBK copy of one law (or its .md and .txt) differ in every byte yet say the same thing;
catalogued twice, both are in force, an answer quotes the article twice and a ranking splits its score
between the copies. Files are compared on ``corpus.ingest.text_key``, never on their names.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path

from core.errors import InvalidInput, PolicyDeskError
from corpus.ingest import text_key
from corpus.read import read_lines


class HeldTexts:
    """The texts of the files held (name → path), read on first need, and of those added since: a file
    about to be added that says what one of them says is refused."""

    def __init__(self, known: Mapping[str, Path]) -> None:
        self._known = known
        self._seen: dict[str, str] | None = None  # text key → the file that says it

    def refuse_same(self, name: str, lines: Sequence[str]) -> None:
        """Raise ``InvalidInput`` when ``lines`` (file ``name``, about to be added) say what a held file,
        or one added earlier in the same batch, says; else remember ``name`` for the next ones."""
        seen = self._read_known() if self._seen is None else self._seen
        key = text_key(lines)
        holder = seen.get(key)
        if holder:
            raise InvalidInput(
                f"{name} 的正文与已收录的 {holder} 相同（同一文本的另一份副本，如不同编码或格式），未添加",
                file=name,
                same_as=holder,
            )
        seen[key] = name

    def _read_known(self) -> dict[str, str]:
        self._seen = {}
        for known_name, path in self._known.items():
            try:
                self._seen.setdefault(text_key(read_lines(path, path.read_bytes())), known_name)
            except (OSError, PolicyDeskError):
                continue  # a held file that no longer reads is the build's to report, not this add's
        return self._seen
