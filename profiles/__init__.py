"""Language and locale profiles (TOML data): the question words, answer-kind cues, framing phrases,
stopwords, administrative levels, places and issuers the algorithms read. No code lives here."""
