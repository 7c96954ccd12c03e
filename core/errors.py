"""One exception family for everything a user can cause.

Each error carries a stable ``code``; the edges translate it — the CLI into one ``Error: …`` line, the
API (``api/errors.py``) into an HTTP status and one JSON body — and never show a traceback. The
status lives at the API edge, not here: nothing below the API knows it speaks HTTP.
"""

from __future__ import annotations


class PolicyDeskError(Exception):
    code = "error"

    def __init__(self, message: str, **details: object) -> None:
        super().__init__(message)
        self.message = message
        self.details = details


class InvalidInput(PolicyDeskError):
    code = "invalid_input"


class TooLarge(PolicyDeskError):
    code = "too_large"


class NotFound(PolicyDeskError):
    code = "not_found"


class DocumentNotFound(NotFound):
    code = "document_not_found"


class ArticleNotFound(NotFound):
    code = "article_not_found"


class RuleNotFound(NotFound):
    code = "rule_not_found"


class AmbiguousCitation(PolicyDeskError):
    """A 文号 or title matches several documents and the article does not pick one."""

    code = "ambiguous_citation"


class UnreadableFile(PolicyDeskError):
    code = "unreadable_file"


class BuildError(PolicyDeskError):
    code = "build_failed"


class BuildInProgress(PolicyDeskError):
    code = "build_in_progress"


class IndexMissing(PolicyDeskError):
    """No built catalogue/index yet, or the one on disk fails its checksums."""

    code = "index_missing"


class DataDirError(PolicyDeskError):
    """The data directory is read-only, full or otherwise unusable."""

    code = "data_dir_unusable"
