"""The Milvus backend, run for real on milvus-lite over the built seeds: Milvus's own BM25 (jieba
analyzer) and its vector search behind the same Retriever as the embedded path."""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pytest

pytest.importorskip("pymilvus")
pytest.importorskip("milvus_lite")

from core.errors import IndexMissing, InvalidInput
from corpus import Catalogue
from indexer.backends import STORE_FILE, open_backend, parse_store, publish_store
from indexer.backends.milvus import MilvusBackend
from indexer.index import build_index, load_index
from indexer.retrieve import Retriever
from policydesk import convert
from policydesk.desk import Desk
from policydesk.generations import CATALOGUE_FILE, DataDir

SKILLS_RULES = "云南省职工职业技能竞赛管理办法（试行）"
PROMOTION = "获得省级一类竞赛决赛第1名的选手，直接晋升技师职业资格"  # verbatim from 第十八条（二）
SUPERVISOR = "委员产生后即取得监督资格"  # verbatim from the 实施细则 第十条


@pytest.fixture(scope="module")
def generation(built_home: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A private copy of the built seeds (publishing writes index/store.json into it)."""
    home = tmp_path_factory.mktemp("milvus-home") / "home"
    shutil.copytree(built_home, home, symlinks=True)
    current = DataDir(home).current()
    assert current is not None
    return current


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> str:
    return f"milvus://{tmp_path_factory.mktemp('milvus') / 'milvus.db'}"


@pytest.fixture(scope="module")
def record(generation: Path, store: str) -> dict:
    published = publish_store(store, generation)
    assert published is not None
    return published


@pytest.fixture(scope="module")
def milvus_retriever(generation: Path, store: str, record: dict, desk: Desk) -> Iterator[Retriever]:
    embedder = desk.embedder
    assert embedder is not None
    catalogue = Catalogue.load(generation / CATALOGUE_FILE)
    index = load_index(generation, embedder.name)
    backend = open_backend(store, generation, index)
    assert isinstance(backend, MilvusBackend)
    yield Retriever(catalogue, index, embedder, backend)
    backend.close()


def test_publish_records_where_the_units_are(generation: Path, record: dict, store: str) -> None:
    saved = json.loads((generation / "index" / STORE_FILE).read_text(encoding="utf-8"))
    assert saved == record
    assert record["backend"] == "milvus"
    assert record["uri"] == parse_store(store).uri
    assert record["collection"].startswith("policydesk_")
    assert record["units"] == len(load_index(generation, None).units)
    assert record["dense"] is True


def test_milvus_bm25_ranks_the_quoted_article_first(milvus_retriever: Retriever) -> None:
    scores = milvus_retriever.backend.lexical_scores(PROMOTION, [])
    top = milvus_retriever.index.units[int(np.argmax(scores))]
    segment = milvus_retriever.catalogue.segment(top.segment_id)
    assert (top.doc_title, segment.locator) == (SKILLS_RULES, "第十八条（二）")
    assert PROMOTION in top.text


@pytest.mark.parametrize(
    ("query", "title", "locator"),
    [
        (PROMOTION, SKILLS_RULES, "第十八条"),  # the provision that holds 第十八条（二）
        (SUPERVISOR, "云南省工会劳动法律监督条例实施细则", "第十条"),
        ("拿了省赛第一名有多少奖金？", SKILLS_RULES, None),
    ],
)
def test_hybrid_search_through_milvus(milvus_retriever: Retriever, query: str, title: str, locator: str | None) -> None:
    hits = milvus_retriever.search(query, k=5)
    assert hits, query
    top = convert.hit(hits[0])
    assert top.doc_title == title
    if locator is not None:
        assert top.locator == locator
    assert top.source.file.startswith("002_")
    assert top.source.line_start <= top.source.line_end


def test_milvus_vector_search_matches_the_embedded_vectors(milvus_retriever: Retriever) -> None:
    index = milvus_retriever.index
    assert index.vectors is not None
    vector = milvus_retriever.embed_query("云岭工匠的评选条件")
    expected = np.argsort(-(index.vectors @ vector))[:10]
    got = np.argsort(-milvus_retriever.backend.dense_scores(vector, 200))[:10]
    assert list(got) == list(expected)


def test_milvus_bm25_agrees_with_the_embedded_bm25_on_exact_phrases(milvus_retriever: Retriever, desk: Desk) -> None:
    local = desk.snapshot().retriever
    for phrase in (PROMOTION, SUPERVISOR):
        tokens = local.index.tokeniser.tokens(phrase)
        assert int(np.argmax(milvus_retriever.lexical_scores(tokens, phrase))) == int(
            np.argmax(local.lexical_scores(tokens, phrase))
        )


def test_a_short_collection_is_rewritten_and_an_unchanged_one_reused(generation: Path, tmp_path: Path) -> None:
    """A build killed half-way leaves a collection with missing rows: the next publish rewrites it."""
    from pymilvus import MilvusClient

    store = f"milvus://{tmp_path / 'repair.db'}"
    first = publish_store(store, generation)
    assert first is not None
    client = MilvusClient(uri=parse_store(store).uri)
    client.delete(first["collection"], ids=[0, 1, 2])
    client.close()
    with pytest.raises(IndexMissing, match="不完整"):
        open_backend(store, generation, load_index(generation, None))
    again = publish_store(store, generation)
    assert again == first
    backend = open_backend(store, generation, load_index(generation, None))
    assert backend.lexical_scores(SUPERVISOR, []).max() > 0
    backend.close()


def test_lexical_only_index_publishes_without_vectors(generation: Path, tmp_path: Path) -> None:
    catalogue = Catalogue.load(generation / CATALOGUE_FILE)
    lexical = tmp_path / "home" / "generations" / "lexical"
    index = build_index(catalogue, lexical, None, None)
    store = f"milvus://{tmp_path / 'lexical.db'}"
    record = publish_store(store, lexical)
    assert record is not None and record["dense"] is False
    backend = open_backend(store, lexical, index)
    retriever = Retriever(catalogue, index, None, backend)
    assert retriever.search(SUPERVISOR, k=1)[0].segment.locator == "第十条"
    with pytest.raises(ValueError, match="lexical-only"):
        backend.dense_scores(np.zeros(384, dtype=np.float32), 10)
    backend.close()


def test_open_refuses_a_generation_published_elsewhere(generation: Path, record: dict, tmp_path: Path) -> None:
    index = load_index(generation, None)
    with pytest.raises(IndexMissing, match="policydesk build --force"):
        open_backend(f"milvus://{tmp_path / 'other.db'}", generation, index)
    unpublished = tmp_path / "unpublished"
    (unpublished / "index").mkdir(parents=True)
    with pytest.raises(IndexMissing, match="未发布"):
        open_backend(f"milvus://{tmp_path / 'x.db'}", unpublished, index)


@pytest.mark.parametrize(
    ("value", "kind", "uri", "token"),
    [
        ("local", "local", "", ""),
        ("", "local", "", ""),
        ("milvus:///srv/pd/milvus.db", "milvus", "/srv/pd/milvus.db", ""),
        ("milvus://http://milvus.internal:19530", "milvus", "http://milvus.internal:19530", ""),
        ("milvus://milvus.internal:19530", "milvus", "http://milvus.internal:19530", ""),
        ("milvus://https://root:Milvus@milvus.internal:443", "milvus", "https://milvus.internal:443", "root:Milvus"),
    ],
)
def test_parse_store(value: str, kind: str, uri: str, token: str) -> None:
    config = parse_store(value)
    assert (config.kind, config.uri, config.token) == (kind, uri, token)
    assert config.embedded == (kind == "milvus" and not uri.startswith("http"))


@pytest.mark.parametrize("value", ["faiss", "milvus://", "elastic://host:9200"])
def test_parse_store_rejects_unknown_values(value: str) -> None:
    with pytest.raises(InvalidInput, match="POLICYDESK_STORE"):
        parse_store(value)


def test_desk_builds_and_serves_through_milvus(built_home: Path, tmp_path: Path) -> None:
    """POLICYDESK_STORE=milvus://… end to end: the build publishes, the Desk scores in Milvus."""
    from policydesk.build import build
    from policydesk.config import Settings

    home = tmp_path / "home"
    shutil.copytree(built_home, home, symlinks=True)
    settings = Settings(home=home, store=f"milvus://{tmp_path / 'desk.db'}")
    assert build(settings, progress=False).rebuilt  # a different store is a different build
    desk = Desk(settings)
    assert isinstance(desk.snapshot().retriever.backend, MilvusBackend)
    hits = desk.search(PROMOTION, k=3).hits
    assert hits[0].doc_title == SKILLS_RULES and hits[0].locator == "第十八条"  # the provision holding （二）
    assert desk.ask("拿了省赛第一名有多少奖金？").found
