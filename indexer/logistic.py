"""A fitted logistic model shipped as numbers (weights, intercept, the features' mean and scale, the
operating threshold), read back without scikit-learn: what ``bench/harness.logistic_record`` writes for
the answerability model and the cascade's gate."""

from __future__ import annotations

import json
import math
from importlib import resources

import numpy as np

from core.errors import IndexMissing


class LogisticModel:
    def __init__(self, meta: dict, features: tuple[str, ...], refit_hint: str) -> None:
        """``features`` is what the code computes; a file fitted on other features is refused with
        ``refit_hint`` (which script to run)."""
        if tuple(meta["features"]) != features:
            raise IndexMissing(refit_hint)
        self.meta = meta
        self._weights = np.array(meta["weights"], dtype=np.float64)
        self._mean = np.array(meta["mean"], dtype=np.float64)
        self._scale = np.array(meta["scale"], dtype=np.float64)
        self._intercept = float(meta["intercept"])
        self.threshold = float(meta["threshold"])

    @property
    def version(self) -> str:
        return str(self.meta.get("version", "?"))

    def probability_of(self, vector: np.ndarray) -> float:
        z = float(((vector - self._mean) / self._scale) @ self._weights) + self._intercept
        return 1.0 / (1.0 + math.exp(-z))


def read_model_file(name: str, what: str) -> dict:
    """The JSON of ``indexer/models/<name>`` (packaged with the code, no network); a missing or broken
    file is ``IndexMissing`` naming ``what`` it is."""
    try:
        return json.loads(resources.files("indexer").joinpath("models", name).read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise IndexMissing(f"缺少{what}文件 indexer/models/{name}（{exc}）") from None
