"""A Markdown summary for a pull-request comment or $GITHUB_STEP_SUMMARY: a table of plans × concepts with
status symbols and scores, then each plan's findings and the plans that could not be read."""

from __future__ import annotations

import re

from planlint.document.model import Document
from planlint.i18n import Catalog, pick
from planlint.inert import visible
from planlint.reporters import labels
from planlint.reporters.labels import (
    SEVERITY_SYMBOLS,
    concept_columns,
    severity_word,
    status_legend,
    status_row,
    where,
)
from planlint.result import Finding, PlanResult, RunResult

# Every ASCII punctuation character is escaped, which makes emphasis, links, autolinks (`https\://`, `www\.`),
# tables and strikethrough literal; HTML's `&<>` become entities; `@` and `#` are set as code, where GitHub
# makes no mention or issue link.
PUNCTUATION = re.compile(r"([!\"$%'()*+,\-./:;=?\[\\\]^_`{|}~])")
LINKING = re.compile(r"[@#]")

T = Catalog(
    {
        "unread_title": ("Kunde inte läsas", "Could not be read"),
        "summary": (
            "{plans} planer granskade, {errors} kunde inte läsas, {findings} anmärkningar, varav {failing} "
            "fäller granskningen (--fail-on {fail_on}).",
            "{plans} plans checked, {errors} could not be read, {findings} findings, {failing} of which fail "
            "the check (--fail-on {fail_on}).",
        ),
    }
)


def render(outcome: RunResult, lang: str) -> str:
    title = f"planlint: {pick(outcome.results[0].pack.report.title, lang)}" if outcome.results else "planlint"
    parts = [f"## {title}", _table(outcome, lang), _legend(lang)]
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
        f"| {labels.T('plan', lang)} | {labels.T('score', lang)} | " + " | ".join(names.values()) + " |",
        "|---|---:|" + ":-:|" * len(names),
    ]
    for result in outcome.results:
        cells = status_row(result, names)
        rows.append(f"| {_code(str(result.document.path), table=True)} | {result.score} | " + " | ".join(cells) + " |")
    for error in outcome.errors:
        if error.path is not None:
            cells = [labels.T("unread", lang)] + [" "] * (len(names) - 1)
            rows.append(f"| {_code(str(error.path), table=True)} | – | " + " | ".join(cells) + " |")
    return "\n".join(rows)


def _legend(lang: str) -> str:
    return " · ".join(status_legend(lang))


def _findings(result: PlanResult, lang: str) -> str:
    active = sorted((f for f in result.findings if not f.suppressed), key=lambda f: -f.severity)
    return "\n".join(_finding(f, lang, result.document) for f in active) or labels.T("no_findings", lang)


def _finding(finding: Finding, lang: str, document: Document | None = None) -> str:
    place = where(finding.location, finding.section, lang, finding.block, document)
    label = severity_word(finding.severity, lang) + (f", {labels.T('known', lang)}" if finding.baselined else "")
    return (
        f"- {SEVERITY_SYMBOLS[finding.severity]} **{label}** `{finding.rule}`: {_cell(pick(finding.message, lang))}"
        + (f" ({_cell(place)})" if place else "")
    )


def _cell(text: str) -> str:
    """Text made inert inside a table cell or list item: one line, no HTML, links, mentions or emphasis."""
    text = PUNCTUATION.sub(r"\\\1", " ".join(visible(text).split()))
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return LINKING.sub(lambda m: f"`{m.group()}`", text)


def _code(text: str, table: bool = False) -> str:
    """A path as a code span, fenced by more backticks than it holds in a row; in a table `|` is escaped,
    as GitHub splits cells before it reads code spans."""
    text = " ".join(visible(text).split())
    fence = "`" * (max((len(run) for run in re.findall("`+", text)), default=0) + 1)
    pad = " " if text.startswith("`") or text.endswith("`") else ""
    return f"{fence}{pad}{text.replace('|', chr(92) + '|') if table else text}{pad}{fence}"
