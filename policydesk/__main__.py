"""`python -m policydesk` = the `policydesk` command."""

from policydesk.cli import main

main()
