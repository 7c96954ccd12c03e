"""bench/load.py's bookkeeping (no timing here): how a phase is cut into stretches the servers take in
turn, how a config's stretches add up to one measurement, and how a ``--variant`` is read."""

from __future__ import annotations

import importlib
import sys
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parents[2] / "bench"


@pytest.fixture(scope="module")
def load():  # type: ignore[no-untyped-def]
    sys.path.insert(0, str(BENCH))  # the bench scripts import their harness as a sibling module
    try:
        yield importlib.import_module("load")
    finally:
        sys.path.remove(str(BENCH))


def test_a_phase_is_cut_into_stretches_in_order(load) -> None:  # type: ignore[no-untyped-def]
    requests = [("ask" if n % 2 == 0 else "search", f"问题{n}") for n in range(11)]
    stretches = load._stretches(requests, 3)
    assert [len(s) for s in stretches] == [4, 4, 3]
    assert [r for s in stretches for r in s] == requests  # every request once, in the order sent
    assert load._stretches(requests[:2], 5) == [[requests[0]], [requests[1]]]  # never an empty stretch


def test_a_configs_stretches_add_up_to_one_measurement(load) -> None:  # type: ignore[no-untyped-def]
    def part(ask: list[float], search: list[float], errors: int, failure: str) -> dict:
        return {
            "clients": 8,
            "wall_s": 2.0,
            "samples": {"ask": ask, "search": search},
            "errors": {"ask": errors, "search": 0},
            "failures": [failure],
            "unsent": 0,
            "server_cpu_s": 0.5,
            "client_cpu_s": 0.1,
        }

    merged = load._merged([part([10.0], [12.0], 1, "a"), part([11.0, 13.0], [], 0, "b")])
    assert merged["samples"] == {"ask": [10.0, 11.0, 13.0], "search": [12.0]}
    assert merged["errors"] == {"ask": 1, "search": 0}
    assert merged["wall_s"] == 4.0 and merged["server_cpu_s"] == 1.0 and merged["rounds"] == 2
    assert merged["failures"] == ["a", "b"]
    report = load._report("concurrent", merged)
    assert report["requests_per_s"] == 1.0  # 4 requests in 4 s of measured stretches
    assert report["all"]["errors"] == 1


def test_a_variant_is_a_name_and_its_environment(load) -> None:  # type: ignore[no-untyped-def]
    assert load._variant("before:PYTHONPATH=/tmp/old") == ("before", {"PYTHONPATH": "/tmp/old"})
    assert load._variant("small:POLICYDESK_EMBED_BATCH_MAX=2,GOMP_SPINCOUNT=1") == (
        "small",
        {"POLICYDESK_EMBED_BATCH_MAX": "2", "GOMP_SPINCOUNT": "1"},
    )
    with pytest.raises(SystemExit):
        load._variant("reuse:POLICYDESK_EMBED_BATCHING=0")  # a config's name is taken
    with pytest.raises(SystemExit):
        load._variant(":A=1")


def test_the_staff_workload_asks_each_question_once(load, eval_dir: Path) -> None:  # type: ignore[no-untyped-def]
    """The staff workload includes the dev questions: skipped where ../shared/eval is not beside the clone."""
    alone = load.workloads(["staff"], 200, 50, 0.3)["staff"]
    sent = alone["single"] + alone["concurrent"]
    assert {kind for kind, _ in sent} == {"ask"}  # the cascade skips the embedding of asks only
    assert len({q for _, q in sent}) == len(sent) > 100 and len(alone["single"]) == 50  # at most half from one client
    assert len(load.workloads(["staff"], 2000, 500, 0.3)["staff"]["single"]) == len(sent) // 2
    beside = load.workloads(["staff", "framed"], 200, 50, 0.3)  # then the dev questions are framed's
    dev = {row["question"] for row in load.dev_questions()[0]}
    staff = {q for _, q in beside["staff"]["single"] + beside["staff"]["concurrent"]}
    assert staff and not staff & dev and dev & {q for _, q in sent}
