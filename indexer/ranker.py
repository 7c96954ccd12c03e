"""The learned ranker: a LightGBM LambdaRank model over ``indexer.features.FEATURES``, fitted by
``bench/fit_models.py`` and shipped as versioned data files (``indexer/models/ranker.txt`` with
``ranker.json`` beside it naming the features, the version and how it was fitted; ``ranker_lexical.*`` for
ranking without embeddings). Nothing is set by hand:
refitting is running that script."""

from __future__ import annotations

import functools
import json
from importlib import resources

import numpy as np

from core.errors import IndexMissing
from indexer.features import FEATURES

# by mode: ``hybrid`` ranks BM25 + embedding features; ``lexical`` was fitted with the dense features at
# zero, as a lexical-only index (or a question whose cited provisions decide it) computes them
MODEL_FILES = {"hybrid": ("ranker.txt", "ranker.json"), "lexical": ("ranker_lexical.txt", "ranker_lexical.json")}


class Ranker:
    def __init__(self, booster: object, meta: dict) -> None:
        if tuple(meta.get("features", ())) != FEATURES:
            raise IndexMissing("排序模型的特征与程序不一致，请运行 bench/fit_models.py 重新拟合")
        self._booster = booster
        self.meta = meta

    @property
    def version(self) -> str:
        return str(self.meta.get("version", "?"))

    def score(self, matrix: np.ndarray) -> np.ndarray:
        if matrix.shape[0] == 0:
            return np.zeros(0, dtype=np.float64)
        return np.asarray(self._booster.predict(matrix, num_threads=1), dtype=np.float64)  # type: ignore[attr-defined]


@functools.lru_cache(maxsize=2)
def load_ranker(mode: str = "hybrid") -> Ranker:
    """The shipped model for a mode (read once per process)."""
    import lightgbm

    model_file, meta_file = MODEL_FILES[mode]
    models = resources.files("indexer").joinpath("models")
    try:
        meta = json.loads(models.joinpath(meta_file).read_text(encoding="utf-8"))
        booster = lightgbm.Booster(model_str=models.joinpath(model_file).read_text(encoding="utf-8"))
    except (OSError, ValueError, lightgbm.basic.LightGBMError) as exc:
        raise IndexMissing(f"缺少排序模型文件 indexer/models/{model_file}（{exc}）") from None
    return Ranker(booster, meta)
