"""A language and locale profile: everything about places, levels, issuers and ways of phrasing that
the algorithms read, loaded from a versioned TOML file instead of living in code.

Shipped profiles are ``profiles/*.toml`` (``neutral``: general Chinese only; ``yunnan``: extends it with
Yunnan's and Kunming's places, levels and issuers); any path to a TOML file of the same shape works too.
A profile names the one it ``extends``; tables merge key by key, the child winning. The profile's name,
version and a hash of its merged content are recorded in every build manifest, so a build made under
another profile is rebuilt rather than served.
"""

from __future__ import annotations

import functools
import hashlib
import json
import re
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

from core.doctitle import TitleCues
from core.errors import InvalidInput
from core.sentences import CLAUSE_MARKED

DEFAULT_PROFILE = "yunnan"
MIN_LEFT_CHARS = 4  # framing is cut only while what is left is still a question


def _alternatives(patterns: list[str]) -> re.Pattern[str] | None:
    return re.compile("|".join(f"(?:{p})" for p in patterns)) if patterns else None


@dataclass(frozen=True)
class AnswerKind:
    """A kind of answer a question can ask for (an amount, a time…) and the evidence a text holds one."""

    name: str
    label: str
    cue: re.Pattern[str]
    evidence: re.Pattern[str]
    min_matches: int = 1
    is_value: bool = False  # an amount, a time…: a figure, marked and shortened in the answer
    required: bool = False  # the answer must state one, or it is not found (every value kind; a list of materials)


@dataclass(frozen=True)
class Level:
    """An administrative level: the words that speak of it and the issuers that belong to it."""

    name: str
    label: str
    cue: re.Pattern[str]
    issuer: re.Pattern[str] | None


@dataclass(frozen=True)
class Profile:
    name: str
    version: str
    fingerprint: str
    stopwords: frozenset[str]
    question_words: frozenset[str]
    which_words: tuple[str, ...]
    question_noise: re.Pattern[str]
    region_prefix: re.Pattern[str] | None
    place: re.Pattern[str] | None  # the places a question may name (the profile's names, longest first)
    enclosing: Mapping[str, frozenset[str]]  # place → the places it lies within
    answer_kinds: tuple[AnswerKind, ...]
    levels: tuple[Level, ...]
    procedure_question: re.Pattern[str] | None
    procedure_words: re.Pattern[str] | None
    list_question: re.Pattern[str] | None
    scope: re.Pattern[str] | None
    yes_no: re.Pattern[str] | None = None  # a question asking whether
    how_much: re.Pattern[str] | None = None  # … or how much / when
    asking: re.Pattern[str] | None = None  # what makes a clause ask: a question word, a particle, a yes/no form
    titles: TitleCues | None = None  # how a document is named without 《》 ([named_documents])
    _leading: re.Pattern[str] | None = field(repr=False, default=None)
    _trailing: re.Pattern[str] | None = field(repr=False, default=None)

    # -- questions ------------------------------------------------------------------------------
    def strip_framing(self, question: str) -> str:
        """The question without greetings, requests to look something up, thanks and "is there a
        source" tails; unchanged when cutting would leave (almost) nothing."""
        text = question.strip()
        while True:
            cut = text
            if self._leading is not None:
                cut = self._leading.sub("", cut, count=1)
            if self._trailing is not None:
                cut = self._trailing.sub("", cut, count=1)
            cut = cut.strip()
            if cut == text or len(cut) < MIN_LEFT_CHARS:
                return text if len(cut) < MIN_LEFT_CHARS else cut
            text = cut

    def answer_kind(self, question: str) -> AnswerKind | None:
        """The first kind (in the profile's order) whose cue the clauses that ask hold; a question that
        asks whether, not how much, asks no value. "想降低缴存比例，要经过什么程序？" names a ratio in its
        scene and asks for a procedure: the kind is read where the question asks."""
        asked = self.asking_part(question)
        asks_how_much = bool(self.how_much and self.how_much.search(asked))
        whether = bool(self.yes_no and self.yes_no.search(asked)) and not asks_how_much
        return next(
            (kind for kind in self.answer_kinds if kind.cue.search(asked) and not (whether and kind.required)), None
        )

    def asking_part(self, question: str) -> str:
        """The clauses that ask (a question word, a particle, a yes/no form); the whole question when none
        does ("2022年总结阶段截止时间")."""
        if self.asking is None:
            return question
        asking = [m.group(0) for m in CLAUSE_MARKED.finditer(question) if self.asking.search(m.group(0))]
        return "".join(asking) if asking else question

    def kind(self, name: str) -> AnswerKind | None:
        return next((kind for kind in self.answer_kinds if kind.name == name), None)

    def asks_procedure(self, question: str) -> bool:
        return bool(self.procedure_question and self.procedure_question.search(question))

    def asks_list(self, question: str) -> bool:
        """A question asking for a whole list (哪些情形？条件是什么？), not for one of its items."""
        return bool(self.list_question and self.list_question.search(question))

    # -- texts ----------------------------------------------------------------------------------
    def holds(self, kind: AnswerKind | None, text: str) -> bool:
        """Whether ``text`` holds the kind of value asked for (a list needs several names)."""
        if kind is None:
            return False
        return _holds(kind.evidence, kind.min_matches, text)

    def levels_of(self, text: str) -> frozenset[str]:
        """The administrative levels a text speaks of."""
        return _levels(self.levels, text)

    def issuer_level(self, issuer: str) -> str | None:
        """The label of the level an issuer (or a title naming one) belongs to, finest first."""
        for level in self.levels:
            if level.issuer is not None and level.issuer.search(issuer):
                return level.label
        return None

    def places_in(self, text: str) -> frozenset[str]:
        """The places (provinces, prefectures…) a text names."""
        return frozenset(self.place.findall(text)) if self.place is not None else frozenset()

    def covers(self, region: str, place: str) -> bool:
        """Whether a text bound to ``region`` applies to ``place``: the same place, or one inside it."""
        return place == region or region in self.enclosing.get(place, frozenset())

    def without_region(self, title: str) -> str:
        return self.region_prefix.sub("", title) if self.region_prefix is not None else title

    def describe(self) -> dict[str, str]:
        return {"name": self.name, "version": self.version, "fingerprint": self.fingerprint}


