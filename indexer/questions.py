"""The words a question is asked with — interrogatives, particles, requests and the asker's pronouns — as
opposed to the words that say what it is about. Defined once: the tokeniser drops them, phrase matching
cuts them out of a question before taking its bigrams, and the procedure test reads its which-words here.
"""

from __future__ import annotations

import re

INTERROGATIVES = ("什么", "怎么", "怎样", "如何", "多少", "几", "几个", "哪", "哪些", "哪个", "哪位", "哪几", "啥")
WHICH = ("哪些", "什么", "哪几", "几个", "几")
"""Asks which or how many of a set ("哪些环节", "几个步骤")."""
PARTICLES = ("吗", "呢", "吧", "啊", "么", "呀", "嘛", "呗")
REQUESTS = ("请问", "一下", "是否", "能否", "是不是", "能不能", "可不可以", "有没有", "可以", "还能", "分别")
PRONOUNS = ("我们", "我", "你", "他", "她", "它", "他们", "咱们")

QUESTION_WORDS = frozenset((*INTERROGATIVES, *PARTICLES, *REQUESTS, *PRONOUNS))

# Cut out of running text, a single character would break words (几年, 其他): only particles go alone.
_CUTTABLE = sorted((w for w in QUESTION_WORDS if len(w) > 1 or w in PARTICLES), key=lambda w: (-len(w), w))
QUESTION_NOISE = re.compile("|".join(_CUTTABLE))
"""Question words as they can be cut out of a question's running text, longest first."""
