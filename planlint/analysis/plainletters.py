"""Which letters no affix expression can take (used at build time): a piece of them alone is one token.

spaCy's tokenizer peels prefixes and suffixes off a piece and splits it at infixes. Every match of those
expressions takes at least one character. On a text of letters from a set S, an alternative of an expression
can only match when each element it needs (a character, a class, a repeat of at least one, a lookaround that
must hold) can match a letter of S; a unit suffix that needs a digit before it never matches a word. So S
starts as all candidate letters, and each alternative that could still match loses S the letters it could
take, until none could: then none of the expressions matches a text of letters of S, and a piece of them that
is no exception is a token as it stands ("och", "Helsingborgs"). The expressions are read with Python's own
parser.
"""

from __future__ import annotations

import importlib
import re
import unicodedata

from planlint.analysis.charclasses import BMP, MAX, Intervals, complement, intersection, normalized

sre = importlib.import_module("re._constants")
sre_parse = importlib.import_module("re._parser")

# The letters looked at: Latin, as Swedish and the names in a plan are written (a small class compiles fast).
CANDIDATES: Intervals = [(0x41, 0x5A), (0x61, 0x7A), (0xC0, 0x24F)]
EVERYTHING: Intervals = [(0, MAX)]


def plain_letters(rules: list[dict]) -> Intervals:
    """The candidate letters that none of the expressions (pattern and flags) can take; none when one of them
    can match without taking a character."""
    alternatives = []
    for rule in rules:
        tree = sre_parse.parse(rule["pattern"], rule["flags"])
        if tree.getwidth()[0] == 0 or tree.state.flags & re.IGNORECASE:
            return []
        alternatives += _alternatives(tree)
    plain = normalized([(c, c) for low, high in CANDIDATES for c in range(low, high + 1) if _letter(c)])
    changed = True
    while changed:
        changed = False
        for alternative in alternatives:
            if _possible(alternative, plain):
                taken = intersection(plain, normalized(_taken(alternative)))
                if taken:
                    plain = intersection(plain, complement(taken))
                    changed = True
    return plain


def _alternatives(tree) -> list:
    """The top-level alternatives of a parsed expression."""
    if len(tree) == 1 and tree[0][0] is sre.BRANCH:
        return list(tree[0][1][1])
    return [tree]


def _letter(code: int) -> bool:
    return code <= BMP and unicodedata.category(chr(code)).startswith("L")


def _possible(items, letters: Intervals) -> bool:
    """Whether a parsed sequence could match on a text of the letters: each element it needs can."""
    for op, value in items:
        if op is sre.LITERAL:
            ok = bool(intersection([(value, value)], letters))
        elif op is sre.IN:
            ok = bool(intersection(normalized(_in_class(value)), letters))
        elif op is sre.BRANCH:
            ok = any(_possible(branch, letters) for branch in value[1])
        elif op in (sre.SUBPATTERN, sre.ATOMIC_GROUP):
            ok = _possible(value[-1] if op is sre.SUBPATTERN else value, letters)
        elif op in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT):
            ok = value[0] == 0 or _possible(value[-1], letters)
        elif op is sre.ASSERT:  # a lookahead or lookbehind that must hold
            ok = _possible(value[1], letters)
        else:  # an anchor, a negative lookaround, anything else: may hold
            ok = True
        if not ok:
            return False
    return True


def _taken(items) -> Intervals:
    """The characters that the elements of a parsed expression outside lookarounds can match."""
    taken: Intervals = []
    for op, value in items:
        if op is sre.LITERAL:
            taken.append((value, value))
        elif op is sre.IN:
            taken += _in_class(value)
        elif op is sre.BRANCH:
            for branch in value[1]:
                taken += _taken(branch)
        elif op is sre.SUBPATTERN:
            taken += _taken(value[-1])
        elif op in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT):
            taken += _taken(value[-1])
        elif op is sre.ATOMIC_GROUP:
            taken += _taken(value)
        elif op is sre.GROUPREF_EXISTS:
            taken += _taken(value[1]) + (_taken(value[2]) if value[2] else [])
        elif op in (sre.ASSERT, sre.ASSERT_NOT, sre.AT):
            continue  # a lookaround or an anchor takes no character
        else:  # any character, a negated literal, a back reference: everything, to be safe
            return EVERYTHING
    return taken


def _in_class(items) -> Intervals:
    ranges: Intervals = []
    negated = False
    for op, value in items:
        if op is sre.NEGATE:
            negated = True
        elif op is sre.LITERAL:
            ranges.append((value, value))
        elif op is sre.RANGE:
            ranges.append(value)
        else:  # a category (\d, \w …): everything, to be safe
            return EVERYTHING
    ranges = normalized(ranges)
    return complement(ranges) if negated else ranges
