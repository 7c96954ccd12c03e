"""Retrieval: an exact citation in the question goes to the catalogue first; otherwise candidate units
from BM25 (jieba + domain dictionary) and dense (e5) retrieval are grouped into provisions and ranked
by the learned ranker (indexer/ranker.py) over general features (indexer/features.py).

A hit is a provision — the 条 with its 款 and 项, or the smallest numbered section — because that is
what a person cites and reads; a sentence quoted from it is still cited to the 项 that holds it."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

import bm25s
import numpy as np

from core import docnumber
from core.errors import ArticleNotFound, PolicyDeskError
from core.locator import LOCATOR, MARKERS
from core.profile import Profile, load_profile
from core.text import normalise_text
from corpus import Catalogue, Document, Segment, SourceSpan
from indexer import overlap
from indexer.backends import LocalBackend, RetrievalBackend
from indexer.embed import Embedder
from indexer.features import Provisions, UnitTable, provision_features
from indexer.gate import Gate, LexicalEvidence, gated, load_gate
from indexer.index import BM25_B, BM25_K1, SearchIndex
from indexer.query import Query, analyse
from indexer.ranker import Ranker, load_ranker
from indexer.tokenise import Tokeniser
from indexer.units import Unit, whole_provision

EXACT_SCORE = 100.0  # an exact citation outranks every ranked provision
UNQUOTED_TITLE_CHARS = 6  # a title named without 《》 counts from this length (the region prefix dropped)…
MIN_NAME_CHARS = 3  # … and from this length right before an article it cites ("工会法第三条")
LONG_STEM_CHARS = 4  # a plain title whose stem this long stands in a held title names it ("劳动合同法" → …实施条例)


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


@dataclass(frozen=True)
class Ranking:
    hits: list[Hit]  # exact citations first, then the ranked provisions
    scores: np.ndarray  # the ranker's scores of the ranked (not exact) hits, in order
    rows: np.ndarray  # their feature rows
    n_exact: int
    lex_top: float  # the best unit's raw BM25 score
    dense: bool = True  # ranked with the dense part; False: lexical only (no embedding model, or skipped)
    vector: np.ndarray | None = None  # the question's embedding, when it was embedded: a second ranking reuses it

    @property
    def mode(self) -> str:
        """Which fitted models read this ranking: the answer step judges it with the matching one."""
        return "hybrid" if self.dense else "lexical"


class Retriever:
    def __init__(
        self,
        catalogue: Catalogue,
        index: SearchIndex,
        embedder: Embedder | None,
        backend: RetrievalBackend | None = None,
        profile: Profile | None = None,
        ranker: Ranker | None = None,
        cascade: bool = True,
    ) -> None:
        self.catalogue = catalogue
        self.index = index
        self.profile = profile if profile is not None else load_profile()
        self._rankers: dict[str, Ranker] = {} if ranker is None else {"hybrid": ranker, "lexical": ranker}
        self.embedder = embedder if index.dense else None
        # the lexical-first cascade (indexer/gate.py): fitted against the shipped rankers, so not with a given one
        self.gate: Gate | None = load_gate() if cascade and ranker is None and self.embedder is not None else None
        self.backend = backend if backend is not None else LocalBackend(index.bm25, index.vectors)
        self.table = UnitTable.build(index.units, catalogue)
        doc_ids = self.table.doc_ids
        self._titles = bm25s.BM25(k1=BM25_K1, b=BM25_B)
        self._titles.index(
            [index.tokeniser.tokens(catalogue.document(d).title) or ["∅"] for d in doc_ids], show_progress=False
        )
        self._named_titles = _unquoted_titles((catalogue.document(d) for d in doc_ids), self.profile)
        self._held_titles = _held_titles(catalogue.documents(), self.profile, index.tokeniser)
        self.bigram_idf = overlap.BigramIdf(u.lexical_text for u in index.units)

    @property
    def mode(self) -> str:
        """``hybrid`` with an embedding model, ``lexical`` without: which fitted models rank and judge."""
        return "hybrid" if self.embedder is not None else "lexical"

    @property
    def ranker(self) -> Ranker:
        """The learned ranker of this index's mode (the shipped model unless one was given)."""
        return self.ranker_for(dense=self.mode == "hybrid")

    @ranker.setter
    def ranker(self, ranker: Ranker) -> None:
        """Rank with another model (bench/fit_models.py scores a model it has just fitted). The cascade's
        gate was fitted against the shipped models, so it is off: every question is ranked in full."""
        self._rankers = {"hybrid": ranker, "lexical": ranker}
        self.gate = None

    def ranker_for(self, dense: bool) -> Ranker:
        """The model fitted for features with (hybrid) or without (lexical) the dense part; read on first use."""
        mode = "hybrid" if dense else "lexical"
        if mode not in self._rankers:
            self._rankers[mode] = load_ranker(mode)
        return self._rankers[mode]

    # -- public -----------------------------------------------------------------------------------
    def query(self, question: str, as_of: date | None = None) -> Query:
        """The question analysed once: every later stage reads this record."""
        return analyse(question, self.profile, self.index.tokeniser, as_of)

    def search(
        self, query: Query | str, k: int = 10, query_vector: np.ndarray | None = None, *, as_of: date | None = None
    ) -> list[Hit]:
        """The ``k`` best provisions: exact citations first, then the ranker's order (``as_of``: among the
        texts in force that day). A list of hits is read whole, so its ranked part is always found with
        the dense path."""
        return self.rank(query, k, query_vector, as_of=as_of, exact_skips_dense=False).hits

    def rank(
        self,
        query: Query | str,
        k: int = 10,
        query_vector: np.ndarray | None = None,
        *,
        as_of: date | None = None,
        exact_skips_dense: bool = True,
        within: frozenset[str] | None = None,
    ) -> Ranking:
        """The ``k`` best provisions with the ranker's scores and features of the ranked ones. To answer
        (the default), a question whose cited provisions decide the answer is not embedded
        (``_exact_decides``), nor one whose lexical ranking the cascade's gate trusts (``_lexical_decides``).
        ``within``: only the provisions of these documents are ranked (the gate is not asked)."""
        if isinstance(query, str):
            query = self.query(query, as_of)
        exact = self._exact_in_force(query)
        hits = list(exact)
        taken = {h.segment.id for h in exact}
        skip = exact_skips_dense and self._exact_decides(query, exact, query_vector)
        dense = self.embedder is not None and not skip
        lex_raw = self.backend.lexical_scores(query.text, list(query.tokens))  # scored once, for either path
        # a vector at hand is used as before; a ranking within named texts is not the gate's to decide
        may_skip = dense and exact_skips_dense and query_vector is None and within is None
        decided = self._lexical_decides(query, lex_raw) if may_skip else None
        if decided is not None:
            dense, (provisions, scores) = False, decided
        else:
            if dense and query_vector is None:
                query_vector = self.embed_query(query.text)
            provisions = self.candidates(query, query_vector, dense=dense, lex_raw=lex_raw, within=within)
            scores = self.ranker_for(dense=dense).score(provisions.matrix)
        ranked: list[int] = []
        for p in np.argsort(-scores, kind="stable"):
            if len(hits) >= k:
                break
            hit = self.provision_hit(int(provisions.ordinals[p]), int(provisions.best_unit[p]), float(scores[p]))
            if hit.segment.id not in taken:
                taken.add(hit.segment.id)
                hits.append(hit)
                ranked.append(int(p))
        order = np.array(ranked, dtype=np.int64)
        vector = query_vector if dense else None
        return Ranking(hits[:k], scores[order], provisions.matrix[order], len(exact), provisions.lex_top, dense, vector)

    def candidates(
        self,
        query: Query,
        query_vector: np.ndarray | None = None,
        *,
        dense: bool = True,
        lex_raw: np.ndarray | None = None,
        within: frozenset[str] | None = None,
    ) -> Provisions:
        """The candidate provisions of a question with their ranking features (``dense=False``: the
        dense features at zero and no embedding, as in a lexical-only index; ``lex_raw``: the question's
        BM25 scores when already computed)."""
        if lex_raw is None:
            lex_raw = self.backend.lexical_scores(query.text, list(query.tokens))
        scores = None
        if self.embedder is not None and dense:
            vector = query_vector if query_vector is not None else self.embed_query(query.text)
            scores = self.backend.dense_scores(vector, len(self.index.units))
        return provision_features(
            query,
            self.index.units,
            self.table,
            lex_raw,
            scores,
            self.bigram_idf.weigh(set(query.grams)),
            self.title_match(query.text),
            self.referenced_ids(query),
            self.profile,
            allowed=self._allowed(query.as_of, within),
        )

    # -- dense skip (issue 14) ---------------------------------------------------------------------
    def embeds(self, query: Query) -> bool:
        """Whether answering ``query`` (``rank`` on the answer path) embeds it: not when an exact citation
        decides it, nor when the cascade's gate trusts its lexical ranking (bench/load.py counts these)."""
        if self.embedder is None or self._exact_decides(query, self._exact_in_force(query), None):
            return False
        return self._lexical_decides(query, self.backend.lexical_scores(query.text, list(query.tokens))) is None

    def _exact_in_force(self, query: Query) -> list[Hit]:
        """The exact citations of ``query``; asked as of a day, a cited article of a text not in force
        that day does not answer."""
        exact = self.exact_hits(query)
        if query.as_of is not None:
            in_force = self.catalogue.in_force_on(query.as_of)
            exact = [h for h in exact if h.document.id in in_force]
        return exact

    def _exact_decides(self, query: Query, exact: list[Hit], query_vector: np.ndarray | None) -> bool:
        """Whether the cited provisions decide the answer, so the question need not be embedded: its 文号
        or 《title》 + article resolved to held provisions, which outrank every ranked one and settle
        answerability; a value asked for (an amount, a date) stands in one of them — else the ranked
        provisions may have to state it and are found as before. The embedding is most of a request's
        CPU; a vector already at hand is used as before."""
        if not exact or query_vector is not None:
            return False
        kind = query.kind
        return kind is None or not kind.required or any(self.profile.holds(kind, h.unit.text) for h in exact)

    def _lexical_decides(self, query: Query, lex_raw: np.ndarray) -> tuple[Provisions, np.ndarray] | None:
        """The lexical ranking (candidates, scores) when the cascade's gate trusts it to give the answer
        the full ranking would, so the question is not embedded; else None (and the question is ranked in
        full, with these BM25 scores). About a third of the staff questions on the seeds are decided
        here; the embedding is ~3/4 of an ask's CPU."""
        if self.gate is None or not gated(query):
            return None
        lexical = self.candidates(query, dense=False, lex_raw=lex_raw)
        scores = self.ranker_for(dense=False).score(lexical.matrix)
        return (lexical, scores) if self.gate.trusts(self.lexical_evidence(query, scores)) else None

    def lexical_evidence(self, query: Query, scores: np.ndarray) -> LexicalEvidence:
        """What the gate reads of a lexical ranking (bench/fit_gate.py fits it on the same record)."""
        return LexicalEvidence(-np.sort(-scores)[:2])

    def _allowed(self, as_of: date | None, within: frozenset[str] | None = None) -> np.ndarray | None:
        """Units whose document was in force on ``as_of`` (None: the texts in force now), of the
        documents ``within`` when given."""
        if as_of is None and within is None:
            return None
        if as_of is None:
            mask = self.table.in_force.copy()
        else:
            in_force = self.catalogue.in_force_on(as_of)
            mask = np.array([d in in_force for d in self.table.doc_ids], dtype=bool)[self.table.doc]
        if within is not None:
            mask &= np.array([d in within for d in self.table.doc_ids], dtype=bool)[self.table.doc]
        return mask

    def title_match(self, text: str) -> dict[str, float]:
        """Per document: how well ``text`` names it (BM25 over the titles alone, the best scoring 1)."""
        known = [t for t in self.index.tokeniser.tokens(text) if t in self._titles.vocab_dict]
        if not known:
            return {}
        per_doc = self._titles.get_scores(known)
        top = float(per_doc.max())
        if top <= 0:
            return {}
        return {doc_id: float(per_doc[i]) / top for i, doc_id in enumerate(self.table.doc_ids) if per_doc[i] > 0}

    def lexical_scores(self, tokens: list[str], query: str | None = None) -> np.ndarray:
        """BM25 per unit, scaled so the best unit scores 1 (the backend's analyzer may read ``query``)."""
        raw = self.backend.lexical_scores(" ".join(tokens) if query is None else query, tokens)
        top = raw.max() if raw.size else 0.0
        return raw / top if top > 0 else raw

    def embed_query(self, text: str) -> np.ndarray:
        assert self.embedder is not None
        return self.embedder.embed_queries([text])[0]

    # -- documents the question names -------------------------------------------------------------
    def referenced_documents(self, query: Query) -> list[Document]:
        """Documents named by 文号 or 《title》 that the catalogue holds."""
        docs: list[Document] = []
        for number in self.cited_numbers(query):
            docs.extend(self.catalogue.find_documents(number))
        for title in query.titles:
            docs.extend(self.titled_documents(title))
        return docs

    def titled_documents(self, title: str) -> list[Document]:
        """Held documents a 《title》 names: the title itself, or a shortening that ends where a held title
        ends (《工会法》 → 中华人民共和国工会法, the region dropped on both sides), never a run inside a
        longer word (《劳动法》 is not 云南省工会劳动法律监督条例实施细则, nor any text when none is held)."""
        docs = self.catalogue.find_documents(title)
        cues = self.profile.titles
        if cues is None:
            return docs
        asked = normalise_text(title).strip("《》")
        name = self.profile.without_region(asked)
        return [
            d
            for d in docs
            if normalise_text(d.title) == asked
            or cues.ends_title(self.profile.without_region(normalise_text(d.title)), name)
        ]

    def named_texts(self, query: Query) -> frozenset[str]:
        """The held documents the question names by 文号 or 《title》, with the texts they issue (a 通知's
        attached 办法): where "国务院令第375号里……" asks to be answered from."""
        named = {d.id for d in self.referenced_documents(query)}
        return frozenset(named | {d.id for d in self.catalogue.documents() if d.parent_id in named})

    def referenced_ids(self, query: Query) -> frozenset[str]:
        referenced = self.referenced_documents(query)
        ids = {d.id for d in referenced} | {d.parent_id for d in referenced if d.parent_id}
        return frozenset(ids | {d.id for d in self.named_documents(query)})

    def cited_numbers(self, query: Query) -> list[str]:
        """The 文号 the question names that the catalogue knows, each in its longest known reading."""
        found = []
        for _, number in docnumber.find(query.text):
            known = next((str(n) for n in number.readings() if self.catalogue.find_documents(str(n))), None)
            if known is not None:
                found.append(known)
        return found

    def unknown_documents(self, query: Query) -> list[str]:
        """文号 and 《titles》 the question names that the catalogue does not hold."""
        unknown = [
            str(number)
            for _, number in docnumber.find(query.text)
            if not any(self.catalogue.find_documents(str(n)) for n in number.readings())
        ]
        unknown += [f"《{t}》" for t in query.titles if not self.titled_documents(t)]
        return unknown + [f"《{t}》" for t in self.unheld_plain_titles(query)]

    def unheld_plain_titles(self, query: Query) -> list[str]:
        """The titles the question names without 《》 when none of them is a held text: each compared
        with every held title, its region dropped, as a person shortens one — a part of it ("年休假条例"),
        its words in order with one gap ("女职工特别规定", "工伤条例"), or most of its words ("技术交流补助
        办法"). A question that also names a held text plainly asks about that one. A title read as held
        that is not costs nothing (the question is answered as before); one read as unheld that is held
        would refuse an answerable question, so the comparison leans to "held"."""
        if not query.plain_titles or self.named_documents(query):
            return []
        if any(self._holds_title(name) for name in query.plain_titles):
            return []
        return list(query.plain_titles)

    def _holds_title(self, name: str) -> bool:
        cues = self.profile.titles
        plain = self.profile.without_region(normalise_text(name))
        parts = cues.split(plain) if cues is not None else None
        if cues is None or parts is None:
            return True
        stem, kind = parts
        words = set(self.index.tokeniser.words_of(stem))
        for held in self._held_titles:
            if cues.ends_title(held.title, plain) or (len(stem) >= LONG_STEM_CHARS and stem in held.title):
                return True
            if kind == held.kind and _pieces(stem, held.stem) <= 2:
                return True
            shared = words & held.words
            if len(shared) >= 2 and 2 * len(shared) > len(words):
                return True
        return False

    def named_documents(self, query: Query) -> list[Document]:
        """Documents the question names by title without 《》 (their issuing notice is not meant): a
        long title anywhere, a short one ("工会法", its state prefix dropped) right before an article."""
        plain = normalise_text(query.text)
        before_article = [plain[: m.start()].rstrip("的 ") for m in LOCATOR.finditer(plain)]
        return [
            self.catalogue.document(d)
            for name, d in self._named_titles
            if (len(name) >= UNQUOTED_TITLE_CHARS and name in plain)
            or any(text.endswith(name) for text in before_article)
        ]

    def exact_hits(self, query: Query) -> list[Hit]:
        """ "云职创〔2019〕3号第十八条" / "《云岭工匠选树管理办法》第八条" / "工会法第3条" → that article, first."""
        return self._cited_articles(query)[0]

    def missing_articles(self, query: Query) -> list[str]:
        """What the question cites that its named documents do not have ("《…工会法》中没有 第六十条"), when
        nothing it cites exists: such a question is answered "not found", not with a neighbouring article."""
        hits, missing = self._cited_articles(query)
        return [] if hits else missing

    def _cited_articles(self, query: Query) -> tuple[list[Hit], list[str]]:
        """The articles a question cites (a document named by 文号, 《title》 or plain title, and a
        locator), and the citations that name no held article. A cited item its article lacks
        ("第十八条（九）") falls back to the article."""
        if not query.locators:
            return [], []
        titles = [t for t in query.titles if self.titled_documents(t)]
        refs = self.cited_numbers(query) + titles + [d.id for d in self.named_documents(query)]
        hits: list[Hit] = []
        missing: list[str] = []
        for ref in dict.fromkeys(refs):
            for loc in query.locators:
                seg = None
                for wanted in dict.fromkeys((loc, _article_part(loc))):
                    try:
                        seg = self.catalogue.lookup(ref, wanted)
                        break
                    except ArticleNotFound as exc:
                        missing.append(str(exc))
                    except (PolicyDeskError, ValueError):
                        break
                if seg is not None and all(h.segment.id != seg.id for h in hits):
                    hits.append(self._hit(self._whole_article(seg), EXACT_SCORE, exact=True))
        return hits, list(dict.fromkeys(missing))

    # -- hits -------------------------------------------------------------------------------------
    def provision_hit(self, provision: int, best_unit: int, score: float) -> Hit:
        """A provision as a hit: a 条 whole (with its 款 and 项), else the best unit of its section."""
        if self.table.article_of[provision]:
            seg = self.catalogue.segment(self.table.provision_ids[provision])
            return self._hit(self._whole_article(seg), score)
        return self._hit(self.index.units[best_unit], score)

    def _whole_article(self, seg: Segment) -> Unit:
        """The article as one unit: its own text and its 款/项/目, with the full line range."""
        return whole_provision(self.catalogue.document(seg.doc_id), seg, self.catalogue)

    def _hit(self, unit: Unit, score: float, exact: bool = False) -> Hit:
        return Hit(unit, self.catalogue.document(unit.doc_id), self.catalogue.segment(unit.segment_id), score, exact)


