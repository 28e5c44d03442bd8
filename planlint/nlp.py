"""Swedish sentence and word segmentation with spaCy's Swedish tokenizer (no model download).

spaCy's Swedish tokenizer knows the language's abbreviations ("t.ex.", "bl.a.") and keeps compounds with
hyphens whole ("it-stöd", "klimat-"). Sentences are split by the rule of spaCy's sentencizer (a sentence
ends after . ! ? and the punctuation that follows them), applied to the token arrays directly, which is
several times faster than walking Token objects. Lemmas are not taken from spaCy: the matcher uses the
inflected forms compiled for the pack (planlint.lexicon).
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
def _tokenizer():
    """spaCy's Swedish tokenizer, computing only the lexical attributes planlint reads (a new word's other
    attributes, such as its shape, cost more than its tokenization)."""
    import spacy
    from spacy.attrs import IS_PUNCT, IS_SPACE
    from spacy.pipeline.sentencizer import Sentencizer

    nlp = spacy.blank("sv")
    getters = nlp.vocab.lex_attr_getters
    nlp.vocab.lex_attr_getters = {attr: getters[attr] for attr in (IS_SPACE, IS_PUNCT)}
    return nlp.tokenizer, frozenset(Sentencizer.default_punct_chars)


def segment(texts: Iterable[str]) -> Iterator[list[Sentence]]:
    """The sentences of each text, in order."""
    from spacy.attrs import IDX, IS_PUNCT, IS_SPACE, LENGTH

    tokenizer, enders = _tokenizer()
    texts = list(texts)
    for text, doc in zip(texts, tokenizer.pipe(texts, batch_size=1000)):
        rows = doc.to_array([IDX, LENGTH, IS_SPACE, IS_PUNCT]).tolist()
        yield _sentences(text, [(i, i + n, p) for i, n, s, p in rows if not s], enders)


def _sentences(text: str, tokens: list[tuple[int, int, int]], enders: frozenset[str]) -> list[Sentence]:
    sentences, current, seen_end = [], [], False
    for start, end, is_punct in tokens:
        word = text[start:end]
        if seen_end and not is_punct and word not in enders:
            sentences.append(_sentence(text, current))
            current, seen_end = [], False
        elif word in enders:
            seen_end = True
        current.append((start, end))
    if current:
        sentences.append(_sentence(text, current))
    return sentences


def _sentence(text: str, spans: list[tuple[int, int]]) -> Sentence:
    start, end = spans[0][0], spans[-1][1]
    return Sentence(text[start:end], start, end, [text[a:b].lower() for a, b in spans], spans)
