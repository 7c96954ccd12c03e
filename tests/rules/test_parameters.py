"""Rule parameters are data (rules/params/*.toml): values with their unit, source article and period,
read by the rules, checked by `rules verify` like citations, and flagged when their document is gone."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from corpus import Catalogue, SourceFile, ingest
from corpus.model import DocStatus
from rules import all_parameters, evaluate_rule, verify_citations
from rules.parameters import ParameterFileError, document, parse_document

RAW = Path(__file__).resolve().parents[2] / "corpus" / "raw"


@pytest.fixture(scope="module")
def seed_catalogue() -> Catalogue:
    corpus = ingest(SourceFile.read(p) for p in sorted(RAW.glob("*.txt")))
    return Catalogue(corpus.documents, corpus.segments)


def test_every_parameter_has_a_source_and_a_period() -> None:
    params = all_parameters()
    assert len(params) >= 80
    for p in params:
        assert p.cite.locator and p.cite.key_phrase and p.periods[0].valid_from.year >= 2019


def test_rules_read_their_numbers_from_the_parameter_files() -> None:
    assert document("training_fund").value("living") == 80
    out = evaluate_rule("training_living_subsidy", {"days": 10, "trainees": 2})
    assert out.outputs["per_person_yuan"] == 10 * document("training_fund").value("living")
    plan = evaluate_rule("kunming_annual_plan", {"year": 2027}).outputs
    assert plan["quotas"]["city_level_competitions_min"] == document("kunming_plan_2022").value("k_city") == 20


def test_a_value_is_read_for_a_date_from_its_period() -> None:
    doc = parse_document(
        "probe",
        {
            "document": {"doc_number": None, "title": "试验办法", "valid_from": date(2020, 1, 1)},
            "params": {
                "rate": {
                    "locator": "第一条",
                    "phrase": "标准",
                    "periods": [
                        {"value": 80, "from": date(2020, 1, 1), "until": date(2023, 12, 31)},
                        {"value": 100, "from": date(2024, 1, 1)},
                    ],
                }
            },
        },
    )
    assert doc.value("rate", date(2022, 5, 1)) == 80
    assert doc.value("rate", date(2025, 5, 1)) == 100
    assert doc.value("rate") == 100  # no date: the latest period
    with pytest.raises(KeyError):
        doc.value("rate", date(2019, 5, 1))


def test_a_file_without_locator_is_refused() -> None:
    with pytest.raises(ParameterFileError, match="locator"):
        parse_document("probe", {"document": {"title": "办法", "valid_from": "2020-01-01"}, "params": {"x": {}}})


def test_every_parameter_reference_holds_on_the_seeds(seed_catalogue: Catalogue) -> None:
    assert verify_citations(seed_catalogue) == []


def test_a_parameter_whose_phrase_is_gone_is_reported(seed_catalogue: Catalogue) -> None:
    living = document("training_fund").param("living")
    broken = replace(living, cite=replace(living.cite, key_phrase="按照90元/人/天"))
    problems = verify_citations(seed_catalogue, rules=[], parameters=[broken])
    assert problems and problems[0].startswith("参数 training_fund.living") and "找不到关键语句" in problems[0]


def test_a_parameter_of_a_superseded_document_is_flagged(seed_catalogue: Catalogue) -> None:
    living = document("training_fund").param("living")
    seg = seed_catalogue.lookup(living.cite.doc_title, living.cite.locator)
    docs = [replace(d, status=DocStatus.SUPERSEDED) if d.id == seg.doc_id else d for d in seed_catalogue.documents()]
    stale = Catalogue(docs, seed_catalogue.segments())
    problems = verify_citations(stale, rules=[], parameters=[living])
    assert problems and "已废止或被新文件替代" in problems[0]
