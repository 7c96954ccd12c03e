"""One exception family for everything a user can cause.

Each error carries a stable ``code`` and the HTTP status the API answers with, so the CLI and the
API translate them the same way (one line / one JSON body) and never show a traceback.
"""

from __future__ import annotations


class PolicyDeskError(Exception):
    code = "error"
    http_status = 400

    def __init__(self, message: str, **details: object) -> None:
        super().__init__(message)
        self.message = message
        self.details = details


class InvalidInput(PolicyDeskError):
    code = "invalid_input"
    http_status = 422


class TooLarge(PolicyDeskError):
    code = "too_large"
    http_status = 413


class NotFound(PolicyDeskError):
    code = "not_found"
    http_status = 404


class DocumentNotFound(NotFound):
    code = "document_not_found"


class ArticleNotFound(NotFound):
    code = "article_not_found"


class RuleNotFound(NotFound):
    code = "rule_not_found"


class AmbiguousCitation(PolicyDeskError):
    """A 文号 or title matches several documents and the article does not pick one."""

    code = "ambiguous_citation"
    http_status = 409


class UnreadableFile(PolicyDeskError):
    code = "unreadable_file"
    http_status = 422


class BuildError(PolicyDeskError):
    code = "build_failed"
    http_status = 500


class BuildInProgress(PolicyDeskError):
    code = "build_in_progress"
    http_status = 409


class IndexMissing(PolicyDeskError):
    """No built catalogue/index yet, or the one on disk fails its checksums."""

    code = "index_missing"
    http_status = 503


class DataDirError(PolicyDeskError):
    """The data directory is read-only, full or otherwise unusable."""

    code = "data_dir_unusable"
    http_status = 503


class TemplateFieldMissing(InvalidInput):
    code = "template_field_missing"
