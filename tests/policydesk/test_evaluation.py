"""`policydesk eval DIR` scores any folder of this shape: qa.jsonl (+ notfound.jsonl, corpus/). A small
slice of the public STARD set runs here (one law, its questions); the full sets run in bench/."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from policydesk.cli import main
from policydesk.generations import DataDir
from tests.utils.real_texts import REAL_DIR

STARD = Path(__file__).resolve().parents[3] / "shared" / "eval" / "stard_dev"
LAW = "sd13_wuye_guanli_tiaoli.txt"  # the shortest law with its own questions


@pytest.fixture(scope="module")
def stard_slice(tmp_path_factory: pytest.TempPathFactory) -> Path:
    if not (STARD / "qa.jsonl").is_file():
        pytest.skip("../shared/eval/stard_dev is not beside the repository")
    folder = tmp_path_factory.mktemp("stard-slice")
    (folder / "corpus").mkdir()
    shutil.copyfile(STARD / "corpus" / LAW, folder / "corpus" / LAW)
    rows = [json.loads(line) for line in (STARD / "qa.jsonl").read_text(encoding="utf-8").splitlines() if line]
    mine = [r for r in rows if all(g["seed_file"] == LAW for g in r["gold"])][:5]
    notfound = (STARD / "notfound.jsonl").read_text(encoding="utf-8").splitlines()[:3]
    (folder / "qa.jsonl").write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in mine), encoding="utf-8")
    (folder / "notfound.jsonl").write_text("\n".join(notfound), encoding="utf-8")
    return folder


def test_eval_adds_the_folders_corpus_and_reports_every_figure(stard_slice: Path, fresh_home: Path) -> None:
    before = sorted(p.name for p in (fresh_home / "generations").iterdir())
    result = CliRunner().invoke(main, ["eval", str(stard_slice), "--home", str(fresh_home), "--json"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.output)
    assert report["retrieval"]["n"] == 5
    assert 0.0 <= report["retrieval"]["recall_at_1"] <= report["retrieval"]["recall_at_5"] <= 1.0
    assert report["not_found_accuracy"] is not None and report["governs_top1"] is None
    assert {"false_not_found", "false_not_found_rate", "verbatim_rate"} <= set(report)
    # the law went into a temporary copy: the configured data directory is untouched
    assert sorted(p.name for p in (fresh_home / "generations").iterdir()) == before


def test_eval_on_a_folder_without_questions_is_a_clear_error(tmp_path: Path, fresh_home: Path) -> None:
    result = CliRunner().invoke(main, ["eval", str(tmp_path), "--home", str(fresh_home)])
    assert result.exit_code == 1 and "qa.jsonl" in result.output


def test_eval_never_rebuilds_the_configured_data_directory(stard_slice: Path, fresh_home: Path) -> None:
    """A data directory whose build is stale (here: a file put in its corpus/ by hand; as well a build by
    other code or settings) is rebuilt in the temporary copy, not in place: eval only reads the directory it
    is pointed at, which other runs may share."""
    shutil.copyfile(REAL_DIR / "guowuyuan_fangjia_banfa_2024.txt", DataDir(fresh_home).added / "fangjia.txt")
    current = (fresh_home / "CURRENT").read_text(encoding="utf-8")
    before = sorted(p.name for p in (fresh_home / "generations").iterdir())
    result = CliRunner().invoke(main, ["eval", str(stard_slice), "--home", str(fresh_home), "--json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.output)["retrieval"]["n"] == 5
    assert (fresh_home / "CURRENT").read_text(encoding="utf-8") == current
    assert sorted(p.name for p in (fresh_home / "generations").iterdir()) == before
