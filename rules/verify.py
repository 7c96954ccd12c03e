"""The check of every rule's articles and every parameter's reference against a catalogue (``policydesk
rules verify``, and the warning each generation records for ``/health``).

A citation passes when its document and article exist and the article (or one of its items) still
contains the rule's key phrase. Comparison ignores whitespace and full/half-width differences,
because the seeds are PDF extractions with spaces scattered around digits ("不少于 20 场次")."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Protocol

from core.errors import DocumentNotFound, PolicyDeskError
from core.text import normalise_text
from corpus.model import DocStatus, Document, Segment
from rules.model import Rule, RuleCitation
from rules.parameters import Parameter, all_parameters
from rules.registry import list_rules


class _Catalogue(Protocol):
    def lookup(self, doc_ref: str, locator: str) -> Segment: ...
    def segment(self, seg_id: str) -> Segment: ...
    def document(self, doc_id: str) -> Document: ...


def _resolve(catalogue: _Catalogue, cite: RuleCitation) -> Segment:
    """By title first: several 办法 share one 文号, and the title names exactly one of them."""
    try:
        return catalogue.lookup(cite.doc_title, cite.locator)
    except DocumentNotFound:
        if not cite.doc_number:
            raise
        return catalogue.lookup(cite.doc_number, cite.locator)


def _texts(catalogue: _Catalogue, seg: Segment) -> Iterable[str]:
    """The article's own text and its items' texts: a phrase in 第十条（二） also belongs to 第十条."""
    stack = [seg]
    while stack:
        current = stack.pop()
        yield current.text
        for child_id in current.children:
            try:
                stack.append(catalogue.segment(child_id))
            except PolicyDeskError:
                continue


def check_citation(catalogue: _Catalogue, cite: RuleCitation) -> str | None:
    """None when the citation holds, else a one-line Chinese description of the problem."""
    try:
        seg = _resolve(catalogue, cite)
    except PolicyDeskError as exc:
        return f"{cite.label()}（{cite.doc_number}）：{exc.message}"
    phrase = normalise_text(cite.key_phrase)
    if not any(phrase in normalise_text(text) for text in _texts(catalogue, seg)):
        return f"{cite.label()}（{cite.doc_number}）：条文中找不到关键语句“{cite.key_phrase}”"
    try:
        document: Document | None = catalogue.document(seg.doc_id)
    except PolicyDeskError:
        document = None
    number = document.doc_number if document else None
    if cite.doc_number and number and normalise_text(number) != normalise_text(cite.doc_number):
        return f"{cite.label()}：文号应为 {number}，规则写作 {cite.doc_number}"
    if document is not None and document.status == DocStatus.SUPERSEDED:
        return f"{cite.label()}（{cite.doc_number}）：该文件已废止或被新文件替代，参数须按新文件核对"
    return None


def verify_citations(
    catalogue: _Catalogue, rules: Iterable[Rule] | None = None, parameters: Iterable[Parameter] | None = None
) -> list[str]:
    """Problems with the rules' citations and the parameter files' references (empty when all hold), one
    line each. A parameter's reference fails like a citation, and also when its document is superseded
    or repealed in the catalogue. Without ``rules``, every rule and every parameter file is checked; with
    ``rules``, only those rules (and the ``parameters`` given)."""
    problems: list[str] = []
    checked: dict[RuleCitation, str | None] = {}
    for rule in list_rules() if rules is None else rules:
        for cite in rule.citations:
            if cite not in checked:
                checked[cite] = check_citation(catalogue, cite)
            if checked[cite]:
                problems.append(f"规则 {rule.id}：{checked[cite]}")
    for param in all_parameters() if rules is None and parameters is None else parameters or ():
        if param.cite not in checked:
            checked[param.cite] = check_citation(catalogue, param.cite)
        if checked[param.cite]:
            problems.append(f"参数 {param.key}：{checked[param.cite]}")
    return problems
