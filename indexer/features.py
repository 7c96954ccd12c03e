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
from dataclasses import dataclass

import numpy as np

from core.locator import MARKERS
from core.profile import Profile
from corpus import Catalogue, DocKind, DocStatus
from indexer.overlap import WeightedGrams
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
        )


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
    """Candidate provisions (the units best by BM25 and by dense score, grouped) and their features."""
    n = len(units)
    top = float(lex_raw.max()) if n else 0.0
    lex = lex_raw / top if top > 0 else np.zeros(n, dtype=np.float32)
    mask = table.in_force if allowed is None else allowed  # as of a day: the texts in force then, editions included
    lex_masked = np.where(mask, lex, -1.0)
    pool = set(np.argsort(-lex_masked)[:POOL].tolist())
    dense_vals = dense if dense is not None else np.zeros(n, dtype=np.float32)
    if dense is not None:
        pool |= set(np.argsort(-np.where(mask, dense, -9.0))[:POOL].tolist())
    pool_idx = np.array(sorted(i for i in pool if mask[i]), dtype=np.int64)
    if pool_idx.size == 0:
        return Provisions(np.zeros(0, np.int32), np.zeros(0, np.int64), np.zeros((0, len(FEATURES)), np.float32), top)
    lex_rank = _ranks(lex_masked)
    dense_rank = _ranks(np.where(mask, dense_vals, -9.0)) if dense is not None else np.full(n, n)
    asked_articles = set(query.locators)
    rows = np.zeros((pool_idx.size, len(UNIT_FEATURES)), dtype=np.float32)
    for r, i in enumerate(pool_idx.tolist()):
        unit = units[i]
        doc_id = table.doc_ids[table.doc[i]]
        spoken = profile.levels_of(unit.text) if query.levels else frozenset()
        article = table.article_of[table.provision[i]]
        rows[r] = (
            lex[i],
            1.0 / (1 + lex_rank[i]),
            dense_vals[i],
            1.0 / (1 + dense_rank[i]),
            grams.share(unit.lexical_text),
            grams.share(unit.text),
            grams.share(f"{unit.doc_title} {unit.context}"),
            title_match.get(doc_id, 0.0),
            float(doc_id in referenced_docs),
            float(bool(article) and article in asked_articles),
            float(profile.holds(query.kind, unit.text)),
            0.0 if not spoken else (1.0 if spoken & query.levels else -1.0),
            float(bool(spoken - query.levels)),
            grams.share_beyond(unit.text, unit.doc_title),
            table.log_len[i],
            table.non_normative[i],
            table.frame[i],
        )
    provisions = table.provision[pool_idx]
    ordinals, inverse = np.unique(provisions, return_inverse=True)
    agg = np.full((ordinals.size, len(UNIT_FEATURES)), -np.inf, dtype=np.float32)
    np.maximum.at(agg, inverse, rows)
    counts = np.bincount(inverse, minlength=ordinals.size)
    strength = rows[:, 0] + rows[:, 2]
    best_unit = np.zeros(ordinals.size, dtype=np.int64)
    best = np.full(ordinals.size, -np.inf)
    for r, p in enumerate(inverse.tolist()):
        if strength[r] > best[p]:
            best[p], best_unit[p] = strength[r], pool_idx[r]
    docs = table.doc[best_unit]
    prov_dense = agg[:, 2]
    doc_dense = np.zeros(ordinals.size, dtype=np.float32)
    for d in np.unique(docs):
        doc_dense[docs == d] = prov_dense[docs == d].max()
    chapters = table.chapter[best_unit]
    chapter_dense = np.bincount(table.chapter, weights=dense_vals, minlength=table.chapter_size.size)
    chapter_lex = np.zeros(table.chapter_size.size, dtype=np.float32)
    np.maximum.at(chapter_lex, table.chapter, np.where(mask, lex, 0.0).astype(np.float32))
    leaders = docs[np.argsort(-prov_dense)[:DOC_SHARE_DEPTH]]
    doc_share = np.array([np.count_nonzero(leaders == d) for d in docs], dtype=np.float32) / DOC_SHARE_DEPTH
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
    return Provisions(ordinals.astype(np.int32), best_unit, matrix, top)


def _ranks(scores: np.ndarray) -> np.ndarray:
    ranks = np.empty(scores.size, dtype=np.int64)
    ranks[np.argsort(-scores, kind="stable")] = np.arange(scores.size)
    return ranks
