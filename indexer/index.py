"""The search index of one generation: units, a bm25s lexical index and the unit vectors (a faiss flat
index on disk), saved beside the catalogue with the parameters they were built with. faiss is imported
only when there are vectors: a lexical-only build never loads it."""

from __future__ import annotations

import json
import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

import bm25s
import numpy as np

from core.errors import IndexMissing
from corpus import Catalogue
from indexer.embed import Embedder, EmbeddingCache
from indexer.tokenise import Tokeniser, domain_words
from indexer.units import Unit, build_units

INDEX_DIR = "index"
DENSE_FILE = "dense.faiss"
BM25_K1 = 1.2
BM25_B = 0.75
logging.getLogger("bm25s").setLevel(logging.WARNING)


@dataclass
class SearchIndex:
    units: list[Unit]
    tokeniser: Tokeniser
    bm25: bm25s.BM25
    vectors: np.ndarray | None  # unit vectors (normalised), None in lexical-only mode
    embed_model: str | None

    @property
    def dense(self) -> bool:
        return self.vectors is not None


def build_index(
    catalogue: Catalogue,
    directory: Path,
    embedder: Embedder | None,
    cache: EmbeddingCache | None,
    progress: Callable[[int], None] | None = None,
    stopwords: Iterable[str] = (),
) -> SearchIndex:
    """Units, BM25 (jieba with the corpus's own names, the profile's ``stopwords`` dropped) and vectors."""
    units = build_units(catalogue)
    docs = catalogue.documents()
    words = domain_words(
        [d.title for d in docs], (s.text for s in catalogue.segments()), [d.doc_number or "" for d in docs]
    )
    tokeniser = Tokeniser(words, stopwords)
    bm25 = bm25s.BM25(k1=BM25_K1, b=BM25_B)
    bm25.index([tokeniser.tokens(u.lexical_text) or ["∅"] for u in units], show_progress=False)
    vectors = None
    if embedder is not None and cache is not None:
        vectors = cache.passages(embedder, [u.index_text for u in units], progress=progress)
    index = SearchIndex(units, tokeniser, bm25, vectors, embedder.name if embedder else None)
    save_index(index, directory / INDEX_DIR)
    return index


def save_index(index: SearchIndex, directory: Path) -> None:
    directory.mkdir(parents=True, exist_ok=True)
    index.bm25.save(str(directory / "bm25"), show_progress=False)
    (directory / "units.json").write_text(
        json.dumps([u.to_dict() for u in index.units], ensure_ascii=False), encoding="utf-8"
    )
    params = {
        "bm25": {"k1": BM25_K1, "b": BM25_B},
        "tokeniser": {
            "dictionary_hash": index.tokeniser.fingerprint,
            "words": index.tokeniser.words,
            "stopwords": sorted(index.tokeniser.stopwords),
        },
        "embed_model": index.embed_model,
        "dim": int(index.vectors.shape[1]) if index.vectors is not None else None,
        "n_units": len(index.units),
    }
    (directory / "params.json").write_text(json.dumps(params, ensure_ascii=False), encoding="utf-8")
    if index.vectors is not None:
        import faiss  # leaf dependency: only the dense part needs it

        flat = faiss.IndexFlatIP(index.vectors.shape[1])
        flat.add(index.vectors)
        faiss.write_index(flat, str(directory / DENSE_FILE))


def load_index(generation: Path, embed_model: str | None) -> SearchIndex:
    """Load a saved index; refuse one built with a different embedding model than configured."""
    directory = generation / INDEX_DIR
    try:
        params = json.loads((directory / "params.json").read_text(encoding="utf-8"))
        units = [Unit.from_dict(row) for row in json.loads((directory / "units.json").read_text(encoding="utf-8"))]
        bm25 = bm25s.BM25.load(str(directory / "bm25"), show_progress=False)
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise IndexMissing(f"检索索引缺失或损坏（{type(exc).__name__}），请运行 policydesk build --force") from None
    tokeniser = Tokeniser(params["tokeniser"]["words"], params["tokeniser"].get("stopwords", ()))
    vectors = None
    built_with = params.get("embed_model")
    if embed_model is not None and built_with is not None:
        if built_with != embed_model:
            raise IndexMissing(
                f"索引用嵌入模型 {built_with} 构建，而当前配置为 {embed_model}；请运行 policydesk build --force"
            )
        import faiss

        flat = faiss.read_index(str(directory / DENSE_FILE))
        vectors = flat.reconstruct_n(0, flat.ntotal)
    return SearchIndex(units, tokeniser, bm25, vectors, built_with if vectors is not None else None)
