"""Fit the learned ranker and the answerability model on both dev sets, validate across corpora, and
write the shipped model files. Reproduces indexer/models/ exactly (fixed seeds, one thread).

    python bench/fit_models.py [--no-write]

Two modes, each with its own pair of models: ``hybrid`` (BM25 + embeddings, the default) and ``lexical``
(no embedding model: fitted on the features a lexical-only index computes, dense ones at zero).

Sets: the seeds dev set (../shared/eval: questions over the bundled corpus) and STARD dev
(../shared/eval/stard_dev: national laws added beside the seeds, as a user adds them). Features come
from the product's own code (Retriever.candidates → indexer/features.py), so the model is fitted on
exactly the numbers it is served.

A third set, bench/data/unseen_fit (questions on the seeds written by an engineer reading the texts,
not the dev set; bench/data/UNSEEN.md), joins the shipped fit when present; its twin
bench/data/unseen_heldout is never fitted on and is scored as questions nobody tuned for.

Reported: the ranker fitted on one set and scored on the other (both ways), 5-fold cross-validation on
STARD (the seeds always in training), the shipped fit (in-sample) and the held-out set; the
answerability model the same ways, at the operating threshold chosen on the training questions (the
highest threshold whose false not-found rate stays within FNF_BUDGET).
"""

from __future__ import annotations

import argparse
import json
import tempfile
from dataclasses import dataclass

import numpy as np
from harness import EVAL_DIR, ROOT, SHARED_CACHE, built_home, fit_logistic, logistic_record, print_header, save

RANKER_PARAMS = {
    "objective": "lambdarank",
    "n_estimators": 150,
    "learning_rate": 0.05,
    "num_leaves": 7,
    "min_child_samples": 30,
    "lambdarank_truncation_level": 10,
    "subsample": 0.8,
    "subsample_freq": 1,
    "colsample_bytree": 0.8,
    "random_state": 0,
    "n_jobs": 1,
    "deterministic": True,
    "force_row_wise": True,
    "verbose": -1,
}
FNF_BUDGET = 0.07  # false not-found rate allowed on the training questions when choosing the threshold
FOLDS = 5
MODELS = ROOT / "indexer" / "models"
MODES = ("hybrid", "lexical")
EXTRA_FIT = ROOT / "bench" / "data" / "unseen_fit"  # over the seeds; joins the shipped fit
HELD_OUT = ROOT / "bench" / "data" / "unseen_heldout"  # over the seeds; never fitted on


@dataclass
class Question:
    set: str
    id: str
    text: str
    gold: list[dict]
    matrix: np.ndarray | None = None  # candidate provisions × FEATURES
    labels: np.ndarray | None = None


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--no-write", action="store_true", help="report only; keep the shipped model files")
    args = parser.parse_args()
    info = print_header(
        "fit the ranker and the answerability model",
        "../shared/eval (seeds) and ../shared/eval/stard_dev (laws beside the seeds)",
        "one fit per direction; 5 folds on STARD",
        quiet=False,  # fitting is not timed: no need to wait for a quiet machine
    )
    from policydesk.config import Settings
    from policydesk.desk import Desk
    from policydesk.evaluation import EvalSet

    seeds_set, stard_set = EvalSet.load(EVAL_DIR), EvalSet.load(EVAL_DIR / "stard_dev")
    homes = SHARED_CACHE / "fit-homes"
    seeds_home = built_home(homes / "seeds")
    seeds_desk = Desk(Settings(home=seeds_home))
    stard_home = homes / "stard"
    if stard_home.exists():
        stard_desk = Desk(Settings(home=stard_home), embedder=seeds_desk.embedder)
        stard_desk.ensure_built(progress=False)
    else:
        stard_desk = seeds_desk.beside(stard_set.corpus, stard_home)
    sets = {"seeds": (seeds_set, seeds_desk), "stard": (stard_set, stard_desk)}
    for name, folder in (("unseen_fit", EXTRA_FIT), ("unseen_heldout", HELD_OUT)):
        if folder.is_dir():
            sets[name] = (EvalSet.load(folder), seeds_desk)
    fitted = [name for name in sets if name != "unseen_heldout"]
    report: dict = {"hardware": info, "params": RANKER_PARAMS}
    for mode in MODES:
        report[mode] = _fit_mode(mode, sets, fitted, write=not args.no_write)
    _print(report)
    save("fit_models", report)
    return 0


