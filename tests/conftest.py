"""Session fixtures: the real seeds are built once per test session into a temporary data directory.

Embedding the whole corpus takes minutes on two cores, so the embedding cache is kept across
sessions in ~/.cache/policydesk (keyed by text hash: it can never serve a stale vector).
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")

from corpus import Catalogue
from policydesk.build import build
from policydesk.config import Settings
from policydesk.desk import Desk
from policydesk.generations import CATALOGUE_FILE, DataDir
from tests.utils.real_texts import REAL_DIR

SHARED_CACHE = Path(os.environ.get("POLICYDESK_TEST_CACHE", Path.home() / ".cache" / "policydesk"))
EVAL_DIR = Path(__file__).resolve().parents[2] / "shared" / "eval"


def _share_cache(home: Path) -> None:
    SHARED_CACHE.mkdir(parents=True, exist_ok=True)
    target = home / "cache"
    target.mkdir(parents=True, exist_ok=True)
    link = target / "embeddings.sqlite"
    if not link.exists():
        link.symlink_to(SHARED_CACHE / "embeddings.sqlite")


@pytest.fixture(scope="session")
def built_home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A data directory with the seeds built (dense + lexical)."""
    home = tmp_path_factory.mktemp("policydesk-home")
    _share_cache(home)
    build(Settings(home=home), progress=False)
    return home


@pytest.fixture(scope="session")
def settings(built_home: Path) -> Settings:
    return Settings(home=built_home)


@pytest.fixture(scope="session")
def desk(settings: Settings) -> Desk:
    return Desk(settings)


@pytest.fixture(scope="session")
def catalogue(built_home: Path) -> Catalogue:
    current = DataDir(built_home).current()
    assert current is not None
    return Catalogue.load(current / CATALOGUE_FILE)


@pytest.fixture()
def fresh_home(built_home: Path, tmp_path: Path) -> Iterator[Path]:
    """A private copy of the built data directory, for tests that add files or break things."""
    home = tmp_path / "home"
    shutil.copytree(built_home, home, symlinks=True)
    yield home


REAL_FILES = (
    "guowuyuan_shengchan_shigu_tiaoli_2007.pdf",
    "guowuyuan_gongshang_baoxian_tiaoli_2010.txt",
    "guowuyuan_nianxiujia_tiaoli_2007_ling514.txt",
    "renshebu_nianxiujia_shishi_banfa_2008.txt",
    "laobaobu_gongshang_rending_banfa_2003.docx",
    "renshebu_gongshang_rending_banfa_2010.txt",
    "guowuyuan_fangjia_banfa_2013.txt",
    "guowuyuan_fangjia_banfa_2024.txt",
    "fashi_2013_3_jubu_laodong_baochou_jieshi.txt",
    "fashi_2020_26_laodong_zhengyi_jieshi_yi.txt",
    "zhejiang_laodong_baozhang_jiancha_tiaoli.docx",
    "laobaobu_daoban_jubao_tongzhi_2007.docx",
)
"""The real public texts of tests/data/real (see its README) that ``real_home`` adds beside the seeds."""


@pytest.fixture(scope="session")
def real_home(built_home: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the seeds' data directory with every real text added (one rebuild per session): laws,
    regulations and two editions of two texts. Read-only for the tests that share it."""
    home = tmp_path_factory.mktemp("real") / "home"
    shutil.copytree(built_home, home, symlinks=True)
    Desk(Settings(home=home)).add_files([REAL_DIR / name for name in REAL_FILES])
    return home


@pytest.fixture(scope="session")
def real_desk(real_home: Path) -> Desk:
    """The Desk over ``real_home``, shared by the tests that ask the real texts (they only read)."""
    return Desk(Settings(home=real_home))


@pytest.fixture(scope="session")
def eval_dir() -> Path:
    if not (EVAL_DIR / "dev_qa.jsonl").is_file():
        pytest.skip("../shared/eval is not beside the repository")
    return EVAL_DIR


@pytest.fixture(scope="session")
def raw_dir() -> Path:
    from policydesk.build import BUNDLED_CORPUS

    return BUNDLED_CORPUS
