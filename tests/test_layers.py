"""The layers hold: core → corpus → indexer | rules → generators → the service layer → the CLI | the API,
and a build never imports the rules. The contracts are pyproject.toml's [tool.importlinter]; this runs them."""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
_LINT = (
    "import sys; from importlinter.cli import lint_imports; "
    "sys.exit(lint_imports(config_filename='pyproject.toml', no_cache=True, no_logo=True))"
)


def _contracts() -> list[dict]:
    return tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["importlinter"]["contracts"]


def test_the_contracts_name_every_package() -> None:
    """A package left out of the layers would be free to import anything."""
    layers = next(c for c in _contracts() if c["type"] == "layers")["layers"]
    named = {module.strip().split(".")[0] for layer in layers for module in layer.replace(":", "|").split("|")}
    packages = {p.parent.name for p in ROOT.glob("*/__init__.py")} - {"tests", "bench"}
    assert packages <= named, f"packages outside the layers contract: {sorted(packages - named)}"


def test_no_import_crosses_the_layers() -> None:
    assert importlib.util.find_spec("importlinter"), "import-linter is in the dev extra: pip install -e '.[dev]'"
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(p for p in (str(ROOT), os.environ.get("PYTHONPATH")) if p)}
    done = subprocess.run(
        [sys.executable, "-c", _LINT], cwd=ROOT, env=env, capture_output=True, text=True, timeout=600, check=False
    )
    report = done.stdout + done.stderr
    assert done.returncode == 0, (
        "an import crosses the layers of pyproject.toml [tool.importlinter] (a module may import only from "
        f"the layers below its own):\n{report[-6000:]}"
    )
    assert f"{len(_contracts())} kept, 0 broken" in report, report[-2000:]
