"""The real public texts of tests/data/real (see its README), read the way the service reads a file."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from corpus import Catalogue, Corpus, SourceFile, ingest

REAL_DIR = Path(__file__).resolve().parents[1] / "data" / "real"


def real_corpus(*names: str) -> Corpus:
    return ingest([SourceFile.read(REAL_DIR / name) for name in names])


def real_catalogue(*names: str) -> Catalogue:
    corpus = real_corpus(*names)
    return Catalogue(corpus.documents, corpus.segments)


def provision_texts(*names: str) -> Callable[[str, str], str]:
    """A lookup of the provisions of these files: (document title, locator) → the provision's text."""
    catalogue = real_catalogue(*names)
    documents = {d.title: d for d in catalogue.documents()}

    def text(title: str, locator: str) -> str:
        segment = catalogue.segment_at(documents[title].id, locator)
        assert segment is not None, (title, locator)
        return segment.text

    return text
