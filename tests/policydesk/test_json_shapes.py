"""Regression pin for issue 12 (typed records across the facade): the JSON the API and the CLI print
keeps the shape it had before the Desk returned pydantic records — same keys, same value types, null
kept apart from absent, and the same key order — for a representative set of calls over the seeds
build. ``json_shapes.json`` was captured from the code as it was before the change (shapes only, no
answers); regenerate it only for a deliberate contract change:
``POLICYDESK_PIN_SHAPES=1 pytest tests/policydesk/test_json_shapes.py``.

One deliberate difference: before, three API responses (lookup, the catalogue, a document with its
segments) listed their keys in an order of their own, an accident of how api/schemas.py declared them,
while ``policydesk show --json`` and ``policydesk docs --json`` printed the same records in another.
One record has one order, so these responses now list their keys as the CLI always did; the keys
themselves, their types and their nulls are unchanged, which ``test_json_shapes_are_unchanged``
checks, and ``test_reordered_responses_follow_the_cli`` pins the order they now share."""

from __future__ import annotations

import json
import os
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from fastapi.testclient import TestClient

from api import create_app
from api.deps import get_desk
from policydesk.cli import main
from policydesk.config import Settings
from policydesk.desk import Desk
from tests.policydesk.shapes import differences, object_keys, shape
from tests.utils.policy_text import NEW_NOTICE

PINNED = Path(__file__).with_name("json_shapes.json")
EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
TOKEN = "shape-pin-token"

FOUND = "拿了省赛第一名有多少奖金？"
STEPS = "工会组织专项劳动法律监督检查，按什么步骤实施？"
NOT_FOUND = "2031年昆明职工技能竞赛方案的文号是什么？"
SEARCH = "云岭工匠每年命名多少名"
CASE = "州总工会办了一期20天的技能培训，学员生活补助怎么算？"
AWARD_CASE = "我们单位一名焊工在云南省职工职业技能大赛决赛中拿了第一名，能得到什么奖励？"
DOC_NUMBER, ARTICLE = "云职创〔2019〕3号", "第18条"

#: Fields that are optional in the code: the seeds happen to give a value (or a null) in these calls.
NULLABLE = (".doc_number", ".issuer", ".date", ".parent_id", ".target_id", "relations[].locator", ".route")
#: API responses whose key order now follows the CLI's (see the module docstring), with that CLI call.
REORDERED = {
    "api lookup": ("cli show", "$", "$"),
    "api documents": ("cli docs", "$[]", "$[]"),
    "api document detail (measures)": (None, "$", None),
    "api document detail (issuing notice)": (None, "$", None),
}


@pytest.fixture(scope="module")
def client(built_home: Path) -> Iterator[TestClient]:
    with TestClient(create_app(Settings(home=built_home))) as c:
        yield c


