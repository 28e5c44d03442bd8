"""The terminal report: per plan, one line per concept with status in words and symbol, the strongest
evidence quoted with its place, then the findings with what to add."""

from __future__ import annotations

import textwrap

from planlint.i18n import Catalog, pick
from planlint.reporters.labels import (
    EXEMPT_SYMBOL,
    SEVERITY_SYMBOLS,
    STATUS_SYMBOLS,
    concept_columns,
    evidence_word,
    severity_word,
    status_legend,
    status_row,
    status_word,
    where,
)
from planlint.result import Finding, PlanResult, RunResult

T = Catalog(
    {
        "plan": ("Plan: {path}", "Plan: {path}"),
        "pack": ("Regelpaket: {name} {version}", "Rule pack: {name} {version}"),
        "score": ("Sammanvägt: {score}/100", "Overall: {score}/100"),
        "concepts": ("Målbild 2027 och inriktningar", "Målbild 2027 and political directions"),
        "evidence": ("{status}, {where}", "{status}, {where}"),
        "exempt": ("undantagen: {reason}", "exempt: {reason}"),
        "findings": ("Att åtgärda", "To fix"),
        "no_findings": ("Inga anmärkningar.", "No findings."),
        "suggestion": ("Förslag: {text}", "Suggestion: {text}"),
        "more": ("(och {n} ställen till)", "(and {n} more places)"),
        "more_one": ("(och ett ställe till)", "(and one more place)"),
        "summary": (
            "{plans} planer granskade, {errors} kunde inte läsas, {findings} anmärkningar.",
            "{plans} plans checked, {errors} could not be read, {findings} findings.",
        ),
        "error": ("Fel: {message}", "Error: {message}"),
        "known": ("känd sedan baslinjen", "known from the baseline"),
        "overview": ("Översikt", "Overview"),
        "plan_col": ("Plan", "Plan"),
        "score_col": ("Poäng", "Score"),
        "unread": ("kunde inte läsas", "could not be read"),
    }
)
WIDTH = 100
QUOTE_CHARS = 180


def render(outcome: RunResult, lang: str = "sv") -> str:
    parts = [render_plan(r, lang) for r in outcome.results]
    parts += [T("error", lang, message=e.message(lang)) for e in outcome.errors]
    if len(outcome.results) + len(outcome.errors) > 1:
        if outcome.results:
            parts.append(summary_table(outcome, lang))
        count = sum(1 for r in outcome.results for f in r.findings if not f.suppressed)
        parts.append(T("summary", lang, plans=len(outcome.results), errors=len(outcome.errors), findings=count))
    return "\n\n".join(parts)


def render_plan(result: PlanResult, lang: str) -> str:
    pack = result.pack
    lines = [
        T("plan", lang, path=result.document.path),
        T("pack", lang, name=pack.name, version=pack.version),
        T("score", lang, score=result.score),
        "",
        T("concepts", lang),
    ]
    width = max(len(pick(c.name, lang)) for c in pack.concepts)
    for concept in result.concepts:
        name = pick(pack.concept(concept.concept_id).name, lang)
        if concept.exempt:
            lines.append(f"  {EXEMPT_SYMBOL} {name:<{width}}  {T('exempt', lang, reason=concept.exempt)}")
            continue
        counted = [e for e in concept.evidence if e.counts]
        lines.append(f"  {STATUS_SYMBOLS[concept.status]} {name:<{width}}  {status_word(concept.status, lang)}")
        best = concept.best
        if best is not None:
            place = T(
                "evidence",
                lang,
                status=evidence_word(best.status, lang),
                where=where(best.location, best.section, lang, best.block),
            )
            others = len(counted) - 1
            more = "" if not others else f" {T('more_one', lang)}" if others == 1 else f" {T('more', lang, n=others)}"
            lines.append(_wrap(f"“{_short(best.sentence)}” ({place}){more}", "      "))
    lines += ["", T("findings", lang)]
    active = sorted((f for f in result.findings), key=lambda f: (-f.severity, f.block or -1))
    if not active:
        lines.append("  " + T("no_findings", lang))
    for finding in active:
        label = _label(finding, lang)
        place = where(finding.location, finding.section, lang, finding.block)
        where_text = f"{label}, {place}" if place else label
        head = f"{SEVERITY_SYMBOLS[finding.severity]} [{finding.rule}] {pick(finding.message, lang)} ({where_text})"
        lines.append(_wrap(head, "  ", "    "))
        if finding.suggestion and not finding.suppressed:
            lines.append(_wrap(T("suggestion", lang, text=pick(finding.suggestion, lang)), "    "))
    return "\n".join(lines)


def summary_table(outcome: RunResult, lang: str) -> str:
    """Plans × concepts with status symbols and the score; the concepts numbered, with a legend below."""
    names = concept_columns(outcome.results, lang)
    paths = [str(r.document.path) for r in outcome.results] + [str(e.path) for e in outcome.errors if e.path]
    width = max(len(T("plan_col", lang)), *map(len, paths))
    score = T("score_col", lang)
    lines = [
        T("overview", lang),
        f"  {T('plan_col', lang):<{width}}  {score}  " + " ".join(f"{n:<2}" for n in range(1, len(names) + 1)).rstrip(),
    ]
    for result in outcome.results:
        symbols = " ".join(f"{symbol:<2}" for symbol in status_row(result, names))
        lines.append(f"  {result.document.path!s:<{width}}  {result.score:>{len(score)}}  {symbols}".rstrip())
    for error in outcome.errors:
        if error.path:
            lines.append(f"  {error.path!s:<{width}}  {'–':>{len(score)}}  {T('unread', lang)}")
    lines.append(_wrap(" · ".join(f"{n} {name}" for n, name in enumerate(names.values(), 1)), "  "))
    lines.append("  " + "  ".join(status_legend(lang)))
    return "\n".join(lines)


def _label(finding: Finding, lang: str) -> str:
    """The severity, and why the finding does not count when it does not."""
    word = severity_word(finding.severity, lang)
    if finding.suppressed:
        return f"{word}, {T('exempt', lang, reason=finding.suppression)}"
    return f"{word}, {T('known', lang)}" if finding.baselined else word


def _short(text: str) -> str:
    return text if len(text) <= QUOTE_CHARS else text[: QUOTE_CHARS - 1].rstrip() + "…"


def _wrap(text: str, indent: str, subsequent: str | None = None) -> str:
    return textwrap.fill(
        text,
        WIDTH,
        initial_indent=indent,
        subsequent_indent=subsequent or indent,
        break_long_words=False,
        break_on_hyphens=False,
    )
