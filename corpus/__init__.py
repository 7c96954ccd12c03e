"""corpus: read, clean, split and catalogue the policy texts. Imports neither llama-index nor faiss."""

from corpus.catalogue import Catalogue, write_catalogue
from corpus.ingest import Corpus, SourceFile, ingest
from corpus.model import DocKind, DocStatus, Document, Relation, RelationKind, Segment, SourceSpan

__all__ = [
    "Catalogue",
    "Corpus",
    "DocKind",
    "DocStatus",
    "Document",
    "Relation",
    "RelationKind",
    "Segment",
    "SourceFile",
    "SourceSpan",
    "ingest",
    "write_catalogue",
]
