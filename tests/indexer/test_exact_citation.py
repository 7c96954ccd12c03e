"""A question that cites an article (文号 or 《title》 + 第N条) and is answered from that article is
answered without the query embedding; any other question is embedded once."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pytest

from indexer.answer import ask
from indexer.embed import Embedder
from indexer.retrieve import Retriever
from policydesk.desk import Desk


class Counting:
    def __init__(self, inner: Embedder) -> None:
        self.inner = inner
        self.name, self.dim = inner.name, inner.dim
        self.texts: list[str] = []

    def embed_queries(self, texts: Sequence[str]) -> np.ndarray:
        self.texts.extend(texts)
        return self.inner.embed_queries(texts)

    def embed_passages(self, texts: Sequence[str]) -> np.ndarray:
        return self.inner.embed_passages(texts)


@pytest.fixture()
def counted(desk: Desk) -> tuple[Retriever, Counting]:
    snap = desk.snapshot()
    assert desk.embedder is not None
    model = Counting(desk.embedder)
    return Retriever(snap.catalogue, snap.index, model, backend=snap.retriever.backend), model


@pytest.mark.parametrize(
    ("question", "doc_number", "article"),
    [
        ("云职创〔2019〕3号第十八条的奖金是多少", "云职创〔2019〕3号", "第十八条"),
        ("《云南省工会劳动法律监督条例实施细则》第十九条", "云工发〔2019〕34号", "第十九条"),
    ],
)
def test_an_answer_decided_by_the_cited_article_skips_the_embedding(
    counted: tuple[Retriever, Counting], question: str, doc_number: str, article: str
) -> None:
    retriever, model = counted
    answer = ask(question, retriever)
    assert model.texts == []
    assert answer.found and answer.citations
    assert all(c.doc_number == doc_number and c.locator.startswith(article) for c in answer.citations)
    assert all(c.verified for c in answer.citations)


def test_a_question_without_a_citation_is_embedded_once(counted: tuple[Retriever, Counting]) -> None:
    retriever, model = counted
    assert ask("省赛第一名有多少奖金？", retriever).found
    assert model.texts == ["省赛第一名有多少奖金？"]
