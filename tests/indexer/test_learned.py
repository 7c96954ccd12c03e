"""The question record, the learned ranker and the answerability model on the real seeds: each behaviour
is asserted on questions the models were not fitted on (made from the corpus itself, or made up)."""

from __future__ import annotations

import re

import numpy as np
import pytest

from core import docnumber
from indexer.answerability import QUESTION_FEATURES, load_answerability
from indexer.features import FEATURES
from indexer.ranker import load_ranker
from policydesk.desk import Desk


def test_a_question_is_analysed_once_into_one_record(desk: Desk) -> None:
    retriever = desk.snapshot().retriever
    query = retriever.query("请问，云职创〔2019〕3号第十八条规定的2019年奖金是多少钱？谢谢")
    assert query.text.startswith("云职创") and "谢谢" not in query.text
    assert query.doc_numbers == ("云职创〔2019〕3号",) and query.locators == ("第十八条",)
    assert query.years == ("2019",) and query.kind is not None and query.kind.name == "money"
    assert "奖金" in query.tokens and not {"请问", "谢谢", "的", "是"} & set(query.tokens)


@pytest.mark.parametrize(
    ("question", "asking", "scene"),
    [
        ("单位停产半年了，职工的工资按什么标准发？谢谢", "职工的工资按什么标准发", "单位停产半年了"),
        ("去年签的合同到期，公司不续签，有补偿吗，怎么算？", "有补偿吗", "去年签的合同到期"),
        ("职工在上班途中出了车祸", "职工在上班途中出了车祸", ""),
    ],
)
def test_the_asking_clause_is_the_last_one_with_content(desk: Desk, question: str, asking: str, scene: str) -> None:
    """A case set out over several clauses asks in its last one with content words ("怎么算" alone has
    none): the ranker and the answerability model read how much of that clause a provision holds."""
    retriever = desk.snapshot().retriever
    query = retriever.query(question)
    assert query.focus and query.focus <= query.grams
    held = {g for g in query.focus if g in asking}
    assert held == set(query.focus), sorted(query.focus - held)
    assert not any(g in scene for g in query.focus if scene)


@pytest.mark.parametrize("mode", ["hybrid", "lexical"])
def test_the_shipped_models_match_the_code(mode: str) -> None:
    ranker = load_ranker(mode)
    assert tuple(ranker.meta["features"]) == FEATURES and ranker.meta["mode"] == mode
    assert ranker.meta["validation"]  # the cross-corpus figures it was shipped with
    model = load_answerability(mode)
    assert tuple(model.meta["features"]) == QUESTION_FEATURES and 0.0 < model.threshold < 1.0
    assert model.meta["mode"] == mode


def test_hits_are_provisions_each_once(desk: Desk) -> None:
    """A 条 is one hit whatever part of it matched (its 款, 项 or a window): never two hits of one article."""
    hits = desk.snapshot().retriever.search("竞赛决赛获得名次的选手有哪些奖励", k=10)
    assert len(hits) == 10
    seen = [(h.document.id, h.segment.id) for h in hits]
    assert len(set(seen)) == len(seen)
    for hit in hits:
        if re.match(r"第.+条$", hit.segment.locator):
            assert hit.unit.line_start == hit.segment.source.line_start  # the article's first line is in the hit


def test_ranking_uses_the_title_a_question_names(desk: Desk) -> None:
    """Naming a document by its title pulls its provisions up, for any catalogued title."""
    retriever = desk.snapshot().retriever
    titled = [d for d in retriever.catalogue.documents() if d.title.endswith("办法") and d.n_segments > 10]
    for doc in titled[:4]:
        hits = retriever.search(f"《{doc.title}》的适用范围是什么", k=3)
        assert doc.id in {h.document.id for h in hits}, doc.title


def test_a_document_only_cited_by_others_is_not_quoted_as_the_answer(desk: Desk) -> None:
    """Issue 10: a 文号 that stands only inside another text is answered "未收录该文件", the citing
    provision listed as related, never quoted."""
    catalogue = desk.snapshot().catalogue
    cited = None
    for seg in catalogue.segments():
        for _, number in docnumber.find(seg.text):
            if not any(catalogue.find_documents(str(n)) for n in number.readings()):
                cited = (str(number), seg)
                break
        if cited:
            break
    assert cited is not None, "the seeds cite at least one document they do not hold"
    number, _ = cited
    answer = desk.ask(f"{number}文件规定了哪些内容？")
    assert not answer.found and answer.citations == []
    assert answer.answer.startswith("未收录该文件") and number in answer.answer


