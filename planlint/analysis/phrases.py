"""Lower-case word globs ("arbetsmarknad*", "20??") and phrases of them, as the rule pack writes its vocabulary."""

from __future__ import annotations

import re
from collections.abc import Collection, Hashable
from functools import cached_property, lru_cache
from typing import Generic, TypeVar

Payload = TypeVar("Payload", bound=Hashable)


class WordSet:
    """A set of words and word globs; `in` tests one lower-case word."""

    def __init__(self, patterns: list[str] | tuple[str, ...]) -> None:
        self.exact = frozenset(p for p in patterns if not is_glob(p))
        self._globs = "|".join(glob_regex(p) for p in patterns if is_glob(p))

    @cached_property
    def _regex(self) -> re.Pattern[str] | None:
        """The globs as one regular expression, compiled when a word first needs it: a run pays for compiling
        only the sets its plans reach (a pack has hundreds, and compiling is most of building the matcher)."""
        return re.compile(self._globs) if self._globs else None

    def __contains__(self, word: str) -> bool:
        return word in self.exact or (self._regex is not None and self._regex.match(word) is not None)

    def count_in(self, words: list[str]) -> int:
        """How many distinct words of the list are in the set (the exact words counted all at once)."""
        distinct = set(words)
        count = len(self.exact.intersection(distinct))
        if self._regex is not None:
            count += sum(self._regex.match(w) is not None for w in distinct.difference(self.exact))
        return count

    def any_in(self, words: Collection[str]) -> bool:
        """Whether any of the words is in the set (the exact words tested all at once)."""
        if not self.exact.isdisjoint(words):
            return True
        return self._regex is not None and any(self._regex.match(w) for w in words)


class GlobList(Generic[Payload]):
    """Word globs with a payload each; one combined regex tells quickly whether any of them can match."""

    def __init__(self, items: list[tuple[str, Payload]]) -> None:
        self._items = items
        self._any = re.compile("|".join(glob_regex(pattern) for pattern, _ in items)) if items else None

    def matches(self, word: str) -> list[Payload]:
        if self._any is None or self._any.match(word) is None:
            return []
        return [payload for regex, payload in self._each if regex.match(word)]

    @cached_property
    def _each(self) -> list[tuple[re.Pattern[str], Payload]]:
        """Each glob's own regular expression, compiled once the combined one first matches a word."""
        return [(re.compile(glob_regex(pattern)), payload) for pattern, payload in self._items]


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
        # A quick test, in C, of whether any phrase can start in a sentence at all: most sentences have none.
        self._first_words = frozenset(self._by_first)
        starts = "|".join(glob_regex(first, anchored=False) for first, _ in glob_first)
        self._glob_start = re.compile(f"^(?:{starts})$", re.MULTILINE) if starts else None

    def _candidates_uncached(self, word: str) -> tuple[tuple[Phrase, Payload, str | None], ...]:
        """The phrases whose first word matches a word, each with its second word when that is a plain word
        (most phrases are told from the word that follows without trying them: "i samråd med")."""
        return tuple(
            (phrase, payload, phrase.second)
            for phrase, payload in [*self._by_first.get(word, []), *self._glob_first.matches(word)]
        )

    def find(self, words: list[str]) -> list[tuple[int, int, Payload]]:
        """(start, end, payload) for every occurrence of every phrase."""
        if not self.possible(words):
            return []
        starts, globs, candidates = self._first_words, self._glob_start is not None, self._candidates
        following = [*words[1:], None]
        return [
            (i, i + len(phrase), payload)
            for i, word in enumerate(words)
            if globs or word in starts  # most words start no phrase: a set test instead of a call
            for phrase, payload, second in candidates(word)
            if (second is None or second == following[i]) and phrase.match_at(words, i)
        ]

    def possible(self, words: list[str]) -> bool:
        """Whether some phrase's first word is among the words (a cheap test before matching)."""
        if not self._first_words.isdisjoint(words):
            return True
        return self._glob_start is not None and self._glob_start.search("\n".join(words)) is not None

    def occurs(self, words: list[str]) -> bool:
        """Whether any phrase occurs (stops at the first)."""
        if not self.possible(words):
            return False
        starts, globs, candidates = self._first_words, self._glob_start is not None, self._candidates
        following = [*words[1:], None]
        return any(
            (second is None or second == following[i]) and phrase.match_at(words, i)
            for i, word in enumerate(words)
            if globs or word in starts
            for phrase, _, second in candidates(word)
        )


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


def glob_regex(pattern: str, anchored: bool = True) -> str:
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
    return rf"(?:{body})\Z" if anchored else body


def _piece(text: str) -> str:
    return "".join(r"[^\n]" if c == "?" else re.escape(c) for c in text)
