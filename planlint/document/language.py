"""Tell whether a plan is written in Swedish, from the share of common function words."""

from __future__ import annotations

import re
from collections import Counter

from planlint.document.model import Document
from planlint.errors import PlanInputError

# The most frequent function words of each language, with the words that two languages share left out.
FUNCTION_WORDS = {
    "sv": "och att det som är för med av till den på har inte ett de vi om men ska kan också från eller "
    "vara sig under våra vår samt genom detta dessa hur mot både där utan efter blir mellan ska skall",
    "en": "the and of to in is that for with as are this by be on it from or at which we will our "
    "have has not an can their these been also its would should",
    "da": "og af til det er på med som ikke en vi kan være fra har også skal deres denne efter mellem "
    "hvordan uden blive",
    "nb": "og av til det er på med som ikke en vi kan være fra har også skal deres denne etter mellom hvordan uten bli",
    "de": "der die und das ist nicht mit von zu den ein eine auf für sich dem wir auch werden wird durch nach bei oder",
}
_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
NAMES = {
    "sv": ("svenska", "Swedish"),
    "en": ("engelska", "English"),
    "da": ("danska", "Danish"),
    "nb": ("norska", "Norwegian"),
    "de": ("tyska", "German"),
}
SAMPLE_WORDS = 20_000
# The decision is by confidence, however short the plan: another language is judged only on at least this many
# of its function words, outnumbering the Swedish ones by this factor.
MIN_EVIDENCE = 4
MARGIN = 2


def language_scores(text: str) -> dict[str, int]:
    """How many of the text's words are function words of each language."""
    counts: Counter[str] = Counter()
    for word, count in Counter(_WORD.findall(text)[:SAMPLE_WORDS]).items():
        counts[word.lower()] += count  # each distinct word lowered once
    return {lang: sum(counts[w] for w in set(ws.split())) for lang, ws in FUNCTION_WORDS.items()}


def guess_language(text: str) -> tuple[str, int]:
    """The language whose function words cover the most of `text`, and how many of its function words it has."""
    scores = language_scores(text)
    best = max(scores, key=scores.__getitem__)
    return best, scores[best]


def check_swedish(document: Document) -> None:
    """Raise PlanInputError when a plan is, with confidence, in another language."""
    scores = language_scores(" ".join(b.text for b in document.blocks[:2000]))
    language = max(scores, key=scores.__getitem__)
    if language != "sv" and scores[language] >= MIN_EVIDENCE and scores[language] > MARGIN * scores["sv"]:
        raise PlanInputError(document.path, "not_swedish", language=NAMES[language])
