"""`policydesk serve`: options, defaults, and that it runs the app factory under uvicorn."""

from __future__ import annotations

import pytest
import uvicorn
from click.testing import CliRunner
from fastapi import FastAPI

from policydesk.cli import serve_cmds
from policydesk.cli.base import main


@pytest.fixture()
def captured(monkeypatch):
    calls: list[dict] = []
    monkeypatch.setattr(uvicorn, "run", lambda app, **kw: calls.append({"app": app, **kw}))
    return calls


def test_serve_defaults_to_localhost_8000(captured, monkeypatch, tmp_path):
    monkeypatch.setenv("POLICYDESK_HOME", str(tmp_path))
    result = CliRunner().invoke(main, ["serve"])
    assert result.exit_code == 0, result.output
    [call] = captured
    assert isinstance(call["app"], FastAPI)
    assert (call["host"], call["port"]) == ("127.0.0.1", 8000)


def test_serve_takes_the_data_directory_option(captured, tmp_path):
    from api.deps import resolve_settings

    result = CliRunner().invoke(main, ["serve", "--home", str(tmp_path), "--no-dense"])
    assert result.exit_code == 0, result.output
    settings = resolve_settings(captured[0]["app"])
    assert settings.home == tmp_path.resolve()
    assert settings.dense_enabled is False


def test_serve_takes_host_and_port(captured):
    result = CliRunner().invoke(main, ["serve", "--host", "0.0.0.0", "--port", "8123"])
    assert result.exit_code == 0, result.output
    assert (captured[0]["host"], captured[0]["port"]) == ("0.0.0.0", 8123)


@pytest.mark.parametrize("port", ["0", "70000", "http"])
def test_serve_rejects_bad_ports(captured, port):
    result = CliRunner().invoke(main, ["serve", "--port", port])
    assert result.exit_code == 2
    assert "--port" in result.output
    assert captured == []


def test_serve_has_help():
    result = CliRunner().invoke(main, ["serve", "-h"])
    assert result.exit_code == 0
    assert "--host" in result.output and "--port" in result.output
    assert serve_cmds.serve.__doc__
