"""The vectorised candidate features equal, number for number, the straightforward per-unit loop they
replaced (kept below as the reference), so the ranker sees what it was fitted on: with and without the
dense scores, as of a date, for questions naming levels, kinds of value, documents and articles."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

import numpy as np
import pytest

from core.profile import Profile
from indexer.features import DOC_SHARE_DEPTH, FEATURES, POOL, UNIT_FEATURES, Provisions, UnitTable, provision_features
from indexer.overlap import WeightedGrams
from indexer.query import Query
from indexer.retrieve import Retriever
from indexer.units import Unit
from policydesk.desk import Desk

EXTRA = (
    "云职创〔2019〕3号第十八条的奖金是多少",  # a 文号 and an article
    "《云南省工会劳动法律监督条例实施细则》第十九条",  # a title and an article
    "省级劳动竞赛的奖金标准是多少元",  # a level and an amount
    "市级示范职工书屋什么时候申报",  # a level and a time
    "云岭工匠每年命名多少名",
)


def _questions(retriever: Retriever) -> list[str]:
    """Questions made of the corpus itself (a stretch of every 25th segment, + 有什么规定), then EXTRA."""
    segments = [s for s in retriever.catalogue.segments() if len(s.text) > 30][::25]
    return [f"{s.text[5:25].strip()}有什么规定" for s in segments] + list(EXTRA)


def _both(retriever: Retriever, query: Query, dense: bool) -> tuple[Provisions, Provisions]:
    lex_raw = retriever.backend.lexical_scores(query.text, list(query.tokens))
    scores = None
    if dense:
        scores = retriever.backend.dense_scores(retriever.embed_query(query.text), len(retriever.index.units))
    args = (
        query,
        retriever.index.units,
        retriever.table,
        lex_raw,
        scores,
        retriever.bigram_idf.weigh(set(query.grams)),
        retriever.title_match(query.text),
        retriever.referenced_ids(query),
        retriever.profile,
    )
    allowed = retriever._allowed(query.as_of)
    return provision_features(*args, allowed=allowed), reference_features(*args, allowed=allowed)


def _same(fast: Provisions, slow: Provisions, question: str) -> None:
    assert fast.matrix.dtype == slow.matrix.dtype == np.float32
    assert np.array_equal(fast.ordinals, slow.ordinals), question
    assert np.array_equal(fast.best_unit, slow.best_unit), question
    assert np.array_equal(fast.matrix, slow.matrix), question
    assert fast.lex_top == slow.lex_top


@pytest.mark.parametrize("dense", [True, False], ids=["hybrid", "lexical"])
def test_fast_features_equal_the_per_unit_loop(desk: Desk, dense: bool) -> None:
    retriever = desk.snapshot().retriever
    questions = _questions(retriever)
    kinds = levels = located = 0
    for question in questions:
        query = retriever.query(question)
        kinds += query.kind is not None
        levels += bool(query.levels)
        located += bool(query.locators)
        fast, slow = _both(retriever, query, dense)
        _same(fast, slow, question)
        assert fast.matrix.shape[1] == len(FEATURES) and fast.matrix.shape[0] > 0
    assert kinds and levels and located  # every per-query branch was compared, not only the plain one


def test_fast_features_equal_the_per_unit_loop_as_of_a_date(desk: Desk) -> None:
    retriever = desk.snapshot().retriever
    for question in _questions(retriever)[-12:]:
        query = retriever.query(question, date(2019, 6, 1))
        _same(*_both(retriever, query, dense=True), question)


def test_ranker_scores_are_unchanged(desk: Desk) -> None:
    retriever = desk.snapshot().retriever
    for question in _questions(retriever)[:10]:
        fast, slow = _both(retriever, retriever.query(question), dense=True)
        assert np.array_equal(retriever.ranker.score(fast.matrix), retriever.ranker.score(slow.matrix))


# -- the reference: indexer/features.py's provision_features as it was, one unit at a time ----------


def reference_features(
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
    """The features as first written: one unit at a time in Python (indexer/features.py before it was
    vectorised), kept as the reference the fast path must equal."""
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
    lex_rank = _stable_ranks(lex_masked)
    dense_rank = _stable_ranks(np.where(mask, dense_vals, -9.0)) if dense is not None else np.full(n, n)
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
            grams.within(query.focus).share(unit.lexical_text),
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
    leaders = docs[np.argsort(-prov_dense)[:DOC_SHARE_DEPTH]]
    doc_share = np.array([np.count_nonzero(leaders == d) for d in docs], dtype=np.float32) / DOC_SHARE_DEPTH
    chapter_dense = np.zeros(ordinals.size, dtype=np.float32)
    chapter_lex = np.zeros(ordinals.size, dtype=np.float32)
    for p, unit_index in enumerate(best_unit.tolist()):
        members = np.flatnonzero(table.chapter == table.chapter[unit_index])
        chapter_dense[p] = sum(float(v) for v in dense_vals[members]) / members.size  # in index order
        chapter_lex[p] = max(0.0, float(np.where(mask[members], lex[members], 0.0).max()))
    matrix = np.hstack(
        [
            agg,
            np.log1p(counts)[:, None].astype(np.float32),
            doc_dense[:, None],
            doc_share[:, None],
            (prov_dense.max() - prov_dense)[:, None],
            chapter_dense[:, None],
            chapter_lex[:, None],
            table.kind_onehot[docs],
        ]
    ).astype(np.float32)
    return Provisions(ordinals.astype(np.int32), best_unit, matrix, top)


def _stable_ranks(scores: np.ndarray) -> np.ndarray:
    ranks = np.empty(scores.size, dtype=np.int64)
    ranks[np.argsort(-scores, kind="stable")] = np.arange(scores.size)
    return ranks