def _fit_mode(mode: str, sets: dict, fitted: list[str], write: bool) -> dict:
    """Both models for one ranking mode: ``hybrid`` (BM25 + embeddings) or ``lexical`` (the dense features
    at zero, as a lexical-only index computes them)."""
    from indexer.answerability import MODEL_FILES as ANSWER_FILES
    from indexer.features import FEATURES
    from indexer.ranker import MODEL_FILES as RANKER_FILES
    from indexer.ranker import Ranker

    dense = mode == "hybrid"
    questions = {name: _questions(name, s, d, dense) for name, (s, d) in sets.items()}
    report: dict = {"ranker": {}, "answerability": {}}

    # -- ranker ---------------------------------------------------------------------------------
    answerable = {name: [q for q in qs if q.gold] for name, qs in questions.items()}
    for train, test in (("seeds", "stard"), ("stard", "seeds")):
        booster = _fit_ranker(answerable[train])
        report["ranker"][f"fit {train} → score {test}"] = _rank_metrics(booster, answerable[test])
    folds = []
    stard = answerable["stard"]
    order = np.random.default_rng(0).permutation(len(stard))
    for k in range(FOLDS):
        held = set(order[k::FOLDS].tolist())
        rest = [q for name in fitted if name != "stard" for q in answerable[name]]
        booster = _fit_ranker(rest + [q for i, q in enumerate(stard) if i not in held])
        folds.append(_rank_metrics(booster, [q for i, q in enumerate(stard) if i in held]))
    report["ranker"]["5-fold CV on stard (the rest in training)"] = {
        m: round(float(np.mean([f[m] for f in folds])), 4) for m in folds[0]
    }
    shipped = _fit_ranker([q for name in fitted for q in answerable[name]])
    for name in sets:
        label = "held out" if name not in fitted else "in-sample"
        report["ranker"][f"fit all → score {name} ({label})"] = _rank_metrics(shipped, answerable[name])

    # -- answerability --------------------------------------------------------------------------
    meta = _ranker_meta(report, mode)
    ranker = Ranker(shipped, meta)
    evidence = {name: _evidence(questions[name], desk, ranker, dense) for name, (_, desk) in sets.items()}
    # the provincial side is every fitted set on the seeds' texts: the seeds' own unanswerable questions are
    # all refused by the hard tests, so alone they leave the model no unanswerable example to learn from
    provincial = [name for name in fitted if name != "stard"]
    for train, test in ((provincial, "stard"), (["stard"], "seeds")):
        model = _fit_answerability([row for name in train for row in evidence[name]])
        report["answerability"][f"fit {'+'.join(train)} → score {test}"] = _answer_metrics(model, evidence[test])
    model = _fit_answerability([row for name in fitted for row in evidence[name]])
    for name in sets:
        label = "held out" if name not in fitted else "in-sample"
        report["answerability"][f"fit all → score {name} ({label})"] = _answer_metrics(model, evidence[name])
    if write:
        MODELS.mkdir(exist_ok=True)
        model_file, meta_file = RANKER_FILES[mode]
        (MODELS / model_file).write_text(shipped.booster_.model_to_string(), encoding="utf-8")
        (MODELS / meta_file).write_text(json.dumps(meta, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        model["mode"] = mode
        model["fitted"] = report["answerability"]
        (MODELS / ANSWER_FILES[mode]).write_text(json.dumps(model, ensure_ascii=False, indent=1) + "\n", "utf-8")
        print(f"wrote {MODELS}: {model_file}, {meta_file}, {ANSWER_FILES[mode]} ({len(FEATURES)} ranker features)")
    return report


def _questions(name: str, eval_set, desk, dense: bool) -> list[Question]:  # type: ignore[no-untyped-def]
    """Every question with its candidate provisions, their features and whether each holds a gold line."""
    retriever = desk.snapshot().retriever
    out = []
    for row in eval_set.qa:
        q = Question(name, row["id"], row["question"], row.get("gold") or [])
        query = retriever.query(q.text)
        provisions = retriever.candidates(query, dense=dense)
        q.matrix = provisions.matrix
        spans = [
            retriever.provision_hit(int(o), int(u), 0.0).source
            for o, u in zip(provisions.ordinals, provisions.best_unit, strict=True)
        ]
        q.labels = np.array(
            [any(g["seed_file"] == s.file and s.line_start <= g["line"] <= s.line_end for g in q.gold) for s in spans],
            dtype=np.int32,
        )
        out.append(q)
    return out


def _fit_ranker(questions: list[Question]):  # type: ignore[no-untyped-def]
    import lightgbm

    usable = [q for q in questions if q.matrix is not None and q.matrix.shape[0]]
    x = np.vstack([q.matrix for q in usable])
    y = np.concatenate([q.labels for q in usable])
    return lightgbm.LGBMRanker(**RANKER_PARAMS).fit(x, y, group=[q.matrix.shape[0] for q in usable])


def _rank_metrics(booster, questions: list[Question]) -> dict[str, float]:  # type: ignore[no-untyped-def]
    r1 = r5 = mrr = 0.0
    for q in questions:
        if q.matrix is None or not q.matrix.shape[0]:
            continue
        order = np.argsort(-booster.predict(q.matrix), kind="stable")[:10]
        rank = next((k + 1 for k, i in enumerate(order) if q.labels[i]), None)
        r1 += rank == 1
        r5 += bool(rank and rank <= 5)
        mrr += 1 / rank if rank else 0.0
    n = max(len(questions), 1)
    return {"n": len(questions), "R@1": round(r1 / n, 4), "R@5": round(r5 / n, 4), "MRR@10": round(mrr / n, 4)}


def _ranker_meta(report: dict, mode: str) -> dict:
    from indexer.features import FEATURES

    return {
        "version": "1",
        "model": "LightGBM LambdaRank",
        "mode": mode,
        "features": list(FEATURES),
        "params": RANKER_PARAMS,
        "fitted_on": ["../shared/eval dev_qa.jsonl", "../shared/eval/stard_dev qa.jsonl"]
        + (["bench/data/unseen_fit qa.jsonl"] if EXTRA_FIT.is_dir() else []),
        "validation": report["ranker"],
        "script": "bench/fit_models.py",
    }


def _evidence(questions: list[Question], desk, ranker, dense: bool) -> list[tuple[np.ndarray, bool, bool, bool]]:  # type: ignore[no-untyped-def]
    """(question features, answerable, passes the hard tests, left to the model) as ask sees them."""
    import copy

    from indexer.answer import judge

    retriever = copy.copy(desk.snapshot().retriever)  # this process only scores the model it has just fitted
    retriever.ranker = ranker
    if not dense:
        retriever.embedder = None  # as a lexical-only index ranks
    out = []
    for q in questions:
        j = judge(retriever.query(q.text), retriever)
        refused = j.reason is not None or not j.ranking.hits
        out.append((j.evidence.vector(), bool(q.gold), not refused, j.judged))
    return out


def _fit_answerability(rows: list[tuple[np.ndarray, bool, bool, bool]]) -> dict:
    from indexer.answerability import QUESTION_FEATURES

    judged = [(v, a) for v, a, _, by_model in rows if by_model]  # the model judges only what the tests leave open
    x = np.array([v for v, _ in judged])
    y = np.array([a for _, a in judged], dtype=int)
    lr, mean, scale, p = fit_logistic(x, y, C=1.0, class_weight="balanced")
    answerable_total = sum(a for _, a, _, _ in rows)
    hard_misses = sum(a and not passed for _, a, passed, _ in rows)  # answerable, refused by a hard test
    threshold = 0.0
    for t in np.linspace(0.0, 1.0, 201):
        if (hard_misses + int(np.sum((p < t) & (y == 1)))) / max(answerable_total, 1) <= FNF_BUDGET:
            threshold = float(t)
    return {
        **logistic_record(lr, mean, scale, QUESTION_FEATURES, threshold),
        "model": "logistic regression (scikit-learn), balanced classes",
        "fnf_budget": FNF_BUDGET,
        "script": "bench/fit_models.py",
    }


def _answer_metrics(model: dict, rows: list[tuple[np.ndarray, bool, bool, bool]]) -> dict[str, float]:
    w, b = np.array(model["weights"]), model["intercept"]
    mean, scale = np.array(model["mean"]), np.array(model["scale"])

    def said_found(v: np.ndarray, passed: bool, by_model: bool) -> bool:
        if not by_model:
            return passed
        return 1 / (1 + np.exp(-(((v - mean) / scale) @ w + b))) >= model["threshold"]

    unanswerable = [(v, p, m) for v, a, p, m in rows if not a]
    answerable = [(v, p, m) for v, a, p, m in rows if a]
    nf = sum(not said_found(v, p, m) for v, p, m in unanswerable)
    fnf = sum(not said_found(v, p, m) for v, p, m in answerable)
    return {
        "not_found_accuracy": round(nf / max(len(unanswerable), 1), 4),
        "n_unanswerable": len(unanswerable),
        "false_not_found": round(fnf / max(len(answerable), 1), 4),
        "n_answerable": len(answerable),
    }


def _print(report: dict) -> None:
    for mode in MODES:
        print(f"\n[{mode}] ranker (R@1 / R@5 / MRR@10 over provisions, strict gold line):")
        for name, m in report[mode]["ranker"].items():
            print(f"  {name:<44} {m['R@1']:.3f} / {m['R@5']:.3f} / {m['MRR@10']:.3f}")
        print(f"[{mode}] answerability (not-found accuracy / false not-found):")
        for name, m in report[mode]["answerability"].items():
            print(f"  {name:<44} {m['not_found_accuracy']:.3f} / {m['false_not_found']:.3f}")


if __name__ == "__main__":
    with tempfile.TemporaryDirectory():
        raise SystemExit(main())
