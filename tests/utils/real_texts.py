"""The real public texts of tests/data/real (see its README), read the way the service reads a file."""

from __future__ import annotations

from pathlib import Path

from corpus import Catalogue, Corpus, SourceFile, ingest

REAL_DIR = Path(__file__).resolve().parents[1] / "data" / "real"


def real_corpus(*names: str) -> Corpus:
    return ingest([SourceFile.read(REAL_DIR / name) for name in names])


def real_catalogue(*names: str) -> Catalogue:
    corpus = real_corpus(*names)
    return Catalogue(corpus.documents, corpus.segments)
