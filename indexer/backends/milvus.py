"""Milvus backend: each generation's units in one collection, scored by Milvus itself.

The collection holds the unit id (primary key), its text (a VARCHAR analysed by Milvus's jieba
tokenizer with the corpus's own domain dictionary and the profile's stopwords), the BM25 sparse vector that
Milvus's BM25 Function derives from that text, and the unit's dense vector (FLOAT_VECTOR, inner
product on normalised vectors = cosine). Queries send the raw text for BM25 full-text search and the
query embedding for vector search; grouping, ranking and citations stay in the Retriever.

The collection is named after its content (units, vectors, analyzer), so a rebuild that changes
nothing reuses it, and a generation is never served from a half-written collection: one whose row
count is short (a killed build) is dropped and written again. ``milvus:///path.db`` runs milvus-lite
embedded in this process (it locks the file: one process at a time); an http address is a cluster.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

from core.errors import BuildError, IndexMissing
from indexer.index import BM25_B, BM25_K1, DENSE_FILE, INDEX_DIR, SearchIndex, load_index
from indexer.tokenise import fold_counted_numerals

if TYPE_CHECKING:
    from indexer.backends import StoreConfig

COLLECTION_PREFIX = "policydesk_"
LEXICAL_DEPTH = 200  # BM25 hits asked of Milvus per query; below them a unit scores 0, as below the 200th
# dense neighbour (retrieve.DENSE_CANDIDATES): same dev figures as 1,000 hits, a quarter of the time
INSERT_BATCH = 256
TEXT_MAX_BYTES = 65_535  # Milvus's VARCHAR limit
DENSE_INDEX = {"index_type": "FLAT", "metric_type": "IP"}  # exact, like the embedded path
ANALYZER_VERSION = "1"  # bump when analyzer_params() or milvus_text() change what is indexed
_NOT_A_WORD = re.compile(r"[^\u3400-\u9fff0-9A-Za-z]+")
_CJK_WORD = re.compile(r"[\u4e00-\u9fff]+")


def milvus_text(text: str) -> str:
    """What Milvus's analyzer reads: counted numerals folded as our tokeniser folds them (第一名 → 第1名),
    punctuation turned into spaces (jieba would index "，" as a term), lower case."""
    return _NOT_A_WORD.sub(" ", fold_counted_numerals(text)).strip().lower()


def analyzer_words(index: SearchIndex) -> list[str]:
    """The corpus's own names (the Tokeniser's domain dictionary) and the character bigrams of its
    longer words: given these, jieba's search mode emits the bigrams the embedded tokeniser adds, so
    colloquial rewording still overlaps (chosen for agreement with the embedded BM25 ranking).
    Names come first: jieba sizes each added word by how it cuts it at that moment, so order matters."""
    names = list(index.tokeniser.words)
    grams: set[str] = set()
    for unit in index.units:
        for word in index.tokeniser.words_of(unit.lexical_text):
            if len(word) > 2 and _CJK_WORD.fullmatch(word):
                grams.update(word[i : i + 2] for i in range(len(word) - 1))
    return names + sorted(grams - set(names))


def analyzer_params(words: Sequence[str], stopwords: Sequence[str] = ()) -> dict[str, Any]:
    """jieba (search mode) with ``words`` added to its default dictionary, and the profile's stopwords."""
    return {
        "tokenizer": {"type": "jieba", "dict": ["_default_", *words], "mode": "search"},
        "filter": [{"type": "stop", "stop_words": sorted(stopwords)}],
    }


def publish(config: StoreConfig, generation: Path) -> dict[str, Any]:
    """Write the generation's units into their collection (or reuse an identical one); the record
    says where they are, for ``index/store.json``."""
    directory = generation / INDEX_DIR
    params = json.loads((directory / "params.json").read_text(encoding="utf-8"))
    index = load_index(generation, params.get("embed_model"))
    words = analyzer_words(index)
    name = collection_name(generation.parent.parent, directory, words)
    client = _connect(config, BuildError)
    try:
        if client.has_collection(name) and _count(client, name) != len(index.units):
            client.drop_collection(name)  # left short by a build that was killed
        if not client.has_collection(name):
            dim = index.vectors.shape[1] if index.vectors is not None else None
            _create(client, name, words, sorted(index.tokeniser.stopwords), dim, config.embedded)
            rows = [_row(u.id, u.lexical_text, index.vectors) for u in index.units]
            for start in range(0, len(rows), INSERT_BATCH):
                client.insert(name, rows[start : start + INSERT_BATCH])
            client.flush(name)
            if _count(client, name) != len(index.units):
                raise BuildError(f"Milvus 集合 {name} 写入不完整，请重试 policydesk build --force")
        _drop_unreferenced(client, generation, name)
    finally:
        client.close()
    return {
        "backend": "milvus",
        "uri": config.uri,
        "collection": name,
        "units": len(index.units),
        "dense": index.vectors is not None,
        "analyzer": analyzer_params(words)["tokenizer"]["type"],
        "bm25": {"k1": BM25_K1, "b": BM25_B},
    }


def collection_name(home: Path, directory: Path, words: Sequence[str]) -> str:
    """policydesk_<data dir>_<content>: one data directory never drops another's collections."""
    content = hashlib.sha256(ANALYZER_VERSION.encode())
    for file in ("units.json", DENSE_FILE):
        if (directory / file).is_file():
            content.update((directory / file).read_bytes())
    content.update("\n".join(words).encode())
    owner = hashlib.sha256(str(home.resolve()).encode()).hexdigest()[:8]
    return f"{COLLECTION_PREFIX}{owner}_{content.hexdigest()[:16]}"


