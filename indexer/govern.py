"""Which regulation governs a described case: documents ranked by the articles that decide it.

Only normative texts in force can govern: news, summaries, letters and prefaces are never ranked,
nor is a text repealed by a later one, nor a notice whose only content is issuing another text.
Each regulation comes with a short why: the case's terms its articles share, its scope article
("本办法适用于……"), its issuing level, and what it repeals.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

import numpy as np

from core.sentences import SENTENCE
from corpus import DocKind, DocStatus, Document
from indexer.overlap import bigrams
from indexer.query import Query
from indexer.retrieve import Hit, Retriever

GOVERN_DEPTH = 30  # provisions pooled before grouping by document
ARTICLES_PER_REGULATION = 3
MAX_REGULATIONS = 5

_NOT_REGULATIONS = frozenset({DocKind.TABLE, DocKind.FORM, DocKind.PLEDGE, DocKind.ORDER, DocKind.ANNOUNCEMENT})


@dataclass
class Regulation:
    document: Document
    score: float
    hits: list[Hit]
    why: list[str] = field(default_factory=list)


def can_govern(doc: Document, issues_others: bool, in_force_then: bool = False) -> bool:
    """A normative text in force (or, asked as of a day, in force that day) that does more than issue another."""
    in_force = doc.status is DocStatus.IN_FORCE or (in_force_then and doc.status is DocStatus.SUPERSEDED)
    return in_force and doc.kind not in _NOT_REGULATIONS and not issues_others


def govern(case: Query | str, retriever: Retriever, *, as_of: date | None = None) -> list[Regulation]:
    """Documents ranked by the share of the ranker's belief their provisions hold: the ranked provisions'
    scores become probabilities (softmax over the pool) and each document sums its own, so a text with
    several deciding articles outranks one lucky article of another — no weight is set by hand."""
    query = retriever.query(case, as_of) if isinstance(case, str) else case
    catalogue = retriever.catalogue
    issuing = {d.parent_id for d in catalogue.documents() if d.parent_id}
    # the case is embedded whole, as every question the ranker was fitted on: its content words alone
    # (cheaper) gave dense features the model never saw and moved a document past the one that decides
    hits = retriever.search(query, k=GOVERN_DEPTH)
    if not hits:
        return []
    scores = np.array([h.score for h in hits])
    weights = np.exp(scores - scores.max())
    weights /= weights.sum()
    grouped: dict[str, list[tuple[Hit, float]]] = {}
    for hit, weight in zip(hits, weights, strict=True):
        doc = hit.document
        if can_govern(doc, doc.id in issuing and doc.kind is DocKind.NOTICE, query.as_of is not None):
            grouped.setdefault(doc.id, []).append((hit, float(weight)))
    regulations = [
        Regulation(pairs[0][0].document, sum(w for _, w in pairs), [h for h, _ in pairs[:ARTICLES_PER_REGULATION]])
        for pairs in grouped.values()
    ]
    regulations.sort(key=lambda r: -r.score)
    for regulation in regulations[:MAX_REGULATIONS]:
        regulation.why = _why(query, regulation, retriever)
    return regulations[:MAX_REGULATIONS]


def _why(query: Query, regulation: Regulation, retriever: Retriever) -> list[str]:
    doc = regulation.document
    catalogue = retriever.catalogue
    profile = retriever.profile
    shared = _shared_terms(query, " ".join(h.unit.text for h in regulation.hits))
    why = []
    if shared:
        why.append("情形与条文共有：" + "、".join(shared[:6]))
    cue = profile.scope
    scope = next((s for s in catalogue.segments(doc.id) if cue.search(s.text)), None) if cue else None
    if scope is not None and cue is not None:
        flat = scope.text.replace("\n", "")  # the scope sentence may run over a broken source line
        sentence = next((m.group(0) for m in SENTENCE.finditer(flat) if cue.search(m.group(0))), flat)
        why.append(f"适用范围（{scope.locator}）：{sentence.strip()[:80]}")
    level = profile.issuer_level(doc.issuer or doc.title)
    if level:
        why.append(f"发文层级：{level}")
    if doc.provisional:
        why.append("该文件为试行/暂行")
    for rel in doc.relations:
        if rel.kind.value == "repeals":
            why.append(f"本文件{rel.locator or ''}规定《{rel.target_title}》同时废止")
    return why


def _shared_terms(query: Query, text: str) -> list[str]:
    """Case words that also stand in the articles, longest first: what ties the two together."""
    have = bigrams(text)
    grams = sorted(g for g in query.grams if g in have)
    terms: list[str] = []
    for run in re.findall(r"[\u4e00-\u9fff]{2,}", query.text):
        for size in range(min(len(run), 8), 1, -1):
            for i in range(len(run) - size + 1):
                piece = run[i : i + size]
                if piece in text and not any(piece in t for t in terms):
                    terms.append(piece)
    return sorted(terms, key=len, reverse=True) if terms else grams
