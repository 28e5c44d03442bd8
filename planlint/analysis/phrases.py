"""Lower-case word globs ("arbetsmarknad*", "20??") and phrases of them, as the rule pack writes its vocabulary."""

from __future__ import annotations

import re
from collections.abc import Collection, Hashable
from functools import cached_property, lru_cache
from itertools import compress, count
from typing import Generic, TypeVar

Payload = TypeVar("Payload", bound=Hashable)
GLOB_MEMO = 4096  # the distinct words a set of globs remembers whether it takes


class WordSet:
    """A set of words and word globs; `in` tests one lower-case word.

    Most globs are a beginning ("arbetsmarknad*") or an ending ("*nämnd"): those are tested with str.startswith and
    str.endswith, and only the others with a regular expression, compiled when a word first needs it (compiling
    is most of building a pack's matcher, and a run then pays only for the sets its plans reach). Whether the
    globs take a word is found once per distinct word (up to GLOB_MEMO words a set)."""

    def __init__(self, patterns: list[str] | tuple[str, ...]) -> None:
        self.exact = frozenset(p for p in patterns if not is_glob(p))
        globs = [p for p in patterns if is_glob(p)]
        self._prefixes = tuple(p[:-1] for p in globs if _affix_glob(p) == "prefix")
        self._suffixes = tuple(p[1:] for p in globs if _affix_glob(p) == "suffix")
        self._globs = "|".join(glob_regex(p) for p in globs if _affix_glob(p) is None)
        self._globbed = lru_cache(maxsize=GLOB_MEMO)(self._glob_takes) if globs else None

    @cached_property
    def _regex(self) -> re.Pattern[str] | None:
        return re.compile(self._globs) if self._globs else None

    def __contains__(self, word: str) -> bool:
        return word in self.exact or (self._globbed is not None and self._globbed(word))

    def _glob_takes(self, word: str) -> bool:
        """Whether a glob matches the word (a glob's `*` never takes a line break)."""
        if (word.startswith(self._prefixes) or word.endswith(self._suffixes)) and "\n" not in word:
            return True
        return self._regex is not None and self._regex.match(word) is not None

    def count_in(self, words: list[str]) -> int:
        """How many distinct words of the list are in the set (the exact words counted all at once)."""
        distinct = set(words)
        count = len(self.exact.intersection(distinct))
        if self._globbed is not None:
            count += sum(map(self._globbed, distinct.difference(self.exact)))
        return count

    def any_in(self, words: Collection[str]) -> bool:
        """Whether any of the words is in the set (the exact words tested all at once)."""
        if not self.exact.isdisjoint(words):
            return True
        return self._globbed is not None and any(map(self._glob_takes, words))  # often a plan's whole vocabulary


class GlobList(Generic[Payload]):
    """Word globs with a payload each; all of them in one WordSet tell quickly whether any of them can match."""

    def __init__(self, items: list[tuple[str, Payload]]) -> None:
        self._items = items
        self._any = WordSet([pattern for pattern, _ in items])

    def matches(self, word: str) -> list[Payload]:
        if word not in self._any:
            return []
        return [payload for glob, payload in self._each if word in glob]

    @cached_property
    def _each(self) -> list[tuple[WordSet, Payload]]:
        """Each glob on its own, made once one of them first matches a word."""
        return [(WordSet([pattern]), payload) for pattern, payload in self._items]


class Phrase:
    """A sequence of word globs; `*` alone stands for any one word."""

    def __init__(self, text: str) -> None:
        self.text = text
        # per word: None for `*`, the word itself when it is no glob (compared directly), else a WordSet
        self.words = tuple(None if w == "*" else WordSet([w]) if is_glob(w) else w for w in text.lower().split())

    def __len__(self) -> int:
        return len(self.words)

    @property
    def second(self) -> str | None:
        """The second word when it is a plain word (no glob, not `*`)."""
        second = self.words[1] if len(self.words) > 1 else None
        return second if isinstance(second, str) else None

    def match_at(self, words: list[str], i: int) -> bool:
        if i + len(self.words) > len(words):
            return False
        for k, wanted in enumerate(self.words):
            if wanted is None:
                continue
            if words[i + k] != wanted if wanted.__class__ is str else words[i + k] not in wanted:
                return False
        return True


# a phrase that may start at a word: the phrase, its payload, its plain second word, whether it is one word
Candidate = tuple[Phrase, Payload, str | None, bool]


