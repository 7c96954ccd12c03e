"""An embedding model that counts the questions it embeds: tests of what is answered without embedding."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from indexer.answer import Answer, ask
from indexer.embed import Embedder
from indexer.retrieve import Retriever


class Counting:
    """The model, counting the questions it embeds."""

    def __init__(self, inner: Embedder) -> None:
        self.inner = inner
        self.name, self.dim = inner.name, inner.dim
        self.queries = 0

    def embed_queries(self, texts: Sequence[str]) -> np.ndarray:
        self.queries += len(texts)
        return self.inner.embed_queries(texts)

    def embed_passages(self, texts: Sequence[str]) -> np.ndarray:
        return self.inner.embed_passages(texts)


def ask_counting(retriever: Retriever, question: str) -> tuple[Answer, int]:
    """The answer, and how many questions were embedded to give it (the retriever's model is ``Counting``)."""
    counter = retriever.embedder
    assert isinstance(counter, Counting)
    before = counter.queries
    answer = ask(question, retriever)
    return answer, counter.queries - before
