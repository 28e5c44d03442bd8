"""Swedish sentence and word segmentation with spaCy's blank Swedish pipeline (no model download).

spaCy's Swedish tokenizer knows the language's abbreviations ("t.ex.", "bl.a.") and keeps compounds with
hyphens whole ("it-stöd", "klimat-"); the rule-based sentencizer splits sentences. Lemmas are not taken
from spaCy: the matcher uses the inflected forms compiled for the pack (planlint.lexicon).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Iterable, Iterator


@dataclass(slots=True)
class Sentence:
    """A sentence of a block: its text, offsets in the block, and its words (lower case) with offsets."""

    text: str
    start: int
    end: int
    words: list[str]
    spans: list[tuple[int, int]]  # (start, end) of each word in the block text

    def surface(self, block_text: str, first: int, last: int) -> str:
        """The words first..last-1 as written in the block."""
        return block_text[self.spans[first][0] : self.spans[last - 1][1]]


@cache
def _pipeline():
    import spacy

    nlp = spacy.blank("sv")
    nlp.add_pipe("sentencizer")
    return nlp


def segment(texts: Iterable[str]) -> Iterator[list[Sentence]]:
    """The sentences of each text, in order."""
    nlp = _pipeline()
    for doc in nlp.pipe(texts, batch_size=512):
        sentences = []
        for sent in doc.sents:
            tokens = [t for t in sent if not t.is_space]
            if not tokens:
                continue
            start, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)
            sentences.append(
                Sentence(
                    text=doc.text[start:end],
                    start=start,
                    end=end,
                    words=[t.lower_ for t in tokens],
                    spans=[(t.idx, t.idx + len(t.text)) for t in tokens],
                )
            )
        yield sentences
