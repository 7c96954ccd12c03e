"""PolicyDesk: the shared base (settings, errors) and the `policydesk` command line."""

from core.errors import PolicyDeskError
from policydesk.config import Settings, get_settings

__all__ = ["PolicyDeskError", "Settings", "get_settings"]
