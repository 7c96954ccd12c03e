"""Generation time per document kind, on the shipped examples.

    python bench/generate.py [--runs 30] [--json bench/results.json]

Prints the machine, the repeat count, and mean / p50 / p95 / max milliseconds per kind against the
50 ms target; the first (cold) run of each kind is reported separately and excluded from the
statistics. Also times check_docx on each output and a 1,000-nominee 承诺书 (stress, no target).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import sys
import time
from collections.abc import Callable
from importlib import metadata
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import generators  # noqa: E402

TARGET_MS = 50.0


def machine() -> dict[str, object]:
    def version(pkg: str) -> str:
        try:
            return metadata.version(pkg)
        except metadata.PackageNotFoundError:
            return "?"

    return {
        "python": platform.python_version(),
        "platform": platform.platform(),
        "processor": platform.processor() or platform.machine(),
        "cpus": os.cpu_count(),
        "python-docx": version("python-docx"),
        "lxml": version("lxml"),
        "pydantic": version("pydantic"),
    }


def timed(fn: Callable[[], object], runs: int) -> dict[str, float]:
    started = time.perf_counter()
    fn()
    cold = (time.perf_counter() - started) * 1000
    samples = []
    for _ in range(runs):
        started = time.perf_counter()
        fn()
        samples.append((time.perf_counter() - started) * 1000)
    samples.sort()
    return {
        "cold_ms": round(cold, 2),
        "mean_ms": round(statistics.fmean(samples), 2),
        "p50_ms": round(statistics.median(samples), 2),
        "p95_ms": round(samples[min(len(samples) - 1, int(len(samples) * 0.95))], 2),
        "max_ms": round(samples[-1], 2),
        "runs": runs,
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=30)
    parser.add_argument("--json", type=Path, help="also write the results here")
    args = parser.parse_args()

    payloads = {k: json.loads((ROOT / "examples" / f"{k}.json").read_text(encoding="utf-8")) for k in generators.KINDS}
    results: dict[str, object] = {"machine": machine(), "target_ms": TARGET_MS, "generate": {}, "check": {}}
    info = results["machine"]
    print(
        f"machine: {info['processor']}, {info['cpus']} cpus, {info['platform']}, Python {info['python']}, "
        f"python-docx {info['python-docx']}"
    )
    print(f"dataset: examples/{{notice,plan,pledge}}.json; {args.runs} timed runs after 1 cold run\n")
    print(f"{'kind':<16}{'cold':>9}{'mean':>9}{'p50':>9}{'p95':>9}{'max':>9}   target")
    ok = True
    for kind, payload in payloads.items():
        stats = timed(lambda kind=kind, payload=payload: generators.generate(kind, payload), args.runs)
        results["generate"][kind] = stats  # type: ignore[index]
        passed = stats["p50_ms"] <= TARGET_MS
        ok &= passed
        verdict = f"{'ok' if passed else 'SLOW'} (≤{TARGET_MS:g} ms)"
        print(
            f"{kind:<16}{stats['cold_ms']:>9.1f}{stats['mean_ms']:>9.1f}{stats['p50_ms']:>9.1f}"
            f"{stats['p95_ms']:>9.1f}{stats['max_ms']:>9.1f}   {verdict}"
        )
    big = dict(payloads["pledge"])
    base = big["nominees"][0]
    big["nominees"] = [base | {"name": f"申报人{i}"} for i in range(1000)]
    stress = timed(lambda: generators.generate("pledge", big), max(3, args.runs // 10))
    results["generate"]["pledge_1000_nominees"] = stress  # type: ignore[index]
    print(
        f"{'pledge ×1000':<16}{stress['cold_ms']:>9.1f}{stress['mean_ms']:>9.1f}{stress['p50_ms']:>9.1f}"
        f"{stress['p95_ms']:>9.1f}{stress['max_ms']:>9.1f}   (stress, no target)"
    )
    print()
    for kind, payload in payloads.items():
        data = generators.generate(kind, payload).data
        stats = timed(lambda data=data: generators.check_docx(data), args.runs)
        results["check"][kind] = stats  # type: ignore[index]
        print(f"check-docx {kind:<8} p50 {stats['p50_ms']:.1f} ms, mean {stats['mean_ms']:.1f} ms")
    if args.json:
        args.json.write_text(json.dumps(results, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