class PhraseIndex(Generic[Payload]):
    """Phrases with a payload each, indexed by their first word so that a sentence is scanned once."""

    def __init__(self, items: list[tuple[str, Payload]]) -> None:
        self._by_first: dict[str, list[tuple[Phrase, Payload]]] = {}
        glob_first: list[tuple[str, tuple[Phrase, Payload]]] = []
        for text, payload in items:
            phrase = Phrase(text)
            first = text.lower().split()[0]
            if is_glob(first):
                glob_first.append((first, (phrase, payload)))
            else:
                self._by_first.setdefault(first, []).append((phrase, payload))
        self._glob_first = GlobList(glob_first)
        self._candidates = lru_cache(maxsize=65536)(self._candidates_uncached)
        self._first_words = frozenset(self._by_first)
        self._any_glob_first = bool(glob_first)

    def _candidates_uncached(self, word: str) -> tuple[Candidate[Payload], ...]:
        """The phrases whose first word matches a word, each with its second word when that is a plain word
        (most phrases are told from the word that follows without trying them: "i samråd med"), and whether it
        is that one word (found without trying it)."""
        return tuple(
            (phrase, payload, phrase.second, len(phrase) == 1)
            for phrase, payload in [*self._by_first.get(word, []), *self._glob_first.matches(word)]
        )

    def find(self, words: list[str]) -> list[tuple[int, int, Payload]]:
        """(start, end, payload) for every occurrence of every phrase."""
        found = self._starting(words)
        if found is None:
            return []
        following = [*words[1:], None]
        return [
            (i, i + len(phrase), payload)
            for i in compress(count(), found)  # the words that start a phrase
            for phrase, payload, second, single in found[i]
            if single or ((second is None or second == following[i]) and phrase.match_at(words, i))
        ]

    def occurs(self, words: list[str]) -> bool:
        """Whether any phrase occurs (stops at the first)."""
        found = self._starting(words)
        if found is None:
            return False
        following = [*words[1:], None]
        return any(
            single or ((second is None or second == following[i]) and phrase.match_at(words, i))
            for i in compress(count(), found)
            for phrase, _, second, single in found[i]
        )

    def _starting(self, words: list[str]) -> list[tuple[Candidate[Payload], ...]] | None:
        """The phrases that can start at each word, or None when none can start at any (most sentences): a set
        test says so when no first word is a glob; else each distinct word's phrases are looked up in C."""
        if not self._any_glob_first and self._first_words.isdisjoint(words):
            return None
        found = list(map(self._candidates, words))
        return found if any(found) else None


class PhraseSet:
    """Phrases without payload: where do they occur, and does any occur at all."""

    def __init__(self, texts: list[str] | tuple[str, ...]) -> None:
        self._index: PhraseIndex[None] = PhraseIndex([(t, None) for t in texts if t.strip()])

    def spans(self, words: list[str]) -> list[tuple[int, int]]:
        return [(a, b) for a, b, _ in self._index.find(words)]

    def any_in(self, words: list[str]) -> bool:
        return self._index.occurs(words)


def is_glob(pattern: str) -> bool:
    return "*" in pattern or "?" in pattern


def _affix_glob(pattern: str) -> str | None:
    """ "prefix" for a glob that is a beginning ("arbetsmarknad*"), "suffix" for an ending ("*nämnd"), else None."""
    if "?" in pattern or "\n" in pattern or pattern.count("*") != 1:
        return None
    return "prefix" if pattern.endswith("*") else "suffix" if pattern.startswith("*") else None


def glob_regex(pattern: str) -> str:
    """A word glob as a regular expression: `*` any letters, `?` one; never across a line break.

    Matching takes time linear in the word whatever the pattern (`*a*a*a*…*x` would backtrack exponentially as
    plain `.*`s): each piece between two stars is taken at its first place, in an atomic group, which is
    always right for a glob, and only the last piece, which must end the word, is searched for from the end."""
    pieces = [_piece(p) for p in pattern.split("*")]
    if len(pieces) == 1:
        body = pieces[0]
    else:
        middle = "".join(f"(?>[^\\n]*?{piece})" for piece in pieces[1:-1] if piece)
        body = f"{pieces[0]}{middle}[^\\n]*{pieces[-1]}"
    return rf"(?:{body})\Z"


def _piece(text: str) -> str:
    return "".join(r"[^\n]" if c == "?" else re.escape(c) for c in text)
