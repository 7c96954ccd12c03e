"""HTTP API and the staff web page over the same ``policydesk.desk.Desk`` facade as the CLI."""

from api.app import create_app

__all__ = ["create_app"]
