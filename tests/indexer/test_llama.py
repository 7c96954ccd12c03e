"""The llama-index adapter over the built seeds: units as TextNodes with metadata and relationships,
our hybrid retrieval behind llama-index's BaseRetriever, and no network anywhere."""

from __future__ import annotations

import socket
from pathlib import Path

import numpy as np
import pytest

pytest.importorskip("llama_index.core")

from llama_index.core import Settings
from llama_index.core.llms import MockLLM
from llama_index.core.schema import NodeRelationship, ObjectType, QueryBundle

from corpus import Catalogue
from indexer.index import build_index
from indexer.llama import LlamaEmbedding, LlamaRetriever, unit_nodes
from indexer.retrieve import Retriever
from policydesk import convert
from policydesk.desk import Desk
from policydesk.generations import CATALOGUE_FILE, DataDir

SKILLS_RULES = "云南省职工职业技能竞赛管理办法（试行）"
PROMOTION = "获得省级一类竞赛决赛第1名的选手，直接晋升技师职业资格"  # verbatim from 第十八条（二）
PROMOTION_LINE = 10482  # where 第十八条（二） starts in 002_bf8b8a8ab55a58df.txt


@pytest.fixture(autouse=True)
def no_network(monkeypatch: pytest.MonkeyPatch) -> None:
    """Any attempt to reach a non-loopback address (OpenAI, the HF hub, a tokenizer download) fails."""
    real_connect = socket.socket.connect

    def connect(self: socket.socket, address: object) -> None:
        host = address[0] if isinstance(address, tuple) else str(address)
        internet = self.family in (socket.AF_INET, socket.AF_INET6)
        if internet and host not in ("127.0.0.1", "::1", "localhost"):
            raise AssertionError(f"network access attempted: {address!r}")
        real_connect(self, address)  # type: ignore[arg-type]

    monkeypatch.setattr(socket.socket, "connect", connect)


@pytest.fixture()
def llama(desk: Desk) -> LlamaRetriever:
    return LlamaRetriever(desk.snapshot().retriever, similarity_top_k=5)


def test_network_defaults_are_off(llama: LlamaRetriever) -> None:
    assert isinstance(Settings.llm, MockLLM)
    assert isinstance(Settings.embed_model, LlamaEmbedding)
    assert llama.embed_model is Settings.embed_model


def test_the_quoted_article_comes_back_with_its_metadata(llama: LlamaRetriever) -> None:
    results = llama.retrieve(PROMOTION)
    assert len(results) == 5
    top = results[0]
    meta = top.node.metadata
    assert meta["doc_title"] == SKILLS_RULES
    assert meta["doc_number"] == "云职创〔2019〕3号"
    assert meta["locator"] == "第十八条"  # the provision that holds 第十八条（二）
    assert meta["file"] == "002_bf8b8a8ab55a58df.txt"
    assert meta["line_start"] <= PROMOTION_LINE <= meta["line_end"]
    assert PROMOTION in top.node.get_content()
    assert top.score is not None and top.score >= results[1].score  # type: ignore[operator]
    source = top.node.relationships[NodeRelationship.SOURCE]
    assert source.node_id == f"doc:{meta['doc_id']}"  # type: ignore[union-attr]
    assert source.node_type == ObjectType.DOCUMENT  # type: ignore[union-attr]


def test_same_hits_as_the_retriever_it_wraps(llama: LlamaRetriever, desk: Desk) -> None:
    question = "拿了省赛第一名有多少奖金？"
    ours = [convert.hit(h) for h in desk.snapshot().retriever.search(question, k=5)]
    theirs = llama.retrieve(question)
    assert [(n.node.metadata["locator"], n.node.metadata["line_start"]) for n in theirs] == [
        (h.locator, h.source.line_start) for h in ours
    ]
    assert [round(n.score or 0.0, 4) for n in theirs] == [h.score for h in ours]


def test_a_precomputed_query_embedding_is_used(llama: LlamaRetriever) -> None:
    question = "劳动法律监督员证的有效期是几年"
    embedding = llama.embed_model.get_query_embedding(question)
    with_vector = llama.retrieve(QueryBundle(question, embedding=embedding))
    assert [n.node.node_id for n in with_vector] == [n.node.node_id for n in llama.retrieve(question)]


def test_embed_model_keeps_the_query_prefix(llama: LlamaRetriever, desk: Desk) -> None:
    question = "云岭工匠的评选条件"
    ours = desk.snapshot().retriever.embed_query(question)
    assert np.allclose(np.asarray(llama.embed_model.get_query_embedding(question)), ours, atol=1e-6)


def test_an_exact_citation_returns_the_whole_article(llama: LlamaRetriever) -> None:
    top = llama.retrieve("云职创〔2019〕3号第十八条")[0]
    assert top.node.node_id.startswith("article:")
    assert top.node.metadata["locator"] == "第十八条"
    assert "（一）" in top.node.get_content() and "（二）" in top.node.get_content()


def test_relationships_link_windows_items_and_documents(llama: LlamaRetriever, desk: Desk) -> None:
    nodes = {n.node_id: n for n in llama.nodes}
    assert len(nodes) == len(desk.snapshot().index.units)
    assert all(NodeRelationship.SOURCE in n.relationships for n in nodes.values())
    linked = [n for n in nodes.values() if NodeRelationship.NEXT in n.relationships]
    assert linked, "long segments are cut into windows linked PREVIOUS/NEXT"
    for node in linked:
        following = nodes[node.relationships[NodeRelationship.NEXT].node_id]  # type: ignore[union-attr]
        assert following.relationships[NodeRelationship.PREVIOUS].node_id == node.node_id  # type: ignore[union-attr]
        assert following.metadata["segment_id"] == node.metadata["segment_id"]
    children = [n for n in nodes.values() if NodeRelationship.PARENT in n.relationships]
    assert children, "items whose article has text point to it as PARENT"
    for child in children:
        parent = nodes[child.relationships[NodeRelationship.PARENT].node_id]  # type: ignore[union-attr]
        assert parent.metadata["doc_id"] == child.metadata["doc_id"]
        listed = parent.relationships[NodeRelationship.CHILD]
        assert child.node_id in {info.node_id for info in listed}  # type: ignore[union-attr]


def test_lexical_only_index_needs_no_model(desk: Desk, tmp_path: Path) -> None:
    current = DataDir(desk.settings.home).current()
    assert current is not None
    catalogue = Catalogue.load(current / CATALOGUE_FILE)
    index = build_index(catalogue, tmp_path, None, None)
    llama = LlamaRetriever(Retriever(catalogue, index, None), similarity_top_k=3)
    assert llama.retrieve(PROMOTION)[0].node.metadata["locator"] == "第十八条"
    assert len(unit_nodes(catalogue, index.units)) == len(index.units)