class MilvusBackend:
    name = "milvus"

    def __init__(self, client: Any, collection: str, n_units: int, dense: bool) -> None:
        self._client = client
        self.collection = collection
        self._n = n_units
        self._dense = dense

    @classmethod
    def open(cls, config: StoreConfig, record: dict[str, Any], n_units: int) -> MilvusBackend:
        if record.get("uri") != config.uri:
            raise IndexMissing(
                f"当前索引发布在 {record.get('uri')}，而配置为 {config.uri}；请运行 policydesk build --force"
            )
        client = _connect(config, IndexMissing)
        name = record["collection"]
        if not client.has_collection(name) or _count(client, name) != n_units:
            client.close()
            raise IndexMissing(f"Milvus 中缺少或不完整的集合 {name}，请运行 policydesk build --force")
        client.load_collection(name)
        return cls(client, name, n_units, bool(record.get("dense")))

    def lexical_scores(self, query: str, tokens: Sequence[str]) -> np.ndarray:
        scores = np.zeros(self._n, dtype=np.float32)
        text = milvus_text(query)
        if not text:
            return scores
        hits = self._client.search(
            self.collection,
            data=[text],
            anns_field="sparse",
            limit=min(LEXICAL_DEPTH, self._n),
            search_params={"metric_type": "BM25"},
            output_fields=[],
        )[0]
        for hit in hits:
            # Milvus reports the BM25 score as the distance; milvus-lite negates it (smaller = closer)
            scores[int(hit["id"])] = abs(float(hit["distance"]))
        return scores

    def dense_scores(self, vector: np.ndarray, depth: int) -> np.ndarray:
        if not self._dense:
            raise ValueError("dense_scores needs unit vectors; this collection was built lexical-only")
        hits = self._client.search(
            self.collection,
            data=[np.asarray(vector, dtype=np.float32).tolist()],
            anns_field="dense",
            limit=min(depth, self._n),
            search_params={"metric_type": DENSE_INDEX["metric_type"]},
            output_fields=[],
        )[0]
        if not hits:
            return np.zeros(self._n, dtype=np.float32)
        values = [float(h["distance"]) for h in hits]
        sims = np.full(self._n, min(values), dtype=np.float32)  # the unreturned rank below the depth-th
        sims[[int(h["id"]) for h in hits]] = values
        return sims

    def close(self) -> None:
        self._client.close()


def _connect(config: StoreConfig, error: type[Exception]) -> Any:
    try:
        from pymilvus import MilvusClient
    except ImportError:
        raise error("POLICYDESK_STORE 选用了 Milvus，但未安装 pymilvus：pip install 'policydesk[milvus]'") from None
    if config.embedded:
        Path(config.uri).parent.mkdir(parents=True, exist_ok=True)
    try:
        return MilvusClient(uri=config.uri, token=config.token)
    except Exception as exc:  # pymilvus raises many types (connection, config, lock held)
        hint = "（milvus-lite 的数据文件同一时间只能由一个进程打开）" if config.embedded else ""
        raise error(f"无法连接 Milvus {config.uri}：{type(exc).__name__}{hint}") from None


def _create(
    client: Any, name: str, words: Sequence[str], stopwords: Sequence[str], dim: int | None, embedded: bool
) -> None:
    from pymilvus import DataType, Function, FunctionType

    schema = client.create_schema(auto_id=False, enable_dynamic_field=False)
    schema.add_field("id", DataType.INT64, is_primary=True)
    schema.add_field(
        "text",
        DataType.VARCHAR,
        max_length=TEXT_MAX_BYTES,
        enable_analyzer=True,
        analyzer_params=analyzer_params(words, stopwords),
    )
    schema.add_field("sparse", DataType.SPARSE_FLOAT_VECTOR)
    schema.add_function(
        Function(
            name="text_bm25", function_type=FunctionType.BM25, input_field_names=["text"], output_field_names=["sparse"]
        )
    )
    tuning: dict[str, Any] = {"bm25_k1": BM25_K1, "bm25_b": BM25_B}
    if embedded:  # pymilvus 3 sends each param as its own key; milvus-lite 3.2 reads only a JSON "params"
        tuning["params"] = json.dumps(tuning)
    index_params = client.prepare_index_params()
    index_params.add_index("sparse", index_type="SPARSE_INVERTED_INDEX", metric_type="BM25", params=tuning)
    if dim is not None:
        schema.add_field("dense", DataType.FLOAT_VECTOR, dim=dim)
        index_params.add_index("dense", **DENSE_INDEX)
    client.create_collection(name, schema=schema, index_params=index_params, consistency_level="Strong")


def _row(unit_id: int, text: str, vectors: np.ndarray | None) -> dict[str, Any]:
    body = milvus_text(text)
    while len(body.encode()) > TEXT_MAX_BYTES:
        body = body[: len(body) * 9 // 10]
    row: dict[str, Any] = {"id": unit_id, "text": body}
    if vectors is not None:
        row["dense"] = vectors[unit_id].tolist()  # unit ids are positions
    return row


def _count(client: Any, name: str) -> int:
    rows = client.query(name, filter="", output_fields=["count(*)"])
    return int(rows[0]["count(*)"]) if rows else 0


def _drop_unreferenced(client: Any, generation: Path, keep: str) -> None:
    """Drop this data directory's collections that no generation on disk refers to any more."""
    referenced = {keep}
    for store_file in generation.parent.glob(f"*/{INDEX_DIR}/store.json"):
        try:
            referenced.add(json.loads(store_file.read_text(encoding="utf-8"))["collection"])
        except (OSError, ValueError, KeyError):
            continue
    owner = keep.rsplit("_", 1)[0] + "_"
    for name in client.list_collections():
        if name.startswith(owner) and name not in referenced:
            client.drop_collection(name)
