"""Fit the lexical-first cascade's gate (indexer/gate.py), validate it across corpora, and write
indexer/models/gate.json. Reproducible (no randomness); run it after bench/fit_models.py, because the
gate is fitted against the shipped ranker and answerability models.

    python bench/fit_gate.py [--no-write]

Per question, the answer path is run twice with the product's own code: in full (embedded, hybrid
ranker, hybrid answerability model) and lexical only (lexical ranker, lexical answerability model). The
label: the two give the same answer — the same text and citations (hence the same found / not-found
decision); the same best provision is reported beside it. The gate is a
logistic model over lexical-only features of the question (``indexer.gate.GATE_FEATURES``); its threshold
is the lowest at which the questions it would skip still get identical answers at least TARGET of the
time on the fitting questions — the largest skip share at that precision.

Sets: the seeds dev set (../shared/eval), bench/data/unseen_fit (over the seeds), STARD dev
(../shared/eval/stard_dev, over the seeds + national laws); bench/data/unseen_heldout is scored only.
Only questions that ask for a value reach the gate (``indexer.gate.gated``), and not those an exact
citation decides: the others are counted in each set's size but not fitted on.
Reported: fit on the seeds side → score STARD and the reverse, and the shipped fit on every set (skip
share; among the skipped: the same best provision and decision, identical answers).
"""

from __future__ import annotations

import argparse
import hashlib
import json
from dataclasses import dataclass

import numpy as np
from harness import EVAL_DIR, ROOT, SHARED_CACHE, built_home, fit_logistic, logistic_record, print_header, save

TARGET = 0.99  # identical answers required among the skipped questions of the fitting set (0.98 lost one)
C = 1.0  # the logistic model's inverse regularisation
MODELS = ROOT / "indexer" / "models"
EXTRA_FIT = ROOT / "bench" / "data" / "unseen_fit"
HELD_OUT = ROOT / "bench" / "data" / "unseen_heldout"
SEEDS_SIDE = ("seeds", "unseen_fit")
AGAINST = ("ranker.txt", "ranker_lexical.txt", "answerable.json", "answerable_lexical.json")


@dataclass
class Row:
    set: str
    vector: np.ndarray  # GATE_FEATURES
    agrees: bool  # same best provision and same found decision
    identical: bool  # the same answer text and citations
    ungated: bool = False  # an exact citation decides it, or no value is asked: never gated, not fitted on


