"""A Markdown summary for a pull-request comment or $GITHUB_STEP_SUMMARY: a table of plans × concepts with
status symbols and scores, then each plan's findings and the plans that could not be read."""

from __future__ import annotations

import re

from planlint.i18n import Catalog, pick
from planlint.reporters.labels import (
    SEVERITY_SYMBOLS,
    concept_columns,
    severity_word,
    status_legend,
    status_row,
    where,
)
from planlint.result import Finding, PlanResult, RunResult

MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]|#])")

T = Catalog(
    {
        "title": ("planlint: målbild 2027 och inriktningar", "planlint: målbild 2027 and political directions"),
        "plan": ("Plan", "Plan"),
        "score": ("Poäng", "Score"),
        "exempt": ("undantagen", "exempt"),
        "unread": ("kunde inte läsas", "could not be read"),
        "unread_title": ("Kunde inte läsas", "Could not be read"),
        "no_findings": ("Inga anmärkningar.", "No findings."),
        "known": ("känd sedan baslinjen", "known from the baseline"),
        "summary": (
            "{plans} planer granskade, {errors} kunde inte läsas, {findings} anmärkningar, varav {failing} "
            "fäller granskningen (--fail-on {fail_on}).",
            "{plans} plans checked, {errors} could not be read, {findings} findings, {failing} of which fail "
            "the check (--fail-on {fail_on}).",
        ),
    }
)


def render(outcome: RunResult, lang: str) -> str:
    parts = [f"## {T('title', lang)}", _table(outcome, lang), _legend(lang)]
    for result in outcome.results:
        parts.append(f"### {_code(str(result.document.path))} ({result.score}/100)\n\n" + _findings(result, lang))
    if outcome.errors:
        parts.append(
            f"### {T('unread_title', lang)}\n\n" + "\n".join(f"- {_cell(e.message(lang))}" for e in outcome.errors)
        )
    active = [f for r in outcome.results for f in r.findings if not f.suppressed]
    parts.append(
        "**"
        + T(
            "summary",
            lang,
            plans=len(outcome.results),
            errors=len(outcome.errors),
            findings=len(active),
            failing=sum(1 for f in active if outcome.counts(f)),
            fail_on=outcome.fail_on,
        )
        + "**"
    )
    return "\n\n".join(parts)


def _table(outcome: RunResult, lang: str) -> str:
    names = concept_columns(outcome.results, lang)
    rows = [
        f"| {T('plan', lang)} | {T('score', lang)} | " + " | ".join(names.values()) + " |",
        "|---|---:|" + ":-:|" * len(names),
    ]
    for result in outcome.results:
        cells = status_row(result, names)
        rows.append(f"| {_code(str(result.document.path))} | {result.score} | " + " | ".join(cells) + " |")
    for error in outcome.errors:
        if error.path is not None:
            rows.append(
                f"| {_code(str(error.path))} | – | " + " | ".join([T("unread", lang)] + [" "] * (len(names) - 1)) + " |"
            )
    return "\n".join(rows)


def _legend(lang: str) -> str:
    return " · ".join(status_legend(lang))


def _findings(result: PlanResult, lang: str) -> str:
    active = sorted((f for f in result.findings if not f.suppressed), key=lambda f: -f.severity)
    return "\n".join(_finding(f, lang) for f in active) or T("no_findings", lang)


def _finding(finding: Finding, lang: str) -> str:
    place = where(finding.location, finding.section, lang, finding.block)
    label = severity_word(finding.severity, lang) + (f", {T('known', lang)}" if finding.baselined else "")
    return (
        f"- {SEVERITY_SYMBOLS[finding.severity]} **{label}** `{finding.rule}`: {_cell(pick(finding.message, lang))}"
        + (f" ({_cell(place)})" if place else "")
    )


def _cell(text: str) -> str:
    """Plan text made inert inside a table cell or list item: one line, no HTML, no links or emphasis."""
    text = " ".join(text.split()).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return MARKDOWN_SPECIAL.sub(r"\\\1", text)


def _code(text: str) -> str:
    """A path as a code span (which cannot hold a backtick)."""
    return "`" + " ".join(text.split()).replace("`", "'") + "`"
