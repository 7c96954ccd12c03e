"""Other editions of the texts an answer quotes (issue 11): the answer quotes the text in force, and
names an older edition it replaced — never quoting it as current — when that edition held the same
article (aligned by ``corpus.diff``) in other words: "旧版《…》（…）第十八条已于2011年1月1日被取代". Asked
as of a day when the older edition was in force, the older one answers, and the edition that later
replaced it is named as a later amendment.

Only articles whose wording changed are named: an edition that says the same thing adds nothing but
noise. ``changed`` then tells whether the quoted provision itself (the 项 a quote stands in, or the
whole article) is among the changed words.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date

from core.dates import cn_date
from core.locator import MARKERS
from corpus import Catalogue, DocStatus, Document, RelationKind
from corpus.diff import Change, articles, diff_articles
from indexer.citation import Citation
from indexer.retrieve import Hit

OLDER = "older"  # an edition the quoted text superseded
LATER = "later"  # an edition that later superseded the quoted text


@dataclass(frozen=True, slots=True)
class EditionNote:
    """Another edition of a quoted text, named (never quoted) beside the answer."""

    edition: str  # OLDER or LATER
    doc_id: str
    doc_title: str
    doc_number: str | None
    locator: str  # the aligned article in that edition
    effective_date: str | None
    expired_date: str | None
    superseded_by: str | None
    changed: bool  # the quoted provision itself reads differently there
    cited_doc_id: str  # the quoted provision it stands beside
    cited_locator: str

    @property
    def line(self) -> str:
        """The sentence the answer text carries: 旧版《…》（…）第N条已于YYYY年M月D日被取代."""
        name = f"《{self.doc_title}》" + (f"（{self.doc_number}）" if self.doc_number else "")
        same = "" if self.changed else "（所引之项文字未变）"
        if self.edition == OLDER:
            when = f"已于{_cn(self.expired_date)}被取代" if self.expired_date else "已被取代"
            return f"旧版{name}{self.locator}{when}{same}"
        when = f"，自{_cn(self.effective_date)}起施行" if self.effective_date else ""
        return f"{self.cited_locator}此后由{name}{self.locator}修改{when}{same}"


def edition_notes(citations: Iterable[Citation], catalogue: Catalogue) -> list[EditionNote]:
    """The older (and later) editions of each quoted article whose wording differs, once each."""
    out: list[EditionNote] = []
    diffs: dict[tuple[str, str], list[Change]] = {}
    for c in citations:
        article = MARKERS["article"].match(c.locator)
        if c.refers_from is not None or article is None:
            continue
        doc = catalogue.document(c.doc_id)
        for edition, other in _neighbours(doc, catalogue):
            old, new = (other, doc) if edition == OLDER else (doc, other)
            key = (old.id, new.id)
            if key not in diffs:
                diffs[key] = diff_articles(articles(catalogue, old.id), articles(catalogue, new.id))
            note = _note(c, article.group(0), edition, other, diffs[key], catalogue)
            if note is not None and all((n.doc_id, n.locator) != (note.doc_id, note.locator) for n in out):
                out.append(note)
    return out


def in_force_hits(hits: Sequence[Hit], catalogue: Catalogue, as_of: date | None) -> list[Hit]:
    """Hits of texts in force (on ``as_of``): a superseded provision is never shown as current."""
    if as_of is None:
        return [h for h in hits if h.document.status is not DocStatus.SUPERSEDED]
    alive = catalogue.in_force_on(as_of)
    return [h for h in hits if h.document.id in alive]


def _neighbours(doc: Document, catalogue: Catalogue) -> list[tuple[str, Document]]:
    """The editions ``doc`` superseded and the one that superseded it, as catalogued (one step each way)."""
    known = {d.id: d for d in catalogue.editions_of(doc.id)}
    kinds = {RelationKind.SUPERSEDES: OLDER, RelationKind.SUPERSEDED_BY: LATER}
    return [(kinds[r.kind], known[r.target_id]) for r in doc.relations if r.kind in kinds and r.target_id in known]


def _note(
    c: Citation, article: str, edition: str, other: Document, changes: list[Change], catalogue: Catalogue
) -> EditionNote | None:
    """The note for ``other`` when the article quoted by ``c`` changed between the two editions."""
    for change in changes:
        mine, theirs = (
            (change.new_locator, change.old_locator) if edition == OLDER else (change.old_locator, change.new_locator)
        )
        if change.change != "changed" or mine != article or theirs is None:
            continue
        return EditionNote(
            edition=edition,
            doc_id=other.id,
            doc_title=other.title,
            doc_number=other.doc_number,
            locator=theirs,
            effective_date=other.effective_date,
            expired_date=other.expired_date,
            superseded_by=other.superseded_by,
            changed=_provision_changed(c, article, other, theirs, catalogue),
            cited_doc_id=c.doc_id,
            cited_locator=c.locator,
        )
    return None


def _provision_changed(c: Citation, article: str, other: Document, theirs: str, catalogue: Catalogue) -> bool:
    """Whether the quoted provision (an article, or a 项 under it) reads differently in ``other``."""
    if c.locator == article:
        return True  # the article is the provision, and it changed
    mine = catalogue.segment_at(c.doc_id, c.locator)
    counterpart = catalogue.segment_at(other.id, theirs + c.locator[len(article) :])
    return mine is None or counterpart is None or _folded(mine.text) != _folded(counterpart.text)


def _folded(text: str) -> str:
    """As ``corpus.diff`` compares: bracket width and white space are not changes."""
    return "".join(unicodedata.normalize("NFKC", ch) for ch in text if not ch.isspace())


def _cn(iso: str | None) -> str:
    return cn_date(date.fromisoformat(iso)) if iso else ""
