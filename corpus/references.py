"""Cross-references inside normative texts (issue 11): "按照本办法第十条和第十四条规定", "依照《X》第N条",
"前款", "本条第一款" become ``refers_to`` relations from the provision that says them to the article
they name, so a provision that defers to another can be read with it.

A bare "第N条" in a law is its own article (laws cite themselves that way); a number after 《X》 is
article N of X (resolved to a catalogued document by title when there is one); a number right after an
unquoted name ("劳动法第四十四条") names another text that cannot be resolved by title and is left out.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from core.locator import MARKERS
from core.numerals import NUMBER, to_int
from core.text import compact

_KINDS = r"(?:实施办法|实施细则|办法|条例|规定|细则|解释|法|决定|意见|方案|通知)"
_ITEM = rf"第{NUMBER}条(?:第{NUMBER}款)?"
_JOIN = r"(?:、|和|及|以及|或者|或|至)"
_REFERENCE = re.compile(
    rf"(?P<scope>本条|本{_KINDS}|《(?P<title>[^《》]{{2,80}})》)?(?P<items>{_ITEM}(?:{_JOIN}{_ITEM})*)"
)
_ONE = re.compile(rf"第(?P<article>{NUMBER})条(?:第(?P<clause>{NUMBER})款)?")
PREVIOUS = {"前款": 1, "前两款": 2, "前三款": 3}
"""How many paragraphs (款) before its own each "前…款" names."""
_PREVIOUS = re.compile("|".join(PREVIOUS))
APPENDIX = "附录"  # an appendix numbers its own items (corpus.sections gives them locators under 附录)
_UNQUOTED_NAME = re.compile(rf"[\u4e00-\u9fff]{_KINDS}$")


@dataclass(frozen=True, slots=True)
class FoundReference:
    locator: str  # the provision that refers
    target_title: str | None  # None: this document
    target_locator: str  # 第十条, 第二十五条第二款, or the article itself for 前款 / 本条第一款
    phrase: str  # as written


def references_in(units: Iterable[tuple[str, str]]) -> list[FoundReference]:
    """Every cross-reference in one document's (locator, text) units."""
    found: list[FoundReference] = []
    seen: set[tuple[str, str | None, str]] = set()
    for locator, text in units:
        flat = compact(text)
        own = _article_of(locator)
        label = MARKERS["article"].match(flat)
        for match in _REFERENCE.finditer(flat):
            if label and match.start() == 0 and match["scope"] is None and match.end() == label.end():
                continue  # the provision's own label
            if match["scope"] is None and _UNQUOTED_NAME.search(flat[: match.start()]):
                continue  # 劳动法第四十四条: another text, named without 《》
            if match["scope"] is None and (locator.startswith(APPENDIX) or flat[: match.start()].endswith(APPENDIX)):
                continue  # 附录第一条, or a bare number inside an 附录: the appendix's numbering, not an article
            title = match["title"]
            for item in _ONE.finditer(match["items"]):
                if match["scope"] == "本条":
                    target = own or locator
                    if item["clause"]:
                        target = f"{target}第{item['clause']}款"
                else:
                    target = f"第{item['article']}条" + (f"第{item['clause']}款" if item["clause"] else "")
                if label and match.start() == 0 and match["scope"] is None:
                    continue
                key = (locator, title, target)
                if key not in seen and target != locator:
                    seen.add(key)
                    found.append(FoundReference(locator, title, target, match.group(0)))
        for match in _PREVIOUS.finditer(flat):
            if own:
                key = (locator, None, f"{own}{match.group(0)}")
                if key not in seen:
                    seen.add(key)
                    found.append(FoundReference(locator, None, own, match.group(0)))
    return found


def _article_of(locator: str) -> str | None:
    match = MARKERS["article"].match(locator)
    return match.group(0) if match else None


def target_parts(target_locator: str) -> tuple[str, int | None]:
    """A found reference's target split into its article and its 款 number: "第二十五条第二款" →
    ("第二十五条", 2); "第三条" → ("第三条", None)."""
    match = _ONE.match(target_locator)
    if match is None:
        return target_locator, None
    return f"第{match['article']}条", to_int(match["clause"]) if match["clause"] else None
