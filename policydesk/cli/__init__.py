"""The `policydesk` command group. Commands live in one module per stage and stay thin:
parse options, call one library function, print, translate errors."""

from policydesk.cli import corpus_cmds, generate_cmds, retrieval_cmds, rules_cmds, serve_cmds  # noqa: F401  (registers commands)
from policydesk.cli.base import main

__all__ = ["main"]
