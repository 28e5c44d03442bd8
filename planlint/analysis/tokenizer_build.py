"""Compile spaCy's Swedish tokenizer rules into planlint/analysis/tokenizer-sv.json (spaCy is needed only here).

The artefact holds what spaCy's tokenizer runs on: the prefix, suffix and infix expressions, the URL
expression, the exceptions (special cases) with their tokens, the affix tokenization of each exception that
spaCy's special-case matcher looks for, and the sentencizer's sentence-ending characters. Under "common" it
holds the same expressions rewritten to compile in a fraction of the time, for text without characters of the
rare scripts (planlint.analysis.charclasses), and "plain_letters" are those no affix expression can take, so
that a piece of them is one token (planlint.analysis.plainletters). planlint's own tokenizer
(planlint.analysis.tokenizer) applies spaCy's algorithm to it; the tests compare the two.

    pip install ".[tokenizer]" && python -m planlint.analysis.tokenizer_build
"""

from __future__ import annotations

import json
from pathlib import Path

from planlint.analysis.charclasses import class_text, rewritten
from planlint.analysis.plainletters import plain_letters

ARTEFACT = Path(__file__).with_name("tokenizer-sv.json")
# Scripts that a Swedish plan does not use, whose large blocks in spaCy's character classes make compiling them
# slow: Hebrew to the phonetic extensions (U+0590–U+1DFF), CJK and Hangul (U+2E80–U+DFFF, the surrogates
# included), and the compatibility, presentation, half- and full-width forms (U+F900–U+FFFF). Text with one
# of their characters is tokenized with spaCy's expressions as they are, compiled when first needed.
RARE = [(0x0590, 0x1DFF), (0x2E80, 0xDFFF), (0xF900, 0xFFFF)]
AFFIXES = ("prefix", "suffix", "infix")  # what can cut a piece; the token and URL matchers keep it whole


def spacy_tokenizer(with_exceptions: bool = True):
    """spaCy's Swedish tokenizer, built from the Swedish defaults as spaCy's tokenizer factory does."""
    from spacy.lang.sv import Swedish
    from spacy.tokenizer import Tokenizer
    from spacy.util import compile_infix_regex, compile_prefix_regex, compile_suffix_regex
    from spacy.vocab import Vocab

    defaults = Swedish.Defaults
    return Tokenizer(
        Vocab(),
        rules=defaults.tokenizer_exceptions if with_exceptions else None,
        prefix_search=compile_prefix_regex(defaults.prefixes or ()).search,
        suffix_search=compile_suffix_regex(defaults.suffixes or ()).search,
        infix_finditer=compile_infix_regex(defaults.infixes).finditer,
        token_match=defaults.token_match,
        url_match=defaults.url_match,
    )


def compile_rules() -> dict:
    """The Swedish tokenizer's rules and the sentencizer's enders, as plain data."""
    import spacy
    from spacy.attrs import ORTH
    from spacy.pipeline.sentencizer import Sentencizer

    tokenizer = spacy_tokenizer()
    affixes_only = spacy_tokenizer(with_exceptions=False)
    exceptions = {text: [token[ORTH] for token in tokens] for text, tokens in sorted(tokenizer.rules.items())}
    # spaCy's special-case matcher looks for an exception split by the affix rules alone (exceptions that
    # affixes or a space can split); those of whitespace only can only meet whitespace tokens, which planlint drops.
    matched = {}
    for text in exceptions:
        if not text.strip():
            continue
        if tokenizer.find_prefix(text) or tokenizer.find_suffix(text) or tokenizer.find_infix(text) or " " in text:
            matched[text] = [token.text for token in affixes_only(text)]
            assert not any(c.isspace() for c in text), f"an exception with a space: {text!r}"

    def regex(search):
        return None if search is None else {"pattern": search.__self__.pattern, "flags": search.__self__.flags}

    affixes = {
        "prefix": regex(tokenizer.prefix_search),
        "suffix": regex(tokenizer.suffix_search),
        "infix": regex(tokenizer.infix_finditer),
        "token_match": regex(tokenizer.token_match),
        "url_match": regex(tokenizer.url_match),
    }
    return {
        "source": f"spaCy {spacy.__version__}, spacy.lang.sv.Swedish.Defaults and Sentencizer.default_punct_chars",
        **affixes,
        "common": {"rare": RARE, **{name: _common(rule) for name, rule in affixes.items()}},
        "plain_letters": class_text(plain_letters([r for n, r in affixes.items() if n in AFFIXES and r])),
        "exceptions": exceptions,
        "matched_exceptions": matched,
        "sentence_enders": sorted(Sentencizer.default_punct_chars),
    }


def _common(rule: dict | None) -> dict | None:
    """An affix expression rewritten for text without characters of the rare scripts."""
    return None if rule is None else {**rule, "pattern": rewritten(rule["pattern"], rule["flags"], RARE)}


def main() -> None:
    ARTEFACT.write_text(json.dumps(compile_rules(), ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {ARTEFACT}")


if __name__ == "__main__":
    main()
