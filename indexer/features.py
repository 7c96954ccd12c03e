"""Features of a (question, provision) pair for the learned ranker, and the static per-unit table they
are read from. Serving and fitting (bench/fit_models.py) both call ``provision_features``: the model
is fitted on exactly the numbers it is later given.

Every feature is general — a score, a rank, an overlap, a flag read off the catalogue — and none is a
phrase list fitted to particular questions. Units are aggregated to their provision (the 条 that holds a
款, 项 or window, else the unit's own section), because a provision is what a person cites and reads.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np
from scipy import sparse

from core.locator import MARKERS
from core.profile import AnswerKind, Profile
from corpus import Catalogue, DocKind, DocStatus
from indexer.overlap import WeightedGrams, bigrams
from indexer.query import Query
from indexer.units import Unit

POOL = 100  # units taken from the top of each of the lexical and the dense ranking
DOC_SHARE_DEPTH = 30  # how many of the best provisions (by dense score) a document's share is counted over
FRAME_LOCATORS = frozenset({"标题", "主送", "落款", "附件说明"})

# the kind of document, grouped coarsely: what it is matters more than its exact name
KIND_GROUPS: dict[DocKind, str] = {
    DocKind.NOTICE: "notice",
    DocKind.ORDER: "notice",  # a 令 or 公告 that promulgates a text: like a notice that issues one
    DocKind.ANNOUNCEMENT: "notice",
    DocKind.SCHEME: "plan",
    DocKind.PROGRAM: "plan",
    DocKind.OPINION: "plan",
    DocKind.ACTION_PLAN: "plan",
    DocKind.TABLE: "form",
    DocKind.PLEDGE: "form",
    DocKind.FORM: "form",
    DocKind.LETTER: "other",
    DocKind.NEWS: "other",
    DocKind.SUMMARY: "other",
    DocKind.PREFACE: "other",
}
GROUPS = ("rule", "notice", "plan", "form", "other")  # "rule": 法, 条例, 规定, 办法, 细则… (the default)

UNIT_FEATURES = (
    "lex",  # BM25, scaled so the best unit scores 1
    "lex_rr",  # 1 / (1 + BM25 rank)
    "dense",  # cosine similarity of the e5 embeddings
    "dense_rr",  # 1 / (1 + dense rank)
    "share",  # share of the question's bigram weight in the unit (with its title and headings)
    "share_text",  # … in the unit's own text
    "head_share",  # … in its title and heading path alone
    "title",  # BM25 of the question over the document titles alone, the best title scoring 1
    "referenced",  # the question names the document (文号, 《title》, or its title without 《》)
    "article",  # the question names this provision's article
    "kind_present",  # the unit holds the kind of value the question asks for
    "level",  # +1 the unit speaks of the question's administrative level, −1 only of another, 0 neither
    "other_level",  # the unit speaks of a level the question does not name
    "share_rest",  # share of the question's bigram weight beyond its document's title found in the unit
    "log_len",  # log of the unit's length
    "non_normative",  # news, summaries, prefaces, letters
    "frame",  # 标题/主送/落款 units: metadata of a text
    "focus_share",  # share of the asking clause's bigram weight in the unit (with its title and headings)
)
CHAPTER_FEATURES = (
    "chapter_dense",  # mean dense similarity of the units of the provision's chapter (its parent part)
    "chapter_lex",  # the best scaled BM25 among them: the topic region of a long code, not one article
)
FEATURES = (
    *UNIT_FEATURES,
    "n_units",
    "doc_dense",
    "doc_share",
    "dense_gap",
    *CHAPTER_FEATURES,
    *(f"kind_{g}" for g in GROUPS),
)


@dataclass(frozen=True)
class UnitTable:
    """What the features read of each unit, computed once per index."""

    provision: np.ndarray  # provision ordinal per unit
    provision_ids: list[str]  # provision ordinal → segment id of the provision
    doc: np.ndarray  # document ordinal per unit
    doc_ids: list[str]
    log_len: np.ndarray
    non_normative: np.ndarray
    frame: np.ndarray
    in_force: np.ndarray  # not superseded
    kind_onehot: np.ndarray  # per document ordinal: one-hot over GROUPS
    article_of: list[str]  # per provision: its article locator ("第十八条"), or ""
    chapter: np.ndarray  # chapter ordinal per unit: the part holding its provision (章/节), else its document
    chapter_size: np.ndarray  # units per chapter ordinal
    grams: GramIndex  # the character bigrams each unit holds, for the phrase-overlap shares
    # per-unit values that depend on the profile too, filled on first use (see ``holds``)
    _memo: dict[object, np.ndarray] = field(default_factory=dict, compare=False, repr=False)

    @classmethod
    def build(cls, units: Sequence[Unit], catalogue: Catalogue) -> UnitTable:
        provision_ids: list[str] = []
        provision_ord: dict[str, int] = {}
        doc_ord: dict[str, int] = {}
        chapter_ord: dict[str, int] = {}
        provision, doc, article_of, chapter = [], [], [], []
        for unit in units:
            key, article = _provision_of(unit.segment_id, catalogue)
            if key not in provision_ord:
                provision_ord[key] = len(provision_ids)
                provision_ids.append(key)
                article_of.append(article)
            provision.append(provision_ord[key])
            doc.append(doc_ord.setdefault(unit.doc_id, len(doc_ord)))
            part = catalogue.segment(key).parent_id if catalogue.segment(key) is not None else None
            chapter.append(chapter_ord.setdefault(part or unit.doc_id, len(chapter_ord)))
        doc_ids = list(doc_ord)
        documents = [catalogue.document(d) for d in doc_ids]
        onehot = np.zeros((len(doc_ids), len(GROUPS)), dtype=np.float32)
        for i, d in enumerate(documents):
            onehot[i, GROUPS.index(KIND_GROUPS.get(d.kind, "rule"))] = 1.0
        status = [documents[doc_ord[u.doc_id]].status for u in units]
        return cls(
            provision=np.array(provision, dtype=np.int32),
            provision_ids=provision_ids,
            doc=np.array(doc, dtype=np.int32),
            doc_ids=doc_ids,
            log_len=np.array([math.log1p(len(u.text)) for u in units], dtype=np.float32),
            non_normative=np.array([s is DocStatus.NON_NORMATIVE for s in status], dtype=np.float32),
            frame=np.array([catalogue.segment(u.segment_id).locator in FRAME_LOCATORS for u in units], np.float32),
            in_force=np.array([s is not DocStatus.SUPERSEDED for s in status], dtype=bool),
            kind_onehot=onehot,
            article_of=article_of,
            chapter=np.array(chapter, dtype=np.int32),
            chapter_size=np.bincount(np.array(chapter, dtype=np.int64), minlength=len(chapter_ord)).astype(np.float32),
            grams=GramIndex.build(units),
        )

    def holds(self, profile: Profile, kind: AnswerKind | None, units: Sequence[Unit], pool: np.ndarray) -> np.ndarray:
        """Per pooled unit: 1 if its text holds the kind of value asked for. A unit's answer never
        changes, so each is computed once per kind and remembered (the pool moves little between
        questions; computing every unit up front would cost seconds on a large corpus)."""
        if kind is None:
            return np.zeros(pool.size, dtype=np.float32)
        known = self._remembered(("holds", kind), len(units), np.int8)
        for i in pool[known[pool] < 0].tolist():
            known[i] = profile.holds(kind, units[i].text)
        return known[pool].astype(np.float32)

    def levels(
        self, profile: Profile, asked: frozenset[str], units: Sequence[Unit], pool: np.ndarray
    ) -> tuple[np.ndarray, np.ndarray]:
        """Per pooled unit: agreement (+1 it speaks of a level the question does, −1 only of others, 0 of
        none) and whether it speaks of a level the question does not name (the levels a unit speaks of
        are remembered as a bit mask, like ``holds``)."""
        if not asked:
            zero = np.zeros(pool.size, dtype=np.float32)
            return zero, zero
        names = sorted({level.name for level in profile.levels})
        if len(names) > 62:  # more levels than bits: the plain way
            spoken = [profile.levels_of(units[i].text) for i in pool.tolist()]
            agreement = [0.0 if not s else (1.0 if s & asked else -1.0) for s in spoken]
            return np.array(agreement, np.float32), np.array([bool(s - asked) for s in spoken], np.float32)
        bit = {name: 1 << b for b, name in enumerate(names)}
        known = self._remembered(("levels", profile.levels), len(units), np.int64)
        for i in pool[known[pool] < 0].tolist():
            known[i] = sum(bit[name] for name in profile.levels_of(units[i].text))
        masks = known[pool]
        wanted = sum(bit.get(name, 0) for name in asked)
        agreement = np.where(masks == 0, 0.0, np.where(masks & wanted, 1.0, -1.0)).astype(np.float32)
        return agreement, ((masks & ~wanted) != 0).astype(np.float32)

    def _remembered(self, key: object, n: int, dtype: type) -> np.ndarray:
        """The per-unit values remembered under ``key``, −1 where not computed yet."""
        known = self._memo.get(key)
        if known is None:  # two threads may both start one: each fills identical values
            known = self._memo.setdefault(key, np.full(n, -1, dtype=dtype))
        return known


@dataclass(frozen=True)
class GramIndex:
    """Which character bigrams each unit's text and each heading (title + heading path) hold, as
    sparse 0/1 rows over one vocabulary: the three phrase-overlap shares of a question are then read
    for the whole pool at once instead of set by set. The unit's lexical text (heading, newline, text)
    holds exactly the bigrams of its heading and of its text (a bigram never spans the newline), so
    it needs no rows of its own."""

    vocab: dict[str, int]
    text: sparse.csr_matrix  # units × vocabulary
    head: sparse.csr_matrix  # distinct headings × vocabulary
    head_of: np.ndarray  # unit → its heading's row
    title: sparse.csr_matrix  # distinct document titles × vocabulary
    title_of: np.ndarray  # unit → its title's row

    @classmethod
    def build(cls, units: Sequence[Unit]) -> GramIndex:
        vocab: dict[str, int] = {}
        heads: dict[str, int] = {}
        titles: dict[str, int] = {}
        head_of = np.array([heads.setdefault(_heading(u), len(heads)) for u in units], dtype=np.int64)
        title_of = np.array([titles.setdefault(u.doc_title, len(titles)) for u in units], dtype=np.int64)
        text_rows = [sorted({vocab.setdefault(g, len(vocab)) for g in bigrams(u.text)}) for u in units]
        head_rows = [sorted({vocab.setdefault(g, len(vocab)) for g in bigrams(h)}) for h in heads]
        title_rows = [sorted({vocab.setdefault(g, len(vocab)) for g in bigrams(t)}) for t in titles]
        width = len(vocab)
        return cls(vocab, _rows(text_rows, width), _rows(head_rows, width), head_of, _rows(title_rows, width), title_of)

    def shares(
        self, grams: WeightedGrams, pool: np.ndarray, focus: frozenset[str] = frozenset()
    ) -> tuple[np.ndarray, ...]:
        """Per pooled unit, the share of the question's bigram weight in its lexical text, its text and
        its heading (``WeightedGrams.share`` of each), the share of the weight its document's title
        lacks found in its text (``WeightedGrams.share_beyond``), and the share of the ``focus`` bigrams'
        weight in its lexical text (``WeightedGrams.within(focus).share``) — to the last bit: the
        weights are added in the same order, one bigram after another."""
        weights = grams.weights
        total = grams.total
        if not total:
            zero = np.zeros(pool.size, dtype=np.float64)
            return zero, zero, zero, zero, zero
        w = np.fromiter(weights.values(), dtype=np.float64, count=len(weights))
        cols = np.array([self.vocab.get(g, -1) for g in weights], dtype=np.int64)
        known = cols >= 0
        in_text = np.zeros((pool.size, w.size), dtype=bool)
        in_head = np.zeros((pool.size, w.size), dtype=bool)
        in_title = np.zeros((pool.size, w.size), dtype=bool)
        if known.any():
            in_text[:, known] = self.text[pool][:, cols[known]].toarray() > 0
            in_head[:, known] = self.head[self.head_of[pool]][:, cols[known]].toarray() > 0
            in_title[:, known] = self.title[self.title_of[pool]][:, cols[known]].toarray() > 0

        def weight(present: np.ndarray) -> np.ndarray:
            return np.cumsum(np.where(present, w, 0.0), axis=1)[:, -1]

        rest = weight(~in_title)
        beyond = np.divide(weight(in_text & ~in_title), rest, out=np.zeros_like(rest), where=rest > 0)
        held = in_text | in_head
        asked = np.array([g in focus for g in weights], dtype=bool)
        focus_total = grams.within(focus).total
        focused = weight(held & asked) / focus_total if focus_total else np.zeros(pool.size, dtype=np.float64)
        return weight(held) / total, weight(in_text) / total, weight(in_head) / total, beyond, focused


def _heading(unit: Unit) -> str:
    return f"{unit.doc_title} {unit.context}"


def _rows(rows: list[list[int]], width: int) -> sparse.csr_matrix:
    indptr = np.zeros(len(rows) + 1, dtype=np.int64)
    indptr[1:] = np.cumsum([len(r) for r in rows])
    indices = np.fromiter((c for r in rows for c in r), dtype=np.int32, count=int(indptr[-1]))
    data = np.ones(indices.size, dtype=np.int8)
    return sparse.csr_matrix((data, indices, indptr), shape=(len(rows), width))


def _provision_of(segment_id: str, catalogue: Catalogue) -> tuple[str, str]:
    """The outermost 条 holding a segment (its 款, 项, 目 and windows cite to it), else the segment."""
    found = (segment_id, "")
    seg = catalogue.segment(segment_id)
    while seg is not None:
        if MARKERS["article"].match(seg.locator):
            found = (seg.id, seg.locator)
        seg = catalogue.segment(seg.parent_id) if seg.parent_id else None
    return found


@dataclass(frozen=True)
class Provisions:
    """The candidate provisions of one question: their ids, best unit and feature rows."""

    ordinals: np.ndarray  # provision ordinals
    best_unit: np.ndarray  # per provision: the unit index scoring best on lex + dense
    matrix: np.ndarray  # provisions × FEATURES
    lex_top: float = 0.0  # the best unit's raw BM25 score: how much of the question the corpus matches at all


def provision_features(
    query: Query,
    units: Sequence[Unit],
    table: UnitTable,
    lex_raw: np.ndarray,
    dense: np.ndarray | None,
    grams: WeightedGrams,
    title_match: dict[str, float],
    referenced_docs: frozenset[str],
    profile: Profile,
    allowed: np.ndarray | None = None,
) -> Provisions:
    """Candidate provisions (the units best by BM25 and by dense score, grouped) and their features.

    Computed with numpy over the whole candidate pool: what depends on the unit alone was read at index
    load (``UnitTable``, ``GramIndex``) or is remembered per unit on first use (``UnitTable.holds``,
    ``UnitTable.level_agreement``). tests/indexer/test_features_fast.py checks every number equals the
    straightforward per-unit loop's."""
    n = len(units)
    top = float(lex_raw.max()) if n else 0.0
    lex = lex_raw / top if top > 0 else np.zeros(n, dtype=np.float32)
    mask = table.in_force if allowed is None else allowed  # as of a day: the texts in force then, editions included
    lex_masked = np.where(mask, lex, -1.0)
    dense_masked = np.where(mask, dense, -9.0) if dense is not None else None
    pool_idx = np.argsort(-lex_masked)[:POOL]
    if dense_masked is not None:
        pool_idx = np.union1d(pool_idx, np.argsort(-dense_masked)[:POOL])
    else:
        pool_idx = np.unique(pool_idx)
    pool_idx = pool_idx[mask[pool_idx]].astype(np.int64)
    if pool_idx.size == 0:
        return Provisions(np.zeros(0, np.int32), np.zeros(0, np.int64), np.zeros((0, len(FEATURES)), np.float32), top)
    lex_rank = _ranks(lex_masked)[pool_idx]
    if dense_masked is not None:
        dense_pool = dense[pool_idx]  # type: ignore[index]
        dense_rank = _ranks(dense_masked)[pool_idx]
    else:
        dense_pool = np.zeros(pool_idx.size, dtype=np.float32)
        dense_rank = np.full(pool_idx.size, n)
    doc_of = table.doc[pool_idx]
    provision_of = table.provision[pool_idx]
    share_lex, share_text, share_head, share_rest, share_focus = table.grams.shares(grams, pool_idx, query.focus)
    per_doc_title = np.array([title_match.get(d, 0.0) for d in table.doc_ids], dtype=np.float64)
    per_doc_referenced = np.array([d in referenced_docs for d in table.doc_ids], dtype=np.float64)
    rows = np.empty((pool_idx.size, len(UNIT_FEATURES)), dtype=np.float32)
    rows[:, 0] = lex[pool_idx]
    rows[:, 1] = 1.0 / (1 + lex_rank)
    rows[:, 2] = dense_pool
    rows[:, 3] = 1.0 / (1 + dense_rank)
    rows[:, 4] = share_lex
    rows[:, 5] = share_text
    rows[:, 6] = share_head
    rows[:, 7] = per_doc_title[doc_of]
    rows[:, 8] = per_doc_referenced[doc_of]
    rows[:, 9] = _asked_article(query, table, provision_of)
    rows[:, 10] = table.holds(profile, query.kind, units, pool_idx)
    rows[:, 11], rows[:, 12] = table.levels(profile, query.levels, units, pool_idx)
    rows[:, 13] = share_rest
    rows[:, 14] = table.log_len[pool_idx]
    rows[:, 15] = table.non_normative[pool_idx]
    rows[:, 16] = table.frame[pool_idx]
    rows[:, 17] = share_focus
    ordinals, inverse = np.unique(provision_of, return_inverse=True)
    agg = np.full((ordinals.size, len(UNIT_FEATURES)), -np.inf, dtype=np.float32)
    np.maximum.at(agg, inverse, rows)
    counts = np.bincount(inverse, minlength=ordinals.size)
    strength = rows[:, 0] + rows[:, 2]
    # per provision, the first pooled unit (in index order) of the highest strength
    order = np.lexsort((np.arange(pool_idx.size), -strength, inverse))
    firsts = order[np.r_[True, inverse[order][1:] != inverse[order][:-1]]]
    best_unit = pool_idx[firsts]
    docs = table.doc[best_unit]
    prov_dense = agg[:, 2]
    per_doc_dense = np.full(len(table.doc_ids), -np.inf, dtype=np.float32)
    np.maximum.at(per_doc_dense, docs, prov_dense)
    doc_dense = per_doc_dense[docs]
    chapters = table.chapter[best_unit]
    every_dense = dense if dense is not None else np.zeros(n, dtype=np.float32)
    chapter_dense = np.bincount(table.chapter, weights=every_dense, minlength=table.chapter_size.size)
    chapter_lex = np.zeros(table.chapter_size.size, dtype=np.float32)
    np.maximum.at(chapter_lex, table.chapter, np.where(mask, lex, 0.0).astype(np.float32))
    leaders = docs[np.argsort(-prov_dense)[:DOC_SHARE_DEPTH]]
    doc_share = np.bincount(leaders, minlength=len(table.doc_ids))[docs].astype(np.float32) / DOC_SHARE_DEPTH
    matrix = np.hstack(
        [
            agg,
            np.log1p(counts)[:, None].astype(np.float32),
            doc_dense[:, None],
            doc_share[:, None],
            (prov_dense.max() - prov_dense)[:, None],
            (chapter_dense[chapters] / table.chapter_size[chapters])[:, None],
            chapter_lex[chapters][:, None],
            table.kind_onehot[docs],
        ]
    ).astype(np.float32)
    return Provisions(ordinals.astype(np.int32), best_unit.astype(np.int64), matrix, top)


def _asked_article(query: Query, table: UnitTable, provision_of: np.ndarray) -> np.ndarray:
    """1 where the unit's provision is an article the question names."""
    if not query.locators:
        return np.zeros(provision_of.size, dtype=np.float32)
    asked = set(query.locators)
    named = np.array([bool(a) and a in asked for a in table.article_of], dtype=np.float32)
    return named[provision_of]


def _ranks(scores: np.ndarray) -> np.ndarray:
    ranks = np.empty(scores.size, dtype=np.int64)
    ranks[np.argsort(-scores, kind="stable")] = np.arange(scores.size)
    return ranks
