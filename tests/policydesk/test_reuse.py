"""Through the Desk: micro-batching and the caches change no answer, a remembered answer is the
caller's own copy, and a new generation is never answered from the previous one's answers."""

from __future__ import annotations

import json
import threading
from concurrent.futures import ThreadPoolExecutor
from datetime import date
from pathlib import Path

import pytest

from indexer.batching import BatchingEmbedder
from indexer.query_cache import CachedQueryEmbedder
from policydesk.answer_cache import AnswerCache
from policydesk.config import Settings
from policydesk.desk import Desk
from tests.utils.policy_text import NEW_NOTICE

FRAMINGS = ("请问{}", "{}，谢谢", "领导让我查一下{}，有原文吗")
CITED = ("云职创〔2019〕3号第十八条的奖金是多少", "《云南省工会劳动法律监督条例实施细则》第十九条")
CLIENTS = 8


def _plain(built_home: Path) -> Desk:
    """Every question embedded alone, nothing remembered: the Desk as it was before reuse."""
    return Desk(Settings(home=built_home, embed_batching=False, query_cache_size=0, answer_cache_size=0))


def _workload(eval_dir: Path) -> list[str]:
    """The dev questions, a few in framings the product cuts, two exact citations, and every question
    asked twice: the second round can only come from the caches."""
    lines = (eval_dir / "dev_qa.jsonl").read_text(encoding="utf-8").splitlines()
    dev = [json.loads(line)["question"] for line in lines if line.strip()]
    framed = [f.format(q.rstrip("？?")) for q in dev[:6] for f in FRAMINGS]
    once = [*dev, *framed, *CITED]
    return once + once[::-1]


def test_answers_are_the_same_with_and_without_batching_and_caches(built_home: Path, eval_dir: Path) -> None:
    questions = _workload(eval_dir)
    plain = _plain(built_home)
    expected = [plain.ask(q) for q in questions]
    searched = [plain.search(q, k=10) for q in questions[:20]]

    served = Desk(Settings(home=built_home, embed_batching=True, query_cache_size=4096, answer_cache_size=1024))
    cache = served.embedder
    assert isinstance(cache, CachedQueryEmbedder) and isinstance(cache.inner, BatchingEmbedder)
    batcher = cache.inner
    start = threading.Barrier(CLIENTS)

    def client(offset: int) -> list[tuple[int, dict]]:
        start.wait(timeout=60)  # all clients send together, so questions queue behind the model
        return [(i, served.ask(questions[i])) for i in range(offset, len(questions), CLIENTS)]

    with ThreadPoolExecutor(CLIENTS) as pool:
        answered = dict(pair for result in pool.map(client, range(CLIENTS)) for pair in result)
    for i, question in enumerate(questions):
        assert answered[i] == expected[i], question
    assert [served.search(q, k=10) for q in questions[:20]] == searched
    assert batcher.stats.largest > 1, "eight clients at once never shared a model call"
    assert served._answers.answers.hits >= len(questions) // 2 - CLIENTS  # the second round, less races
    assert cache.vectors.hits > 0  # searches reuse the vectors asked before


def test_a_remembered_answer_is_the_callers_own(built_home: Path) -> None:
    desk = Desk(Settings(home=built_home))
    question = "劳动法律监督员证有效期几年？"
    first = desk.ask(question)
    pristine = first.model_copy(deep=True)
    first.citations.clear()  # records are frozen, but their lists are the caller's to change
    first.related.clear()
    second = desk.ask(question)
    assert second == pristine
    second.related.clear()
    assert desk.ask("请问" + question) == pristine
    assert desk._answers.answers.hits == 2


def test_the_desk_remembers_an_answer_by_its_lists_not_a_deep_copy(built_home: Path) -> None:
    """A deep copy of an answer also copied every document, segment and unit its hits point to; the
    Desk copies the lists a caller could change and shares the frozen records in them."""
    desk = Desk(Settings(home=built_home))
    question = "劳动法律监督员证有效期几年？"
    desk.ask(question)
    (remembered,) = desk._answers.answers._items.values()
    given = desk._answers.get_or_compute(desk.snapshot().generation.name, question, lambda: pytest.fail("recomputed"))
    assert given == remembered and given is not remembered
    assert given.related and given.related is not remembered.related
    assert all(a is b for a, b in zip(given.related, remembered.related, strict=True))  # the same frozen hits
    assert all(a is b for a, b in zip(given.citations, remembered.citations, strict=True))
    given.related.clear()
    given.citations.clear()
    assert remembered.related and remembered.citations  # the next caller's answer is whole


def test_an_answer_cache_copies_with_the_copier_it_is_given() -> None:
    cache = AnswerCache(4, own=lambda answer: {**answer, "related": list(answer["related"])})
    first = cache.get_or_compute("g1", "工会会费比例", lambda: {"answer": "a", "related": [{"score": 1.0}]})
    first["related"].clear()
    again = cache.get_or_compute("g1", "工会会费比例", lambda: pytest.fail("recomputed"))
    assert again == {"answer": "a", "related": [{"score": 1.0}]}
    assert again["related"] is not first["related"]


def test_a_new_generation_is_not_answered_from_the_old_one(fresh_home: Path, tmp_path: Path) -> None:
    desk = Desk(Settings(home=fresh_home))
    question = "示范职工书屋的藏书有什么要求？"
    before = desk.ask(question)
    assert all(c.doc_number != "云工通〔2024〕7号" for c in before.citations)
    assert desk.ask(question) == before  # remembered
    added = tmp_path / "005_职工书屋.txt"
    added.write_text(NEW_NOTICE, encoding="utf-8")
    desk.add_files([added])
    after = desk.ask(question)
    assert after.found and after.citations[0].doc_number == "云工通〔2024〕7号"
    plain = _plain(fresh_home).ask(question)
    assert after.model_dump(exclude={"corpus"}) == plain.model_dump(exclude={"corpus"})


def test_answer_cache_keys_generation_question_and_date() -> None:
    cache = AnswerCache(8)
    computed: list[str] = []

    def compute(tag: str) -> dict:
        computed.append(tag)
        return {"answer": tag, "related": [{"score": 1.0}]}

    assert cache.get_or_compute("g1", "请问工会会费比例", lambda: compute("a"))["answer"] == "a"
    assert cache.get_or_compute("g1", "工会会费比例，谢谢", lambda: compute("b"))["answer"] == "a"
    assert cache.get_or_compute("g1", "工会会费比例", lambda: compute("c"), as_of=date(2020, 1, 1))["answer"] == "c"
    assert cache.get_or_compute("g2", "工会会费比例", lambda: compute("d"))["answer"] == "d"
    assert len(cache.answers) == 1  # the first generation's answers went when the second served
    assert computed == ["a", "c", "d"]
    returned = cache.get_or_compute("g2", "工会会费比例", lambda: compute("e"))
    returned["related"][0]["score"] = 0.0
    assert cache.get_or_compute("g2", "工会会费比例", lambda: compute("f"))["related"][0]["score"] == 1.0
    off = AnswerCache(0)
    off.get_or_compute("g1", "x", lambda: compute("g"))
    off.get_or_compute("g1", "x", lambda: compute("h"))
    assert computed[-2:] == ["g", "h"]


@pytest.mark.parametrize("name", ["EMBED_BATCHING", "QUERY_CACHE_SIZE", "ANSWER_CACHE_SIZE"])
def test_reuse_can_be_switched_off_from_the_environment(monkeypatch: pytest.MonkeyPatch, name: str) -> None:
    monkeypatch.setenv(f"POLICYDESK_{name}", "0")
    settings = Settings()
    assert not getattr(settings, name.lower())
