"""Rewrite the character classes of a regular expression into forms that compile fast (used at build time).

Python's `re` compiles a character class by setting one entry per code point of its ranges below U+10000, in
Python: spaCy's classes list whole scripts (CJK, Hangul, Indic, Arabic …), so its affix expressions take
0.04 s to compile. A match only ever tests the characters of the text it runs on, so on a text without
characters of the `rare` scripts any class can be replaced by one that agrees with it outside them: the
rewritten class drops the rare scripts, and is written negated when its complement (outside the rare scripts)
is the smaller one ([A-Za-z0-9\u00a1-\uffff] becomes [^\x00-/:-@[-`{-\xa0] plus what the rare scripts leave out).
Code points above U+FFFF cost nothing to compile and are kept.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache

MAX = 0x10FFFF
BMP = 0xFFFF
NEVER = r"[^\s\S]"  # a class that matches no character
CATEGORY = re.compile(r"(?<!\\)(?:\\\\)*\\[dDsSwW]")  # \d, \s or \w in a class
SCOPED_IGNORECASE = re.compile(r"\(\?[aiLmsux-]*i")  # (?i) or (?i:…) in a pattern

Intervals = list[tuple[int, int]]  # sorted, disjoint, inclusive ranges of code points


def rewritten(pattern: str, flags: int, rare: Intervals) -> str:
    """The pattern with each class of literals and ranges replaced by the cheapest class that matches the same
    characters outside `rare`; classes with categories (\\w, \\S) are kept as they are."""
    if re.compile(pattern, flags).flags & re.IGNORECASE or SCOPED_IGNORECASE.search(pattern):
        raise ValueError("a case-insensitive class also matches the other case of a character: not rewritten")
    common = complement(rare)
    pieces, last = [], 0
    for start, end in class_spans(pattern):
        if not CATEGORY.search(pattern, start, end):
            matched = class_set(pattern[start:end], flags)
            pieces += [pattern[last:start], cheapest(intersection(matched, common), common)]
            last = end
    return "".join([*pieces, pattern[last:]])


def class_spans(pattern: str) -> list[tuple[int, int]]:
    """(start, end) of each character class in the pattern's text."""
    spans, i = [], 0
    while i < len(pattern):
        if pattern[i] == "\\":
            i += 2
        elif pattern[i] == "[":
            j = i + 1
            j += pattern.startswith("^", j)
            j += pattern.startswith("]", j)  # a ']' first in a class is a literal
            while pattern[j] != "]":
                j += 2 if pattern[j] == "\\" else 1
            spans.append((i, j + 1))
            i = j + 1
        else:
            i += 1
    return spans


def class_set(text: str, flags: int) -> Intervals:
    """The code points a class ('[…]') matches: the runs of them it matches in the text of all code points."""
    return [(run.start(), run.end() - 1) for run in re.finditer(f"{text}+", _every_character(), flags)]


@cache
def _every_character() -> str:
    return "".join(map(chr, range(MAX + 1)))


def cheapest(matched: Intervals, common: Intervals) -> str:
    """A class that matches `matched` within `common`: as it is, or negated, whichever has fewer code points
    below U+10000 (what compiling costs)."""
    if not matched:
        return NEVER
    excluded = intersection(complement(matched), common)
    if _cost(excluded) < _cost(matched):
        return f"[^{_items(excluded)}]"
    return f"[{_items(matched)}]"


def class_text(ranges: Intervals) -> str:
    """A class that matches the code points."""
    return f"[{_items(ranges)}]" if ranges else NEVER


def normalized(ranges: Intervals) -> Intervals:
    merged: Intervals = []
    for low, high in sorted(ranges):
        if merged and low <= merged[-1][1] + 1:
            merged[-1] = (merged[-1][0], max(merged[-1][1], high))
        else:
            merged.append((low, high))
    return merged


def complement(ranges: Intervals) -> Intervals:
    gaps, next_low = [], 0
    for low, high in ranges:
        if low > next_low:
            gaps.append((next_low, low - 1))
        next_low = high + 1
    return gaps + [(next_low, MAX)] if next_low <= MAX else gaps


def intersection(a: Intervals, b: Intervals) -> Intervals:
    return complement(normalized(complement(a) + complement(b)))


def _cost(ranges: Intervals) -> int:
    return sum(min(high, BMP) - low + 1 for low, high in ranges if low <= BMP)


def _items(ranges: Intervals) -> str:
    parts = []
    for low, high in ranges:
        if low == high:
            parts.append(_char(low))
        elif high == low + 1:
            parts.append(_char(low) + _char(high))
        else:
            parts.append(f"{_char(low)}-{_char(high)}")
    return "".join(parts)


def _char(code: int) -> str:
    """A character as a class lists it: itself when it is visible, else its escape."""
    char = chr(code)
    if char in "\\]-^[":
        return "\\" + char
    if 0x20 < code < 0x7F or (code <= BMP and unicodedata.category(char)[0] in "LNPS"):
        return char
    return f"\\u{code:04X}" if code <= BMP else f"\\U{code:08X}"
