"""Extractive, deterministic answers: the sentences of the corpus that answer, each cited and checked
verbatim against its segment. No generator is involved, so nothing can be invented; when the
evidence does not carry what the question asks for, the answer says it was not found."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date

from core.dates import cn_date
from core.numerals import without_quantities
from core.profile import Profile
from core.sentences import SENTENCE
from corpus import Segment
from corpus.frontmatter import is_front_matter
from indexer.answerability import Evidence, load_answerability
from indexer.citation import Citation, announces_items, cite_with_items
from indexer.citation import cite as _citation
from indexer.editions import EditionNote, edition_notes, in_force_hits
from indexer.overlap import WeightedGrams
from indexer.query import Query
from indexer.references import referenced, referenced_line
from indexer.retrieve import Hit, Ranking, Retriever
from indexer.steps import Outline, procedure_outline

# Tunables (chosen on the dev set; see bench/README.md)
ANSWER_DEPTH = 6  # hits whose sentences may answer
MAX_CITATIONS = 3
COMPANION_SHARE = 0.8  # a further sentence must score this share of the best one
MIN_SUPPORT = 0.1  # share of the question's phrase weight a quoted sentence must contain
LEVEL_MISMATCH_PENALTY = 0.25
TOGETHER_DEPTH = 3  # provisions whose union the answerability model reads (what none of them holds)
TYPED_DEPTH = 3  # the asked-for kind of value must stand in one of this many best sentences
LIST_CHARS = 600  # a lead that announces its 项 is quoted with them up to this length
WHOLE_PROVISION_CHARS = 240  # a provision this short is quoted whole
QUOTE_CHARS = 200  # otherwise the answering sentence and what continues it, up to this length
NOT_FOUND_PREFIX = "未在现有政策文件中找到"


@dataclass
class Answer:
    found: bool
    answer: str
    citations: list[Citation] = field(default_factory=list)
    related: list[Hit] = field(default_factory=list)  # the closest hits, shown when nothing answers
    superseded: list[EditionNote] = field(default_factory=list)  # other editions of the quoted texts, named


@dataclass(frozen=True, slots=True)
class _Candidate:
    hit: Hit
    segment: Segment  # the hit's segment, or the 项/目 of a whole-provision hit that holds the sentence
    start: int  # offsets within the segment text
    end: int
    score: float
    support: float
    typed: bool
    asked: float = 0.0  # share of the asking clause's weight the sentence holds (a story's scene is not asked)


@dataclass(frozen=True)
class Judgement:
    """What the evidence for a question is, and whether it answers: the one path ``ask`` takes and
    bench/fit_models.py replays to fit the answerability model."""

    query: Query
    ranking: Ranking
    candidates: list[_Candidate]
    reason: str | None  # why a hard test says the evidence cannot answer, or None
    evidence: Evidence
    named: frozenset[str] = frozenset()  # the held texts the question names (文号, 《title》) and those they issue

    @property
    def judged(self) -> bool:
        """Whether the answerability model decides: not when a hard test already refused, nor when the
        evidence settles it — an exact citation, or the asked value stated in a sentence that shares the
        question's terms (the mirror of the hard test that refuses when no such sentence exists). A kind
        that is no figure (the papers to hand in) is named in many provisions that do not answer: the
        model still judges those."""
        settled = self.evidence.kind_found and self.query.kind is not None and self.query.kind.is_value
        return self.reason is None and not self.ranking.n_exact and not settled


def judge(query: Query, retriever: Retriever) -> Judgement:
    ranking = retriever.rank(query, k=max(ANSWER_DEPTH, 8))
    grams = retriever.bigram_idf.weigh(set(query.asked))  # weighed once: sentences and evidence read it
    candidates = _candidates(query, ranking.hits[:ANSWER_DEPTH], retriever, grams) if ranking.hits else []
    named = retriever.named_texts(query) if query.names_document else frozenset()
    if (
        named
        and not ranking.n_exact
        and not any(c.hit.document.id in named and c.support >= MIN_SUPPORT for c in candidates)
    ):
        # the text asked about ranks below others on the same subject: what it says itself is the answer
        inside = retriever.rank(query, max(ANSWER_DEPTH, 8), ranking.vector, within=named)
        found = _candidates(query, inside.hits[:ANSWER_DEPTH], retriever, grams) if inside.hits else []
        if any(c.support >= MIN_SUPPORT for c in found):
            ranking, candidates = inside, found
    reason = _unanswerable(query, ranking.hits, candidates, retriever.profile)
    vocabulary = retriever.index.bm25.vocab_dict
    unseen = sum(t not in vocabulary for t in query.tokens) / len(query.tokens) if query.tokens else 1.0
    best = ranking.hits[:TOGETHER_DEPTH]
    together = grams.share_together(f"{h.document.title} {h.unit.context} {h.unit.text}" for h in best)
    return Judgement(query, ranking, candidates, reason, _evidence(query, ranking, candidates, unseen, together), named)


def ask(question: Query | str, retriever: Retriever, *, as_of: date | None = None) -> Answer:
    """The provisions that answer ``question``, quoted and cited; or a plain "not found" with the
    closest provisions as related (never as the answer). Asked ``as_of`` a day, only the texts in force
    that day answer, and the answer says so."""
    query = retriever.query(question, as_of) if isinstance(question, str) else question
    answer = _completed(_answer(query, retriever), query, retriever)
    if query.as_of is None:
        return answer
    return replace(answer, answer=f"（按{cn_date(query.as_of)}施行的文件）{answer.answer}")


def _answer(query: Query, retriever: Retriever) -> Answer:
    judgement = judge(query, retriever)
    hits = judgement.ranking.hits
    related = hits[:5]
    unknown = retriever.unknown_documents(query)
    if unknown and not retriever.referenced_documents(query):
        citing = [h for h in hits if any(_mentions(h, name) for name in unknown)] or related
        names = "、".join(unknown)
        text = f"未收录该文件：{names}。以下条款提及或接近该文件，仅供参考，不能作为答案。"
        return Answer(False, text, [], citing)
    if not hits:
        return Answer(False, f"{NOT_FOUND_PREFIX}与该问题相关的规定。", [], related)
    missing = [] if judgement.ranking.n_exact else retriever.missing_articles(query)
    if missing:  # "工会法第六十条" of a law with fifty-eight: not a neighbouring article instead
        return _not_found(f"所引条文（{'；'.join(missing)}）", related)
    reason = judgement.reason
    # the model of the ranking's own mode: a question the cascade did not embed is judged without dense features
    if judgement.judged and not load_answerability(judgement.ranking.mode).answers(judgement.evidence):
        reason = "与该问题直接对应的规定"
    if reason:
        return _not_found(reason, related)
    outline = procedure_outline(query, hits, retriever.catalogue, retriever.profile)
    if outline is not None:
        answer = _outline_answer(outline, retriever, related)
        if answer is not None:
            return answer
    candidates = [c for c in judgement.candidates if not _bound_elsewhere(c.hit, query, retriever.profile)]
    if not candidates:  # 曲靖's question is not answered with 昆明's rules, however close their words
        return _not_found(f"适用于{'、'.join(sorted(query.places))}的规定", related)
    candidates = _from_named(candidates, judgement.named)
    supported = [c for c in candidates if c.support >= MIN_SUPPORT]
    chosen = _choose(supported or candidates[:1])  # the model judged the best provision answers
    whole_lists = retriever.profile.asks_list(query.text)
    citations = [c for c in _citations(_with_lead_ins(chosen, retriever), retriever, whole_lists) if c.verified]
    if not citations:
        return Answer(False, f"{NOT_FOUND_PREFIX}能逐字核对的条文。", [], related)
    kind = query.kind
    if kind is not None and kind.required and not _quotes_value(citations, query, retriever):
        return _not_found(f"所问的具体{kind.label}", related)  # a how-much question is not answered without one
    lines = [f"{c.label}：“{c.quote}”" for c in citations]
    answering = sum(c.lead_in_of is None for c in citations)  # a lead-in is its item's context, not a hit
    return Answer(True, "根据" + "；\n".join(lines), citations, related[answering:])


def _quotes_value(citations: list[Citation], query: Query, retriever: Retriever) -> bool:
    """Whether the quotes, or the provisions they defer to ("期限依照第二十五条第二款执行"), state a
    value of the asked kind."""

    def holds(quote: str) -> bool:
        return retriever.profile.holds(query.kind, without_quantities(quote, query.given))

    if any(holds(c.quote) for c in citations):
        return True
    deferred = referenced(citations, retriever.catalogue, query.as_of)
    return any(holds(c.quote) for c in deferred)


def _not_found(reason: str, related: list[Hit]) -> Answer:
    return Answer(False, f"{NOT_FOUND_PREFIX}{reason}。以下条款内容相近，仅供参考，不能作为答案。", [], related)


def _mentions(hit: Hit, name: str) -> bool:
    return name.strip("《》") in hit.unit.text


def _evidence(query: Query, ranking: Ranking, candidates: list[_Candidate], unseen: float, together: float) -> Evidence:
    """What the answerability model reads: the ranked provisions and the best sentences."""
    return Evidence(
        scores=ranking.scores,
        rows=ranking.rows,
        support=max((c.support for c in candidates), default=0.0),
        lex_top=ranking.lex_top,
        unseen=unseen,
        together=together,
        kind_asked=query.kind is not None,
        kind_found=_value_stated(candidates),
        referenced=bool(query.names_document),
    )


def _candidates(query: Query, hits: list[Hit], retriever: Retriever, grams: WeightedGrams) -> list[_Candidate]:
    profile = retriever.profile
    top = max(h.score for h in hits) or 1.0
    low = min(h.score for h in hits)
    span = (top - low) or 1.0
    out: list[_Candidate] = []
    focus = grams.within(query.focus) if query.focus else None
    for rank, hit in enumerate(hits):
        record = is_front_matter(hit.unit.text)  # how the text was adopted: answers only when, never what
        context = f"{hit.unit.doc_title} {hit.unit.context}"
        strength = 1.0 if hit.exact else (hit.score - low) / span
        for match in SENTENCE.finditer(hit.unit.text):
            sentence = match.group(0).strip()
            if len(sentence) < 6:
                continue
            support = grams.share(f"{context} {sentence}")
            typed = profile.holds(query.kind, without_quantities(sentence, query.given))  # not its own 满10年
            if record and not typed:
                continue
            score = 0.45 * strength + 0.55 * support + (0.2 if typed else 0.0) - 0.03 * rank
            spoken = profile.levels_of(f"{hit.unit.context} {sentence}")
            if query.levels and spoken and not spoken & query.levels:
                score -= LEVEL_MISMATCH_PENALTY  # a national rule does not answer a question about the province
            segment_id, start = hit.unit.locate(match.start() + len(match.group(0)) - len(match.group(0).lstrip()))
            segment = hit.segment if segment_id == hit.segment.id else retriever.catalogue.segment(segment_id)
            asked = focus.share(f"{context} {sentence}") if typed and focus is not None else 0.0
            out.append(_Candidate(hit, segment, start, start + len(sentence), score, support, typed, asked))
    return sorted(out, key=lambda c: -c.score)


def _value_stated(candidates: list[_Candidate]) -> bool:
    """A sentence among the best holds the asked kind of value and shares the question's terms: the hard
    test refuses without one, and the answerability model is not asked with one."""
    return any(c.typed and max(c.support, c.asked) >= MIN_SUPPORT for c in candidates[:TYPED_DEPTH])


def _unanswerable(query: Query, hits: list[Hit], candidates: list[_Candidate], profile: Profile) -> str | None:
    """Why the evidence cannot answer, or None. Each test is about the question's own terms."""
    if not candidates:
        return "与该问题相关的规定"
    kind = query.kind
    if kind is not None and kind.required and not _value_stated(candidates):
        return f"所问的具体{kind.label}"
    if query.years:
        evidence = " ".join(f"{h.document.title} {h.document.date or ''} {h.unit.text}" for h in hits[:5])
        if not any(y in evidence for y in query.years):
            return f"{'、'.join(query.years)}年的相关文件"
    if query.places and _about_other_places(query, hits[:5], profile):
        return f"适用于{'、'.join(sorted(query.places))}的规定"
    if query.levels:
        typed = [c for c in candidates[:8] if c.typed or kind is None]
        spoken = [profile.levels_of(_sentence_context(c)) for c in typed]
        if typed and all(s and not (s & query.levels) for s in spoken):
            return "适用于所问层级（如市级、省级）的规定"
    return None