@functools.lru_cache(maxsize=50_000)
def _holds(pattern: re.Pattern[str], min_matches: int, text: str) -> bool:
    if min_matches <= 1:
        return pattern.search(text) is not None
    return len(pattern.findall(text)) >= min_matches


@functools.lru_cache(maxsize=50_000)
def _levels(levels: tuple[Level, ...], text: str) -> frozenset[str]:
    return frozenset(level.name for level in levels if level.cue.search(text))


# -- loading ---------------------------------------------------------------------------------------
def load_profile(name: str = DEFAULT_PROFILE) -> Profile:
    """A shipped profile by name (``yunnan``, ``neutral``) or a TOML file by path; cached."""
    return _load(name.strip() or DEFAULT_PROFILE)


@functools.lru_cache(maxsize=16)
def _load(name: str) -> Profile:
    data = _read(name, seen=())
    try:
        return _compile(data)
    except (AttributeError, KeyError, TypeError, ValueError, re.error) as exc:  # a table of the wrong shape too
        raise InvalidInput(f"配置文件 {name} 内容无效：{exc}") from None


def _read(name: str, seen: tuple[str, ...]) -> dict[str, Any]:
    if name in seen:
        raise InvalidInput(f"配置文件循环继承：{' → '.join((*seen, name))}")
    path = Path(name)
    try:
        if path.suffix == ".toml":
            text = path.read_text(encoding="utf-8")
        else:
            text = resources.files("profiles").joinpath(f"{name}.toml").read_text(encoding="utf-8")
        data = tomllib.loads(text)
    except (OSError, FileNotFoundError):
        shipped = sorted(p.name[:-5] for p in resources.files("profiles").iterdir() if p.name.endswith(".toml"))
        raise InvalidInput(f"找不到配置文件 {name}（可用：{'、'.join(shipped)}，或给出 .toml 文件路径）") from None
    except tomllib.TOMLDecodeError as exc:
        raise InvalidInput(f"配置文件 {name} 不是有效的 TOML：{exc}") from None
    parent = data.get("profile", {}).get("extends")
    if not parent:
        return data
    return _merge(_read(parent, (*seen, name)), data)