@pytest.fixture(scope="module")
def upload_home(built_home: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    home = tmp_path_factory.mktemp("shapes") / "home"
    shutil.copytree(built_home, home, symlinks=True)
    return home


def _cli(home: Path) -> Callable[..., Any]:
    runner = CliRunner()

    def run(*args: str, lines: bool = False) -> Any:
        result = runner.invoke(main, [*args[:1], "--home", str(home), *args[1:]], catch_exceptions=False)
        assert result.exit_code == 0, result.output
        if lines:
            return [json.loads(line) for line in result.output.splitlines() if line.startswith("{")]
        return json.loads(result.output)

    return run


def _ok(response: Any) -> Any:
    assert response.status_code == 200, response.text
    return response.json()


def _error(response: Any, status: int) -> Any:
    assert response.status_code == status, response.text
    return response.json()


def _api_calls(client: TestClient) -> dict[str, Callable[[], Any]]:
    documents = client.get("/api/documents").json()
    measures = next(d for d in documents if d["doc_number"] == DOC_NUMBER and d["kind"] == "measures")
    plan = json.loads((EXAMPLES / "plan.json").read_text(encoding="utf-8"))
    pledge = json.loads((EXAMPLES / "pledge.json").read_text(encoding="utf-8"))
    notice = json.loads((EXAMPLES / "notice.json").read_text(encoding="utf-8"))
    return {
        "api search": lambda: _ok(client.get("/api/search", params={"q": SEARCH, "k": 5})),
        "api ask found": lambda: _ok(client.post("/api/ask", json={"question": FOUND})),
        "api ask steps": lambda: _ok(client.post("/api/ask", json={"question": STEPS})),
        "api ask not found": lambda: _ok(client.post("/api/ask", json={"question": NOT_FOUND})),
        "api govern": lambda: _ok(client.post("/api/govern", json={"case": CASE})),
        "api govern award": lambda: _ok(client.post("/api/govern", json={"case": AWARD_CASE})),
        "api lookup": lambda: _ok(client.get("/api/lookup", params={"doc": DOC_NUMBER, "article": ARTICLE})),
        "api documents": lambda: documents,
        "api document detail (measures)": lambda: _ok(client.get(f"/api/documents/{measures['id']}")),
        "api document detail (issuing notice)": lambda: _ok(client.get(f"/api/documents/{measures['parent_id']}")),
        "api rules": lambda: _ok(client.get("/api/rules")),
        "api rule evaluate": lambda: _ok(client.post("/api/rules/training_living_subsidy", json={"days": 20})),
        "api rule evaluate award": lambda: _ok(
            client.post("/api/rules/provincial_skills_award", json={"rank": 1, "trade": "焊工"})
        ),
        "api health": lambda: _ok(client.get("/health")),
        "api preview notice": lambda: _ok(client.post("/api/generate/notice/preview", json=notice)),
        "api preview plan": lambda: _ok(client.post("/api/generate/plan/preview", json=plan)),
        "api preview pledge": lambda: _ok(client.post("/api/generate/pledge/preview", json=pledge)),
        "api error 404 article": lambda: _error(
            client.get("/api/lookup", params={"doc": DOC_NUMBER, "article": "第99条"}), 404
        ),
        "api error 404 document": lambda: _error(client.get("/api/documents/no-such-id"), 404),
        "api error 404 rule": lambda: _error(client.post("/api/rules/no-such-rule", json={}), 404),
        "api error 422 question": lambda: _error(client.post("/api/ask", json={"question": "  "}), 422),
        "api error 422 rule input": lambda: _error(
            client.post("/api/rules/training_living_subsidy", json={"days": 0}), 422
        ),
        "api error 413 question": lambda: _error(client.post("/api/ask", json={"question": "问" * 2001}), 413),
        "api error 401 upload": lambda: _error(client.post("/api/documents", files={"file": ("a.txt", b"x")}), 401),
    }


def _cli_calls(run: Callable[..., Any], tmp: Path) -> dict[str, Callable[[], Any]]:
    batch = tmp / "batch.jsonl"
    batch.write_text(f'{{"id": "a", "question": "{FOUND}"}}\n{{"id": "b"}}\n', encoding="utf-8")
    docx = tmp / "notice.docx"
    return {
        "cli search": lambda: run("search", SEARCH, "--k", "5", "--json"),
        "cli ask found": lambda: run("ask", FOUND, "--json"),
        "cli ask not found": lambda: run("ask", NOT_FOUND, "--json"),
        "cli govern": lambda: run("govern", CASE, "--json"),
        "cli show": lambda: run("show", DOC_NUMBER, ARTICLE, "--json"),
        "cli docs": lambda: run("docs", "--json"),
        "cli export": lambda: run("export", "--jsonl", lines=True),
        "cli ask batch": lambda: _batch(run, batch),
        "cli rules": lambda: _plain(["rules", "--json"]),
        "cli rule": lambda: _plain(["rule", "training_living_subsidy", "--input", '{"days": 20}', "--json"]),
        "cli check-docx": lambda: _check_docx(docx),
    }


def _plain(args: list[str]) -> Any:
    result = CliRunner().invoke(main, args, catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return json.loads(result.output)


def _batch(run: Callable[..., Any], batch: Path) -> Any:
    result = CliRunner().invoke(main, ["ask", "--batch", str(batch), "--home", str(run.home)])  # type: ignore[attr-defined]
    assert result.exit_code == 1, result.output  # the second line has no question
    return [json.loads(line) for line in result.output.splitlines() if line.startswith("{")]


def _check_docx(docx: Path) -> Any:
    runner = CliRunner()
    example = str(EXAMPLES / "notice.json")
    assert runner.invoke(main, ["generate", "notice", "--input", example, "--out", str(docx)]).exit_code == 0
    return _plain(["check-docx", str(docx), "--json"])


def _upload_calls(home: Path, tmp: Path) -> dict[str, Callable[[], Any]]:
    def upload() -> Any:
        with TestClient(create_app(Settings(home=home, token=TOKEN))) as c:
            response = c.post(
                "/api/documents",
                files={"file": ("职工书屋.txt", NEW_NOTICE.encode("utf-8"), "text/plain")},
                headers={"Authorization": f"Bearer {TOKEN}"},
            )
        return _ok(response)

    def add_again() -> Any:
        again = tmp / "职工书屋.txt"
        again.write_text(NEW_NOTICE, encoding="utf-8")
        return _cli(home)("add", str(again), "--json")

    return {"api upload": upload, "cli add unchanged": add_again}


def _unavailable_health(tmp: Path) -> Any:
    app = create_app(Settings(home=tmp / "empty"))
    app.dependency_overrides[get_desk] = lambda: Desk(Settings(home=tmp / "empty"))
    return _ok(TestClient(app).get("/health"))


def _all_shapes(client: TestClient, built_home: Path, upload_home: Path, tmp: Path) -> dict[str, Any]:
    run = _cli(built_home)
    run.home = built_home  # type: ignore[attr-defined]
    calls = {**_api_calls(client), **_cli_calls(run, tmp), **_upload_calls(upload_home, tmp)}
    calls["api health unavailable"] = lambda: _unavailable_health(tmp)
    return {name: shape(call()) for name, call in calls.items()}


@pytest.fixture(scope="module")
def shapes(client: TestClient, built_home: Path, upload_home: Path, tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    return _all_shapes(client, built_home, upload_home, tmp_path_factory.mktemp("calls"))


def _nullable(name: str) -> tuple[str, ...]:
    return (*NULLABLE, "$.segments", "$.embed_model") if name.endswith("health") else NULLABLE


def test_json_shapes_are_unchanged(shapes: dict[str, Any]) -> None:
    if os.environ.get("POLICYDESK_PIN_SHAPES") == "1":
        PINNED.write_text(json.dumps(shapes, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        pytest.skip(f"wrote {PINNED.name}")
    pinned = json.loads(PINNED.read_text(encoding="utf-8"))
    assert sorted(shapes) == sorted(pinned)
    changed = {
        name: diff
        for name in pinned
        if (diff := differences(pinned[name], shapes[name], _nullable(name), any_order=name in REORDERED))
    }
    assert not changed, json.dumps(changed, ensure_ascii=False, indent=1)


def test_reordered_responses_follow_the_cli(shapes: dict[str, Any]) -> None:
    """The API's lookup and catalogue list their keys as ``show --json`` and ``docs --json`` do, and a
    document's detail is the catalogue entry followed by its segments (keys as ``export``) and children."""
    for api_call, (cli_call, api_path, cli_path) in REORDERED.items():
        if cli_call is not None:
            assert object_keys(shapes[api_call], api_path) == object_keys(shapes[cli_call], cli_path), api_call
    entry = object_keys(shapes["api documents"], "$[]")
    exported = object_keys(shapes["cli export"], "$[]")
    for detail in ("api document detail (measures)", "api document detail (issuing notice)"):
        assert object_keys(shapes[detail], "$") == [*entry, "segments", "children"]
        segment = object_keys(shapes[detail], "$.segments[]")
        assert exported == [*segment, "doc_title", "doc_number", "doc_status"]