def _from_named(candidates: list[_Candidate], named: frozenset[str]) -> list[_Candidate]:
    """A question that names a held document (国务院令第375号, 《工伤保险条例》) asks what that document
    says: its sentences that share the question's terms answer, and another document's only when it has
    none (a ministry's 办法 on the same procedure ranks close, but it is not the text asked about)."""
    own = [c for c in candidates if c.hit.document.id in named and c.support >= MIN_SUPPORT]
    return own or candidates


def _bound_elsewhere(hit: Hit, query: Query, profile: Profile) -> bool:
    """The question names places and this provision's text is bound (by its title or issuer) to regions
    that hold none of them: its rules are another region's, never quoted as the answer."""
    if not query.places:
        return False
    regions = _bound(hit, profile)
    return bool(regions) and not any(profile.covers(region, place) for region in regions for place in query.places)


def _bound(hit: Hit, profile: Profile) -> frozenset[str]:
    """The regions a provision's text is bound to: the places its title or issuer names."""
    return profile.places_in(f"{hit.document.title} {hit.document.issuer or ''}")


def _about_other_places(query: Query, hits: list[Hit], profile: Profile) -> bool:
    """The question names a place, the best text is bound to another region (its title or issuer names
    one), and no hit names the place or is bound to a region holding it: another region's rules."""

    if not hits or not _bound(hits[0], profile):
        return False
    for hit in hits:
        if profile.places_in(f"{hit.document.title} {hit.unit.text}") & query.places:
            return False
        if any(profile.covers(region, place) for region in _bound(hit, profile) for place in query.places):
            return False
    return True