def _merge(base: Mapping[str, Any], child: Mapping[str, Any]) -> dict[str, Any]:
    out = dict(base)
    for key, value in child.items():
        if isinstance(value, Mapping) and isinstance(out.get(key), Mapping):
            out[key] = _merge(out[key], value)
        else:
            out[key] = value
    return out


def _compile(data: dict[str, Any]) -> Profile:
    meta = data["profile"]
    words = data.get("question_words", {})
    question_words = frozenset(w for group in words.values() for w in group)
    particles = set(words.get("particles", []))
    # cut out of running text, a single character would break words (几年, 其他): only particles go alone
    cuttable = sorted((w for w in question_words if len(w) > 1 or w in particles), key=lambda w: (-len(w), w))
    framing = data.get("framing", {})
    leading = _alternatives(framing.get("leading", []))
    tails = framing.get("tails", [])
    thanks = framing.get("thanks", [])
    trailing = None
    if tails or thanks:
        trailing = re.compile(
            rf"(?:[，,。\s]*(?:{'|'.join(thanks) or '(?!)'})"
            rf"|(?:[，,。\s]+|(?<=[？?！!]))(?:{'|'.join(tails) or '(?!)'}))[？?！!。～~]*$"
        )
    kinds_table = data.get("answer_kinds", {})
    kinds = tuple(
        AnswerKind(
            name=name,
            label=kinds_table[name].get("label", name),
            cue=re.compile("|".join(kinds_table[name]["cues"])),
            evidence=re.compile("|".join(kinds_table[name]["evidence"])),
            min_matches=int(kinds_table[name].get("min_matches", 1)),
            is_value=bool(kinds_table[name].get("value", False)),
            required=bool(kinds_table[name].get("value", False) or kinds_table[name].get("required", False)),
        )
        for name in kinds_table.get("order", [])
    )
    levels_table = data.get("levels", {})
    levels = tuple(
        Level(
            name=name,
            label=levels_table[name].get("label", name),
            cue=re.compile("|".join(levels_table[name]["cues"])),
            issuer=_alternatives(levels_table[name].get("issuers", [])),
        )
        for name in levels_table.get("order", [])
    )
    places = data.get("places", {})
    prefixes = sorted(places.get("region_prefixes", []), key=len, reverse=True)
    within: dict[str, list[str]] = places.get("within", {})
    enclosing: dict[str, set[str]] = {}
    for outer, inner in within.items():
        for place in inner:
            enclosing.setdefault(place, set()).add(outer)
    names = sorted({*places.get("names", []), *within, *enclosing}, key=len, reverse=True)
    procedure = data.get("procedure", {})
    canonical = json.dumps(data, ensure_ascii=False, sort_keys=True)
    return Profile(
        name=str(meta["name"]),
        version=str(meta.get("version", "0")),
        fingerprint=hashlib.sha256(canonical.encode()).hexdigest()[:16],
        stopwords=frozenset(data.get("tokens", {}).get("stopwords", [])) | question_words,
        question_words=question_words,
        which_words=tuple(words.get("which", [])),
        question_noise=re.compile("|".join(map(re.escape, cuttable))) if cuttable else re.compile("(?!)"),
        region_prefix=re.compile("^(?:" + "|".join(map(re.escape, prefixes)) + ")") if prefixes else None,
        place=re.compile("|".join(map(re.escape, names))) if names else None,
        enclosing={place: frozenset(outer) for place, outer in enclosing.items()},
        answer_kinds=kinds,
        levels=levels,
        procedure_question=_alternatives(procedure.get("question", [])),
        procedure_words=_alternatives(procedure.get("words", [])),
        list_question=_alternatives(data.get("lists", {}).get("question", [])),
        scope=_alternatives(data.get("scope", {}).get("cues", [])),
        yes_no=_alternatives(data.get("answer_kinds", {}).get("yes_no", [])),
        how_much=_alternatives(data.get("answer_kinds", {}).get("how_much", [])),
        asking=_alternatives(
            [
                *map(re.escape, sorted(question_words, key=len, reverse=True)),
                *data.get("answer_kinds", {}).get("yes_no", []),
                *data.get("answer_kinds", {}).get("how_much", []),
            ]
        ),
        titles=TitleCues.compile(data.get("named_documents", {})),
        _leading=re.compile(rf"^(?:{leading.pattern})[，,：:！!。\s]*") if leading else None,
        _trailing=trailing,
    )
