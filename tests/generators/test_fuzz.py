"""Arbitrary text in any field gives either InvalidInput or a document that opens and passes the
checker: never another exception, never a broken file."""

from __future__ import annotations

import io

from docx import Document
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import generators
from core.errors import InvalidInput
from tests.generators.conftest import load_example

text = st.text(min_size=0, max_size=60)
FIELDS = ("title", "doc_number", "annotation", "printer")


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(field=st.sampled_from(FIELDS), value=text, paragraph=text)
def test_notice_never_crashes(field: str, value: str, paragraph: str) -> None:
    payload = load_example("notice") | {field: value}
    payload["body"] = [*payload["body"], paragraph or "。"]
    try:
        result = generators.generate("notice", payload)
    except InvalidInput as exc:
        assert "字段" in exc.message
        return
    Document(io.BytesIO(result.data))
    report = generators.check_docx(result.data)
    assert report.kind == "gongwen"


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(name=text, reason=text, age=st.one_of(st.integers(-5, 200), st.text(max_size=3)))
def test_pledge_never_crashes(name: str, reason: str, age: object) -> None:
    payload = load_example("pledge")
    payload["nominees"][0] |= {"name": name, "reason": reason, "age": age}
    try:
        result = generators.generate("pledge", payload)
    except InvalidInput as exc:
        assert "nominees[0]" in exc.message
        return
    assert generators.check_docx(result.data).ok