class _Always:
    """A gate that trusts every lexical ranking: the lexical path of each question, for the labels."""

    def trusts(self, evidence: object) -> bool:
        return True


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--no-write", action="store_true", help="report only; keep the shipped gate file")
    parser.add_argument("--target", type=float, default=TARGET, help="agreement required among the skipped")
    args = parser.parse_args()
    info = print_header(
        "fit the cascade gate", "seeds dev, unseen_fit, STARD dev; unseen_heldout scored", "", quiet=False
    )
    from policydesk.config import Settings
    from policydesk.desk import Desk
    from policydesk.evaluation import EvalSet

    homes = SHARED_CACHE / "fit-homes"
    seeds_desk = Desk(Settings(home=built_home(homes / "seeds"), cascade=False))  # no gate file needed
    stard_desk = Desk(Settings(home=homes / "stard", cascade=False), embedder=seeds_desk.embedder)
    stard_desk.ensure_built(progress=False)
    sets = {
        "seeds": (EvalSet.load(EVAL_DIR), seeds_desk),
        "unseen_fit": (EvalSet.load(EXTRA_FIT), seeds_desk),
        "stard": (EvalSet.load(EVAL_DIR / "stard_dev"), stard_desk),
        "unseen_heldout": (EvalSet.load(HELD_OUT), seeds_desk),
    }
    rows = {name: _rows(name, s, d) for name, (s, d) in sets.items()}
    report: dict = {"hardware": info, "target": args.target, "validation": {}}
    stard_side = ("stard",)
    for train, test in ((SEEDS_SIDE, "stard"), (stard_side, "seeds"), (stard_side, "unseen_fit")):
        model = _fit([r for name in train for r in rows[name]], args.target)
        report["validation"][f"fit {'+'.join(train)} → score {test}"] = _metrics(model, rows[test])
    fitted = [*SEEDS_SIDE, "stard"]
    model = _fit([r for name in fitted for r in rows[name]], args.target)
    for name in rows:
        label = "in-sample" if name in fitted else "held out"
        report["validation"][f"fit all → score {name} ({label})"] = _metrics(model, rows[name])
    _print(report)
    save("fit_gate", report)
    if not args.no_write:
        model["fitted_on"] = ["../shared/eval dev_qa.jsonl", "bench/data/unseen_fit", "../shared/eval/stard_dev"]
        model["fitted_against"] = {f: _digest(MODELS / f) for f in AGAINST}
        model["validation"] = report["validation"]
        (MODELS / "gate.json").write_text(json.dumps(model, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        print(f"wrote {MODELS / 'gate.json'}")
    return 0


def _rows(name: str, eval_set, desk) -> list[Row]:  # type: ignore[no-untyped-def]
    """Each question's gate features and whether its lexical path answers as its full path does."""
    import copy

    from indexer.answer import ask, judge
    from indexer.gate import gated

    retriever = copy.copy(desk.snapshot().retriever)  # this process switches the gate of its own copy
    out = []
    for item in eval_set.qa:
        query = retriever.query(item["question"])
        if retriever._exact_decides(query, retriever.exact_hits(query), None) or not gated(query):
            out.append(Row(name, np.zeros(0), True, True, ungated=True))
            continue
        lexical = retriever.candidates(query, dense=False)
        scores = retriever.ranker_for(dense=False).score(lexical.matrix)
        vector = retriever.lexical_evidence(query, scores).vector()
        seen = []
        for gate in (None, _Always()):
            retriever.gate = gate  # type: ignore[assignment]
            hits = judge(query, retriever).ranking.hits
            answer = ask(query, retriever)
            cited = [(c.doc_title, c.locator, c.quote) for c in answer.citations]
            seen.append((hits[0].segment.id if hits else None, answer.found, answer.answer, cited))
        (top_h, found_h, text_h, cited_h), (top_l, found_l, text_l, cited_l) = seen
        agrees = top_h == top_l and found_h == found_l
        out.append(Row(name, vector, agrees, agrees and text_h == text_l and cited_h == cited_l))
    asked = [r for r in out if not r.ungated]
    print(f"{name}: {len(asked)} of {len(out)} questions gated, {np.mean([r.agrees for r in asked]):.3f} agree")
    return out


def _fit(rows: list[Row], target: float) -> dict:
    from indexer.gate import GATE_FEATURES

    rows = [r for r in rows if not r.ungated]
    x = np.array([r.vector for r in rows])
    y = np.array([r.identical for r in rows], dtype=int)
    lr, mean, scale, p = fit_logistic(x, y, C=C)
    threshold = 1.0
    for t in np.linspace(1.0, 0.0, 201):  # lower the threshold while the skipped still agree
        skipped = p >= t
        if skipped.any() and y[skipped].mean() < target:
            break
        threshold = float(t)
    return {
        **logistic_record(lr, mean, scale, GATE_FEATURES, threshold),
        "model": "logistic regression (scikit-learn): the lexical path gives the full path's answer",
        "target": target,
        "C": C,
        "script": "bench/fit_gate.py",
    }


def _metrics(model: dict, rows: list[Row]) -> dict[str, float]:
    w, b = np.array(model["weights"]), model["intercept"]
    mean, scale = np.array(model["mean"]), np.array(model["scale"])
    total = len(rows)
    rows = [r for r in rows if not r.ungated]
    skipped = [r for r in rows if 1 / (1 + np.exp(-(((r.vector - mean) / scale) @ w + b))) >= model["threshold"]]
    n = max(len(skipped), 1)
    return {
        "n": total,
        "n_gated": len(rows),  # no exact citation decides them, and they ask for a value
        "skip_share": round(len(skipped) / max(total, 1), 4),  # of all the set's questions
        "agree_skipped": round(sum(r.agrees for r in skipped) / n, 4),
        "identical_skipped": round(sum(r.identical for r in skipped) / n, 4),
        "disagree_skipped": sum(not r.agrees for r in skipped),
        "differ_skipped": sum(not r.identical for r in skipped),  # answers not identical
        "agree_all_lexical": round(float(np.mean([r.agrees for r in rows])), 4),
    }


def _digest(path) -> str:  # type: ignore[no-untyped-def]
    return hashlib.sha256(path.read_bytes()).hexdigest()[:16]


def _print(report: dict) -> None:
    target = report["target"]
    print(f"\ngate (target {target}): skip share / same best + decision / identical answers among the skipped")
    for name, m in report["validation"].items():
        print(
            f"  {name:<44} {m['skip_share']:.3f} / {m['agree_skipped']:.3f} / {m['identical_skipped']:.3f}"
            f" ({m['differ_skipped']} differ; {m['n_gated']} of {m['n']} questions gated)"
        )


if __name__ == "__main__":
    raise SystemExit(main())
