"""Does the best evidence answer this question? A calibrated logistic model over question-level features,
fitted on the answerable and the unanswerable questions of both dev sets by ``bench/fit_models.py`` and
shipped as ``indexer/models/answerable.json`` (weights, scaling, the operating threshold and the figures
it was chosen at). Nothing here is set by hand.

Hard, explainable tests come first in indexer/answer.py (a named document the catalogue does not hold, a
year no hit mentions, an asked amount no sentence states); this model judges the rest: whether the best
provisions are about what was asked at all.
"""

from __future__ import annotations

import functools
import math
from dataclasses import dataclass

import numpy as np

from core.errors import IndexMissing
from indexer.features import FEATURES
from indexer.logistic import LogisticModel, read_model_file

MODEL_FILES = {"hybrid": "answerable.json", "lexical": "answerable_lexical.json"}  # by ranking mode
QUESTION_FEATURES = (
    "top_score",  # the ranker's score of the best provision
    "margin",  # … minus the second's
    "top_dense",  # cosine similarity of the best provision
    "dense_lift",  # … above the mean of the ranked ones: a question the corpus answers has a provision that stands out
    "lex_top",  # log of the best unit's raw BM25 score
    "unseen",  # share of the question's BM25 tokens (words and their bigrams) found nowhere in the corpus
    "top_share",  # share of the question's bigram weight in the best provision
    "share3",  # the largest share among the three best
    "top_focus",  # share of the asking clause's weight in the best provision: the scene may match, the ask not
    "together",  # share the three best hold together (titles and headings included): what none of them holds
    "top_head_share",  # share in the best provision's title and headings
    "support",  # share in the best candidate sentence (with its title and headings)
    "kind_missing",  # a kind of value is asked and no candidate sentence holds one
    "kind_found",  # a kind of value is asked and a supported sentence holds one
    "referenced",  # the question names a document the catalogue holds
    "doc_share",  # how many of the best provisions come from the best one's document
)
_COLUMN = {name: FEATURES.index(name) for name in ("dense", "share", "head_share", "doc_share", "focus_share")}


@dataclass(frozen=True)
class Evidence:
    """What the answer step saw: the ranked provisions' features and its best sentences."""

    scores: np.ndarray  # ranker scores of the ranked provisions, best first
    rows: np.ndarray  # their feature rows (provisions × FEATURES)
    support: float  # the best candidate sentence's phrase support
    lex_top: float  # the best unit's raw BM25 score
    unseen: float  # share of the question's BM25 tokens no unit holds
    together: float  # share of the question's bigram weight the best provisions hold together
    kind_asked: bool
    kind_found: bool
    referenced: bool

    def vector(self) -> np.ndarray:
        if self.rows.shape[0] == 0:
            return np.zeros(len(QUESTION_FEATURES))
        top = self.rows[0]
        second = float(self.scores[1]) if self.scores.size > 1 else float(self.scores[0]) - 1.0
        return np.array(
            [
                float(self.scores[0]),
                float(self.scores[0]) - second,
                float(top[_COLUMN["dense"]]),
                float(top[_COLUMN["dense"]] - self.rows[:, _COLUMN["dense"]].mean()),
                math.log1p(max(self.lex_top, 0.0)),
                self.unseen,
                float(top[_COLUMN["share"]]),
                float(self.rows[:3, _COLUMN["share"]].max()),
                float(top[_COLUMN["focus_share"]]),
                self.together,
                float(top[_COLUMN["head_share"]]),
                self.support,
                float(self.kind_asked and not self.kind_found),
                float(self.kind_asked and self.kind_found),
                float(self.referenced),
                float(top[_COLUMN["doc_share"]]),
            ]
        )


class AnswerabilityModel(LogisticModel):
    def __init__(self, meta: dict) -> None:
        super().__init__(meta, QUESTION_FEATURES, "可答性模型的特征与程序不一致，请运行 bench/fit_models.py 重新拟合")

    def probability(self, evidence: Evidence) -> float:
        """Estimated probability that the evidence answers the question."""
        if evidence.rows.shape[0] == 0:
            return 0.0
        return self.probability_of(evidence.vector())

    def answers(self, evidence: Evidence) -> bool:
        return self.probability(evidence) >= self.threshold


@functools.lru_cache(maxsize=2)
def load_answerability(mode: str = "hybrid") -> AnswerabilityModel:
    """The shipped model for a ranking mode: ``hybrid`` (BM25 + embeddings) or ``lexical`` (no embedding
    model: fitted on evidence without the dense features, so its threshold holds there too)."""
    name = MODEL_FILES[mode]
    meta = read_model_file(name, "可答性模型")
    try:
        return AnswerabilityModel(meta)
    except KeyError as exc:
        raise IndexMissing(f"缺少可答性模型文件 indexer/models/{name}（{exc}）") from None
