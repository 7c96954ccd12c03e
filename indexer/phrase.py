"""Optional: an OpenAI-compatible LLM rephrases a found answer from its verified quotes only.

Off unless POLICYDESK_LLM_BASE_URL is set. The model sees nothing but the question and the quotes;
every sentence it returns is checked against them (all its numbers must stand in a quote, and most
of its wording), and one sentence that fails sends the extractive answer back unchanged. So the
optional path can make an answer read better, never make it say more.
"""

from __future__ import annotations

import logging
import re
from dataclasses import replace

import httpx

from core.sentences import SENTENCE
from indexer.answer import Answer
from indexer.overlap import bigrams

log = logging.getLogger("policydesk.phrase")

TIMEOUT_SECONDS = 20.0
MIN_SENTENCE_OVERLAP = 0.6  # share of a sentence's character bigrams that must come from the quotes
_NUMBER = re.compile(r"\d+(?:\.\d+)?")
SYSTEM_PROMPT = (
    "你是政策咨询助手。只能依据用户给出的引文作答，用简洁的中文归纳回答问题；"
    "不得补充引文以外的任何事实、数字或条件；不要编造出处。"
)


def phrase(question: str, answer: Answer, base_url: str, api_key: str | None, model: str | None) -> Answer:
    """The answer reworded by the model when every sentence checks out; otherwise ``answer``."""
    if not answer.found or not answer.citations:
        return answer
    quotes = "\n".join(f"[{i + 1}] {c.label}：{c.quote}" for i, c in enumerate(answer.citations))
    try:
        response = httpx.post(
            f"{base_url.rstrip('/')}/chat/completions",
            headers={"Authorization": f"Bearer {api_key}"} if api_key else {},
            json={
                "model": model or "default",
                "temperature": 0,
                "messages": [
                    {"role": "system", "content": SYSTEM_PROMPT},
                    {"role": "user", "content": f"问题：{question}\n引文：\n{quotes}"},
                ],
            },
            timeout=TIMEOUT_SECONDS,
        )
        response.raise_for_status()
        text = response.json()["choices"][0]["message"]["content"].strip()
    except (httpx.HTTPError, KeyError, IndexError, TypeError, ValueError) as exc:
        log.warning("LLM phrasing skipped: %s", exc)
        return answer
    if not text or not supported_by(text, [c.quote for c in answer.citations]):
        return answer
    sources = "；".join(c.label for c in answer.citations)
    editions = "".join(f"\n{n.line}。" for n in answer.superseded)  # other editions stay named
    return replace(answer, answer=f"{text}\n（依据：{sources}）{editions}")


def supported_by(text: str, quotes: list[str]) -> bool:
    """Every sentence's numbers appear in the quotes, and most of its wording does too."""
    pool = "".join(quotes)
    pool_grams = bigrams(pool)
    numbers = set(_NUMBER.findall(pool))
    for match in SENTENCE.finditer(text):
        sentence = match.group(0).strip()
        if not sentence:
            continue
        if any(n not in numbers for n in _NUMBER.findall(sentence)):
            return False
        grams = bigrams(sentence)
        if grams and len(grams & pool_grams) / len(grams) < MIN_SENTENCE_OVERLAP:
            return False
    return True
