"""The default backend: bm25s over the Tokeniser's tokens and the unit vectors in memory."""

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
