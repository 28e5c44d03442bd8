"""Negation: which words of a sentence stand in a negated clause."""

from __future__ import annotations

from planlint.analysis.phrases import PhraseSet, WordSet
from planlint.rulepack.pack import LanguageCues


class Negation:
    """Whether a word of a sentence stands in a negated clause ("har inte prioriterat innovationsarbete").

    A clause followed by "utan" is contrastive ("X är inte A, utan B"): the negation then covers only the
    words after it, not the subject before it.
    """

    CONTRASTIVE = "utan"

    def __init__(self, cues: LanguageCues) -> None:
        self._cues = PhraseSet(cues.negation)
        self._exceptions = PhraseSet(cues.negation_exceptions)
        self._breaks = WordSet(cues.clause_breaks)

    def negated_clauses(self, words: list[str]) -> list[tuple[int, int]]:
        """The (start, end) word spans that a negation covers."""
        excepted = {i for a, b in self._exceptions.spans(words) for i in range(a, b)}
        cues = [a for a, _ in self._cues.spans(words) if a not in excepted]
        if not cues:
            return []
        bounds = [0] + [i for i, w in enumerate(words) if w in self._breaks] + [len(words)]
        spans = []
        for a, b in zip(bounds, bounds[1:]):
            inside = [c for c in cues if a <= c < b]
            if inside:
                contrastive = self.CONTRASTIVE in words[b : b + 2]
                spans.append((min(inside), b) if contrastive else (a, b))
        return spans
