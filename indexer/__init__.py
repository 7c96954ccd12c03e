"""indexer: tokenise, embed, index, retrieve and answer. The llama-index and Milvus adapters are leaf
modules (indexer/llama.py, indexer/backends/) that nothing here imports."""

from indexer.answer import Answer, Citation, ask
from indexer.embed import Embedder, EmbeddingCache, load_embedder
from indexer.govern import Regulation, govern
from indexer.index import SearchIndex, build_index, load_index
from indexer.retrieve import Hit, Retriever

__all__ = [
    "Answer",
    "Citation",
    "Embedder",
    "EmbeddingCache",
    "Hit",
    "Regulation",
    "Retriever",
    "SearchIndex",
    "ask",
    "build_index",
    "govern",
    "load_embedder",
    "load_index",
]
