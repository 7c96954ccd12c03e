"""The project's GB/T 9704-2012 checker. Each check has the id used in the format notes
(``page.size``, ``docno.format`` …), a mandatory flag, and a status: pass, fail, or n/a when the
element does not apply (a 承诺书 has no 版头). ``CheckReport.ok`` is true only when no mandatory
check fails. The checks live in ``checks_front`` and ``checks_back``; importing them registers them."""

from __future__ import annotations

from pathlib import Path

from generators import checks_back, checks_front  # noqa: F401  (registers the checks)
from generators.check_base import CHECKS, FAIL, CheckReport, CheckResult, Ctx
from generators.docx_reader import Resolver, blocks, load_docx
from generators.structure import analyse

__all__ = ["CHECK_IDS", "CheckReport", "CheckResult", "check_docx"]


def check_docx(data: bytes | Path | str) -> CheckReport:
    """Run every check on a .docx (bytes or path). Unreadable input raises UnreadableFile/InvalidInput."""
    doc = load_docx(data)
    res = Resolver(doc)
    ctx = Ctx(doc, res, analyse(blocks(doc, res), res))
    report = CheckReport(kind=ctx.s.kind)
    for check_id, title, mandatory, fn in CHECKS:
        try:
            status, detail = fn(ctx)
        except (AttributeError, ValueError, TypeError, IndexError, StopIteration) as exc:
            status, detail = FAIL, f"无法检查：{type(exc).__name__}"
        report.results.append(CheckResult(check_id, title, mandatory, status, detail))
    return report


CHECK_IDS = tuple(c[0] for c in CHECKS)