def _sentence_context(c: _Candidate) -> str:
    return f"{c.hit.document.title} {c.segment.text[c.start : c.end]}"


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


def _with_lead_ins(chosen: list[_Candidate], retriever: Retriever) -> list[tuple[_Candidate, str | None]]:
    """An item (项) quoted without the sentence that introduces its list reads as a bare condition:
    "(一)谎报或者瞒报事故的；" says nothing of the fine its article's lead-in ("有下列行为之一的，处…罚款：")
    sets. Each quoted item brings its lead-in, quoted before it, once; the lead-in is paired with the
    locator of the item it introduces (None for what was chosen for itself). A lead chosen for itself
    is quoted before its items too, as the text reads, whichever scored higher."""
    chosen_by_id = {c.segment.id: c for c in chosen}
    quoted: set[str] = set()
    out: list[tuple[_Candidate, str | None]] = []
    for c in chosen:
        if c.segment.id in quoted:
            continue
        parent_id = c.segment.parent_id
        if parent_id and parent_id not in quoted:
            if parent_id in chosen_by_id:
                out.append((chosen_by_id[parent_id], None))
                quoted.add(parent_id)
            else:
                parent = retriever.catalogue.segment(parent_id)
                if announces_items(parent):
                    lead = parent.text.rstrip()
                    start = max((m.start() for m in SENTENCE.finditer(lead) if m.group(0).strip()), default=0)
                    out.append((replace(c, segment=parent, start=start, end=len(lead)), c.segment.locator))
                    quoted.add(parent_id)
        out.append((c, None))
        quoted.add(c.segment.id)
    return out


