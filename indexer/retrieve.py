"""Hybrid retrieval: an exact citation in the query goes to the catalogue first; otherwise BM25
(jieba + domain dictionary) and dense (e5) scores are fused with weights chosen on the dev set."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date  # as-of filter (issue 11)

import bm25s
import numpy as np

from core import docnumber
from core.errors import PolicyDeskError
from core.locator import LOCATOR, canonical_locator
from core.text import normalise_text
from corpus import Catalogue, DocStatus, Document, Segment, SourceSpan
from indexer import rerank
from indexer.backends import LocalBackend, RetrievalBackend
from indexer.embed import Embedder
from indexer.framing import strip_framing
from indexer.index import BM25_B, BM25_K1, SearchIndex
from indexer.units import Unit, whole_provision

# Tunables (chosen on ../shared/eval, see bench/README.md): name → value
LEXICAL_WEIGHT = 0.45  # share of the fused score from BM25 (the rest from the dense score)
DENSE_CANDIDATES = 200  # dense neighbours considered per query
SUPERSEDED_FACTOR = 0.5  # a repealed text still shows, but below what replaced it
REFERENCED_DOC_BONUS = 0.35  # a query naming a 文号 or 《title》 favours that document's units
FRAME_FACTOR = 0.8  # 标题/主送/落款 units: metadata of a text, rarely what a question is about
EXACT_SCORE = 2.0  # an exact citation outranks every fused score

_REGION_PREFIX = re.compile(r"^(中共)?(云南省|昆明市|昆明地区|云南|昆明)")
UNQUOTED_TITLE_CHARS = 6  # a title named without 《》 counts from this length (the region prefix dropped)
_FRAME_LOCATORS = frozenset({"标题", "主送", "落款", "附件说明"})
_TITLE = re.compile(r"《([^《》]{2,80})》")


@dataclass(frozen=True, slots=True)
class Hit:
    unit: Unit
    document: Document
    segment: Segment
    score: float
    exact: bool = False

    @property
    def source(self) -> SourceSpan:
        """The lines of the hit's own text (a window or a whole provision) in its source file."""
        return SourceSpan(self.segment.source.file, self.unit.line_start, self.unit.line_end)


