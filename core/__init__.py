"""core: what every stage shares — the error family, the text grammars of Chinese official documents,
validated input types and date formatting. It imports nothing from the project above it.

Modules (import them directly; nothing is loaded here, so ``import corpus`` never pulls in pydantic):
``errors``, ``docnumber`` (文号), ``locator`` (第N条, 一、（一）…), ``citeform`` (the formal citation),
``numerals``, ``sentences``, ``text`` (normal form, title keys), ``dates`` (成文日期), ``inputs`` (StrictModel,
Line, Text, IsoDate, parse_input).
"""