def _unquoted_titles(documents: Iterable[Document], profile: Profile) -> list[tuple[str, str]]:
    """(title without its region prefix, document id): staff name a text without 《》 and without its
    region, which refers to it as surely as the quoted title (the prefixes are the profile's)."""
    out = []
    for doc in documents:
        name = profile.without_region(normalise_text(doc.title))
        if len(name) >= MIN_NAME_CHARS:
            out.append((name, doc.id))
    return out


@dataclass(frozen=True, slots=True)
class _HeldTitle:
    """A held title as a plain name is compared with it (``Retriever.unheld_plain_titles``)."""

    title: str  # normalised, the region prefix dropped
    stem: str  # before its kind ("工伤保险" of 工伤保险条例); the whole title when it ends in no kind
    kind: str  # 条例, 办法…, or ""
    words: frozenset[str]  # content words of the title


def _held_titles(documents: Iterable[Document], profile: Profile, tokeniser: Tokeniser) -> list[_HeldTitle]:
    out = []
    for doc in documents:
        title = profile.without_region(normalise_text(doc.title))
        parts = profile.titles.split(title) if profile.titles is not None else None
        stem, kind = parts if parts is not None else (title, "")
        out.append(_HeldTitle(title, stem, kind, frozenset(tokeniser.words_of(title))))
    return out


def _pieces(part: str, whole: str) -> int | float:
    """In how many runs ``part`` stands in ``whole`` in order (the longest run first each time);
    infinity when it does not."""
    i = j = count = 0
    while i < len(part):
        for length in range(len(part) - i, 0, -1):
            at = whole.find(part[i : i + length], j)
            if at >= 0:
                i, j, count = i + length, at + length, count + 1
                break
        else:
            return float("inf")
    return count


def _article_part(locator: str) -> str:
    """ "第十八条（一）" → "第十八条": the article a cited item belongs to (the locator itself otherwise)."""
    match = MARKERS["article"].match(locator)
    return match.group(0) if match else locator