class Retriever:
    def __init__(
        self,
        catalogue: Catalogue,
        index: SearchIndex,
        embedder: Embedder | None,
        backend: RetrievalBackend | None = None,
    ) -> None:
        self.catalogue = catalogue
        self.index = index
        self.embedder = embedder if index.dense else None
        self.backend = backend if backend is not None else LocalBackend(index.bm25, index.vectors)
        self._doc_ordinals: dict[str, int] = {}
        for unit in index.units:
            self._doc_ordinals.setdefault(unit.doc_id, len(self._doc_ordinals))
        self._unit_doc = np.array([self._doc_ordinals[u.doc_id] for u in index.units], dtype=np.int32)
        self._status_factor = np.array([self._prior(u) for u in index.units], dtype=np.float32)
        doc_ids = list(self._doc_ordinals)
        self._titles = bm25s.BM25(k1=BM25_K1, b=BM25_B)
        self._titles.index(
            [index.tokeniser.tokens(catalogue.document(d).title) or ["∅"] for d in doc_ids], show_progress=False
        )
        self._named_titles = _unquoted_titles(catalogue.document(d) for d in doc_ids)
        self.bigram_idf = rerank.BigramIdf(u.lexical_text for u in index.units)
        self._units_by_segment: dict[str, list[Unit]] = {}
        for unit in index.units:
            self._units_by_segment.setdefault(unit.segment_id, []).append(unit)

    def _prior(self, unit: Unit) -> float:
        factor = SUPERSEDED_FACTOR if self.catalogue.document(unit.doc_id).status is DocStatus.SUPERSEDED else 1.0
        if self.catalogue.segment(unit.segment_id).locator in _FRAME_LOCATORS:
            factor *= FRAME_FACTOR
        return factor

    # -- public -----------------------------------------------------------------------------------
    def search(
        self, query: str, k: int = 10, query_vector: np.ndarray | None = None, *, as_of: date | None = None
    ) -> list[Hit]:
        query = strip_framing(query)
        exact = self.exact_hits(query)
        scores = self.fused_scores(query, query_vector)
        referenced = self.referenced_documents(query)
        bonus_docs = {d.id for d in referenced} | {d.parent_id for d in referenced if d.parent_id}
        bonus_docs |= {d.id for d in self.named_documents(query)}
        if bonus_docs:
            ordinals = [self._doc_ordinals[d] for d in bonus_docs if d in self._doc_ordinals]
            scores = scores + REFERENCED_DOC_BONUS * np.isin(self._unit_doc, ordinals)
        if as_of is not None:  # as-of filter (issue 11): only the texts in force that day
            in_force = self.catalogue.in_force_on(as_of)
            scores = scores * np.isin(self._unit_doc, [o for d, o in self._doc_ordinals.items() if d in in_force])
            then = [
                o
                for d, o in self._doc_ordinals.items()
                if d in in_force and self.catalogue.document(d).status is DocStatus.SUPERSEDED
            ]
            scores = np.where(np.isin(self._unit_doc, then), scores / SUPERSEDED_FACTOR, scores)  # in force that day
            exact = [h for h in exact if h.document.id in in_force]
        hits = list(exact)
        seen = {u.id for h in exact for u in self._units_by_segment.get(h.segment.id, [])}
        depth = max(k, rerank.RERANK_DEPTH)
        candidates = [int(i) for i in np.argsort(-scores)[:depth] if scores[i] > 0]
        reranked = rerank.rerank_scores(
            query,
            [float(scores[i]) for i in candidates],
            [self.index.units[i].lexical_text for i in candidates],
            self.bigram_idf,
        )
        for score, idx in sorted(zip(reranked, candidates, strict=True), key=lambda pair: -pair[0]):
            if len(hits) >= k:
                break
            if idx not in seen:
                hits.append(self._hit(self.index.units[idx], score))
        return hits[:k]

    def fused_scores(self, query: str, query_vector: np.ndarray | None = None) -> np.ndarray:
        tokens = self.index.tokeniser.tokens(query)
        lexical = self.lexical_scores(tokens, query)
        if self.embedder is None:
            return lexical * self._status_factor
        dense = self.dense_scores(query, query_vector)
        fused = LEXICAL_WEIGHT * lexical + (1 - LEXICAL_WEIGHT) * dense
        return fused * self._status_factor

    def title_match(self, text: str) -> dict[str, float]:
        """Per document: how well ``text`` names it (BM25 over the titles alone, the best scoring 1)."""
        known = [t for t in self.index.tokeniser.tokens(text) if t in self._titles.vocab_dict]
        if not known:
            return {}
        per_doc = self._titles.get_scores(known)
        top = float(per_doc.max())
        if top <= 0:
            return {}
        return {doc_id: float(per_doc[i]) / top for doc_id, i in self._doc_ordinals.items() if per_doc[i] > 0}

    def lexical_scores(self, tokens: list[str], query: str | None = None) -> np.ndarray:
        """BM25 per unit, scaled so the best unit scores 1 (the backend's analyzer may read ``query``)."""
        raw = self.backend.lexical_scores(" ".join(tokens) if query is None else query, tokens)
        top = raw.max() if raw.size else 0.0
        return raw / top if top > 0 else raw

    def dense_scores(self, query: str, query_vector: np.ndarray | None = None) -> np.ndarray:
        assert self.embedder is not None
        vector = query_vector if query_vector is not None else self.embed_query(query)
        sims = self.backend.dense_scores(vector, DENSE_CANDIDATES)
        n = min(DENSE_CANDIDATES, len(sims))
        top = np.partition(sims, -n)[-n:]
        floor, ceil = float(top.min()), float(top.max())
        if ceil <= floor:
            return np.zeros_like(sims)
        return np.clip((sims - floor) / (ceil - floor), 0.0, 1.0).astype(np.float32)

    def embed_query(self, query: str) -> np.ndarray:
        assert self.embedder is not None
        return self.embedder.embed_queries([query])[0]

    # -- exact references -------------------------------------------------------------------------
    def referenced_documents(self, query: str) -> list[Document]:
        docs: list[Document] = []
        for number in self.cited_numbers(query):
            docs.extend(self.catalogue.find_documents(number))
        for match in _TITLE.finditer(query):
            docs.extend(self.catalogue.find_documents(match.group(1)))
        return docs

    def cited_numbers(self, query: str) -> list[str]:
        """The 文号 the query names that the catalogue knows, each in its longest known reading."""
        found = []
        for _, number in docnumber.find(query):
            known = next((str(n) for n in number.readings() if self.catalogue.find_documents(str(n))), None)
            if known is not None:
                found.append(known)
        return found

    def named_documents(self, query: str) -> list[Document]:
        """Documents the query names by title without 《》 (their issuing notice is not meant)."""
        plain = normalise_text(query)
        return [self.catalogue.document(d) for name, d in self._named_titles if name in plain]

    def exact_hits(self, query: str) -> list[Hit]:
        """ "云职创〔2019〕3号第十八条" / "《云岭工匠选树管理办法》第八条" → that article, first."""
        refs = self.cited_numbers(query)
        refs += [m.group(1) for m in _TITLE.finditer(query)]
        locators = [m.group(0) for m in LOCATOR.finditer(query)]
        if not refs or not locators:
            return []
        hits: list[Hit] = []
        for ref in refs:
            for loc in locators:
                try:
                    seg = self.catalogue.lookup(ref, canonical_locator(loc))
                except (PolicyDeskError, ValueError):
                    continue
                if all(h.segment.id != seg.id for h in hits):
                    hits.append(self._hit(self._whole_article(seg), EXACT_SCORE, exact=True))
        return hits

    def _whole_article(self, seg: Segment) -> Unit:
        """The cited article as one unit: its own text and its 项/目, with the full line range."""
        return whole_provision(self.catalogue.document(seg.doc_id), seg, self.catalogue)

    def _hit(self, unit: Unit, score: float, exact: bool = False) -> Hit:
        return Hit(unit, self.catalogue.document(unit.doc_id), self.catalogue.segment(unit.segment_id), score, exact)


def _unquoted_titles(documents: Iterable[Document]) -> list[tuple[str, str]]:
    """(title without its region prefix, document id): staff name a text without 《》 and without
    "云南省" ("职工创新工作室推荐承诺书里要填什么"), which refers to it as surely as the quoted title."""
    out = []
    for doc in documents:
        name = _REGION_PREFIX.sub("", normalise_text(doc.title))
        if len(name) >= UNQUOTED_TITLE_CHARS:
            out.append((name, doc.id))
    return out
