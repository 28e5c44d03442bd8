"""spaCy's tokenizer algorithm over the Swedish rules compiled into tokenizer-sv.json, without importing spaCy.

The algorithm follows spaCy's Tokenizer: text is cut at whitespace; each piece is an exception ("t.ex."), or
loses prefixes and suffixes until none is left or the rest is an exception, and the rest is kept whole when
it is a URL, else split at infixes. Then spaCy's special-case matcher joins tokens that spell an exception
together ("jan./feb." → "jan.", "/", "feb."). Whitespace tokens are dropped: planlint never reads them.
Each distinct piece is tokenized once per process. A piece without characters of the rare scripts (CJK,
Hangul, Arabic …) is tokenized with the affix expressions rewritten for such text, which compile in a fraction
of the time (planlint.analysis.charclasses); any other piece with spaCy's own, compiled when first needed.
"""

from __future__ import annotations

import json
import re
import unicodedata
from pathlib import Path

ARTEFACT = Path(__file__).with_name("tokenizer-sv.json")

# A token: (start, end, is_punct, spaced, lower) with offsets in the text; spaced: a whitespace token stands
# before it (spaCy makes one of any whitespace between two pieces but a single ' '); lower: its text in lower case.
Token = tuple[int, int, bool, bool, str]


MAX_PIECE_CHARS = 256  # a longer run without white space is one token (no word or URL of a plan is as long)


