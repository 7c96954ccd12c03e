"""PolicyDesk's service layer — the Desk facade (``desk``), builds, the data directory and its generations,
the loaded snapshot, settings — and, in ``policydesk.cli``, the `policydesk` command line on top of it.
The error family lives at the bottom, in ``core.errors``."""

from core.errors import PolicyDeskError
from policydesk.config import Settings, get_settings

__all__ = ["PolicyDeskError", "Settings", "get_settings"]
