"""The words of a quote that answer: what a reader's eye should land on first.

A quoted provision is often four lines long, and the figure that answers ("一次性奖金10000元") is a few
characters of it. The question says what kind of value it asks for (the profile's answer kinds); the clause
of the quote that holds such a value (the kind's evidence) and sits closest to the question's own
words is the answer, and the value inside it is marked. A question that asks for no value marks the clause
that carries most of the question's content. Pure functions of the question and the quote: the same
question on the same quote always marks the same characters.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from core.numerals import asked_unit, quantities, stated_quantities, whole_numeral, without_quantities
from core.profile import AnswerKind, Profile, load_profile
from core.sentences import CLAUSE
from core.tiers import applicable_tier, tiers
from indexer.overlap import bigrams
from indexer.query import content_grams

Span = tuple[int, int]

# Tunables
MIN_SHARED_BIGRAMS = 2  # a clause marked for content shares at least this many bigrams with the question
SHORT_ANSWER_MAX_CHARS = 40  # a longer extract is no one-line answer
LEAD_MAX_CHARS = 12  # words before the value kept in a short answer (一次性奖金 in 给予一次性奖金10000元)

_SENTENCE_ENDS = "。；;！？!?\n"
# a value has a number in it ("以上" alone is none)
_NUMERAL = re.compile(r"[0-9０-９零〇○一二三四五六七八九十百千万亿两半]")
# two values joined into one range (五百元以上三千元以下, 5万元至10万元), and the word that closes it
_RANGE_JOIN = re.compile(r"\s*(?:以上|至|到|[—\-－～~])\s*")
_RANGE_END = re.compile(r"\s*(?:以上|以下|以内)")
# an article's number heading its text (第十四条 职工二百人…) is where it stands, never words of the answer
_ARTICLE_HEAD = re.compile(r"第[0-9０-９零〇一二两三四五六七八九十百千]+条(?:之[一二三四五六七八九十]+)?[\s\u3000]*")
# a verb that hands over the value: the short answer starts after it (给予一次性奖金10000元 → 一次性奖金10000元)
# (two-character verbs before their first character: 按照 is one lead, never 按 + a stray 照)
_LEAD = re.compile(r"(给予|奖励|发放|补助|享受|按照|依照|参照|为|是|按|于|达到|不超过|不少于|不低于)")
_DATE_NEXT = {"年": re.compile(r"\d{1,2}\s*月"), "月": re.compile(r"\d{1,2}\s*[日号]")}
_NEVER = re.compile(r"(?!)")


@dataclass(frozen=True, slots=True)
class _Clause:
    start: int
    end: int
    score: float  # question bigrams shared by the clause, then by its sentence


def highlights(question: str, quote: str, profile: Profile | None = None) -> list[Span]:
    """(start, end) offsets into ``quote`` of the words that answer, in order, never overlapping.
    A value kind (amount, time…) marks the value; another kind (permission, named bodies) the clause."""
    profile = profile or load_profile()
    kind = profile.answer_kind(question)
    clauses = _clauses(question, quote, profile)
    if kind is not None and kind.is_value:
        valued = _own_case_blanked(question, quote)
        typed = [c for c in clauses if profile.holds(kind, valued[c.start : c.end])]
        typed, depends_on_case = _in_applicable_tier(question, quote, _in_asked_unit(question, valued, typed))
        values = {c: value_spans(profile, kind, valued, c.start, c.end) for c in typed}
        spanned = [c for c, spans in values.items() if spans]
        best = spanned if depends_on_case else _best(spanned)  # each tier's value answers its own case
        if best:
            return sorted(span for c in best for span in values[c])
    elif kind is not None:
        best = _best([c for c in clauses if profile.holds(kind, quote[c.start : c.end])])
        if best:
            return [(c.start, c.end) for c in best]
    best = _best([c for c in clauses if c.score >= MIN_SHARED_BIGRAMS])
    return [(c.start, c.end) for c in best]


def short_answer(question: str, quotes: Sequence[str], profile: Profile | None = None) -> str | None:
    """The exact words of one quote that answer a question asking for a value, or None.

    Only when the question asks for a value and exactly one clause of the best quote holds one value best
    (two equally good amounts are two answers, and the full answer shows both). Always a substring of the
    quote."""
    profile = profile or load_profile()
    kind = profile.answer_kind(question)
    if kind is None or not kind.is_value or not quotes:
        return None
    quote = quotes[0]  # the answer's best citation: a value only a companion quote holds is no headline
    valued = _own_case_blanked(question, quote)
    typed = [
        c
        for c in _clauses(question, quote, profile)
        if profile.holds(kind, valued[c.start : c.end]) and value_spans(profile, kind, valued, c.start, c.end)
    ]
    typed, depends_on_case = _in_applicable_tier(question, quote, _in_asked_unit(question, valued, typed))
    if not typed or depends_on_case:  # 满1年的5天, 满10年的10天…: the full answer shows which is whose
        return None
    found = [(c.score, c.start, c.end) for c in typed]
    top = max(score for score, *_ in found)
    best = [f for f in found if f[0] == top]
    if len(best) != 1 or top <= 0:
        return None
    _, start, end = best[0]
    values = value_spans(profile, kind, valued, start, end)
    if len(values) != 1:
        return None
    value_start, value_end = values[0]
    lead_from = max(start, value_start - LEAD_MAX_CHARS)
    leads = list(_LEAD.finditer(quote, lead_from, value_start))
    near = value_start - start <= LEAD_MAX_CHARS  # a short clause is its own lead-in
    begin = leads[-1].end() if leads else (start if near else value_start)
    heading = _ARTICLE_HEAD.match(quote, begin, value_start)
    if heading:
        begin = heading.end()
    text = quote[begin:value_end].strip()
    if not text or len(text) > SHORT_ANSWER_MAX_CHARS or text not in quote:
        return None
    return text


def _in_asked_unit(question: str, valued: str, typed: list[_Clause]) -> list[_Clause]:
    """Of the clauses that hold the asked kind, those holding a value in the unit the question asks for
    ("多少天" is answered by 250天, not by the 8小时 beside it); all of them when none does, or when the
    question names no unit."""
    unit = asked_unit(question)
    if unit is None:
        return typed
    inside = [c for c in typed if any(q[1] == unit for *_, q in quantities(valued[c.start : c.end]))]
    return inside or typed


def _in_applicable_tier(question: str, quote: str, typed: list[_Clause]) -> tuple[list[_Clause], bool]:
    """Of the clauses that hold the asked value, those of the tier the question's own case falls in, when
    the quote grades its rule by a quantity the question states ("签了两年的劳动合同" → the tier
    "一年以上不满三年的，试用期不得超过二个月"); all of them otherwise. And whether the answer depends on a
    case the question does not state: the values closest to the question are tiers' and no tier was picked."""
    graded = tiers(quote)
    if not graded:
        return typed, False
    asked = bigrams(without_quantities(question, stated_quantities(question)))
    tier = applicable_tier(quote, question, lambda condition: bool(asked & bigrams(condition)))
    inside = [c for c in typed if tier is not None and tier.consequence <= c.start and c.end <= tier.end]
    if inside:
        return inside, False
    consequences = {c: [i for i, t in enumerate(graded) if t.consequence <= c.start and c.end <= t.end] for c in typed}
    if len({i for held in consequences.values() for i in held}) < 2 or not all(consequences[c] for c in _best(typed)):
        return typed, False  # the closest value is no tier's ("生育享受98天产假" beside the 流产 tiers)
    return [c for c, held in consequences.items() if held], True  # a condition's 满1年 is no answer


