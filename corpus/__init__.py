"""corpus: read, clean, split and catalogue the policy texts. Imports neither llama-index nor faiss."""

from corpus.catalogue import Catalogue, write_catalogue
from corpus.ingest import Corpus, SourceFile, ingest
from corpus.locator import canonical_locator
from corpus.model import DocKind, DocStatus, Document, Relation, RelationKind, Segment, SourceSpan
from corpus.store import DataDir

__all__ = [
    "Catalogue",
    "Corpus",
    "DataDir",
    "DocKind",
    "DocStatus",
    "Document",
    "Relation",
    "RelationKind",
    "Segment",
    "SourceFile",
    "SourceSpan",
    "canonical_locator",
    "ingest",
    "write_catalogue",
]
