"""A question, analysed once at the entry and passed down: retrieval, answers and governs all read
this record instead of cutting framing, tokenising and guessing the asked kind again on their own."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from core import docnumber
from core.locator import LOCATOR, canonical_locator
from core.profile import AnswerKind, Profile
from core.sentences import CLAUSE
from indexer.overlap import bigrams
from indexer.tokenise import Tokeniser, fold_counted_numerals

_YEAR = re.compile(r"(?:19|20)\d{2}(?=年)")
_TITLE = re.compile(r"《([^《》]{2,80})》")


@dataclass(frozen=True, slots=True)
class Query:
    raw: str  # as asked
    text: str  # framing cut: what is searched, embedded and matched
    tokens: tuple[str, ...]  # BM25 tokens of ``text``
    grams: frozenset[str]  # character bigrams of the content (question words cut), for phrase overlap
    focus: frozenset[str]  # … of the clause that asks (the last one with content): what the rest sets the scene for
    kind: AnswerKind | None  # the kind of value asked for (an amount, a time…), if any
    levels: frozenset[str]  # administrative levels the question speaks of
    years: tuple[str, ...]  # years named ("2022年")
    doc_numbers: tuple[str, ...]  # 文号 named, as written (normalised)
    titles: tuple[str, ...]  # 《titles》 named
    locators: tuple[str, ...]  # article or section locators named, canonical
    as_of: date | None = None  # answer from the texts in force that day
    places: frozenset[str] = frozenset()  # places named (the profile's provinces, prefectures…)

    @property
    def names_document(self) -> bool:
        return bool(self.doc_numbers or self.titles)


def analyse(question: str, profile: Profile, tokeniser: Tokeniser, as_of: date | None = None) -> Query:
    """Everything the later stages read of a question, computed once."""
    text = profile.strip_framing(question)
    content = profile.question_noise.sub(" ", fold_counted_numerals(text))
    locators = []
    for match in LOCATOR.finditer(text):
        try:
            locators.append(canonical_locator(match.group(0)))
        except ValueError:
            continue
    return Query(
        raw=question,
        text=text,
        tokens=tuple(tokeniser.tokens(text)),
        grams=frozenset(bigrams(content)),
        focus=_asking_clause(text, profile),
        kind=profile.answer_kind(text),
        levels=profile.levels_of(text),
        years=tuple(dict.fromkeys(_YEAR.findall(text))),
        doc_numbers=tuple(dict.fromkeys(str(number) for _, number in docnumber.find(text))),
        titles=tuple(dict.fromkeys(m.group(1) for m in _TITLE.finditer(text))),
        locators=tuple(dict.fromkeys(locators)),
        as_of=as_of,
        places=profile.places_in(text),
    )


def _asking_clause(text: str, profile: Profile) -> frozenset[str]:
    """Content bigrams of the last clause that has any: a case told over several clauses sets the scene
    first and asks in its last one, and the provision that answers holds that part."""
    for match in reversed(list(CLAUSE.finditer(text))):
        grams = bigrams(profile.question_noise.sub(" ", fold_counted_numerals(match.group(0))))
        if grams:
            return frozenset(grams)
    return frozenset()
