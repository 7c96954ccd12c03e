"""Every rule's articles exist in the catalogue and still contain the rule's key phrase; a rule
whose article is missing or has changed is reported (`rules verify`, and a warning of the build)."""

from __future__ import annotations

from pathlib import Path

import pytest

from corpus import Catalogue, SourceFile, ingest
from corpus.model import DocKind, DocStatus, Document, Segment, SourceSpan
from rules import Rule, RuleCitation, list_rules, verify_citations
from rules.competition import ProvincialAwardInput, provincial_award

RAW = Path(__file__).resolve().parents[2] / "corpus" / "raw"


@pytest.fixture(scope="module")
def seed_catalogue() -> Catalogue:
    """The seeds catalogued in memory: no index, so it is cheap enough for every run."""
    corpus = ingest(SourceFile.read(p) for p in sorted(RAW.glob("*.txt")))
    return Catalogue(corpus.documents, corpus.segments)


def test_all_rule_citations_hold_on_the_seeds(seed_catalogue: Catalogue) -> None:
    assert verify_citations(seed_catalogue) == []


def test_all_rule_citations_hold_in_the_built_catalogue(catalogue: Catalogue) -> None:
    assert verify_citations(catalogue) == []


def _rule_citing(*citations: RuleCitation) -> Rule:
    return Rule("probe", "probe", citations, ProvincialAwardInput, provincial_award, {"rank": 1})


def test_a_missing_article_is_reported(seed_catalogue: Catalogue) -> None:
    cite = RuleCitation("云职创〔2019〕3号", "云南省职工职业技能竞赛管理办法（试行）", "第九十九条", "技术状元")
    problems = verify_citations(seed_catalogue, [_rule_citing(cite)])
    assert len(problems) == 1 and "probe" in problems[0] and "第九十九条" in problems[0]


def test_a_missing_key_phrase_is_reported(seed_catalogue: Catalogue) -> None:
    cite = RuleCitation(
        "云职创〔2019〕3号", "云南省职工职业技能竞赛管理办法（试行）", "第十八条（一）", "一次性奖金50000元"
    )
    problems = verify_citations(seed_catalogue, [_rule_citing(cite)])
    assert problems and "找不到关键语句" in problems[0]


def test_a_missing_document_is_reported(seed_catalogue: Catalogue) -> None:
    cite = RuleCitation("云工〔2099〕1号", "不存在的办法", "第一条", "任何")
    assert verify_citations(seed_catalogue, [_rule_citing(cite)])


def test_a_wrong_doc_number_is_reported(seed_catalogue: Catalogue) -> None:
    cite = RuleCitation("云工通〔2020〕18号", "云南省职工职业技能竞赛管理办法（试行）", "第十八条（一）", "技术状元")
    problems = verify_citations(seed_catalogue, [_rule_citing(cite)])
    assert problems and "云职创〔2019〕3号" in problems[0]


def test_phrases_match_across_pdf_spacing_and_items() -> None:
    """A phrase broken by spaces and line ends in the seed, and a phrase in an item of the cited
    article, both count as present."""
    doc = Document(
        "d1",
        "测试办法",
        "测工〔2024〕1号",
        None,
        None,
        DocKind.MEASURES,
        DocStatus.IN_FORCE,
        False,
        None,
        SourceSpan("f.txt", 1, 3),
    )
    parent = Segment("s1", "d1", "第一条", (), "第一条 总则。", SourceSpan("f.txt", 1, 1), None, 1, 0, ("s2",))
    child = Segment("s2", "d1", "第一条（一）", (), "（一）不少于 20\n场次；", SourceSpan("f.txt", 2, 3), "s1", 2, 1)
    cat = Catalogue([doc], [parent, child])
    cite = RuleCitation("测工〔2024〕1号", "测试办法", "第一条", "不少于20场次")
    assert verify_citations(cat, [_rule_citing(cite)]) == []


def test_every_rule_declares_at_least_one_citation() -> None:
    assert all(rule.citations for rule in list_rules())
