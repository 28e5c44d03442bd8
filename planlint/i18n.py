"""User-facing text in Swedish (default) and English.

Each module keeps its own `Catalog` of messages beside the code that uses them, so that a
message and its use change together.
"""

from __future__ import annotations

import gettext
import os
from pathlib import Path

LANGUAGES = ("sv", "en")
DEFAULT_LANGUAGE = "sv"
LANGUAGE_ENV = "PLANLINT_LANG"
GETTEXT_DOMAIN = "planlint"
LOCALE_DIR = Path(__file__).resolve().parent / "locale"


class Catalog:
    """Messages by key, each a pair of format strings (Swedish, English)."""

    def __init__(self, messages: dict[str, tuple[str, str]]) -> None:
        self._messages = messages

    def __call__(self, key: str, lang: str = DEFAULT_LANGUAGE, /, **params: object) -> str:
        sv, en = self._messages[key]
        template = en if lang == "en" else sv
        return template.format(**params) if params else template

    def __contains__(self, key: str) -> bool:
        return key in self._messages


def pick(texts: dict[str, str], lang: str) -> str:
    """Choose the text for `lang` from a {"sv": …, "en": …} mapping (as the rule pack holds), falling back to
    Swedish."""
    return texts.get(lang) or texts.get(DEFAULT_LANGUAGE) or next(iter(texts.values()), "")


def language_from_args(args: list[str]) -> str:
    """The language asked for with --lang (or PLANLINT_LANG), read before the command line is parsed."""
    lang = os.environ.get(LANGUAGE_ENV, DEFAULT_LANGUAGE)
    for i, arg in enumerate(args):
        if arg == "--lang" and i + 1 < len(args):
            lang = args[i + 1]
        elif arg.startswith("--lang="):
            lang = arg.partition("=")[2]
    return lang if lang in LANGUAGES else DEFAULT_LANGUAGE


def use_language(lang: str) -> None:
    """Make click's own words (help headings, usage errors) follow `lang`: click translates them with
    gettext, so planlint points gettext at its Swedish catalogue (planlint/locale)."""
    os.environ["LANGUAGE"] = lang  # "en" finds no catalogue: click's own English words
    gettext.bindtextdomain(GETTEXT_DOMAIN, str(LOCALE_DIR))
    gettext.textdomain(GETTEXT_DOMAIN)
