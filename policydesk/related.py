"""The "related provisions" under an answer: what the reader has not seen yet.

An answer's related list used to open with the provision it had just quoted. A related hit is left out
when it is a cited provision, lies inside one (第十八条（一）1 under 第十八条（一）) or holds one (第十八条 around
第十八条（一）), and a provision is listed once."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from indexer.answer import Citation
    from indexer.retrieve import Hit


def uncited(related: Iterable[Hit], citations: Sequence[Citation]) -> list[Hit]:
    cited = [(c.doc_id, c.locator) for c in citations]
    seen: set[tuple[str, str]] = set()
    out: list[Hit] = []
    for h in related:
        key = (h.document.id, h.segment.locator)
        if key in seen or any(_overlaps(key, c) for c in cited):
            continue
        seen.add(key)
        out.append(h)
    return out


def _overlaps(a: tuple[str, str], b: tuple[str, str]) -> bool:
    """Same document, and one locator is the other or contains it (三、（四）1 does not contain 三、（四）13)."""
    if a[0] != b[0]:
        return False
    short, long = sorted((a[1], b[1]), key=len)
    if not long.startswith(short):
        return False
    rest = long[len(short) :]
    return not (rest and short[-1:].isdigit() and rest[0].isdigit())
