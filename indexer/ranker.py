"""The learned ranker: a LightGBM LambdaRank model over ``indexer.features.FEATURES``, fitted on both dev
sets by ``bench/fit_models.py`` and shipped as a versioned data file (``indexer/models/ranker.txt`` with
``ranker.json`` beside it naming the features, the version and how it was fitted). Nothing is set by hand:
refitting is running that script."""

from __future__ import annotations

import functools
import json
from importlib import resources

import numpy as np

from core.errors import IndexMissing
from indexer.features import FEATURES

MODEL_FILE = "ranker.txt"
META_FILE = "ranker.json"


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


@functools.lru_cache(maxsize=1)
def load_ranker() -> Ranker:
    """The shipped model (read once per process)."""
    import lightgbm

    models = resources.files("indexer").joinpath("models")
    try:
        meta = json.loads(models.joinpath(META_FILE).read_text(encoding="utf-8"))
        booster = lightgbm.Booster(model_str=models.joinpath(MODEL_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError, lightgbm.basic.LightGBMError) as exc:
        raise IndexMissing(f"缺少排序模型文件 indexer/models/{MODEL_FILE}（{exc}）") from None
    return Ranker(booster, meta)