def _own_case_blanked(question: str, quote: str) -> str:
    """The quote with the quantities the question states of its own case blanked (same offsets): asked
    "满10年的休几天？", the 满十年 the quote repeats is the condition, not the answer."""
    return without_quantities(quote, stated_quantities(question))


def value_spans(profile: Profile, kind: AnswerKind, text: str, start: int, end: int) -> list[Span]:
    """The smallest pieces of ``text[start:end]`` that still hold a value of ``kind``, by the evidence test
    itself (so the patterns live in one place): shrink from the right, then from the left, then let a
    number keep all its digits (三十日, never 十日); two values joined by 以上/至 are one range. In a
    computation ("365天－104天－11天＝250天") the result is the value, the operands how it was reached."""
    spans = _smallest_pieces(lambda piece: profile.holds(kind, piece), text, start, end)
    equals = max(text.rfind("＝", start, end), text.rfind("=", start, end))
    return [span for span in spans if span[0] > equals] or spans


def _smallest_pieces(holds: Callable[[str], bool], text: str, start: int, end: int) -> list[Span]:
    spans: list[Span] = []
    pos = start
    while pos < end and holds(text[pos:end]):
        right = end
        while right - 1 > pos and holds(text[pos : right - 1]):
            right -= 1
        left = pos
        while left + 1 < right and holds(text[left + 1 : right]):
            left += 1
        left, right = whole_numeral(text, left, right, pos, end)
        if spans and spans[-1][1] >= left and _one_value(text[spans[-1][0] : spans[-1][1]], text[left:right]):
            spans[-1] = (spans[-1][0], right)
        else:
            spans.append((left, right))
        pos = right
    # a value has a number in it, and 第45次 is an ordinal, not a count
    values = [(a, b) for a, b in spans if _NUMERAL.search(text, a, b) and text[a - 1 : a] != "第"]
    return _ranges(text, values, end)


