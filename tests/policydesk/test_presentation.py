"""Issue 15, what staff see: the words that answer marked, a one-line answer, related provisions that
are new, formal citations ready to paste, the corpus each response came from."""

from __future__ import annotations

import json
import re

import pytest
from click.testing import CliRunner

from core.citeform import formal_citation
from core.locator import canonical_locator, written_locator
from core.numerals import int_to_cn
from corpus import Catalogue
from indexer.highlight import highlights, short_answer
from policydesk.cli import main
from policydesk.cli.answer_view import answer_text
from policydesk.config import Settings
from policydesk.desk import Desk

AWARD = "拿了省赛第一名有多少奖金？"


def marked(quote: str, spans: list[tuple[int, int]]) -> list[str]:
    return [quote[a:b] for a, b in spans]


def test_the_amount_asked_for_is_marked_and_is_the_short_answer(desk: Desk) -> None:
    answer = desk.ask(AWARD)
    cited = answer.citations[0]
    assert cited.locator == "第十八条（一）"
    # the provision names 10000元 for 第1名 and 2000元 for 第2～10名: only the first answers
    assert marked(cited.quote, cited.highlights) == ["10000元"]
    assert answer.short_answer == "一次性奖金10000元"
    assert answer.short_answer in cited.quote


@pytest.mark.parametrize(
    ("question", "value"),
    [("工会收到事故报告后多长时间内要上报", "2小时"), ("云岭工匠每年命名多少名", "不超过20名")],
)
def test_durations_and_counts_are_marked(desk: Desk, question: str, value: str) -> None:
    cited = desk.ask(question).citations[0]
    assert value in marked(cited.quote, cited.highlights)


def test_a_question_without_a_value_marks_the_clause_that_carries_it(desk: Desk) -> None:
    answer = desk.ask("受过处分的还能评劳模吗？")
    assert answer.found and answer.short_answer is None
    for cited in answer.citations:
        if cited.lead_in_of is not None:
            continue  # the sentence introducing an item's list is context, not the answer
        words = marked(cited.quote, cited.highlights)
        assert words and all("处分" in w for w in words)


def test_highlights_are_pure_and_within_the_quote() -> None:
    quote = "（一）获得第1名的选手，给予一次性奖金10000元；获得第2名的选手，给予一次性奖金5000元。"
    assert marked(quote, highlights("第2名奖金多少？", quote)) == ["5000元"]
    assert marked(quote, highlights("第1名奖金多少？", quote)) == ["10000元"]
    assert short_answer("第2名奖金多少？", [quote]) == "一次性奖金5000元"
    assert short_answer("选手有什么待遇？", [quote]) is None  # asks for no value
    assert highlights("完全无关的问题", "毫不相干。") == []


def test_a_value_is_whole_and_one() -> None:
    """A date's parts and a qualifier with its number are one value; a table row's years are several, and an
    ordinal (第45次) is no count."""
    assert short_answer("总结阶段截止时间是什么时候？", ["第四阶段：总结，2022年12月25日前完成。"]) == "2022年12月25日"
    row = "滇中引水工程竞赛2018年2017年2017年2019年"
    assert marked(row, highlights("竞赛是哪一年启动的？", row)) == ["2018年", "2017年", "2017年", "2019年"]
    assert short_answer("竞赛是哪一年启动的？", [row]) is None
    assert short_answer("开了几次会？", ["经第45次主席办公会议通过。"]) is None
    assert (
        short_answer("每年至少宣讲几次？", ["每人每年宣讲不少于1次。"]) == "每人每年宣讲不少于1次"
    )  # a short clause whole


@pytest.mark.parametrize(
    "question", [AWARD, "云岭工匠每年命名多少名", "劳动法律监督员证有效期几年", "受过处分的还能评劳模吗？"]
)
def test_related_never_repeats_a_cited_provision(desk: Desk, question: str) -> None:
    answer = desk.ask(question)
    cited = {(c.doc_id, c.locator) for c in answer.citations}
    related = [(r.doc_id, r.locator) for r in answer.related]
    assert len(related) == len(set(related))
    for doc_id, locator in related:
        assert not any(d == doc_id and (locator.startswith(loc) or loc.startswith(locator)) for d, loc in cited)


def test_every_citation_carries_its_formal_form(desk: Desk) -> None:
    cited = desk.ask(AWARD).citations[0]
    assert cited.formal == "《云南省职工职业技能竞赛管理办法（试行）》（云职创〔2019〕3号）第十八条第（一）项"


def test_every_provision_of_the_corpus_has_a_written_form_that_reads_back(catalogue: Catalogue) -> None:
    read = 0
    for doc, seg in catalogue.iter_pairs():
        try:
            canonical = canonical_locator(seg.locator)
        except ValueError:
            assert formal_citation(doc.title, doc.doc_number, seg.locator).endswith(seg.locator.strip())
            continue
        read += 1
        # 第十条1 is written 第十条第1项, which reads back as 第十条（一）: the same item in other numerals
        items_as_cn = re.sub(r"(?<=[条、])(\d+)", lambda m: f"（{int_to_cn(int(m.group(1)))}）", canonical)
        assert canonical_locator(written_locator(seg.locator)) in {canonical, items_as_cn}, seg.locator
    assert read > 1000


def test_responses_name_their_corpus_and_repeat_on_it(desk: Desk, settings: Settings) -> None:
    first, again = desk.ask(AWARD), desk.ask(AWARD)
    assert first.model_dump() == again.model_dump()
    generation = desk.health().generation
    assert first.corpus is not None and first.corpus.generation == generation and first.corpus.built_at
    assert first.corpus.as_of is None
    assert desk.search("云岭工匠", k=3).corpus == first.corpus
    assert desk.govern("厂里发生生产安全事故，工会应当在多长时间内报告？").corpus == first.corpus


def test_the_cli_prints_formal_citations_and_the_corpus(settings: Settings) -> None:
    runner = CliRunner()
    home = ["--home", str(settings.home)]
    out = runner.invoke(main, ["ask", *home, "--cite-format", "formal", AWARD], catch_exceptions=False)
    assert out.exit_code == 0, out.output
    assert "出处：《云南省职工职业技能竞赛管理办法（试行）》（云职创〔2019〕3号）第十八条第（一）项" in out.output
    assert "答：一次性奖金10000元" in out.output
    as_json = json.loads(runner.invoke(main, ["ask", *home, "--json", AWARD]).output)
    assert as_json["corpus"]["generation"] in out.output
    assert as_json["citations"][0]["highlights"] == [list(s) for s in desk_highlights(as_json)]
    bad = runner.invoke(main, ["ask", *home, "--cite-format", "long", AWARD])
    assert bad.exit_code != 0 and "long" in bad.output


def desk_highlights(answer: dict) -> list[tuple[int, int]]:
    cited = answer["citations"][0]
    return highlights(AWARD, cited["quote"])


def test_the_cli_makes_the_answering_words_bold(desk: Desk) -> None:
    answer = desk.ask(AWARD)
    text = answer_text(answer)
    bold = [text.plain[s.start : s.end] for s in text.spans if "bold" in str(s.style)]
    assert bold == ["10000元"]


def test_a_short_answer_never_starts_inside_a_word() -> None:
    """A two-character lead verb (按照, 依照) is cut whole: the answer is never "照80元"."""
    for lead in ("按照", "依照", "参照"):
        quote = f"培训期间的伙食费{lead}80元/人/天的标准据实报销。"
        assert short_answer("培训每人每天补助多少钱？", [quote]) == "80元"
