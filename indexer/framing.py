"""Conversational framing around a question — "请问", "领导让我查一下", "……，谢谢", "……，有原文吗" —
says nothing about the policy asked for. It is cut before the question is searched, embedded and
matched: it would otherwise pull the dense vector towards small talk, lend its characters to phrase
matching, and cost embedding time (the model's cost grows with every character)."""

from __future__ import annotations

import re

_LEADING = re.compile(
    r"^(?:"
    r"(?:您好|你好|老师好|领导好)"
    r"|请问(?:一下)?|请教(?:一下)?"
    r"|想(?:咨询|了解|问|请教|知道|查)(?:一下|问)?"
    r"|麻烦(?:问下|问一下|帮忙|帮我|您)?(?:看看|查查|查一下|问问)?"
    r"|帮(?:忙|我)?(?:看看|查查|查一下|问问)"
    r"|(?:领导|同事|我们单位|单位里|单位|我们|我)(?:让我|叫我|想|要)(?:查一下|查查|了解|知道|问问|咨询)(?:一下)?"
    r")[，,：:！!。\s]*"
)
_TRAILING = re.compile(
    r"(?:"
    r"[，,。\s]*(?:谢谢(?:了|您|啦)?|多谢|感谢|[（(]急[)）])"  # thanks and urgency, after anything
    # a tail clause of its own, after a comma or a question mark ("补助的依据是什么" is the question)
    r"|(?:[，,。\s]+|(?<=[？?！!]))(?:"
    r"急|具体(?:是)?怎么规定的?|(?:文件|规定|原文)(?:里|上|中)?(?:是)?怎么(?:说|规定|写)的?"
    r"|有(?:没有)?原文吗?|(?:依据|根据|出处)(?:是什么|在哪)"
    r"|在哪(?:个文件|份文件|里)(?:有)?规定的?"
    r"))[？?！!。～~]*$"
)
MIN_LEFT_CHARS = 4  # what is left must still be a question; otherwise the text is kept whole


def strip_framing(question: str) -> str:
    """The question without greetings, requests to look something up, thanks and "is there a source"
    tails; unchanged when cutting would leave (almost) nothing."""
    text = question.strip()
    while True:
        cut = _TRAILING.sub("", _LEADING.sub("", text, count=1), count=1).strip()
        if cut == text or len(cut) < MIN_LEFT_CHARS:
            return text if len(cut) < MIN_LEFT_CHARS else cut
        text = cut
