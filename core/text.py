"""Comparing Chinese policy text as staff and extraction write it: one normal form for lookups, one
key for titles. PDF extraction scatters spaces ("不少于 20 场次"), typing mixes full- and half-width
forms ("第１８条", "三(二)"), and one title is spelt with and without 《》 or with either dot."""

from __future__ import annotations

import re
import unicodedata

_TITLE_DOTS = re.compile(r"[·.．•‧]")
_TITLE_MARKS = re.compile(r"[“”\"'‘’《》<>〈〉]")


def compact(text: str) -> str:
    """The text without any white space."""
    return "".join(text.split())


def normalise_text(text: str) -> str:
    """NFKC folds full-width digits/letters; then the Chinese full-width parentheses and the 文号's
    六角括号 are restored, format characters (zero-width, direction marks) and white space dropped."""
    text = unicodedata.normalize("NFKC", text)
    text = "".join(ch for ch in text if unicodedata.category(ch) != "Cf")
    text = text.replace("(", "（").replace(")", "）").replace("[", "〔").replace("]", "〕")
    return re.sub(r"\s+", "", text)


def title_key(title: str) -> str:
    """What two spellings of one title share: no spaces, one kind of dot, no quotes or book marks."""
    return _TITLE_MARKS.sub("", _TITLE_DOTS.sub("·", compact(title)))


_EDITION_MARKS = re.compile(r"[（(](?:试行|暂行|修订|修正|草案|\d{4}年?(?:修订|修正)?)[）)]|暂行|试行")


def edition_key(title: str) -> str:
    """What two editions of one text share: the title key without 试行/暂行, （修订） or a year in brackets,
    so 《工伤认定办法》 of 2003 and of 2010, or 《X（试行）》 and 《X》, are one text in two editions."""
    return title_key(_EDITION_MARKS.sub("", compact(title)))