class Tokenizer:
    """The non-whitespace tokens of a text, as spaCy's tokenizer with the same rules makes them."""

    def __init__(self, rules: dict) -> None:
        self._plain = re.compile(rules["plain_letters"] + "+").fullmatch
        self._common = _Affixes(rules["common"])
        self._rare = [(chr(low), chr(high)) for low, high in rules["common"]["rare"]]
        self._first_rare = min(low for low, _ in self._rare)
        self._rules = rules
        self._all: _Affixes | None = None  # spaCy's own expressions, compiled for the first rare-script piece
        self._exceptions: dict[str, list[str]] = rules["exceptions"]
        self._matched: dict[str, dict[tuple[str, ...], str]] = {}  # first token -> {tokens: exception}
        for text, tokens in rules["matched_exceptions"].items():
            self._matched.setdefault(tokens[0], {})[tuple(tokens)] = text
        self.sentence_enders = frozenset(rules["sentence_enders"])
        self._pieces: dict[str, tuple[tuple[tuple[int, int, bool, str], ...], tuple[int, ...]]] = {}

    @classmethod
    def load(cls, path: Path = ARTEFACT) -> Tokenizer:
        return cls(json.loads(path.read_text(encoding="utf-8")))

    def tokens(self, text: str) -> list[Token]:
        """(start, end, is_punct, spaced, lower) of each non-whitespace token, in order."""
        found: list[Token] = []
        append = found.append
        pieces = self._pieces
        starts: list[int] = []  # tokens that may begin an exception's run
        find = text.find
        end = 0
        for string in text.split():  # cut at `str.isspace()`, as spaCy; find places each piece after the last
            start = find(string, end)
            # spaCy drops one ' ' after a piece; any other whitespace before a piece becomes a token
            gap = start - end
            spaced = gap > 1 or (gap == 1 and (end == 0 or text[end] != " "))
            end = start + len(string)
            known = pieces.get(string)
            if known is None and end - start > MAX_PIECE_CHARS:  # peeling affixes costs its square: one token
                known = (((0, end - start, False, string.lower()),), ())
            elif known is None:
                known = pieces[string] = self._piece(string)
            tokens, matchable = known
            if matchable:
                starts += [len(found) + k for k in matchable]
            if len(tokens) == 1:
                append((start, end, tokens[0][2], spaced, tokens[0][3]))
            else:
                found += [(start + a, start + b, punct, spaced and a == 0, lower) for a, b, punct, lower in tokens]
        return self._join_exceptions(text, found, starts) if starts else found

    def _piece(self, string: str) -> tuple[tuple[tuple[int, int, bool, str], ...], tuple[int, ...]]:
        """The tokens of a piece (offsets in it, is_punct, lower case), and which of them may begin a matched
        exception."""
        tokens, offset = [], 0
        for orth in self._tokenize(string):
            tokens.append((offset, offset + len(orth), _is_punct(orth), orth.lower()))
            offset += len(orth)
        return tuple(tokens), tuple(k for k, (a, b, _, _) in enumerate(tokens) if string[a:b] in self._matched)

    def _tokenize(self, string: str) -> list[str]:
        """The tokens of one whitespace-free piece."""
        if string in self._exceptions:
            return self._exceptions[string]
        if self._plain(string):  # letters that no affix expression takes ("och"): one token, no expression run
            return [string]
        affixes = self._common if self._is_common(string) else self._all_affixes()
        prefixes, middle, suffixes = self._split_affixes(string, affixes)
        return prefixes + self._attach(middle, affixes) + suffixes[::-1]

    def _is_common(self, string: str) -> bool:
        """Whether a piece has no character of the rare scripts (most have none below the first of them)."""
        if max(string) < self._first_rare:
            return True
        return not any(low <= char <= high for char in string for low, high in self._rare)

    def _all_affixes(self) -> _Affixes:
        if self._all is None:
            self._all = _Affixes(self._rules)
        return self._all

    def _split_affixes(self, string: str, affixes: _Affixes) -> tuple[list[str], str, list[str]]:
        """spaCy's Tokenizer._split_affixes: peel prefixes and suffixes, stopping at an exception."""
        prefixes: list[str] = []
        suffixes: list[str] = []
        exceptions = self._exceptions
        token_match = affixes.token_match
        last_size = 0
        while string and len(string) != last_size:
            if token_match and token_match(string):
                break
            if string in exceptions:
                break
            last_size = len(string)
            pre_len = _length(affixes.prefix(string))
            if pre_len:
                prefix, minus_pre = string[:pre_len], string[pre_len:]
                if minus_pre and minus_pre in exceptions:
                    prefixes.append(prefix)
                    string = minus_pre
                    break
            suf_len = _length(affixes.suffix(string[pre_len:]))
            if suf_len:
                suffix, minus_suf = string[-suf_len:], string[:-suf_len]
                if minus_suf and minus_suf in exceptions:
                    suffixes.append(suffix)
                    string = minus_suf
                    break
            if pre_len and suf_len and pre_len + suf_len <= len(string):
                prefixes.append(prefix)
                suffixes.append(suffix)
                string = string[pre_len:-suf_len]
            elif pre_len:
                prefixes.append(prefix)
                string = minus_pre
            elif suf_len:
                suffixes.append(suffix)
                string = minus_suf
        return prefixes, string, suffixes

    def _attach(self, string: str, affixes: _Affixes) -> list[str]:
        """spaCy's Tokenizer._attach_tokens for what is left between the affixes."""
        if not string:
            return []
        if string in self._exceptions:
            return list(self._exceptions[string])
        if (affixes.token_match and affixes.token_match(string)) or (affixes.url_match and affixes.url_match(string)):
            return [string]
        orths, start = [], 0
        for match in affixes.infixes(string):
            infix_start, infix_end = match.span()
            if infix_start == 0:
                continue
            if infix_start != start:
                orths.append(string[start:infix_start])
            if infix_start != infix_end:
                orths.append(string[infix_start:infix_end])
            start = infix_end
        if string[start:]:
            orths.append(string[start:])
        return orths

    def _join_exceptions(self, text: str, found: list[Token], starts: list[int]) -> list[Token]:
        """spaCy's special-case matcher: token runs that spell an exception become the exception's tokens.

        Like spaCy's, the matcher sees runs across a single space too (not across a whitespace token), and
        every run counts when runs overlap (longest first, then leftmost); but only a run whose tokens touch
        spells an exception.
        """
        runs = []
        for i in starts:
            following = text[found[i + 1][0] : found[i + 1][1]] if i + 1 < len(found) else None
            for pattern, exception in self._matched[text[found[i][0] : found[i][1]]].items():
                if len(pattern) > 1 and pattern[1] != following:  # most runs: told by their second token
                    continue
                end = i + len(pattern)
                if end > len(found) or any(found[k][3] for k in range(i + 1, end)):
                    continue
                if all(text[found[k][0] : found[k][1]] == pattern[k - i] for k in range(i + 1, end)):
                    touching = all(found[k][0] == found[k - 1][1] for k in range(i + 1, end))
                    runs.append((i, end, exception, touching))
        if not runs:
            return found
        seen: set[int] = set()
        chosen = {}
        for start, end, exception, touching in sorted(runs, key=lambda r: (r[0] - r[1], r[0])):
            if start not in seen and end - 1 not in seen and touching:
                chosen[start] = (end, exception)
            seen.update(range(start, end))
        tokens, i = [], 0
        while i < len(found):
            if i not in chosen:
                tokens.append(found[i])
                i += 1
                continue
            end, exception = chosen[i]
            offset, spaced = found[i][0], found[i][3]
            for k, orth in enumerate(self._exceptions[exception]):
                tokens.append((offset, offset + len(orth), _is_punct(orth), spaced and k == 0, orth.lower()))
                offset += len(orth)
            i = end
        return tokens


class _Affixes:
    """The prefix, suffix and infix expressions and the token and URL matchers, compiled."""

    def __init__(self, rules: dict) -> None:
        self.prefix = _compiled(rules["prefix"], "search")
        self.suffix = _compiled(rules["suffix"], "search")
        self.infixes = _compiled(rules["infix"], "finditer")
        self.token_match = _compiled(rules["token_match"], "match")
        self.url_match = _compiled(rules["url_match"], "match")


def _compiled(rule: dict | None, method: str):
    return None if rule is None else getattr(re.compile(rule["pattern"], rule["flags"]), method)


def _length(match: re.Match | None) -> int:
    return 0 if match is None else match.end() - match.start()


_PUNCT: dict[str, bool] = {}


def _is_punct(orth: str) -> bool:
    """spaCy's IS_PUNCT: every character is Unicode punctuation."""
    value = _PUNCT.get(orth)
    if value is None:
        value = _PUNCT[orth] = not orth[0].isalnum() and all(unicodedata.category(c).startswith("P") for c in orth)
    return value
