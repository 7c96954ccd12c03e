"""PolicyDesk: the shared base (settings, errors) and the `policydesk` command line."""

from policydesk.config import Settings, get_settings
from policydesk.errors import PolicyDeskError

__all__ = ["PolicyDeskError", "Settings", "get_settings"]
