"""The lexical-first cascade (issue 14): whether a question's lexical evidence already decides its answer,
so the question need not be embedded.

The query embedding is most of an ask's CPU (~13 ms of ~17). Ranked by the lexical ranker alone, a
question whose best provision stands far above the rest gets, almost always, the same best provision and
the same found / not-found decision as with the dense part: then the embedding changes nothing the reader
sees. This module says when. It is a logistic model over question-level features computed from the
lexical ranking only (no phrase list, nothing about particular questions), fitted by
``bench/fit_gate.py`` against the shipped ranker and answerability models — label: the lexical path gives
the same top provision and the same found / not-found decision as the hybrid path — and shipped as
``indexer/models/gate.json`` with the operating threshold chosen for high agreement on the fitting
questions. Nothing here is set by hand; refitting is running that script after the other models.

A question the gate does not trust is embedded and ranked as before (the lexical scores are reused).
"""

from __future__ import annotations

import functools
import json
import math
from dataclasses import dataclass
from importlib import resources

import numpy as np

from core.errors import IndexMissing

MODEL_FILE = "gate.json"
GATE_FEATURES = (
    "kind_asked",  # the question asks for a kind of value (an amount, a date, a period…)
    "log_margin",  # log(1 + the lexical ranker's best score minus the second's): how far the best stands out
    "kind_log_margin",  # … when a value is asked
    "top_score",  # the lexical ranker's score of the best provision
    "kind_top_score",  # … when a value is asked
)
# Why so few: richer sets (the best provision's shares, head share, BM25, the question's unseen tokens,
# the lexical answerability evidence) were tried and transfer worse between corpora (bench/README.md).
# What decides agreement is whether a value is asked: then "not found" is settled by the hard test
# (is the value stated?) on the same best provisions, not by a model that reads the dense features.


@dataclass(frozen=True)
class LexicalEvidence:
    """What the gate reads: the lexical ranker's scores of a question's candidates, and what it asks."""

    scores: np.ndarray  # the lexical ranker's scores, best first (at least the best two)
    kind_asked: bool

    def vector(self) -> np.ndarray:
        if self.scores.size == 0:
            return np.zeros(len(GATE_FEATURES))
        top = float(self.scores[0])
        second = float(self.scores[1]) if self.scores.size > 1 else top - 1.0
        kind = float(self.kind_asked)
        log_margin = math.log1p(max(top - second, 0.0))
        return np.array([kind, log_margin, kind * log_margin, top, kind * top])


class Gate:
    """The fitted gate: ``trusts`` says the lexical ranking may answer without the embedding."""

    def __init__(self, meta: dict) -> None:
        if tuple(meta["features"]) != GATE_FEATURES:
            raise IndexMissing("级联门控模型的特征与程序不一致，请运行 bench/fit_gate.py 重新拟合")
        self.meta = meta
        self._weights = np.array(meta["weights"], dtype=np.float64)
        self._mean = np.array(meta["mean"], dtype=np.float64)
        self._scale = np.array(meta["scale"], dtype=np.float64)
        self.threshold = float(meta["threshold"])

    @property
    def version(self) -> str:
        return str(self.meta.get("version", "?"))

    def probability(self, evidence: LexicalEvidence) -> float:
        """Estimated probability that the lexical path gives the hybrid path's answer."""
        if evidence.scores.size == 0:
            return 0.0
        z = float(((evidence.vector() - self._mean) / self._scale) @ self._weights) + float(self.meta["intercept"])
        return 1.0 / (1.0 + math.exp(-z))

    def trusts(self, evidence: LexicalEvidence) -> bool:
        return self.probability(evidence) >= self.threshold


@functools.lru_cache(maxsize=1)
def load_gate() -> Gate:
    """The shipped gate (read once per process, no network)."""
    try:
        text = resources.files("indexer").joinpath("models", MODEL_FILE).read_text(encoding="utf-8")
        return Gate(json.loads(text))
    except (OSError, ValueError, KeyError) as exc:
        raise IndexMissing(f"缺少级联门控模型文件 indexer/models/{MODEL_FILE}（{exc}）") from None
