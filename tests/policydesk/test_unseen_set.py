"""The unseen evaluation set (bench/data/unseen_fit, unseen_heldout) is only worth its figures if its gold is
right: each gold line must lie inside a catalogued provision of the cited document whose locator is the one
the gold names, and the facts a correct answer must contain must stand in those provisions. Checked against
the catalogue built from the bundled seeds, so a gold error or a drifted seed copy fails here, not silently in
the bench."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from corpus import Catalogue
from policydesk.evaluation import NOT_IN_CORPUS, EvalSet

DATA = Path(__file__).resolve().parents[2] / "bench" / "data"
FOLDERS = ("unseen_fit", "unseen_heldout")
# The one seed without a title in its text: the gold uses the title agreed in ../shared/eval/README.md §5.
AGREED_TITLES = {"001_4198c2d7a790c808.txt": "昆明市2021年产业工人队伍建设改革工作总结"}
_FOLD = str.maketrans({"：": ":", "∶": ":", "～": "—", "~": "—", "-": "—", "，": ",", "（": "(", "）": ")"})


def _norm(text: str) -> str:
    return "".join(text.translate(_FOLD).split())


def _rows(name: str) -> list[dict]:
    return EvalSet.load(DATA / name).qa


def _locators_agree(gold: str, segment: str) -> bool:
    """Equal, or one names a finer part of the other (第十七条 / 第十七条（六）; a news heading path)."""
    return gold == segment or gold.startswith(segment) or segment.startswith(gold) or gold.endswith(segment)


def _numbered(locator: str) -> bool:
    return "条" in locator or "、" in locator


def test_both_folders_are_disjoint_and_well_formed() -> None:
    fit, held = _rows("unseen_fit"), _rows("unseen_heldout")
    ids = [r["id"] for r in fit + held]
    questions = [r["question"] for r in fit + held]
    assert len(set(ids)) == len(ids) and len(set(questions)) == len(questions)
    for rows in (fit, held):
        answerable = [r for r in rows if r["type"] != NOT_IN_CORPUS]
        assert len(answerable) >= 50 and len(rows) - len(answerable) >= 20
        assert all(r["gold"] and r["answer_facts"] for r in answerable)
        assert all(not r["gold"] and not r["answer_facts"] for r in rows if r["type"] == NOT_IN_CORPUS)


@pytest.mark.parametrize("name", FOLDERS)
def test_every_gold_line_lies_in_the_named_provision_and_holds_the_facts(name: str, catalogue: Catalogue) -> None:
    documents = catalogue.documents()
    problems = []
    for row in (r for r in _rows(name) if r["type"] != NOT_IN_CORPUS):
        texts = []
        for gold in row["gold"]:
            file, line = gold["seed_file"], gold["line"]
            holding = [
                d
                for d in documents
                if d.source.file == file
                and d.source.line_start <= line <= d.source.line_end
                and d.doc_number == gold["doc_number"]
            ]
            if not holding:
                problems.append(f"{row['id']}: no catalogued document of {gold['doc_number']} holds {file}:{line}")
                continue
            doc = min(holding, key=lambda d: d.source.line_end - d.source.line_start)
            if _norm(AGREED_TITLES.get(file, doc.title)) != _norm(gold["doc_title"]):
                problems.append(f"{row['id']}: {file}:{line} is in 《{doc.title}》, not 《{gold['doc_title']}》")
            segments = [s for s in catalogue.segments(doc.id) if s.source.line_start <= line <= s.source.line_end]
            if not segments:
                problems.append(f"{row['id']}: no provision of 《{doc.title}》 holds line {line}")
                continue
            if _numbered(gold["locator"]) and not any(_locators_agree(gold["locator"], s.locator) for s in segments):
                found = [s.locator for s in segments]
                problems.append(f"{row['id']}: line {line} is in {found}, not {gold['locator']}")
            texts += [s.text for s in segments]
        held = _norm("".join(texts))
        problems += [
            f"{row['id']}: fact {f!r} not in its provisions" for f in row["answer_facts"] if _norm(f) not in held
        ]
    assert not problems, "\n".join(problems)


def test_not_found_questions_say_why() -> None:
    for name in FOLDERS:
        rows = [json.loads(line) for line in (DATA / name / "notfound.jsonl").read_text(encoding="utf-8").splitlines()]
        assert rows and all(r["type"] == NOT_IN_CORPUS and r.get("note") for r in rows)
