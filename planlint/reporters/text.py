"""The terminal report: per plan, one line per concept with status in words and symbol, the strongest
evidence quoted with its place, then the findings with what to add."""

from __future__ import annotations

import textwrap
from collections import Counter

from planlint.i18n import Catalog, pick
from planlint.inert import inert_lines, visible
from planlint.reporters import labels
from planlint.reporters.labels import (
    EXEMPT_SYMBOL,
    SEVERITY_SYMBOLS,
    STATUS_SYMBOLS,
    concept_columns,
    evidence_word,
    plan_organisation,
    severity_word,
    status_legend,
    status_row,
    status_word,
    where,
)
from planlint.reporters.summary import closing_line, score_meaning
from planlint.reporters.why import why_text
from planlint.result import Finding, PlanResult, RunResult

T = Catalog(
    {
        "plan": ("Plan: {path}", "Plan: {path}"),
        "pack": ("Regelpaket: {name} {version}", "Rule pack: {name} {version}"),
        "score": ("Sammanvägt: {score}/100", "Overall: {score}/100"),
        "suppressed": ("Undantaget (räknas inte)", "Exempt (not counted)"),
        "statistics": ("Anmärkningar per regel", "Findings by rule"),
        "evidence": ("{status}, {where}", "{status}, {where}"),
        "findings": ("Att åtgärda", "To fix"),
        "more": ("(och {n} ställen till)", "(and {n} more places)"),
        "more_one": ("(och ett ställe till)", "(and one more place)"),
        "overview": ("Översikt", "Overview"),
    }
)
WIDTH = 100
QUOTE_CHARS = 180


def render(outcome: RunResult, lang: str = "sv", quiet: bool = False, statistics: bool = False) -> str:
    """The report of every plan, the overview when there are several, and the closing line. The plans that
    could not be read are told on standard error by the command; here they are counted.

    `quiet`: one line per finding that counts, then the closing line. `statistics`: findings counted by rule.
    """
    if statistics:
        parts = [rule_statistics(outcome, lang)]
    elif quiet:
        parts = ["\n".join(concise(r, f, lang) for r in outcome.results for f in _active(r))]
    else:
        parts = [render_plan(r, lang) for r in outcome.results]
        if len(outcome.results) + len(outcome.errors) > 1 and outcome.results:
            parts.append(summary_table(outcome, lang))
    parts.append(closing_line(outcome, lang))
    return inert_lines("\n\n".join(p for p in parts if p))


def concise(result: PlanResult, finding: Finding, lang: str) -> str:
    """One line for a finding: "plan.docx: stycke 28, »Inledning«: ! [konkretisering] … (varning)"."""
    place = where(finding.location, finding.section, lang, finding.block, result.document)
    path = visible(str(result.document.path))
    head = f"{path}: {place}: " if place else f"{path}: "
    message = pick(finding.message, lang)
    return f"{head}{SEVERITY_SYMBOLS[finding.severity]} [{finding.rule}] {message} ({_label(finding, lang)})"


def rule_statistics(outcome: RunResult, lang: str) -> str:
    """How many findings each rule gave over the run, most first (as ruff --statistics)."""
    counts = Counter((f.rule, f.severity) for r in outcome.results for f in _active(r))
    if not counts:
        return ""
    width = max(len(rule) for rule, _ in counts)
    lines = [T("statistics", lang)]
    for (rule, severity), n in sorted(counts.items(), key=lambda item: (-item[1], item[0][0])):
        lines.append(f"  {n:>4}  {rule:<{width}}  {severity_word(severity, lang)}")
    return "\n".join(lines)


def _active(result: PlanResult) -> list[Finding]:
    """The findings that count, most severe first, then in reading order."""
    return sorted((f for f in result.findings if not f.suppressed), key=lambda f: (-f.severity, f.block or -1))


def _identity(result: PlanResult, lang: str) -> list[str]:
    """The plan's title, with its organisation and period when they are known: "Titel: Verksamhetsplan 2026
    (Kulturförvaltningen, 2026)"."""
    document = result.document
    if not document.title:
        return []
    about = [part for part in (plan_organisation(result), document.period) if part and part not in document.title]
    title = f"{document.title} ({', '.join(about)})" if about else document.title
    return [labels.T("title_line", lang, title=visible(title))]


