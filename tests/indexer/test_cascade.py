"""The lexical-first cascade (indexer/gate.py): a question asking for a value whose lexical ranking the
fitted gate trusts is answered without embedding it, with the answer the full path gives; any other
question is embedded; the setting turns the cascade off, and a bad value of it is a clear error."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from core.errors import IndexMissing
from indexer.answer import Answer
from indexer.gate import GATE_FEATURES, Gate, gated, load_gate
from indexer.retrieve import Retriever
from policydesk.cli import main
from policydesk.config import Settings, get_settings
from policydesk.desk import Desk
from tests.utils.counting import Counting, ask_counting

STAFF = Path(__file__).resolve().parents[2] / "bench" / "data" / "unseen_heldout" / "qa.jsonl"


@pytest.fixture(scope="module")
def pair(built_home: Path) -> Iterator[tuple[Retriever, Retriever]]:
    """The seeds answered with the cascade on and off, every question embedded by a counting model."""
    on = Desk(Settings(home=built_home, cascade=True, query_cache_size=0, answer_cache_size=0))
    off = Desk(Settings(home=built_home, cascade=False, query_cache_size=0, answer_cache_size=0), embedder=on.embedder)
    retrievers = on.snapshot().retriever, off.snapshot().retriever
    model = retrievers[0].embedder
    assert model is not None
    for retriever in retrievers:
        retriever.embedder = Counting(model)
    yield retrievers
    for retriever in retrievers:
        retriever.embedder = model


@pytest.fixture(scope="module")
def questions() -> list[str]:
    """Questions staff wrote about the seeds, never fitted on (bench/data/UNSEEN.md)."""
    return [json.loads(line)["question"] for line in STAFF.read_text(encoding="utf-8").splitlines() if line.strip()]


def _trusted(retriever: Retriever, question: str) -> bool:
    """The gate's own verdict on the question's lexical ranking."""
    query = retriever.query(question)
    scores = retriever.ranker_for(dense=False).score(retriever.candidates(query, dense=False).matrix)
    assert retriever.gate is not None
    return retriever.gate.trusts(retriever.lexical_evidence(query, scores))


def _seen(answer: Answer) -> tuple:
    return answer.found, answer.answer, [(c.doc_id, c.locator, c.quote) for c in answer.citations]


def test_the_gate_is_a_versioned_model_file() -> None:
    gate = load_gate()
    assert gate.version == "1" and gate.meta["script"] == "bench/fit_gate.py"
    assert tuple(gate.meta["features"]) == GATE_FEATURES and 0.0 < gate.threshold <= 1.0
    assert set(gate.meta["fitted_against"]) == {
        "ranker.txt",
        "ranker_lexical.txt",
        "answerable.json",
        "answerable_lexical.json",
    }
    with pytest.raises(IndexMissing):
        Gate({**gate.meta, "features": ["top_score"]})  # a file fitted on other features is refused


def test_a_trusted_question_is_answered_without_embedding_as_with_it(
    pair: tuple[Retriever, Retriever], questions: list[str]
) -> None:
    on, off = pair
    skipped, differ = [], []
    for question in questions:
        answer, embedded = ask_counting(on, question)
        if embedded:
            continue
        skipped.append(question)
        ranking = on.rank(question)
        assert not ranking.dense and ranking.mode == "lexical" and not ranking.n_exact, question
        full, embedded = ask_counting(off, question)
        in_full = off.rank(question)
        assert embedded == 1 and in_full.dense, question
        assert answer.found == full.found and ranking.hits[0].segment.id == in_full.hits[0].segment.id, question
        if _seen(answer) != _seen(full):
            differ.append(question)  # the same provision, another of its sentences quoted
    assert len(skipped) >= 10  # about a third of these questions ask for a value the lexical ranking settles
    assert len(differ) <= 1, differ  # the gate was fitted for identical answers 99 % of the time


def test_a_question_the_gate_does_not_trust_is_embedded(
    pair: tuple[Retriever, Retriever], questions: list[str]
) -> None:
    on, _ = pair
    unasked = next(q for q in questions if not gated(on.query(q)))  # no value asked: the model decides
    doubted = next(q for q in questions if gated(on.query(q)) and not _trusted(on, q))  # does not stand out
    for question in (unasked, doubted):
        _, embedded = ask_counting(on, question)
        assert embedded == 1, question
        assert on.rank(question).dense, question
    trusted = next(q for q in questions if gated(on.query(q)) and _trusted(on, q))
    counter = on.embedder
    assert isinstance(counter, Counting)
    before = counter.queries
    assert on.search(trusted, k=10) and counter.queries == before + 1  # a list of hits is always ranked in full


def test_the_setting_turns_the_cascade_off(
    pair: tuple[Retriever, Retriever], questions: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    on, off = pair
    assert off.gate is None
    question = next(q for q in questions if not on.embeds(on.query(q)))
    _, embedded = ask_counting(off, question)
    assert embedded == 1 and off.embeds(off.query(question))
    monkeypatch.setenv("POLICYDESK_CASCADE", "0")
    assert Settings().cascade is False
    monkeypatch.setenv("POLICYDESK_CASCADE", "1")
    assert Settings().cascade is True


def test_a_bad_cascade_setting_is_a_clear_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("POLICYDESK_CASCADE", "maybe")
    get_settings.cache_clear()
    try:
        result = CliRunner().invoke(main, ["search", "--home", str(tmp_path), "工会会费"])
    finally:
        get_settings.cache_clear()
    assert result.exit_code == 1
    assert result.output.startswith("Error: ") and "POLICYDESK_CASCADE" in result.output
    assert "Traceback" not in result.output
