"""The default backend: bm25s over the Tokeniser's tokens and the unit vectors in memory.

Dense scores come from one numpy matrix-vector product, not a faiss search: the Retriever needs the
similarity of every unit (it normalises against the best ``depth`` and fuses with BM25 unit by unit), not
only the nearest few, and for the thousands of units served here an exact flat scan is what faiss's
IndexFlatIP would compute as well. All numpy work of a query takes about 0.2 ms on the one BLAS thread the
Desk allows, so that it does not fight the embedder for the two cores (bench/README.md). faiss
remains the vectors' file format (indexer/index.py), which a larger deployment can open as an index."""

from __future__ import annotations

from collections.abc import Sequence

import bm25s
import numpy as np


class LocalBackend:
    name = "local"

    def __init__(self, bm25: bm25s.BM25, vectors: np.ndarray | None) -> None:
        self.bm25 = bm25
        self.vectors = vectors
        self._n = int(bm25.scores["num_docs"])

    def lexical_scores(self, query: str, tokens: Sequence[str]) -> np.ndarray:
        known = [t for t in tokens if t in self.bm25.vocab_dict]
        if not known:
            return np.zeros(self._n, dtype=np.float32)
        return self.bm25.get_scores(known).astype(np.float32)

    def dense_scores(self, vector: np.ndarray, depth: int) -> np.ndarray:
        if self.vectors is None:
            raise ValueError("dense_scores needs unit vectors; this index was built lexical-only")
        return self.vectors @ vector  # exact for every unit

    def close(self) -> None:
        return None
