"""The text keys a generation records: what each held file says (``corpus.ingest.text_key``), looked up
by the hash of the file's bytes, so that an add refuses a second copy of a held text without cleaning every
held file (``corpus.duplicates.HeldTexts``).

A build records the key of every source in the generation's manifest (``text_keys``), from the cleaning
it does anyway. A generation built before keys were recorded gets them the first time an add needs them:
each held file is read once and its key kept beside the manifest (``text_keys.json``, replaced atomically,
as ``rule_warnings.json`` is); the manifest and the checksummed files are never rewritten. A key is taken
only for the very bytes it was computed from, and only when it was computed by the code that runs now
(``pipeline``: cleaning that changed could say a text differently), so a stale or damaged record costs a
read, never a missed copy.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import threading
from collections.abc import Mapping
from pathlib import Path

from corpus import Corpus
from policydesk.generations import MANIFEST_FILE

TEXT_KEYS_FILE = "text_keys.json"
MANIFEST_FIELD = "text_keys"
_DIGEST = re.compile(r"^[0-9a-f]{64}$")


def record(pipeline: str, by_sha256: Mapping[str, str]) -> dict[str, object]:
    """The stored form (manifest field and side file alike): the code that computed the keys, and each
    file's key by the SHA-256 of its bytes."""
    return {"pipeline": pipeline, "files": dict(sorted(by_sha256.items()))}


def built_record(corpus: Corpus, pipeline: str) -> dict[str, object]:
    """What a build records in its manifest: the key of every source it ingested."""
    return record(pipeline, {s.sha256: corpus.text_keys[s.name] for s in corpus.sources if s.name in corpus.text_keys})


class GenerationKeys:
    """The keys the serving generation records for the held files (a ``corpus.duplicates.KeyRecord``).

    ``hashes`` maps each held file's name to the SHA-256 of its bytes as they are now; a file is looked up
    by that hash, so one changed since the build is read again rather than matched on what it used to say.
    Nothing is read from disk until an add needs the keys."""

    def __init__(self, generation: Path | None, hashes: Mapping[str, str], pipeline: str) -> None:
        self._generation = generation
        self._hashes = hashes
        self._pipeline = pipeline

    def recorded(self) -> dict[str, str]:
        if self._generation is None:
            return {}
        keys = {**self._stored(self._generation / MANIFEST_FILE, MANIFEST_FIELD), **self._kept()}
        return {name: keys[sha] for name, sha in self._hashes.items() if sha in keys}

    def remember(self, keys: Mapping[str, str]) -> None:
        """Keep the keys read for this add beside the manifest, with those kept before. A directory that
        cannot be written to still refuses copies, only at the cost of reading again next time."""
        if self._generation is None:
            return
        found = {self._hashes[name]: key for name, key in keys.items() if name in self._hashes}
        data = json.dumps(record(self._pipeline, {**self._kept(), **found}), indent=1)
        target = self._generation / TEXT_KEYS_FILE
        staging = target.with_name(f".{TEXT_KEYS_FILE}.{os.getpid()}.{threading.get_ident()}")
        try:
            staging.write_text(data, encoding="utf-8")
            os.replace(staging, target)
        except OSError:
            with contextlib.suppress(OSError):
                staging.unlink()

    def _kept(self) -> dict[str, str]:
        assert self._generation is not None
        return self._stored(self._generation / TEXT_KEYS_FILE, None)

    def _stored(self, path: Path, field: str | None) -> dict[str, str]:
        """The keys in ``path`` (in its ``field`` when given) computed by the running code; {} when the
        file is missing, unreadable, damaged or from other code."""
        try:
            found = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}
        if field is not None:
            found = found.get(field) if isinstance(found, dict) else None
        if not isinstance(found, dict) or found.get("pipeline") != self._pipeline:
            return {}
        files = found.get("files")
        if not isinstance(files, dict):
            return {}
        return {
            sha: key
            for sha, key in files.items()
            if isinstance(sha, str) and isinstance(key, str) and _DIGEST.match(sha) and _DIGEST.match(key)
        }
