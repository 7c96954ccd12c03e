"""Extractive, deterministic answers: the sentences of the corpus that answer, each cited and checked
verbatim against its segment. No generator is involved, so nothing can be invented; when the
evidence does not carry what the question asks for, the answer says it was not found."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date  # as-of filter (issue 11)

from core.sentences import SENTENCE
from corpus import Document, Segment
from indexer.framing import strip_framing
from indexer.rerank import AnswerType, answer_type, has_answer_type, levels, query_bigrams
from indexer.retrieve import Hit, Retriever
from indexer.steps import Outline, procedure_outline

# Tunables (chosen on the dev set; see bench/README.md)
ANSWER_DEPTH = 6  # hits whose sentences may answer
MAX_CITATIONS = 3
COMPANION_SHARE = 0.8  # a further sentence must score this share of the best one
MIN_SUPPORT = 0.1  # share of the question's phrase weight a quoted sentence must contain
LEVEL_MISMATCH_PENALTY = 0.25
TYPED_DEPTH = 3  # the asked-for kind of value must stand in one of this many best sentences
WHOLE_PROVISION_CHARS = 240  # a provision this short is quoted whole
QUOTE_CHARS = 200  # otherwise the answering sentence and what continues it, up to this length
NOT_FOUND_PREFIX = "未在现有政策文件中找到"

_YEAR = re.compile(r"(19|20)\d{2}(?=年)")


@dataclass(frozen=True, slots=True)
class Citation:
    doc_id: str
    doc_title: str
    doc_number: str | None
    locator: str
    quote: str
    file: str
    line_start: int
    line_end: int
    status: str
    verified: bool

    @property
    def label(self) -> str:
        return f"《{self.doc_title}》{self.doc_number or ''}{self.locator}"


@dataclass
class Answer:
    found: bool
    answer: str
    citations: list[Citation] = field(default_factory=list)
    related: list[Hit] = field(default_factory=list)  # the closest hits, shown when nothing answers


@dataclass(frozen=True, slots=True)
class _Candidate:
    hit: Hit
    segment: Segment  # the hit's segment, or the 项/目 of a whole-provision hit that holds the sentence
    start: int  # offsets within the segment text
    end: int
    score: float
    support: float
    typed: bool


def ask(question: str, retriever: Retriever, *, as_of: date | None = None) -> Answer:
    question = strip_framing(question)
    hits = retriever.search(question, k=max(ANSWER_DEPTH, 8), as_of=as_of)  # as-of filter (issue 11)
    related = hits[:5]
    if not hits:
        return Answer(False, f"{NOT_FOUND_PREFIX}与该问题相关的规定。", [], related)
    candidates = _candidates(question, hits[:ANSWER_DEPTH], retriever)
    reason = _unanswerable(question, hits, candidates)
    if reason:
        return Answer(False, f"{NOT_FOUND_PREFIX}{reason}。以下条款内容相近，仅供参考，不能作为答案。", [], related)
    outline = procedure_outline(question, hits, retriever.catalogue)
    if outline is not None:
        answer = _outline_answer(outline, retriever, related)
        if answer is not None:
            return answer
    chosen = _choose([c for c in candidates if c.support >= MIN_SUPPORT])
    citations = [c for c in (_cite(c) for c in chosen) if c.verified]
    if not citations:
        return Answer(False, f"{NOT_FOUND_PREFIX}能逐字核对的条文。", [], related)
    lines = [f"{c.label}：“{c.quote}”" for c in citations]
    return Answer(True, "根据" + "；\n".join(lines), citations, related[len(citations) :])


def _candidates(question: str, hits: list[Hit], retriever: Retriever) -> list[_Candidate]:
    grams = retriever.bigram_idf.weigh(query_bigrams(question))
    kind = answer_type(question)
    asked_levels = _levels(question)
    top = max(h.score for h in hits) or 1.0
    out: list[_Candidate] = []
    for rank, hit in enumerate(hits):
        context = f"{hit.unit.doc_title} {hit.unit.context}"
        for match in SENTENCE.finditer(hit.unit.text):
            sentence = match.group(0).strip()
            if len(sentence) < 6:
                continue
            support = grams.share(f"{context} {sentence}")
            typed = kind is not AnswerType.NONE and has_answer_type(kind, sentence)
            score = 0.45 * (hit.score / top) + 0.55 * support + (0.2 if typed else 0.0) - 0.03 * rank
            levels = _levels(f"{hit.unit.context} {sentence}")
            if asked_levels and levels and not levels & asked_levels:
                score -= LEVEL_MISMATCH_PENALTY  # 全国 rules do not answer a question about the province
            segment_id, start = hit.unit.locate(match.start() + len(match.group(0)) - len(match.group(0).lstrip()))
            segment = hit.segment if segment_id == hit.segment.id else retriever.catalogue.segment(segment_id)
            out.append(_Candidate(hit, segment, start, start + len(sentence), score, support, typed))
    return sorted(out, key=lambda c: -c.score)


def _unanswerable(question: str, hits: list[Hit], candidates: list[_Candidate]) -> str | None:
    """Why the evidence cannot answer, or None. Each test is about the question's own terms."""
    if not candidates:
        return "与该问题相关的规定"
    if all(c.support < MIN_SUPPORT for c in candidates[:TYPED_DEPTH]):
        return "与该问题直接对应的规定"
    missing_value = {
        AnswerType.MONEY: "所问的具体金额",
        AnswerType.TIME: "所问的具体时限",
        AnswerType.RATIO: "所问的具体比例",
        AnswerType.QUANTITY: "所问的具体数量",
    }.get(answer_type(question))
    if missing_value and not any(c.typed and c.support >= MIN_SUPPORT for c in candidates[:TYPED_DEPTH]):
        return missing_value
    years = {m.group(0) for m in _YEAR.finditer(question)}
    if years:
        evidence = " ".join(f"{h.document.title} {h.document.date or ''} {h.unit.text}" for h in hits[:5])
        if not any(y in evidence for y in years):
            return f"{'、'.join(sorted(years))}年的相关文件"
    asked = _levels(question)
    if asked:
        typed = [c for c in candidates[:8] if c.typed or not missing_value]
        if typed and all(_levels(_sentence_context(c)) and not (_levels(_sentence_context(c)) & asked) for c in typed):
            return "适用于所问层级（如市级、省级）的规定"
    return None


