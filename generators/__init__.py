"""GB/T 9704-2012 .docx generators for 通知, 方案 (issued with its 印发通知) and 推荐承诺书, and the
project's own format checker.

Public API::

    generate(kind, payload) -> GeneratedDocx       # kind: "notice" | "plan" | "pledge"
    input_schema(kind) -> dict                     # JSON Schema of the payload
    check_docx(data_or_path) -> CheckReport        # .ok only when every mandatory check passes
    write_atomic(path, data)                       # temp file + os.replace
"""

from generators.checker import CHECK_IDS, CheckReport, CheckResult, check_docx
from generators.package import write_atomic
from generators.registry import KINDS, generate, input_schema
from generators.result import GeneratedDocx

__all__ = [
    "CHECK_IDS",
    "KINDS",
    "CheckReport",
    "CheckResult",
    "GeneratedDocx",
    "check_docx",
    "generate",
    "input_schema",
    "write_atomic",
]
