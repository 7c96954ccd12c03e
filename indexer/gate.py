"""The lexical-first cascade (issue 14): whether a question's lexical evidence already decides its answer,
so the question need not be embedded.

The query embedding is most of an ask's CPU (~13 ms of ~17). Ranked by the lexical ranker alone, a
question whose best provision stands far above the rest gets, almost always, the same best provision and
the same found / not-found decision as with the dense part: then the embedding changes nothing the reader
sees. This module says when. Only a question asking for a value is gated (``gated``: its answer never
depends on a model that reads the dense features); the gate is a logistic model over how far the
lexical ranking's best provision stands out (no phrase list, nothing about particular questions), fitted by
``bench/fit_gate.py`` against the shipped ranker and answerability models — label: the lexical path gives
the hybrid path's answer, word for word — and shipped as ``indexer/models/gate.json`` with the operating
threshold at which 99 % of the skipped fitting questions get identical answers. Nothing here is set by
hand; refitting is running that script after the other models.

A question the gate does not trust is embedded and ranked as before (the lexical scores are reused).
"""

from __future__ import annotations

import functools
import math
from dataclasses import dataclass

import numpy as np

from core.errors import IndexMissing
from indexer.logistic import LogisticModel, read_model_file
from indexer.query import Query

MODEL_FILE = "gate.json"
GATE_FEATURES = (
    "log_margin",  # log(1 + the lexical ranker's best score minus the second's): how far the best stands out
    "top_score",  # the lexical ranker's score of the best provision
)


def gated(query: Query) -> bool:
    """Only a question that asks for a value (an amount, a date, a period) is gated: its found / not
    found is settled by the hard test on its ranked provisions (is the value stated in a sentence that
    shares the question's terms?), never by the answerability model, whose verdict reads the dense
    features and often differs without them. Gating every question was tried: the lexical and the
    hybrid answerability models disagree on ~10 % of the questions whose best provision is the same, and
    corpus stretches asked as questions flipped to "found" (bench/README.md)."""
    return query.kind is not None and query.kind.is_value


@dataclass(frozen=True)
class LexicalEvidence:
    """What the gate reads: the lexical ranker's best scores for a question's candidates."""

    scores: np.ndarray  # the lexical ranker's best scores, best first (the best two)

    def vector(self) -> np.ndarray:
        if self.scores.size == 0:
            return np.zeros(len(GATE_FEATURES))
        top = float(self.scores[0])
        second = float(self.scores[1]) if self.scores.size > 1 else top - 1.0
        return np.array([math.log1p(max(top - second, 0.0)), top])


class Gate(LogisticModel):
    """The fitted gate: ``trusts`` says the lexical ranking may answer without the embedding."""

    def __init__(self, meta: dict) -> None:
        super().__init__(meta, GATE_FEATURES, "级联门控模型的特征与程序不一致，请运行 bench/fit_gate.py 重新拟合")

    def probability(self, evidence: LexicalEvidence) -> float:
        """Estimated probability that the lexical path gives the hybrid path's answer."""
        if evidence.scores.size == 0:
            return 0.0
        return self.probability_of(evidence.vector())

    def trusts(self, evidence: LexicalEvidence) -> bool:
        return self.probability(evidence) >= self.threshold


@functools.lru_cache(maxsize=1)
def load_gate() -> Gate:
    """The shipped gate (read once per process, no network)."""
    meta = read_model_file(MODEL_FILE, "级联门控模型")
    try:
        return Gate(meta)
    except KeyError as exc:
        raise IndexMissing(f"缺少级联门控模型文件 indexer/models/{MODEL_FILE}（{exc}）") from None
