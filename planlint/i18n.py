"""User-facing text in Swedish (default) and English.

Each module keeps its own `Catalog` of messages beside the code that uses them, so that a
message and its use change together.
"""

from __future__ import annotations

LANGUAGES = ("sv", "en")
DEFAULT_LANGUAGE = "sv"


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
    """Choose the text for `lang` from a {"sv": …, "en": …} mapping (as the rule pack holds), falling back to Swedish."""
    return texts.get(lang) or texts.get(DEFAULT_LANGUAGE) or next(iter(texts.values()), "")
