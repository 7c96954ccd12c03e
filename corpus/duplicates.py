"""One text, one catalogue entry: a file whose cleaned text is already held is refused.

A UTF-8 and a GBK copy of one law (or its .md and .txt) differ in every byte yet say the same thing;
catalogued twice, both are in force, an answer quotes the article twice and a ranking splits its score
between the copies. Files are compared on ``corpus.ingest.text_key``, never on their names.

Cleaning every held file to learn its key would make each add cost more as the corpus grows, so the keys
come from a record (``KeyRecord``: the service layer keeps them with each generation) and only a held file
the record does not know — one held before keys were recorded, or changed since — is read, once: its key
is handed back to the record to keep.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Protocol

from core.errors import InvalidInput, PolicyDeskError
from corpus.ingest import text_key
from corpus.read import read_lines


class KeyRecord(Protocol):
    """Where the text keys of held files are kept between adds."""

    def recorded(self) -> Mapping[str, str]:
        """Held file name → its text key, for the files whose key is known without reading them."""
        ...

    def remember(self, keys: Mapping[str, str]) -> None:
        """Keep the keys (held file name → text key) that had to be read, so the next add need not."""
        ...


class HeldTexts:
    """The texts of the files held (name → path), looked up on first need, and of those added since: a
    file about to be added that says what one of them says is refused."""

    def __init__(self, known: Mapping[str, Path], record: KeyRecord | None = None) -> None:
        self._known = known
        self._record = record
        self._seen: dict[str, str] | None = None  # text key → the file that says it

    def refuse_same(self, name: str, lines: Sequence[str]) -> None:
        """Raise ``InvalidInput`` when ``lines`` (file ``name``, about to be added) say what a held file,
        or one added earlier in the same batch, says; else remember ``name`` for the next ones."""
        seen = self._held_keys() if self._seen is None else self._seen
        key = text_key(lines)
        holder = seen.get(key)
        if holder:
            raise InvalidInput(
                f"{name} 的正文与已收录的 {holder} 相同（同一文本的另一份副本，如不同编码或格式），未添加",
                file=name,
                same_as=holder,
            )
        seen[key] = name

    def _held_keys(self) -> dict[str, str]:
        """Text key → the first held file (in the order given) that says it: recorded keys as they are,
        the others read and cleaned, then handed to the record."""
        recorded = self._record.recorded() if self._record is not None else {}
        read: dict[str, str] = {}
        self._seen = {}
        for known_name, path in self._known.items():
            key = recorded.get(known_name)
            if key is None:
                try:
                    key = text_key(read_lines(path, path.read_bytes()))
                except (OSError, PolicyDeskError):
                    continue  # a held file that no longer reads is the build's to report, not this add's
                read[known_name] = key
            self._seen.setdefault(key, known_name)
        if read and self._record is not None:
            self._record.remember(read)
        return self._seen
