"""Identifiers as people type them: with or without å/ä/ö, and a did-you-mean for a near miss."""

from __future__ import annotations

import difflib
from collections.abc import Iterable

from planlint.i18n import Catalog

FOLD = str.maketrans({"å": "a", "ä": "a", "ö": "o", "é": "e", "ü": "u", "_": "-"})


def fold(name: str) -> str:
    """`Uppföljning` and `uppfoljning` alike: lower case, å/ä → a, ö → o, underscore → hyphen."""
    return name.strip().lower().translate(FOLD)


def resolve(name: str, known: Iterable[str]) -> str | None:
    """The known identifier `name` stands for, written with or without å/ä/ö; None when there is none."""
    folded = fold(name)
    return next((k for k in known if fold(k) == folded), None)


def closest(name: str, known: Iterable[str]) -> str | None:
    """The known identifier nearest to a misspelt `name`, if one is near enough to suggest."""
    by_fold = {fold(k): k for k in known}
    match = difflib.get_close_matches(fold(name), list(by_fold), n=1, cutoff=0.6)
    return by_fold[match[0]] if match else None


T = Catalog({"did_you_mean": (" Menade du {name!r}?", " Did you mean {name!r}?")})


def did_you_mean(name: str, known: Iterable[str]) -> tuple[str, str]:
    """ " Menade du 'ignore'?" in Swedish and English, to append to a message; blank when nothing is near."""
    near = closest(name, known)
    return (T("did_you_mean", "sv", name=near), T("did_you_mean", "en", name=near)) if near else ("", "")