@pytest.mark.parametrize(
    "question",
    [
        "公司给员工缴纳补充医疗保险的税收优惠政策是什么？",
        "外籍人员在华工作许可证怎么办理？",
        "火星探测器的发射窗口是怎么计算的？",
    ],
)
def test_questions_the_corpus_cannot_answer_are_said_so(desk: Desk, question: str) -> None:
    answer = desk.ask(question)
    assert not answer.found and answer.citations == []
    assert answer.answer.startswith("未在现有政策文件中找到")


def test_answerability_probability_grows_with_evidence() -> None:
    """The model is a monotone read of its evidence: more of the question covered, more likely answered."""
    model = load_answerability()
    from indexer.answerability import Evidence

    rows = np.zeros((3, len(FEATURES)), dtype=np.float32)
    base = {"scores": np.array([1.0, 0.5, 0.2]), "kind_asked": False, "kind_found": False, "referenced": False}
    weak = Evidence(rows=rows, support=0.05, lex_top=1.0, unseen=0.5, together=0.1, **base)
    strong_rows = rows.copy()
    strong_rows[:, FEATURES.index("share")] = 0.9
    strong_rows[:, FEATURES.index("dense")] = 0.9
    strong = Evidence(rows=strong_rows, support=0.9, lex_top=30.0, unseen=0.0, together=0.9, **base)
    assert model.probability(strong) > model.probability(weak)


def test_what_a_question_asks_beyond_its_documents_title_tells_provisions_apart(desk: Desk) -> None:
    """Every provision of a named document matches its title; ``share_beyond`` reads only the rest of
    the question, so the provision holding the asked phrase scores above its neighbours."""
    retriever = desk.snapshot().retriever
    doc = next(d for d in retriever.catalogue.documents() if d.title.endswith("办法") and d.n_segments > 10)
    articles = [s for s in retriever.catalogue.segments(doc.id) if re.match(r"第.+条$", s.locator) and len(s.text) > 40]
    target, other = articles[2], articles[-1]
    phrase = next(
        run for run in re.findall(r"[\u4e00-\u9fff]{6,}", target.text) if run not in other.text and run not in doc.title
    )
    query = retriever.query(f"{doc.title}里{phrase}是怎么规定的")
    grams = retriever.bigram_idf.weigh(set(query.grams))
    assert grams.share_beyond(target.text, doc.title) > grams.share_beyond(other.text, doc.title)
    assert grams.share_beyond(doc.title, doc.title) == 0.0  # the title alone holds nothing of the rest


def test_what_the_best_provisions_hold_together_is_their_union(desk: Desk) -> None:
    """``together``: a question asking of two provisions is held by the two together more than by either."""
    retriever = desk.snapshot().retriever
    doc = next(d for d in retriever.catalogue.documents() if d.title.endswith("办法") and d.n_segments > 10)
    first, second = [s.text for s in retriever.catalogue.segments(doc.id) if len(s.text) > 40][1:3]
    phrase_a = re.findall(r"[\u4e00-\u9fff]{4,}", first)[0]
    phrase_b = next(run for run in re.findall(r"[\u4e00-\u9fff]{4,}", second) if run not in first)
    grams = retriever.bigram_idf.weigh(set(retriever.query(f"{phrase_a}和{phrase_b}").grams))
    both = grams.share_together([first, second])
    assert both >= max(grams.share(first), grams.share(second))
    assert both > grams.share(first) or both > grams.share(second)
    assert grams.share_together([]) == 0.0


def test_a_provision_speaking_of_another_level_is_marked(desk: Desk) -> None:
    """``other_level``: a provision that speaks of a level the question does not name (from the profile)."""
    retriever = desk.snapshot().retriever
    profile = retriever.profile
    column = FEATURES.index("other_level")
    query = retriever.query("省级竞赛的获奖选手有什么奖励")
    assert query.levels
    provisions = retriever.candidates(query)
    for unit_index, row in zip(provisions.best_unit, provisions.matrix, strict=True):
        if profile.levels_of(retriever.index.units[int(unit_index)].text) - query.levels:  # its best unit does
            assert row[column] == 1.0
    assert provisions.matrix[:, column].any() and not provisions.matrix[:, column].all()
