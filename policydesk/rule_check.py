"""Whether the rules' cited articles still hold in a generation: a warning, never a failed build.

The build does not know the rules (a new edition of a cited 办法 must not block every upload). After a
build the Desk checks the rules against the new catalogue and keeps the result beside the generation's
manifest (``rule_warnings.json``), so ``/health`` reports it without checking again; the record names the
rules' citations it was made for, so changed rules are checked afresh. ``policydesk rules verify`` always
checks afresh and exits 1 on any problem.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
from collections.abc import Callable
from pathlib import Path

from corpus import Catalogue
from rules import all_parameters, list_rules, verify_citations

WARNINGS_FILE = "rule_warnings.json"


def check_rules(catalogue: Catalogue) -> list[str]:
    """One line per rule citation that does not resolve in ``catalogue``; [] when all hold."""
    return verify_citations(catalogue)


def rule_warnings(generation: Path, catalogue: Callable[[], Catalogue]) -> list[str]:
    """The generation's recorded rule warnings, checked (against ``catalogue()``, loaded only then) and
    recorded first when there is no record for the current rules. A data directory that cannot be
    written to still gets the answer, just not kept."""
    stamp = _rules_stamp()
    path = generation / WARNINGS_FILE
    try:
        record = json.loads(path.read_text(encoding="utf-8"))
        if record.get("rules") == stamp and isinstance(record.get("warnings"), list):
            return [str(w) for w in record["warnings"]]
    except (OSError, ValueError, AttributeError):
        pass
    warnings = check_rules(catalogue())
    record_warnings(generation, warnings, stamp)
    return warnings


def record_warnings(generation: Path, warnings: list[str], stamp: str | None = None) -> None:
    """Write the record atomically (a reader sees the old one or the new one, never half of one)."""
    data = json.dumps({"rules": stamp or _rules_stamp(), "warnings": warnings}, ensure_ascii=False, indent=1)
    staging = generation / f".{WARNINGS_FILE}.{os.getpid()}"
    try:
        staging.write_text(data, encoding="utf-8")
        os.replace(staging, generation / WARNINGS_FILE)
    except OSError:
        with contextlib.suppress(OSError):
            staging.unlink()


def _rules_stamp() -> str:
    """What the record depends on besides the catalogue: every article the rules and parameters cite, and
    its key phrase."""
    cites = [c for r in list_rules() for c in r.citations] + [p.cite for p in all_parameters()]
    cited = sorted({(c.doc_number or "", c.doc_title, c.locator, c.key_phrase) for c in cites})
    return hashlib.sha256(json.dumps(cited, ensure_ascii=False).encode()).hexdigest()[:16]
