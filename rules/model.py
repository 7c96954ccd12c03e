"""The records a rule is made of and the record it returns.

A rule is data (id, title, the articles it rests on, an input model, an example) plus one small
pure function. Keeping the articles as data lets ``policydesk rules verify`` check every one of them
against the catalogue, and keeping the function pure lets tests pin its numbers without any corpus.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from pydantic import BaseModel


@dataclass(frozen=True, slots=True)
class RuleCitation:
    """One article a rule rests on. ``key_phrase`` is a short verbatim phrase of that article: if a new
    version of the document drops it, ``policydesk rules verify`` and ``/health`` report the rule instead of
    it silently going stale. (An answer's quoted citation is ``indexer.answer.Citation``.)"""

    doc_number: str | None
    doc_title: str
    locator: str
    key_phrase: str

    def to_dict(self) -> dict[str, Any]:
        """The article as a generator's trace lists it: the key phrase is for the build's check only."""
        return {"doc_number": self.doc_number, "doc_title": self.doc_title, "locator": self.locator}

    def label(self) -> str:
        """《title》locator, the way staff cite an article in prose."""
        return f"《{self.doc_title}》{self.locator}"


@dataclass(frozen=True, slots=True)
class Source:
    """A document rules cite: its 文号 (the issuing notice's, for attached 办法) and its own title."""

    doc_number: str | None
    doc_title: str

    def cite(self, locator: str, key_phrase: str) -> RuleCitation:
        return RuleCitation(self.doc_number, self.doc_title, locator, key_phrase)


@dataclass(frozen=True, slots=True)
class Finding:
    """What a rule function returns: values, a Chinese explanation and the articles it actually used."""

    outputs: dict[str, Any]
    explanation: str
    cited: tuple[RuleCitation, ...]


@dataclass(frozen=True, slots=True)
class Rule:
    id: str
    title: str
    citations: tuple[RuleCitation, ...]
    input_model: type[BaseModel]
    apply: Callable[[Any], Finding]
    example: dict[str, Any] = field(default_factory=dict)

    def input_schema(self) -> dict[str, Any]:
        return self.input_model.model_json_schema()


@dataclass(frozen=True, slots=True)
class RuleOutput:
    rule: str
    inputs: dict[str, Any]
    outputs: dict[str, Any]
    explanation: str
    citations: tuple[RuleCitation, ...]  # the articles this evaluation used, among the rule's declared ones
