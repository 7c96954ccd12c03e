"""core: what every stage shares — the error family, the text grammars of Chinese official documents,
validated input types and date formatting. It imports nothing from the project above it."""
