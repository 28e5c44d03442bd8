"""Negation: which words of a sentence stand in a negated clause."""

from __future__ import annotations

from planlint.analysis.phrases import PhraseSet, WordSet
from planlint.rulepack.pack import LanguageCues


class Negation:
    """Whether a word of a sentence stands in a negated clause ("har inte prioriterat innovationsarbete").

    A clause followed by "utan" is contrastive ("X är inte A, utan B"): the negation then covers only the
    words after it, not the subject before it. Without a negation before it, "utan" is privative ("genomfördes
    utan samverkan"): it negates the words that follow it, to the end of their clause. A sentence that opens
    with it states a condition ("Utan samverkan når vi inte målen") and is left to the other cues; after any
    negation word, even one that does not negate ("inte bara … utan även"), "utan" is contrastive.
    """

    CONTRASTIVE = "utan"

    def __init__(self, cues: LanguageCues) -> None:
        self._cues = PhraseSet(cues.negation)
        self._exceptions = PhraseSet(cues.negation_exceptions)
        self._privative = PhraseSet(cues.privative)
        self._breaks = WordSet(cues.clause_breaks)
        self._any = PhraseSet([*cues.negation, *cues.privative])  # most sentences have neither: one look

    def negated_clauses(self, words: list[str]) -> list[tuple[int, int]]:
        """The (start, end) word spans that a negation covers."""
        if not self._any.any_in(words):
            return []
        all_cues = [a for a, _ in self._cues.spans(words)]
        if not all_cues:  # most sentences
            return self._privative_spans(words, len(words))
        excepted = {i for a, b in self._exceptions.spans(words) for i in range(a, b)}
        cues = [a for a in all_cues if a not in excepted]
        spans = self._privative_spans(words, min(all_cues, default=len(words)))
        if not cues:
            return spans
        bounds = [0] + [i for i, w in enumerate(words) if w in self._breaks] + [len(words)]
        for a, b in zip(bounds, bounds[1:]):
            inside = [c for c in cues if a <= c < b]
            if inside:
                contrastive = self.CONTRASTIVE in words[b : b + 2]
                spans.append((min(inside), b) if contrastive else (a, b))
        return spans

    def _privative_spans(self, words: list[str], first_negation: int) -> list[tuple[int, int]]:
        """The spans of privative cues ("utan samverkan med …"): from the next word to the end of its clause."""
        spans = []
        for a, b in self._privative.spans(words):
            if a == 0 or a > first_negation:
                continue
            end = next((i for i in range(b, len(words)) if words[i] in self._breaks), len(words))
            spans.append((b, end))
        return spans
