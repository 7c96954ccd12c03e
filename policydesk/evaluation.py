"""Measuring retrieval and answers on any folder of gold questions, for `policydesk eval` and the bench.
It sits in the service layer, outside the request path: it calls the Desk's search, ask and govern like
any client and reads nothing of their internals.

A folder holds ``qa.jsonl`` or ``dev_qa.jsonl`` (questions with gold citations; ``type`` ``not_in_corpus``
for those the corpus cannot answer), optionally ``notfound.jsonl`` (more of those), ``dev_governs.jsonl``
(cases) and ``corpus/`` (texts the questions are asked against, added beside the configured corpus the way
a user adds them). A hit is right when it cites the gold file and its source lines hold the gold line.
The question sets are for measuring only: nothing in the product reads them.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from core.errors import InvalidInput
from core.text import compact

READ_BUDGET_CHARS = 1000  # what a person reads of the hit list before giving up


@dataclass
class Metrics:
    n: int = 0
    recall_at_1: float = 0.0
    recall_at_5: float = 0.0
    mrr_at_10: float = 0.0
    recall_1000_chars: float = 0.0

    def to_dict(self) -> dict:
        return {k: round(v, 4) if isinstance(v, float) else v for k, v in self.__dict__.items()}


@dataclass
class Report:
    retrieval: Metrics
    by_type: dict[str, Metrics]
    governs_top1: float | None
    not_found_accuracy: float | None
    false_not_found: int
    verbatim_rate: float
    superseded_cited: int
    answer_fact_rate: float
    details: list[dict] = field(default_factory=list)

    def to_dict(self) -> dict:
        return {
            "retrieval": self.retrieval.to_dict(),
            "by_type": {k: v.to_dict() for k, v in sorted(self.by_type.items())},
            "governs_top1": None if self.governs_top1 is None else round(self.governs_top1, 4),
            "not_found_accuracy": None if self.not_found_accuracy is None else round(self.not_found_accuracy, 4),
            "false_not_found": self.false_not_found,
            "false_not_found_rate": round(self.false_not_found / self.retrieval.n, 4) if self.retrieval.n else 0.0,
            "verbatim_rate": round(self.verbatim_rate, 4),
            "superseded_cited": self.superseded_cited,
            "answer_fact_rate": round(self.answer_fact_rate, 4),
        }


def load_jsonl(path: Path) -> list[dict]:
    try:
        return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    except (OSError, ValueError) as exc:
        raise InvalidInput(f"无法读取评测文件 {path}：{exc}") from None


def hit_matches(hit: dict, gold: dict) -> bool:
    source = hit["source"]
    return source["file"] == gold["seed_file"] and source["line_start"] <= gold["line"] <= source["line_end"]


def rank_of_first_match(hits: Sequence[dict], golds: Sequence[dict]) -> int | None:
    for rank, hit in enumerate(hits, start=1):
        if any(hit_matches(hit, g) for g in golds):
            return rank
    return None


def within_budget(hits: Sequence[dict], golds: Sequence[dict], budget: int = READ_BUDGET_CHARS) -> bool:
    used = 0
    for hit in hits:
        if used >= budget:
            return False
        if any(hit_matches(hit, g) for g in golds):
            return True
        used += len(hit["text"])
    return False


def retrieval_metrics(rows: Sequence[tuple[list[dict], list[dict]]]) -> Metrics:
    m = Metrics(n=len(rows))
    if not rows:
        return m
    for hits, golds in rows:
        rank = rank_of_first_match(hits[:10], golds)
        m.recall_at_1 += rank == 1
        m.recall_at_5 += rank is not None and rank <= 5
        m.mrr_at_10 += 1.0 / rank if rank else 0.0
        m.recall_1000_chars += within_budget(hits, golds)
    for key in ("recall_at_1", "recall_at_5", "mrr_at_10", "recall_1000_chars"):
        setattr(m, key, getattr(m, key) / len(rows))
    return m


def _normalise_fact(text: str) -> str:
    table = str.maketrans({"：": ":", "∶": ":", "～": "—", "~": "—", "-": "—", "，": ",", "（": "(", "）": ")"})
    return compact(text.translate(table))


@dataclass(frozen=True)
class EvalSet:
    """One folder of gold questions, cases and (optionally) the texts they are asked against."""

    directory: Path
    qa: list[dict]
    governs: list[dict]
    corpus: list[Path]

    @classmethod
    def load(cls, directory: Path) -> EvalSet:
        qa_file = next((directory / n for n in QA_FILES if (directory / n).is_file()), None)
        if qa_file is None:
            raise InvalidInput(f"评测目录中没有 {' 或 '.join(QA_FILES)}：{directory}")
        qa = load_jsonl(qa_file)
        if (directory / NOT_FOUND_FILE).is_file():
            qa += [{**row, "type": NOT_IN_CORPUS} for row in load_jsonl(directory / NOT_FOUND_FILE)]
        governs = load_jsonl(directory / GOVERNS_FILE) if (directory / GOVERNS_FILE).is_file() else []
        corpus_dir = directory / "corpus"
        corpus = sorted(p for p in corpus_dir.iterdir() if p.is_file()) if corpus_dir.is_dir() else []
        return cls(directory, qa, governs, corpus)


QA_FILES = ("qa.jsonl", "dev_qa.jsonl")
NOT_FOUND_FILE = "notfound.jsonl"
GOVERNS_FILE = "dev_governs.jsonl"
NOT_IN_CORPUS = "not_in_corpus"


def measure(
    eval_set: EvalSet,
    search: Callable[[str, int], dict],
    ask: Callable[[str], dict],
    govern: Callable[[str], dict],
    superseded_titles: set[str],
) -> Report:
    qa, governs = eval_set.qa, eval_set.governs
    rows: list[tuple[list[dict], list[dict]]] = []
    typed: dict[str, list[tuple[list[dict], list[dict]]]] = defaultdict(list)
    not_found_right = not_found_total = false_not_found = 0
    quotes = verbatim = superseded = 0
    facts_total = facts_found = 0
    details: list[dict] = []
    for item in qa:
        hits = search(item["question"], 10)["hits"]
        answer = ask(item["question"])
        for citation in answer.get("citations", []):
            quotes += 1
            verbatim += bool(citation.get("verified"))
            superseded += citation.get("doc_title") in superseded_titles
        if item.get("type") == NOT_IN_CORPUS or not item.get("gold"):
            not_found_total += 1
            not_found_right += not answer["found"]
            details.append({"id": item["id"], "type": item["type"], "found": answer["found"]})
            continue
        false_not_found += not answer["found"]
        rows.append((hits, item["gold"]))
        typed[item.get("type", "qa")].append((hits, item["gold"]))
        answer_text = _normalise_fact(answer.get("answer", ""))
        for fact in item.get("answer_facts", []):
            facts_total += 1
            facts_found += _normalise_fact(fact) in answer_text
        details.append(
            {
                "id": item["id"],
                "type": item["type"],
                "rank": rank_of_first_match(hits[:10], item["gold"]),
                "found": answer["found"],
            }
        )
    top1 = 0
    for item in governs:
        result = govern(item["case"])
        regs = result.get("regulations", [])
        gold_titles = {g["doc_title"] for g in item["gold"]}
        top1 += bool(regs) and regs[0]["doc_title"] in gold_titles
        banned = set(item.get("must_not_cite", []))
        superseded += sum(1 for r in regs if r["doc_title"] in banned or r["doc_title"] in superseded_titles)
        details.append({"id": item["id"], "top": regs[0]["doc_title"] if regs else None, "gold": sorted(gold_titles)})
    return Report(
        retrieval=retrieval_metrics(rows),
        by_type={t: retrieval_metrics(r) for t, r in typed.items()},
        governs_top1=top1 / len(governs) if governs else None,
        not_found_accuracy=not_found_right / not_found_total if not_found_total else None,
        false_not_found=false_not_found,
        verbatim_rate=verbatim / quotes if quotes else 1.0,
        superseded_cited=superseded,
        answer_fact_rate=facts_found / facts_total if facts_total else 0.0,
        details=details,
    )