def _citations(chosen: list[tuple[_Candidate, str | None]], retriever: Retriever, whole_lists: bool) -> list[Citation]:
    """Each chosen sentence quoted. A lead that announces its 项 ("有下列情形之一的：") is quoted with them,
    when the list is short enough, if it was chosen for itself (none of its 项 was: the lead alone says
    nothing) or if the question asks for a whole list (``whole_lists``: 条件是什么？ — one item of the
    conditions is not the answer). The 项 it holds are then not quoted again."""
    catalogue = retriever.catalogue
    chosen_ids = {c.segment.id for c, _ in chosen}
    quoted: list[tuple[Citation, str]] = []
    covered: set[str] = set()
    for c, item in chosen:
        whole = None
        for_itself = item is None and not chosen_ids & set(c.segment.children)
        if announces_items(c.segment) and (for_itself or whole_lists):
            whole = cite_with_items(c.hit.document, c.segment, catalogue, LIST_CHARS)
        if whole is not None:
            covered.update(s.id for s in catalogue.descendants(c.segment))
        quoted.append((whole or replace(_cite(c), lead_in_of=item), c.segment.id))
    return [citation for citation, segment_id in quoted if segment_id not in covered]


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


def _outline_answer(outline: Outline, retriever: Retriever, related: list[Hit]) -> Answer | None:
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


def _completed(answer: Answer, query: Query, retriever: Retriever) -> Answer:
    """What an answer adds to its quotes (issue 11): the provisions they defer to, quoted and cited
    (``indexer/references.py``); the other editions of the quoted texts, named but never quoted
    (``indexer/editions.py``); and only texts in force among the related provisions."""
    catalogue = retriever.catalogue
    related = in_force_hits(answer.related, catalogue, query.as_of)
    if not answer.found:
        return replace(answer, related=related)
    grams = retriever.bigram_idf.weigh(set(query.grams))
    deferred = referenced(answer.citations, catalogue, query.as_of, grams.share)
    notes = edition_notes(answer.citations, catalogue)
    text = answer.answer + "".join(f"；\n{referenced_line(c)}" for c in deferred)
    text += "".join(f"\n{note.line}。" for note in notes)
    return replace(answer, answer=text, citations=[*answer.citations, *deferred], related=related, superseded=notes)
