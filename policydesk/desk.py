"""The one facade the CLI and the API share: every user-facing operation, returning the JSON shapes
both print. It holds the current snapshot (catalogue + index) and swaps it atomically when a new
build lands, so a request sees either the old corpus or the new one, never a mix."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

from policydesk.config import Settings


class Desk:
    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self._lock = threading.Lock()

    # -- corpus ----------------------------------------------------------------------------------
    def documents(self) -> list[dict[str, Any]]:
        """Issue-2 shape: id, title, doc_number, issuer, date, kind, status, parent_id, relations, source, n_segments."""
        raise NotImplementedError

    def document(self, doc_id: str) -> dict[str, Any]:
        """One document with its segments (``segments``: list of segment dicts)."""
        raise NotImplementedError

    def lookup(self, doc: str, article: str) -> dict[str, Any]:
        """Exact lookup: {text, locator, doc_id, doc_title, doc_number, source}."""
        raise NotImplementedError

    def add_files(self, paths: list[Path]) -> dict[str, Any]:
        """Copy policy files into the data directory's corpus and rebuild; {added, unchanged, documents}."""
        raise NotImplementedError

    # -- retrieval -------------------------------------------------------------------------------
    def search(self, query: str, k: int = 10) -> dict[str, Any]:
        raise NotImplementedError

    def ask(self, question: str) -> dict[str, Any]:
        raise NotImplementedError

    def govern(self, case: str) -> dict[str, Any]:
        raise NotImplementedError

    # -- rules and generators (delegating to rules/ and generators/) -----------------------------
    def rules(self) -> list[dict[str, Any]]:
        """[{id, title, citations, input_schema, example}]"""
        raise NotImplementedError

    def evaluate_rule(self, rule_id: str, inputs: dict[str, Any]) -> dict[str, Any]:
        """{rule, inputs, outputs, explanation, citations}; InvalidInput names the bad field."""
        raise NotImplementedError

    def generate(self, kind: str, payload: dict[str, Any]) -> Any:
        """A generators.GeneratedDocx (``data`` bytes, Chinese ``filename``, ``trace``)."""
        raise NotImplementedError

    def generator_schema(self, kind: str) -> dict[str, Any]:
        raise NotImplementedError

    # -- service ---------------------------------------------------------------------------------
    def health(self) -> dict[str, Any]:
        """{status, documents, segments, generation, dense} — cheap, no query work."""
        raise NotImplementedError

    def ensure_built(self, progress: bool = True) -> None:
        """Build from the bundled corpus when the data directory has no catalogue yet."""
        raise NotImplementedError

    def add_upload(self, filename: str, data: bytes) -> dict[str, Any]:
        """Store an uploaded file (validated: name, size, type) and rebuild atomically."""
        raise NotImplementedError
