"""How a question names a document without 《》: "按照失业保险条例，……" or "工伤保险条例第十四条". Staff
name texts plainly as often as in 《》, and a text the catalogue does not hold must be answered "未收录",
not with the sentence of another text that cites it. The words are the profile's ``[named_documents]``
table (the kinds of title endings, the words that introduce a named source, the words that make a phrase a
generic rule, "按照有关规定", "按单位规定"); this module only reads them.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

# A title runs over CJK characters, digits, letters and the brackets of （试行）; 的 ends it: "按照劳动合同法的
# 规定" names 劳动合同法, and "根据关于……的通知" (a title with 的) is left to its 《》.
_RUN = r"(?:(?!的)[\u4e00-\u9fff0-9A-Za-z（）()—－·])"
_JOINED = re.compile(r"以及|[和与及或]")  # names joined in one run; a title with 和 is then read in part
_ARTICLE = re.compile(r"第[0-9零〇○一二两三四五六七八九十百千]+条")


@dataclass(frozen=True)
class TitleCues:
    """The profile's cues for a document named without 《》, compiled once."""

    ending: re.Pattern[str]  # a kind of document a title ends with (规定, 条例, 法 but not 法规 or 依法…)
    introducer: re.Pattern[str]  # a word that introduces a named source (按照, 根据…)
    after: re.Pattern[str]  # an introducer and the run of title characters that follows it
    before_article: re.Pattern[str]  # a run of title characters right before an article locator
    qualifiers: tuple[str, ...]  # words in front of a title that name no text (有关, 国家, 上述…), cut
    owners: tuple[str, ...]  # a rule of one's own organisation (单位, 公司…): never a catalogued text
    generic: frozenset[str]  # a stem that names a kind of rule, not one text (法律, 文件, 政策…)
    min_stem_chars: int  # CJK characters a title needs in front of its ending, the qualifiers cut…
    min_name_chars: int  # … and with its ending (民法典: 3)

    @classmethod
    def compile(cls, table: Mapping[str, Any]) -> TitleCues | None:
        """None when the profile names no endings or introducers: plain titles are then not read."""
        endings, introducers = table.get("endings", []), table.get("introducers", [])
        if not endings or not introducers:
            return None
        ending = "|".join(f"(?:{p})" for p in endings)
        words = "|".join(map(re.escape, sorted(introducers, key=len, reverse=True)))
        return cls(
            ending=re.compile(f"(?:{ending})"),
            introducer=re.compile(words),
            after=re.compile(f"(?:{words})({_RUN}+)"),
            before_article=re.compile(f"({_RUN}+?)(?={_ARTICLE.pattern})"),
            qualifiers=tuple(sorted(table.get("qualifiers", []), key=len, reverse=True)),
            owners=tuple(table.get("owners", [])),
            generic=frozenset(table.get("generic", [])),
            min_stem_chars=int(table.get("min_stem_chars", 1)),
            min_name_chars=int(table.get("min_name_chars", 3)),
        )

    def split(self, name: str) -> tuple[str, str] | None:
        """(stem, kind) of a title that ends with one of the kinds, a trailing （试行） ignored; else None."""
        core = re.sub(r"[（(][^（）()]{1,6}[）)]$", "", name)
        last = None
        for match in self.ending.finditer(core):
            if match.end() == len(core):
                last = match
        return (core[: last.start()], last.group(0)) if last is not None else None

    def ends_title(self, title: str, name: str) -> bool:
        """Whether ``name`` stands in ``title`` where a title ends: 工会法 in 中华人民共和国工会法 or in
        工会法实施办法, never 劳动法 in 劳动法律监督条例 (the word runs on)."""
        start = title.find(name)
        while start >= 0:
            end = start + len(name)
            if any(m.end() == end for m in self.ending.finditer(title, max(start, end - 3), end + 3)):
                return True
            start = title.find(name, start + 1)
        return False

    def candidates(self, text: str) -> list[str]:
        """Runs that may name a document: what follows an introducer, what stands right before an
        article locator — each cut at the last title ending it holds ("依照工伤保险条例享受待遇" →
        工伤保险条例). Text inside 《》 is read elsewhere."""
        text = re.sub(r"《[^《》]*》", "|", text)
        runs = [m.group(1) for m in self.after.finditer(text)]
        runs += [self.introducer.split(m.group(1))[-1] for m in self.before_article.finditer(text)]
        out: list[str] = []
        for run in runs:
            run = _ARTICLE.split(run)[0]  # "失业保险条例第十条" → 失业保险条例
            for piece in _JOINED.split(run):  # "工会法和劳动法": two names
                spans = [m.span() for m in self.ending.finditer(piece)]
                while len(spans) > 1 and spans[-2][1] == spans[-1][0]:
                    spans.pop()  # "劳动合同法规定": the law, then the word for what it provides
                if spans:
                    out.append(piece[: spans[-1][1]])
        return out

    def specific(self, stem: str, kind: str, question_words: frozenset[str]) -> bool:
        """Whether a stem names one text: not a qualifier ("有关规定"), not an organisation's own rule
        ("单位规定"), not a kind of rule ("法律规定"), not asked about ("什么规定"); enough left of it."""
        if any(w in stem for w in question_words if len(w) > 1 or w in "哪几啥"):
            return False
        cut = stem
        while True:
            stripped = next((cut[len(q) :] for q in self.qualifiers if cut.startswith(q)), None)
            if stripped is None:
                break
            cut = stripped
        if cut.startswith(self.owners) or cut in self.generic:
            return False
        chars = len(re.findall(r"[\u4e00-\u9fff]", re.sub(r"\d+[年月日号]?", "", cut)))  # "2019年规定": no title
        return chars >= self.min_stem_chars and chars + len(kind) >= self.min_name_chars