def _ranges(text: str, values: list[Span], end: int) -> list[Span]:
    """Two values joined by 以上/至 are the two ends of one range, closed by its 以下: 五百元以上三千元以下
    is one answer, not two amounts (a table row's 2018年2017年 stays two)."""
    out: list[Span] = []
    for a, b in values:
        if out:
            number = _NUMERAL.search(text, a, b)
            joined = text[out[-1][1] : a] + text[a : number.start() if number else a]
            if joined and _RANGE_JOIN.fullmatch(joined):
                closing = _RANGE_END.match(text, b, end)
                out[-1] = (out[-1][0], closing.end() if closing else b)
                continue
        out.append((a, b))
    return out


def _one_value(before: str, after: str) -> bool:
    """Whether two touching pieces are one value: a qualifier and its number (不超过 + 20名), or the parts of
    a date (2022年 + 12月 + 25日). Two numbers side by side in a table row (2018年2017年) stay two."""
    if not _NUMERAL.search(before):
        return True
    return bool(_DATE_NEXT.get(before[-1:], _NEVER).match(after))


def _clauses(question: str, quote: str, profile: Profile) -> list[_Clause]:
    asked = content_grams(question, profile)
    out: list[_Clause] = []
    for match in CLAUSE.finditer(quote):
        start = match.start() + len(match.group(0)) - len(match.group(0).lstrip())
        end = match.end() - (len(match.group(0)) - len(match.group(0).rstrip()))
        if end <= start:
            continue
        own = len(asked & bigrams(quote[start:end]))
        sentence = len(asked & bigrams(_sentence(quote, start, end)))
        out.append(_Clause(start, end, own + sentence / 100))
    return out


def _sentence(quote: str, start: int, end: int) -> str:
    before = max(quote.rfind(ch, 0, start) for ch in _SENTENCE_ENDS)
    after = [i for i in (quote.find(ch, end) for ch in _SENTENCE_ENDS) if i >= 0]
    return quote[before + 1 : min(after) if after else len(quote)]


def _best(clauses: list[_Clause]) -> list[_Clause]:
    """The clauses closest to the question; the quote's first when none shares anything with it."""
    if not clauses:
        return []
    top = max(c.score for c in clauses)
    return [c for c in clauses if c.score == top]
