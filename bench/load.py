"""Load over HTTP: the real server on loopback, /api/ask and /api/search with distinct questions, one
client and then 8 concurrent clients.

    python bench/load.py [--requests 2000] [--single 500] [--clients 8] [--deadline 300] [--home DIR]
                         [--workload distinct|framed]

Starts `python -m policydesk serve --host 127.0.0.1 --port <free>` on a data directory (the seeds built
in a temporary one by default), waits for /health, then sends ``--single`` requests from one client
and the rest from ``--clients`` concurrent clients, alternating ask and search. Every request carries
a question different in content (``distinct``, the default: a phrase of the corpus asked about, as long
as a dev question), so neither a cache nor the product's normalisation can make two requests one. The
``framed`` workload is the dev questions in different framings ("请问…", "…，谢谢"), which the product
cuts: 46 questions in 2,000 wordings. Each phase stops at its deadline; requests, errors and time are bounded.
Targets on the 2-core machine: one client p50 ≤ 35 ms for ask; 8 clients 0 errors and p95 ≤ 200 ms.
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
from harness import ROOT, built_home, dev_questions, print_header, save, summarise

HOST = "127.0.0.1"  # loopback only
PREFIXES = ("", "请问", "想咨询一下，", "麻烦问下：", "同事想知道", "我们单位想了解", "领导让我查一下", "帮忙看看，")
SUFFIXES = ("", "？", "，谢谢", "，具体怎么规定的", "，文件里怎么说", "（急）", "，有原文吗", "，依据是什么")
TARGETS = {"single_ask_p50_ms": 35.0, "concurrent_p95_ms": 200.0, "concurrent_errors": 0}


def distinct_questions(base: list[str], n: int, seed: int = 6) -> list[str]:
    """``n`` different questions: every base question with every prefix and suffix, shuffled."""
    variants = {f"{p}{q.rstrip('？?')}{s}" for q in base for p in PREFIXES for s in SUFFIXES}
    ordered = sorted(variants)
    random.Random(seed).shuffle(ordered)
    if len(ordered) < n:
        raise SystemExit(f"only {len(ordered)} distinct questions for {n} requests")
    return ordered[:n]


ASKED = "有什么规定？"


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


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=2000, help="total requests (both phases)")
    parser.add_argument("--single", type=int, default=500, help="of which from one client")
    parser.add_argument("--clients", type=int, default=8, help="concurrent clients in the second phase")
    parser.add_argument("--deadline", type=float, default=300.0, help="seconds each phase may take at most")
    parser.add_argument("--home", type=Path, help="a built data directory (default: build the seeds in a temp dir)")
    parser.add_argument(
        "--server-env", action="append", default=[], metavar="NAME=VALUE", help="extra environment for the server"
    )
    parser.add_argument("--name", default="load", help="results file name (bench/results/NAME.json)")
    parser.add_argument("--url", help="drive a server already running on loopback instead of starting one")
    parser.add_argument(
        "--workload", choices=("distinct", "framed"), default="distinct", help="which 2,000 questions (see above)"
    )
    args = parser.parse_args()
    server_env = dict(item.split("=", 1) for item in args.server_env)

    qa, _ = dev_questions()
    dev = [q["question"] for q in qa]
    if args.workload == "framed":
        questions = distinct_questions(dev, args.requests)
        dataset = (
            f"{args.requests} wordings of the {len(qa)} dev questions × {len(PREFIXES)} prefixes × "
            f"{len(SUFFIXES)} suffixes (framing the product cuts)"
        )
    else:
        questions = corpus_questions([len(q) for q in dev], args.requests)
        mean = sum(map(len, questions)) / len(questions)
        dataset = (
            f"{args.requests} questions distinct in content (corpus phrases + “{ASKED}”, {mean:.1f} characters "
            f"on average; dev questions {sum(map(len, dev)) / len(dev):.1f})"
        )
    info = print_header(
        "load over HTTP (loopback)",
        f"{dataset}; alternating POST /api/ask and GET /api/search?k=10",
        f"{args.single} requests from 1 client, then {args.requests - args.single} from {args.clients} clients",
    )
    with tempfile.TemporaryDirectory(prefix="pd-bench-load-") as tmp, contextlib.ExitStack() as stack:
        if args.url:
            if httpx.URL(args.url).host not in (HOST, "localhost"):
                raise SystemExit("--url must be a loopback address")
            base, server = args.url.rstrip("/"), None
        else:
            home = args.home or built_home(Path(tmp) / "home")
            base, log = f"http://{HOST}:{_free_port()}", Path(tmp) / "server.log"
            server = stack.enter_context(_server(home, int(base.rsplit(":", 1)[1]), log, server_env))
        _wait_ready(base, server, Path(tmp) / "server.log")
        phases = {
            "single": asyncio.run(_phase(base, questions[: args.single], 1, args.deadline)),
            "concurrent": asyncio.run(_phase(base, questions[args.single :], args.clients, args.deadline)),
        }
        server_rss = _peak_rss_mb(server.pid) if server is not None else float("nan")
    figures = {name: _report(name, phase) for name, phase in phases.items()}
    single_ask = figures["single"]["ask"]["p50_ms"]
    concurrent = figures["concurrent"]["all"]
    print(f"\nserver peak RSS {server_rss:.0f} MB")
    print(
        f"one client ask p50 {single_ask:.1f} ms (target ≤ 35): {'met' if single_ask <= 35 else 'MISSED'}; "
        f"{args.clients} clients p95 {concurrent['p95_ms']:.1f} ms (target ≤ 200): "
        f"{'met' if concurrent['p95_ms'] <= 200 else 'MISSED'}, errors {concurrent['errors']} (target 0)"
    )
    if server_env:
        print(f"server environment: {server_env}")
    save(
        args.name,
        {
            "hardware": info,
            "dataset": dataset,
            "workload": args.workload,
            "requests": args.requests,
            "clients": args.clients,
            "figures": figures,
            "server_peak_rss_mb": round(server_rss, 1),
            "targets": TARGETS,
            "server_env": server_env,
        },
    )
    return 0


@contextlib.contextmanager
def _server(home: Path, port: int, log: Path, env: dict[str, str]):  # type: ignore[no-untyped-def]
    command = [sys.executable, "-m", "policydesk", "serve", "--host", HOST, "--port", str(port), "--home", str(home)]
    with log.open("w") as out:
        process = subprocess.Popen(
            command, cwd=ROOT, stdout=out, stderr=subprocess.STDOUT, start_new_session=True, env={**os.environ, **env}
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


async def _phase(base: str, questions: list[str], clients: int, deadline: float) -> dict:
    queue: asyncio.Queue[tuple[int, str]] = asyncio.Queue()
    for n, question in enumerate(questions):
        queue.put_nowait((n, question))
    samples: dict[str, list[float]] = {"ask": [], "search": []}
    errors: dict[str, int] = {"ask": 0, "search": 0}
    failures: list[str] = []
    stop_at = time.monotonic() + deadline
    limits = httpx.Limits(max_connections=clients, max_keepalive_connections=clients)

    async def client(http: httpx.AsyncClient) -> None:
        while not queue.empty() and time.monotonic() < stop_at:
            n, question = queue.get_nowait()
            kind = "ask" if n % 2 == 0 else "search"
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
    }


def _report(name: str, phase: dict) -> dict:
    out: dict[str, object] = {
        "clients": phase["clients"],
        "wall_s": round(phase["wall_s"], 2),
        "unsent": phase["unsent"],
    }
    every = phase["samples"]["ask"] + phase["samples"]["search"]
    print(
        f"\n{name}: {phase['clients']} client(s), {len(every)} requests in {phase['wall_s']:.1f} s "
        f"= {len(every) / phase['wall_s']:.1f} requests/s"
        + (f", {phase['unsent']} not sent (deadline)" if phase["unsent"] else "")
    )
    for kind in ("ask", "search", "all"):
        values = every if kind == "all" else phase["samples"][kind]
        errors = sum(phase["errors"].values()) if kind == "all" else phase["errors"][kind]
        timing = summarise(values)
        out[kind] = {**timing.to_dict(), "errors": errors, "requests_per_s": round(len(values) / phase["wall_s"], 2)}
        print(f"  {kind:<7}{timing.row()}  errors {errors}")
    for failure in phase["failures"]:
        print(f"  e.g. {failure}")
    return out


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
