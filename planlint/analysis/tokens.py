"""Swedish sentence and word segmentation with spaCy's Swedish tokenizer (no model download).

spaCy's Swedish tokenizer knows the language's abbreviations ("t.ex.", "bl.a.") and keeps compounds with
hyphens whole ("it-stöd", "klimat-"). Sentences are split by the rule of spaCy's sentencizer (a sentence
ends after . ! ? and the punctuation that follows them), applied to the token arrays directly, which is
several times faster than walking Token objects. Lemmas are not taken from spaCy: the matcher uses the
inflected forms compiled for the pack (planlint.rulepack.lexicon).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache


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
    """spaCy's Swedish tokenizer, built from the Swedish defaults as spaCy's own tokenizer factory does,
    without a Language object and its registry (a tenth of a second saved on every run). The vocabulary
    computes only the two lexical flags planlint reads."""
    from spacy.attrs import IS_PUNCT, IS_SPACE
    from spacy.lang.lex_attrs import is_punct, is_space
    from spacy.lang.sv import Swedish
    from spacy.pipeline.sentencizer import Sentencizer
    from spacy.tokenizer import Tokenizer
    from spacy.util import (
        compile_infix_regex,
        compile_prefix_regex,
        compile_suffix_regex,
    )
    from spacy.vocab import Vocab

    defaults = Swedish.Defaults
    tokenizer = Tokenizer(
        Vocab(lex_attr_getters={IS_SPACE: is_space, IS_PUNCT: is_punct}),
        rules=defaults.tokenizer_exceptions,
        prefix_search=compile_prefix_regex(defaults.prefixes).search,
        suffix_search=compile_suffix_regex(defaults.suffixes).search,
        infix_finditer=compile_infix_regex(defaults.infixes).finditer,
        token_match=defaults.token_match,
        url_match=defaults.url_match,
    )
    return tokenizer, frozenset(Sentencizer.default_punct_chars)


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
