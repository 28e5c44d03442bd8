"""Swedish sentence and word segmentation, as spaCy's Swedish tokenizer and sentencizer make them.

spaCy's Swedish tokenizer knows the language's abbreviations ("t.ex.", "bl.a.") and keeps compounds with
hyphens whole ("it-stöd", "klimat-"). Its rules are compiled into tokenizer-sv.json when planlint is built
(planlint.analysis.tokenizer_build), so a run does not import spaCy; the tests show that the tokens and
sentences equal spaCy's. Sentences are split by the rule of spaCy's sentencizer (a sentence ends after
. ! ? and the punctuation that follows them). Lemmas are not taken from spaCy: the matcher uses the
inflected forms compiled for the pack (planlint.rulepack.lexicon).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache

from planlint.analysis.tokenizer import Token, Tokenizer


@dataclass(slots=True)
class Sentence:
    """A sentence of a block: its text, offsets in the block, and its words (lower case) with their tokens."""

    text: str
    start: int
    end: int
    words: list[str]
    tokens: list[Token]  # each word's token, with its offsets in the block text

    @property
    def spans(self) -> list[tuple[int, int]]:
        """(start, end) of each word in the block text."""
        return [(token[0], token[1]) for token in self.tokens]

    def surface(self, block_text: str, first: int, last: int) -> str:
        """The words first..last-1 as written in the block."""
        return block_text[self.tokens[first][0] : self.tokens[last - 1][1]]


@cache
def _tokenizer() -> Tokenizer:
    return Tokenizer.load()


def segment(texts: Iterable[str]) -> Iterator[list[Sentence]]:
    """The sentences of each text, in order."""
    tokenizer = _tokenizer()
    for text in texts:
        yield _sentences(text, tokenizer.tokens(text), tokenizer.sentence_enders)


MAX_SENTENCE_WORDS = 300  # a longer run without a sentence end is cut, so that work per sentence stays bounded


def _sentences(text: str, tokens: list[Token], enders: frozenset[str]) -> list[Sentence]:
    """spaCy's sentencizer: after a sentence ender, the next token that is neither punctuation nor an ender
    starts a sentence; so does a whitespace token (planlint drops those, so the token after it starts it).
    (Enders are punctuation, which has no case: a token's lower case is an ender when the token is.)"""
    sentences: list[Sentence] = []
    words: list[str] = []
    first = 0  # the sentence's first token
    seen_end = False
    for k, (_, _, is_punct, spaced, word) in enumerate(tokens):
        if (seen_end and (spaced or not (is_punct or word in enders))) or len(words) >= MAX_SENTENCE_WORDS:
            start, end = tokens[first][0], tokens[k - 1][1]
            sentences.append(Sentence(text[start:end], start, end, words, tokens[first:k]))
            words, first, seen_end = [], k, False
        if word in enders:
            seen_end = True
        words.append(word)
    if words:
        start, end = tokens[first][0], tokens[-1][1]
        sentences.append(Sentence(text[start:end], start, end, words, tokens[first:]))
    return sentences