def _sentence_context(c: _Candidate) -> str:
    return f"{c.hit.document.title} {c.segment.text[c.start : c.end]}"


def _levels(text: str) -> set[str]:
    return levels(text)


def _choose(candidates: list[_Candidate]) -> list[_Candidate]:
    best = candidates[0]
    chosen = [best]
    for cand in candidates[1:]:
        if len(chosen) >= MAX_CITATIONS or cand.score < COMPANION_SHARE * best.score:
            continue
        if any(c.segment.id == cand.segment.id for c in chosen):
            continue
        chosen.append(cand)
    return chosen


def _quote_span(c: _Candidate) -> tuple[int, int]:
    """What to quote: a short provision whole (a staff member reads the full rule), otherwise the
    answering sentence with the sentences after it that continue it, up to QUOTE_CHARS."""
    text = c.segment.text
    if len(text) <= WHOLE_PROVISION_CHARS:
        return 0, len(text)
    end = c.end
    for match in SENTENCE.finditer(text, c.end):
        piece = match.group(0)
        if (
            not piece.strip()
            or end - c.start + len(piece) > QUOTE_CHARS
            or piece.lstrip()[:1] in "（(第一二三四五六七八九十0123456789"
        ):
            break
        end = match.end()
    return c.start, end


def _outline_answer(outline: Outline, retriever: Retriever, related: list[dict]) -> Answer | None:
    """The steps in their order, each quoted from the start of its own provision and cited to it."""
    doc = retriever.catalogue.document(outline.holder.doc_id)
    citations = [c for c in (_citation(doc, s.segment, s.start, s.end) for s in outline.steps) if c.verified]
    if not citations:
        return None
    holder = outline.holder.text.strip() if outline.holder.level == 0 else outline.holder.locator
    head = f"根据《{doc.title}》{doc.doc_number or ''}{holder}，依次为：\n"
    lines = [f"{c.locator}：“{c.quote}”" for c in citations]
    return Answer(True, head + "；\n".join(lines), citations, related)


def _cite(c: _Candidate) -> Citation:
    start, end = _quote_span(c)
    return _citation(c.hit.document, c.segment, start, end)


def _citation(doc: Document, segment: Segment, start: int, end: int) -> Citation:
    quote = segment.text[start:end].strip()
    start = segment.text.find(quote, start)
    end = start + len(quote)
    line_start, line_end = segment.lines_for(start, end)
    return Citation(
        doc_id=doc.id,
        doc_title=doc.title,
        doc_number=doc.doc_number,
        locator=segment.locator,
        quote=quote,
        file=segment.source.file,
        line_start=line_start,
        line_end=line_end,
        status=str(doc.status),
        verified=bool(quote) and quote in segment.text,
    )
