"""The lexical-first cascade (issue 14): whether a question's lexical evidence already decides its answer,
so the question need not be embedded.

The query embedding is most of an ask's CPU (~13 ms of ~17). Ranked by the lexical ranker alone, a
question whose best provision stands far above the rest gets, almost always, the same best provision and
the same found / not-found decision as with the dense part: then the embedding changes nothing the reader
sees. This module says when. It is a calibrated logistic model over question-level features computed
from the lexical ranking only (no phrase list, nothing about particular questions), fitted by
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
from indexer.features import FEATURES

MODEL_FILE = "gate.json"
GATE_FEATURES = (
    "top_score",  # the lexical ranker's score of the best provision
    "margin",  # … minus the second's: how far the best stands out
    "margin3",  # … minus the third's
    "top_lex",  # the best provision's scaled BM25
    "top_share",  # share of the question's bigram weight in the best provision
    "top_share_text",  # … in its own text
    "top_head_share",  # … in its title and headings
    "top_title",  # how well the question names the best provision's document
    "top_doc_share",  # how many of the best provisions come from its document
    "top_share_rest",  # share beyond the document's title
    "share3",  # the largest share among the three best
    "lex_top",  # log of the best unit's raw BM25 score
    "unseen",  # share of the question's BM25 tokens found nowhere in the corpus
    "n_tokens",  # log of the number of the question's BM25 tokens
    "kind_asked",  # the question asks for a kind of value (an amount, a date…)
    "referenced",  # the question names a document the catalogue holds
)
_COLUMN = {
    name: FEATURES.index(name)
    for name in ("lex", "share", "share_text", "head_share", "title", "doc_share", "share_rest", "referenced")
}


@dataclass(frozen=True)
class LexicalEvidence:
    """What the gate reads: the lexical ranking of a question's candidate provisions."""

    scores: np.ndarray  # the lexical ranker's scores, best first
    rows: np.ndarray  # their feature rows, in the same order
    lex_top: float  # the best unit's raw BM25 score
    unseen: float
    n_tokens: int
    kind_asked: bool

    def vector(self) -> np.ndarray:
        if self.rows.shape[0] == 0:
            return np.zeros(len(GATE_FEATURES))
        top, s = self.rows[0], self.scores
        second = float(s[1]) if s.size > 1 else float(s[0]) - 1.0
        third = float(s[2]) if s.size > 2 else second - 1.0
        return np.array(
            [
                float(s[0]),
                float(s[0]) - second,
                float(s[0]) - third,
                float(top[_COLUMN["lex"]]),
                float(top[_COLUMN["share"]]),
                float(top[_COLUMN["share_text"]]),
                float(top[_COLUMN["head_share"]]),
                float(top[_COLUMN["title"]]),
                float(top[_COLUMN["doc_share"]]),
                float(top[_COLUMN["share_rest"]]),
                float(self.rows[:3, _COLUMN["share"]].max()),
                math.log1p(max(self.lex_top, 0.0)),
                self.unseen,
                math.log1p(self.n_tokens),
                float(self.kind_asked),
                float(self.rows[:, _COLUMN["referenced"]].max() > 0),
            ]
        )


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
        if evidence.rows.shape[0] == 0:
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
