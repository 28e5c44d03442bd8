"""Lower-case word globs ("arbetsmarknad*", "20??") and phrases of them, as the rule pack writes its vocabulary."""

from __future__ import annotations

import re
from fnmatch import translate


class WordSet:
    """A set of words and word globs; `in` tests one lower-case word."""

    def __init__(self, patterns: list[str] | tuple[str, ...]) -> None:
        self.exact = frozenset(p for p in patterns if not _is_glob(p))
        globs = [translate(p) for p in patterns if _is_glob(p)]
        self._regex = re.compile("|".join(globs)) if globs else None

    def __contains__(self, word: str) -> bool:
        return word in self.exact or (self._regex is not None and self._regex.match(word) is not None)

    def __bool__(self) -> bool:
        return bool(self.exact) or self._regex is not None


class Phrase:
    """A sequence of word globs; `*` alone stands for any one word."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.words = tuple(WordSet([w]) if w != "*" else None for w in text.lower().split())

    def __len__(self) -> int:
        return len(self.words)

    def match_at(self, words: list[str], i: int) -> bool:
        if i + len(self.words) > len(words):
            return False
        return all(ws is None or words[i + k] in ws for k, ws in enumerate(self.words))

    def find(self, words: list[str]) -> list[int]:
        """Start indexes where the phrase occurs in `words`."""
        return [i for i in range(len(words) - len(self.words) + 1) if self.match_at(words, i)]


class PhraseSet:
    """Several phrases; single-word phrases are tested as a WordSet."""

    def __init__(self, texts: list[str] | tuple[str, ...]) -> None:
        self.single = WordSet([t.lower() for t in texts if len(t.split()) == 1])
        self.multi = [Phrase(t) for t in texts if len(t.split()) > 1]

    def spans(self, words: list[str]) -> list[tuple[int, int]]:
        """(start, end) word spans where any phrase occurs."""
        found = [(i, i + 1) for i, w in enumerate(words) if w in self.single]
        for phrase in self.multi:
            found += [(i, i + len(phrase)) for i in phrase.find(words)]
        return found

    def any_in(self, words: list[str]) -> bool:
        return any(w in self.single for w in words) or any(p.find(words) for p in self.multi)


def _is_glob(pattern: str) -> bool:
    return any(c in pattern for c in "*?[")
