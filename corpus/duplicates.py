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


def refuse_same_text(name: str, lines: Sequence[str], known: Mapping[str, Path], seen: dict[str, str]) -> None:
    """Raise ``InvalidInput`` when ``lines`` (file ``name``, about to be added) say what a file in
    ``known`` (name → path) or one added earlier in the same batch says. ``seen`` (text key → file
    name) is filled from ``known`` on the first call and remembers ``name`` for the next ones."""
    if not seen:
        for known_name, path in known.items():
            try:
                seen.setdefault(text_key(read_lines(path, path.read_bytes())), known_name)
            except (OSError, PolicyDeskError):
                continue  # a held file that no longer reads is the build's to report, not this add's
        seen.setdefault("", "")  # marks ``known`` as read even when it is empty
    key = text_key(lines)
    holder = seen.get(key)
    if holder:
        raise InvalidInput(
            f"{name} 的正文与已收录的 {holder} 相同（同一文本的另一份副本，如不同编码或格式），未添加",
            file=name,
            same_as=holder,
        )
    seen[key] = name