def render_plan(result: PlanResult, lang: str) -> str:
    pack = result.pack
    lines = [
        T("plan", lang, path=visible(str(result.document.path))),
        *_identity(result, lang),
        T("pack", lang, name=pack.name, version=pack.version),
        T("score", lang, score=result.score),
        _wrap(score_meaning(result, lang), "  "),
        "",
        pick(pack.report.title, lang),
    ]
    width = max(len(pick(c.name, lang)) for c in pack.concepts)
    for concept in result.concepts:
        name = pick(pack.concept(concept.concept_id).name, lang)
        if concept.exempt:
            lines.append(f"  {EXEMPT_SYMBOL} {name:<{width}}  {labels.T('exempt_reason', lang, reason=concept.exempt)}")
            continue
        counted = [e for e in concept.evidence if e.counts]
        lines.append(f"  {STATUS_SYMBOLS[concept.status]} {name:<{width}}  {status_word(concept.status, lang)}")
        best = concept.best
        if best is not None:
            place = T(
                "evidence",
                lang,
                status=evidence_word(best.status, lang),
                where=where(best.location, best.section, lang, best.block, result.document),
            )
            others = len(counted) - 1
            more = "" if not others else f" {T('more_one', lang)}" if others == 1 else f" {T('more', lang, n=others)}"
            lines.append(_wrap(f"“{_short(best.sentence)}” ({place}){more}", "      "))
        why = why_text(concept, lang)
        if why:
            lines.append(_wrap(f"↳ {why}", "      ", "        "))
    lines += ["", T("findings", lang)]
    active = _active(result)
    if not active:
        lines.append("  " + labels.T("no_findings", lang))
    for finding in active:
        label = _label(finding, lang)
        place = where(finding.location, finding.section, lang, finding.block, result.document)
        where_text = f"{label}, {place}" if place else label
        head = f"{SEVERITY_SYMBOLS[finding.severity]} [{finding.rule}] {pick(finding.message, lang)} ({where_text})"
        lines.append(_wrap(head, "  ", "    "))
        if finding.suggestion:
            lines.append(_wrap(labels.T("suggestion", lang, text=pick(finding.suggestion, lang)), "    "))
    suppressed = [f for f in result.findings if f.suppressed]
    if suppressed:
        lines += ["", T("suppressed", lang)]
        for finding in suppressed:
            reason = labels.T("exempt_reason", lang, reason=finding.suppression)
            lines.append(
                _wrap(f"{EXEMPT_SYMBOL} [{finding.rule}] {pick(finding.message, lang)} ({reason})", "  ", "    ")
            )
    return "\n".join(lines)


def summary_table(outcome: RunResult, lang: str) -> str:
    """Plans × concepts with status symbols and the score; the concepts numbered, with a legend below."""
    names = concept_columns(outcome.results, lang)
    paths = [visible(str(r.document.path)) for r in outcome.results]
    paths += [visible(str(e.path)) for e in outcome.errors if e.path]
    width = max(len(labels.T("plan", lang)), *map(len, paths))
    score = labels.T("score", lang)
    lines = [
        T("overview", lang),
        f"  {labels.T('plan', lang):<{width}}  {score}  "
        + " ".join(f"{n:<2}" for n in range(1, len(names) + 1)).rstrip(),
    ]
    for result in outcome.results:
        symbols = " ".join(f"{symbol:<2}" for symbol in status_row(result, names))
        lines.append(
            f"  {visible(str(result.document.path)):<{width}}  {result.score:>{len(score)}}  {symbols}".rstrip()
        )
    for error in outcome.errors:
        if error.path:
            lines.append(f"  {visible(str(error.path)):<{width}}  {'–':>{len(score)}}  {labels.T('unread', lang)}")
    lines.append(_wrap(" · ".join(f"{n} {name}" for n, name in enumerate(names.values(), 1)), "  "))
    lines.append("  " + "  ".join(status_legend(lang)))
    return "\n".join(lines)


def _label(finding: Finding, lang: str) -> str:
    """The severity, and why the finding does not count when it does not."""
    word = severity_word(finding.severity, lang)
    if finding.suppressed:
        return f"{word}, {labels.T('exempt_reason', lang, reason=finding.suppression)}"
    return f"{word}, {labels.T('known', lang)}" if finding.baselined else word


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
