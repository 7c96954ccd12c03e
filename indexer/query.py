"""A question, analysed once at the entry and passed down: retrieval, answers and governs all read
this record instead of cutting framing, tokenising and guessing the asked kind again on their own."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from core import docnumber
from core.locator import LOCATOR, canonical_locator
from core.numerals import Quantity, stated_quantities
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
    plain_titles: tuple[str, ...] = ()  # documents named without 《》 ("按照失业保险条例", "工会法第三条")
    given: frozenset[Quantity] = frozenset()  # the quantities the question states of its own case ("满10年")
    # ``grams`` without the 文号 and 《titles》 named: what is asked of the documents named
    asked: frozenset[str] = frozenset()

    @property
    def names_document(self) -> bool:
        """By 文号 or 《title》: what the answerability model was fitted to read (plain titles are not in it)."""
        return bool(self.doc_numbers or self.titles)


def analyse(question: str, profile: Profile, tokeniser: Tokeniser, as_of: date | None = None) -> Query:
    """Everything the later stages read of a question, computed once."""
    text = profile.strip_framing(question)
    grams = content_grams(text, profile)
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
        grams=grams,
        focus=_asking_clause(text, profile),
        kind=profile.answer_kind(text),
        levels=profile.levels_of(text),
        years=tuple(dict.fromkeys(_YEAR.findall(text))),
        doc_numbers=tuple(dict.fromkeys(str(number) for _, number in docnumber.find(text))),
        titles=tuple(dict.fromkeys(m.group(1) for m in _TITLE.finditer(text))),
        locators=tuple(dict.fromkeys(locators)),
        as_of=as_of,
        places=profile.places_in(text),
        plain_titles=plain_titles(text, profile),
        given=stated_quantities(text),
        asked=_asked_grams(text, profile) or grams,
    )


def content_grams(text: str, profile: Profile) -> frozenset[str]:
    """Character bigrams of what a question says, its question words cut and counted numerals folded
    (第一名 = 第1名): what phrase overlap weighs."""
    return frozenset(bigrams(profile.question_noise.sub(" ", fold_counted_numerals(text))))


def _asked_grams(text: str, profile: Profile) -> frozenset[str]:
    """The content bigrams of what the question asks of the documents it names (empty when it names
    none): the words of a 文号 or a 《title》 find the document (its front matter and title hold them) but
    say nothing of which of its provisions answers ("国务院令第258号里，失业保险金的标准是怎么定的？" asks
    for 失业保险金的标准)."""
    names = [m.span() for m, _ in docnumber.find(text)] + [m.span() for m in _TITLE.finditer(text)]
    if not names:
        return frozenset()
    blanked = list(text)
    for start, end in names:
        blanked[start:end] = " " * (end - start)
    return content_grams("".join(blanked), profile)


def plain_titles(text: str, profile: Profile) -> tuple[str, ...]:
    """Documents the question names without 《》, as written: a run after an introducing word ("按照失业保险
    条例，……") or right before an article ("工伤保险条例第十四条") that ends as a title of the profile's
    kinds and whose stem is specific (not "有关规定", "单位规定", "法律规定"). A region (中华人民共和国, the
    profile's places) in front of a title is part of it but does not make a stem specific ("按照云南省规定")."""
    cues = profile.titles
    if cues is None:
        return ()
    lead = profile.question_noise
    out: list[str] = []
    for run in cues.candidates(text):
        name = run
        while (cut := lead.match(name)) is not None and cut.end() > 0:  # "请问工会法第三条" → 工会法
            name = name[cut.end() :]
        parts = cues.split(name)
        if parts is None:
            continue
        stem = profile.without_region(parts[0])
        if profile.place is not None:
            stem = re.sub(rf"^(?:{profile.place.pattern})[省市区县州]?", "", stem)
        if cues.specific(stem, parts[1], profile.question_words):
            out.append(name)
    return tuple(dict.fromkeys(out))


def _asking_clause(text: str, profile: Profile) -> frozenset[str]:
    """Content bigrams of the last clause that has any: a case told over several clauses sets the scene
    first and asks in its last one, and the provision that answers holds that part."""
    for match in reversed(list(CLAUSE.finditer(text))):
        grams = content_grams(match.group(0), profile)
        if grams:
            return frozenset(grams)
    return frozenset()
