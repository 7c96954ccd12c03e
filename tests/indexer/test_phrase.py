"""The optional LLM path: a reply that stays within the quotes is used, one that adds a fact is not.
The "LLM" is a tiny OpenAI-compatible server on loopback that replies what the test tells it to."""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, HTTPServer
from typing import ClassVar

import pytest

from indexer.phrase import supported_by
from policydesk.config import Settings
from policydesk.desk import Desk


class _Reply:
    text = ""
    requests: ClassVar[list[dict]] = []


class _Handler(BaseHTTPRequestHandler):
    def do_POST(self) -> None:
        body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
        _Reply.requests.append(body)
        payload = json.dumps({"choices": [{"message": {"role": "assistant", "content": _Reply.text}}]}).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(payload)))
        self.end_headers()
        self.wfile.write(payload)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture(scope="module")
def llm_url() -> Iterator[str]:
    server = HTTPServer(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/v1"
    server.shutdown()


def test_sentence_check() -> None:
    quotes = ["获得省级一类竞赛决赛第1名的选手，并给予一次性奖金10000元；"]
    assert supported_by("省级一类竞赛决赛第1名的选手，给予一次性奖金10000元。", quotes)
    assert not supported_by("省级一类竞赛决赛第1名的选手，给予一次性奖金20000元。", quotes)
    assert not supported_by("获奖选手还可以报销往返机票和住宿费用。", quotes)


def test_llm_reply_is_used_only_when_it_stays_within_the_quotes(built_home, llm_url: str) -> None:
    desk = Desk(Settings(home=built_home, llm_base_url=llm_url, llm_model="stub"))
    question = "拿了省赛第一名有多少奖金？"
    _Reply.text = "获得省级一类竞赛决赛第1名的选手，给予一次性奖金10000元。"
    phrased = desk.ask(question)
    assert phrased.answer.startswith(_Reply.text) and phrased.found
    sent = _Reply.requests[-1]["messages"][-1]["content"]
    assert "10000元" in sent and question in sent  # the model saw the question and the quotes only
    _Reply.text = "获得省级一类竞赛决赛第1名的选手，给予一次性奖金50000元并安排出国考察。"
    guarded = desk.ask(question)
    assert "50000" not in guarded.answer and guarded.answer.startswith("根据")
