"""One immutable, loaded generation: catalogue + index + retriever. The Desk swaps whole snapshots,
so a request never sees a catalogue from one build and an index from another."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from core.errors import IndexMissing
from core.profile import DEFAULT_PROFILE, load_profile
from corpus import Catalogue
from indexer.backends import open_backend
from indexer.embed import Embedder
from indexer.index import SearchIndex, load_index
from indexer.retrieve import Retriever
from policydesk.generations import CATALOGUE_FILE, DataDir, verify


@dataclass(frozen=True)
class Snapshot:
    generation: Path
    manifest: dict
    catalogue: Catalogue
    index: SearchIndex
    retriever: Retriever

    @classmethod
    def load(
        cls,
        data: DataDir,
        embedder: Embedder | None,
        store: str = "local",
        profile: str = DEFAULT_PROFILE,
        cascade: bool = True,
    ) -> Snapshot:
        generation = data.current()
        if generation is None:
            raise IndexMissing("尚未构建目录和索引，请先运行 policydesk build")
        manifest = verify(generation)
        catalogue = Catalogue.load(generation / CATALOGUE_FILE)
        index = load_index(generation, embedder.name if embedder else None)
        backend = open_backend(store, generation, index)
        return cls(
            generation,
            manifest,
            catalogue,
            index,
            Retriever(catalogue, index, embedder, backend, load_profile(profile), cascade=cascade),
        )
