"""The check kind protocol: what a kind declares (its options, like yamllint's CONF) and what it does (report
what it sees in one plan). The engine turns each report into a Finding with the rule's id, effective severity
and exemption."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import cached_property
from typing import Any, Protocol

from planlint.analysis.evidence import Analysis
from planlint.analysis.phrases import WordSet
from planlint.document.model import Location
from planlint.result import ConceptResult, Status
from planlint.rulepack.pack import Pack, RuleSpec


@dataclass(frozen=True)
class OptionType:
    """What an option's value must be, in words (for errors and the generated docs) and as a test."""

    words: tuple[str, str]  # (Swedish, English)
    test: Callable[[Any], bool]

    def accepts(self, value: Any) -> bool:
        return self.test(value)


def _texts(value: Any) -> bool:
    return isinstance(value, list) and all(isinstance(v, str) for v in value)


def _pattern(value: Any) -> bool:
    return isinstance(value, str) or (isinstance(value, dict) and set(value) == {"all"} and _texts(value["all"]))


STATUS_KEYS = tuple(s.key for s in Status)
PHRASES = OptionType(("en lista med ord eller fraser", "a list of words or phrases"), _texts)
STATUSES = OptionType(
    (f"en lista med statusar ({', '.join(STATUS_KEYS)})", f"a list of statuses ({', '.join(STATUS_KEYS)})"),
    lambda v: _texts(v) and all(s in STATUS_KEYS for s in v),
)
PATTERNS = OptionType(
    ("en lista med fraser eller {all: [...]}", "a list of phrases or {all: [...]}"),
    lambda v: isinstance(v, list) and bool(v) and all(_pattern(p) for p in v),
)
MESSAGE = OptionType(
    ("ett meddelande {sv: …, en: …}", "a message {sv: …, en: …}"),
    lambda v: isinstance(v, dict) and isinstance(v.get("sv"), str) and all(isinstance(t, str) for t in v.values()),
)


@dataclass(frozen=True)
class Option:
    """One option a kind reads from its rule files."""

    name: str
    type: OptionType
    doc: tuple[str, str]  # what it does (Swedish, English)
    required: bool = False  # must be given, and not empty
    needed_with: str | None = None  # required when this other option is given


@dataclass
class CheckContext:
    """What a kind sees of one plan: the analysis, the pack and each concept's result."""

    analysis: Analysis
    pack: Pack
    concepts: dict[str, ConceptResult]

    @cached_property
    def words(self) -> frozenset[str]:
        """Every distinct word of the plan's sentences (lower case), gathered once for all the rules."""
        return frozenset().union(*(s.words for sentences in self.analysis.sentences for s in sentences))

    def may_occur(self, phrases: list[str] | tuple[str, ...]) -> bool:
        """Whether any of the phrases can occur in the plan at all, told from its words alone (a phrase needs its
        first word), so that a rule whose vocabulary the plan never uses reads no sentence."""
        return WordSet([p.lower().split()[0] for p in phrases if p.strip()]).any_in(self.words)


@dataclass(slots=True)
class Report:
    """What a kind reports; the engine adds rule id, severity and exemption to make a Finding."""

    message: dict[str, str]  # {"sv": …, "en": …}
    concept: str | None = None
    block: int | None = None
    location: Location | None = None
    section: tuple[str, ...] = ()
    quote: str | None = None
    suggestion: dict[str, str] | None = None


class Kind(Protocol):
    """A check kind: the code a rule instance names with `extends:`."""

    name: str
    doc: tuple[str, str]  # what it does (Swedish, English)
    options: tuple[Option, ...]

    def check(self, context: CheckContext, rule: RuleSpec) -> Iterator[Report]: ...
