"""A question whose 文号 or 《title》 + article resolves to a held provision is answered without embedding
it, and the answer cites what the dense path cites; a value the cited provision does not state, a
search, or a cited text not in force that day still go through the dense path."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from core.locator import MARKERS
from indexer.answer import Answer, ask
from indexer.retrieve import Retriever
from policydesk.config import Settings
from policydesk.desk import Desk
from tests.utils.counting import Counting, ask_counting

ASKED = ("", "规定了什么", "怎么规定的？", "有什么要求", "的奖金是多少", "的标准是多少元", "的期限是多久")


@pytest.fixture(scope="module")
def retriever(built_home: Path) -> Iterator[Retriever]:
    # the cascade off: what is tested here is the exact citation's skip alone (tests/indexer/test_cascade.py)
    settings = Settings(home=built_home, cascade=False, query_cache_size=0, answer_cache_size=0)
    retriever = Desk(settings).snapshot().retriever
    model = retriever.embedder
    assert model is not None
    retriever.embedder = Counting(model)
    yield retriever
    retriever.embedder = model


def _cited_questions(retriever: Retriever) -> list[str]:
    """Articles of every document, cited by 文号 and by 《title》, asked in several ways."""
    catalogue = retriever.catalogue
    questions = []
    for n, doc in enumerate(catalogue.documents()):
        articles = [s for s in catalogue.segments(doc.id) if MARKERS["article"].match(s.locator)]
        for m, seg in enumerate(articles[:: max(1, len(articles) // 3)][:3]):
            asked = ASKED[(n + m) % len(ASKED)]
            questions.append(f"《{doc.title}》{seg.locator}{asked}")
            if doc.doc_number:
                questions.append(f"{doc.doc_number}{seg.locator}{asked}")
    return questions


def _citations(answer: Answer) -> list[tuple[str, str, str, int, int]]:
    return [(c.doc_id, c.locator, c.quote, c.line_start, c.line_end) for c in answer.citations]


def test_an_exact_citation_is_answered_without_embedding_and_cites_the_same(
    retriever: Retriever, monkeypatch: pytest.MonkeyPatch
) -> None:
    questions = _cited_questions(retriever)
    skipped = []
    answers = {}
    for question in questions:
        answer, embedded = ask_counting(retriever, question)
        answers[question] = answer
        if embedded == 0:
            skipped.append(question)
            assert retriever.rank(question).n_exact > 0, question
    assert len(skipped) >= len(questions) // 3  # the values asked of other articles fall back
    with monkeypatch.context() as patched:
        patched.setattr(Retriever, "_exact_decides", lambda *args: False)
        for question in questions:
            dense, embedded = ask_counting(retriever, question)
            assert embedded == 1, question
            assert dense.found == answers[question].found, question
            assert dense.answer == answers[question].answer, question
            assert _citations(dense) == _citations(answers[question]), question


def test_a_value_the_cited_article_does_not_state_goes_through_the_dense_path(retriever: Retriever) -> None:
    catalogue = retriever.catalogue
    profile = retriever.profile
    amount = next(k for k in profile.answer_kinds if k.is_value and k.cue.search("奖金是多少"))
    doc, seg = next(
        (d, s)
        for d in catalogue.documents()
        if d.doc_number
        for s in catalogue.segments(d.id)
        if MARKERS["article"].match(s.locator) and not profile.holds(amount, s.text) and len(s.text) > 20
    )
    question = f"{doc.doc_number}{seg.locator}的奖金是多少"
    assert retriever.query(question).kind == amount
    _, embedded = ask_counting(retriever, question)
    assert embedded == 1


def test_a_search_and_a_question_without_a_held_citation_are_embedded(retriever: Retriever) -> None:
    cited = _cited_questions(retriever)[0]
    counter = retriever.embedder
    assert isinstance(counter, Counting)
    before = counter.queries
    retriever.search(cited, k=10)  # a list of hits is read whole: its ranked part keeps the dense path
    assert counter.queries == before + 1
    _, embedded = ask_counting(retriever, "劳动法律监督员证有效期几年？")
    assert embedded == 1
    early = date(1990, 1, 1)
    in_force = retriever.catalogue.in_force_on(early)
    later = [q for q in _cited_questions(retriever) if retriever.exact_hits(retriever.query(q))]
    question = next(q for q in later if retriever.exact_hits(retriever.query(q))[0].document.id not in in_force)
    before = counter.queries
    ask(question, retriever, as_of=early)  # the cited text was not in force then: it cannot decide
    assert counter.queries == before + 1
