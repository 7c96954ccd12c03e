"""Which regulation governs a described case: documents ranked by the articles that decide it.

Only normative texts in force can govern: news, summaries, letters and prefaces are never ranked,
nor is a text repealed by a later one, nor a notice whose only content is issuing another text.
Each regulation comes with a short why: the case's terms its articles share, its scope article
("本办法适用于……"), its issuing level, and what it repeals.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace  # replace: as-of filter (issue 11)
from datetime import date  # as-of filter (issue 11)

from core.sentences import SENTENCE
from corpus import DocKind, DocStatus, Document
from indexer.framing import strip_framing
from indexer.rerank import bigrams, query_bigrams
from indexer.retrieve import Hit, Retriever

# Tunables (chosen on the dev set; see bench/README.md)
GOVERN_DEPTH = 30  # hits pooled before grouping by document
ARTICLES_PER_REGULATION = 3
SUPPORT_DECAY = 0.35  # weight of a document's 2nd and 3rd best hits in its score
TITLE_MATCH_WEIGHT = 0.3  # a case that names a document's subject (竞赛工作经费) points to that document
MAX_REGULATIONS = 5

_NOT_REGULATIONS = frozenset(
    {DocKind.TABLE, DocKind.FORM, DocKind.PLEDGE, DocKind.ORDER, DocKind.ANNOUNCEMENT}
)  # 令/公告: issue 11
_SCOPE = re.compile(r"适用于|适用本|本办法所称|本规定所称|本细则所称")


@dataclass
class Regulation:
    document: Document
    score: float
    hits: list[Hit]
    why: list[str] = field(default_factory=list)


def can_govern(doc: Document, issues_others: bool) -> bool:
    return doc.status is DocStatus.IN_FORCE and doc.kind not in _NOT_REGULATIONS and not issues_others


def govern(case: str, retriever: Retriever, *, as_of: date | None = None) -> list[Regulation]:
    case = strip_framing(case)
    catalogue = retriever.catalogue
    issuing = {d.parent_id for d in catalogue.documents() if d.parent_id}
    grouped: dict[str, list[Hit]] = {}
    vector = retriever.embed_query(retriever.index.tokeniser.content_text(case)) if retriever.embedder else None
    for hit in retriever.search(case, k=GOVERN_DEPTH, query_vector=vector, as_of=as_of):  # as-of filter (issue 11)
        doc = hit.document
        if as_of is not None and doc.status is DocStatus.SUPERSEDED:  # as-of filter (issue 11): in force that day
            doc = replace(doc, status=DocStatus.IN_FORCE)
        if not can_govern(doc, doc.id in issuing and doc.kind is DocKind.NOTICE):
            continue
        grouped.setdefault(doc.id, []).append(hit)
    regulations = []
    named = retriever.title_match(case)
    for doc_id, hits in grouped.items():
        scores = sorted((h.score for h in hits), reverse=True)
        score = scores[0] + SUPPORT_DECAY * sum(scores[1:3]) + TITLE_MATCH_WEIGHT * named.get(doc_id, 0.0)
        regulations.append(Regulation(hits[0].document, score, hits[:ARTICLES_PER_REGULATION]))
    regulations.sort(key=lambda r: -r.score)
    for regulation in regulations[:MAX_REGULATIONS]:
        regulation.why = _why(case, regulation, retriever)
    return regulations[:MAX_REGULATIONS]


def _why(case: str, regulation: Regulation, retriever: Retriever) -> list[str]:
    doc = regulation.document
    catalogue = retriever.catalogue
    shared = _shared_terms(case, " ".join(h.unit.text for h in regulation.hits))
    why = []
    if shared:
        why.append("情形与条文共有：" + "、".join(shared[:6]))
    scope = next((s for s in catalogue.segments(doc.id) if _SCOPE.search(s.text)), None)
    if scope is not None:
        flat = scope.text.replace("\n", "")  # the scope sentence may run over a broken source line
        sentence = next((m.group(0) for m in SENTENCE.finditer(flat) if _SCOPE.search(m.group(0))), flat)
        why.append(f"适用范围（{scope.locator}）：{sentence.strip()[:80]}")
    level = _level(doc)
    if level:
        why.append(f"发文层级：{level}")
    if doc.provisional:
        why.append("该文件为试行/暂行")
    for rel in doc.relations:
        if rel.kind.value == "repeals":
            why.append(f"本文件{rel.locator or ''}规定《{rel.target_title}》同时废止")
    return why


def _shared_terms(case: str, text: str) -> list[str]:
    """Case words that also stand in the articles, longest first: what ties the two together."""
    have = bigrams(text)
    grams = [g for g in query_bigrams(case) if g in have]
    terms: list[str] = []
    for run in re.findall(r"[\u4e00-\u9fff]{2,}", case):
        for size in range(min(len(run), 8), 1, -1):
            for i in range(len(run) - size + 1):
                piece = run[i : i + size]
                if piece in text and not any(piece in t for t in terms):
                    terms.append(piece)
    return sorted(terms, key=len, reverse=True) if terms else grams


def _level(doc: Document) -> str | None:
    issuer = doc.issuer or doc.title
    if "全国" in issuer:
        return "全国"
    if "云南省" in issuer or issuer.startswith("中共云南省委"):
        return "省级"
    if "昆明" in issuer:
        return "市级（昆明）"
    return None
