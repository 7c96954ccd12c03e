"""The checker's framework: a check's result, the report, the registry the checks add themselves to,
and the helpers several checks share (effective fonts and sizes, the 正文 blocks, table widths)."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from docx.document import Document as DocxDocument
from docx.oxml.ns import qn

from generators.docx_reader import CJK, Block, Resolver, W
from generators.structure import ATTACHMENT_LABEL, Structure

DATE = re.compile(r"^(19|20)\d{2}年([1-9]|1[0-2])月([1-9]|[12]\d|3[01])日$")
PASS, FAIL, NA = "pass", "fail", "n/a"


@dataclass(frozen=True, slots=True)
class CheckResult:
    id: str
    title: str
    mandatory: bool
    status: str
    detail: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "title": self.title,
            "mandatory": self.mandatory,
            "status": self.status,
            "detail": self.detail,
        }


@dataclass
class CheckReport:
    kind: str
    results: list[CheckResult] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not any(r.mandatory and r.status == FAIL for r in self.results)

    def failures(self, *, mandatory_only: bool = True) -> list[CheckResult]:
        return [r for r in self.results if r.status == FAIL and (r.mandatory or not mandatory_only)]

    def get(self, check_id: str) -> CheckResult:
        return next(r for r in self.results if r.id == check_id)

    def to_dict(self) -> dict[str, Any]:
        counts = {s: sum(1 for r in self.results if r.status == s) for s in (PASS, FAIL, NA)}
        return {
            "ok": self.ok,
            "kind": self.kind,
            "passed": counts[PASS],
            "failed": counts[FAIL],
            "not_applicable": counts[NA],
            "results": [r.to_dict() for r in self.results],
        }


@dataclass
class Ctx:
    doc: DocxDocument
    res: Resolver
    s: Structure

    def runs(self, b: Block) -> list[Any]:
        return [(r, b.el) for r in b.runs if (r.findtext(f"{W}t") or "").strip()]


Check = Callable[[Ctx], tuple[str, str]]
CHECKS: list[tuple[str, str, bool, Check]] = []


def check(check_id: str, title: str, *, mandatory: bool = True) -> Callable[[Check], Check]:
    def register(fn: Check) -> Check:
        CHECKS.append((check_id, title, mandatory, fn))
        return fn

    return register


def near(value: float, target: float, tol: float) -> bool:
    return abs(value - target) <= tol


def verdict(cond: bool, good: str, bad: str) -> tuple[str, str]:
    return (PASS, good) if cond else (FAIL, bad)


def fonts_of(ctx: Ctx, b: Block, *, cjk_only: bool = True) -> set[str]:
    out = set()
    for r, p in ctx.runs(b):
        text = r.findtext(f"{W}t") or ""
        if not cjk_only or CJK.search(text):
            out.add(ctx.res.run_font(r, p) or "（未设置）")
    return out


def sizes_of(ctx: Ctx, b: Block) -> set[float]:
    return {ctx.res.run_size(r, p) or 0 for r, p in ctx.runs(b)}


def first(b: Block, n: int = 16) -> str:
    t = b.text.replace("\n", "")
    return t[:n] + ("…" if len(t) > n else "")


def body_blocks(s: Structure) -> list[Block]:
    out = list(s.body)
    for body in s.part_bodies:
        out += [b for b in body if not ATTACHMENT_LABEL.match(b.text.strip())]
    return [b for b in out if not b.empty and b not in s.sign_block]


def table_width(b: Block) -> int:
    tblw = b.el.find(f"{W}tblPr/{W}tblW")
    if tblw is not None and tblw.get(qn("w:type")) == "dxa":
        return int(tblw.get(qn("w:w"), "0"))
    return sum(int(c.get(qn("w:w"), "0")) for c in b.el.findall(f"{W}tblGrid/{W}gridCol"))
