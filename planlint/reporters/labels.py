"""Words and symbols for statuses (of a concept and of one piece of evidence) and severities, shared by every
human-readable reporter."""

from __future__ import annotations

from dataclasses import replace

from planlint.document.identity import organisation
from planlint.document.model import Document, Location
from planlint.i18n import Catalog, pick
from planlint.result import ConceptResult, Severity, Status

FIRST_WORDS = 6  # words of a paragraph that name it in a Word plan
T = Catalog(
    {
        "saknas": ("saknas", "missing"),
        "namnd": ("nämnd", "mentioned"),
        "konkretiserad": ("konkretiserad", "made concrete"),
        "uppfoljd": ("uppföljd", "followed up"),
        "evidence_1": ("nämnd", "mentioned"),
        "evidence_2": ("mål/aktivitet", "goal/activity"),
        "evidence_3": ("uppföljd", "followed up"),
        "error": ("fel", "error"),
        "warning": ("varning", "warning"),
        "info": ("info", "info"),
        "exempt": ("undantagen", "exempt"),
        "exempt_reason": ("undantagen: {reason}", "exempt: {reason}"),
        "known": ("känd sedan baslinjen", "known from the baseline"),
        "no_findings": ("Inga anmärkningar.", "No findings."),
        "suggestion": ("Förslag: {text}", "Suggestion: {text}"),
        "plan": ("Plan", "Plan"),
        "score": ("Poäng", "Score"),
        "unread": ("kunde inte läsas", "could not be read"),
        "title_line": ("Titel: {title}", "Title: {title}"),
        "page": ("s. {n}", "p. {n}"),
        "para": ("stycke {n}", "paragraph {n}"),
        "starts": ("stycket som börjar ”{words}”", "the paragraph starting “{words}”"),
        "line": ("rad {n}", "line {n}"),
        "row": ("tabell {table}, rad {row}", "table {table}, row {row}"),
        "cell": ("tabell {table}, rad {row}, kolumn {column}", "table {table}, row {row}, column {column}"),
        "block": ("block {n}", "block {n}"),
    }
)
STATUS_SYMBOLS = {Status.SAKNAS: "✗", Status.NAMND: "○", Status.KONKRETISERAD: "◐", Status.UPPFOLJD: "●"}
EXEMPT_SYMBOL = "–"
SEVERITY_SYMBOLS = {Severity.ERROR: "✗", Severity.WARNING: "!", Severity.INFO: "i"}


def plan_organisation(result) -> str | None:
    """The förvaltning, nämnd or bolag of a checked plan, told by the rule pack's organisation words."""
    from planlint.analysis.phrases import WordSet  # loading a pack imports no analysis code

    words = WordSet(result.pack.language.organisation_words)
    return organisation(result.document, words.__contains__)


def status_word(status: Status, lang: str) -> str:
    return T(status.key, lang)


def evidence_word(status: Status, lang: str) -> str:
    """How one passage carries a concept, in words ("mål/aktivitet" where a plan's status reads "konkretiserad")."""
    return T(f"evidence_{int(status)}", lang)


def severity_word(severity: Severity, lang: str) -> str:
    return T(severity.key, lang)


def place(location: Location, lang: str, column: bool = False) -> str:
    """A location for people: "s. 4", "stycke 12", "rad 3" or "tabell 2, rad 3" (with its column on request)."""
    parts = []
    if location.page is not None:
        parts.append(T("page", lang, n=location.page))
    if location.table is not None:
        parts.append(
            T("cell" if column else "row", lang, table=location.table, row=location.row, column=location.column)
        )
    elif location.paragraph is not None and location.page is None:
        parts.append(T("para", lang, n=location.paragraph))
    elif location.line is not None and location.page is None:
        parts.append(T("line", lang, n=location.line))
    return ", ".join(parts)


def where(
    location: Location | None,
    section: tuple[str, ...],
    lang: str,
    block: int | None = None,
    document: Document | None = None,
) -> str:
    """Where in the plan, for people: the page (PDF) or line (.txt, .md), the table row, and the heading path.

    For a Word plan (given its `document`), the paragraph is named by its first words, which Word's search
    finds, rather than by a number Word does not show."""
    text = _block_text(document, block)
    if location is not None and location.paragraph is not None and location.page is None and text:
        parts = [place(replace(location, paragraph=None), lang), T("starts", lang, words=first_words(text))]
    else:
        parts = [place(location, lang)] if location is not None else []
    parts = [p for p in parts if p]
    if not parts and block is not None:
        parts.append(T("block", lang, n=block))
    if section:
        parts.append(f"»{' › '.join(section)}«")
    return ", ".join(parts)


def first_words(text: str, count: int = FIRST_WORDS) -> str:
    """The first words of a paragraph, as typed: what to search for in Word."""
    words = text.split()
    return " ".join(words[:count]) + (" …" if len(words) > count else "")


def _block_text(document: Document | None, block: int | None) -> str | None:
    return document.block_text(block) if document is not None else None


def status_symbol(result: ConceptResult) -> str:
    return EXEMPT_SYMBOL if result.exempt else STATUS_SYMBOLS[result.status]


def status_legend(lang: str) -> list[str]:
    """ "● uppföljd", "◐ konkretiserad" … and the exempt mark, strongest first."""
    legend = [f"{STATUS_SYMBOLS[s]} {status_word(s, lang)}" for s in sorted(Status, reverse=True)]
    return [*legend, f"{EXEMPT_SYMBOL} {T('exempt', lang)}"]


def concept_columns(results, lang: str) -> dict[str, str]:
    """Concept id → name, in pack order, over all plans' packs: the columns of a plans × concepts table."""
    names: dict[str, str] = {}
    for result in results:
        for concept in result.pack.concepts:
            names.setdefault(concept.id, pick(concept.name, lang))
    return names


def status_row(result, columns: dict[str, str]) -> list[str]:
    """A plan's status symbols in the order of `columns` (blank where its pack lacks the concept)."""
    statuses = {c.concept_id: status_symbol(c) for c in result.concepts}
    return [statuses.get(concept, " ") for concept in columns]
