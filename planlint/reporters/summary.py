"""The closing line of a run, as ruff's "Found N errors" (plans, findings by severity, what did not count), and
what a plan's score means."""

from __future__ import annotations

from collections import Counter

from planlint.i18n import Catalog
from planlint.result import PlanResult, RunResult, Severity, Status

# Each count word: (Swedish singular, Swedish plural, English singular, English plural)
WORDS = {
    "plan": ("plan granskad", "planer granskade", "plan checked", "plans checked"),
    "plans": ("plan", "planer", "plan", "plans"),
    "known": ("känd anmärkning", "kända anmärkningar", "known finding", "known findings"),
    "comment": ("kommentar", "kommentarer", "comment", "comments"),
    "unread": ("kunde inte läsas", "kunde inte läsas", "could not be read", "could not be read"),
    "finding": ("anmärkning", "anmärkningar", "finding", "findings"),
    Severity.ERROR: ("fel", "fel", "error", "errors"),
    Severity.WARNING: ("varning", "varningar", "warning", "warnings"),
    Severity.INFO: ("info", "info", "info", "info"),
    "suppressed": ("undantagen", "undantagna", "exempt", "exempt"),
    "baselined": (
        "känd sedan baslinjen",
        "kända sedan baslinjen",
        "known from the baseline",
        "known from the baseline",
    ),
}
T = Catalog(
    {
        "line": ("{plans}: {findings}.", "{plans}: {findings}."),
        "none": ("inga anmärkningar", "no findings"),
        "score_meaning": (
            "Poängen är medelvärdet av delarnas status (saknas {saknas}, nämnd {namnd}, konkretiserad "
            "{konkretiserad}, uppföljd {uppfoljd}): 100 betyder att varje del följs upp med indikator eller målvärde.",
            "The score is the mean of the parts' statuses (missing {saknas}, mentioned {namnd}, made concrete "
            "{konkretiserad}, followed up {uppfoljd}): 100 means every part is followed up with an indicator or "
            "target value.",
        ),
        "score_cap": (
            "{missing} saknas helt, så planen kan som mest få {cap}/100 hur väl resten än görs.",
            "{missing} missing altogether, so the plan can reach at most {cap}/100 however well the rest is done.",
        ),
        "part_one": ("1 del", "1 part is"),
        "part_many": ("{n} delar", "{n} parts are"),
    }
)


def count(n: int, word, lang: str) -> str:
    """ "1 anmärkning", "3 anmärkningar": a number with its word in the right form."""
    sv_one, sv_many, en_one, en_many = WORDS[word]
    if lang == "en":
        return f"{n} {en_one if n == 1 else en_many}"
    return f"{n} {sv_one if n == 1 else sv_many}"


def closing_line(outcome: RunResult, lang: str) -> str:
    """ "2 planer granskade, 1 kunde inte läsas: 5 anmärkningar (1 fel, 4 varningar), 1 undantagen."."""
    plans = count(len(outcome.results), "plan", lang)
    if outcome.errors:
        plans += f", {count(len(outcome.errors), 'unread', lang)}"
    findings = [f for r in outcome.results for f in r.findings]
    active = [f for f in findings if not f.suppressed]
    by_severity = Counter(f.severity for f in active)
    text = count(len(active), "finding", lang) if active else T("none", lang)
    if active:
        text += " (" + ", ".join(count(by_severity[s], s, lang) for s in sorted(by_severity, reverse=True)) + ")"
    suppressed = len(findings) - len(active)
    known = sum(1 for f in active if f.baselined)
    text += "".join(f", {count(n, word, lang)}" for n, word in ((suppressed, "suppressed"), (known, "baselined")) if n)
    return T("line", lang, plans=plans, findings=text)


def score_meaning(result: PlanResult, lang: str) -> str:
    """What the score means: the mean of the parts' status scores, and the cap a missing part puts on it."""
    text = T("score_meaning", lang, **result.pack.status_scores)
    scored = [c for c in result.concepts if c.exempt is None]
    missing = sum(1 for c in scored if c.status is Status.SAKNAS)
    if missing:
        cap = round(100 * (len(scored) - missing) / len(scored))
        part = T("part_one", lang) if missing == 1 else T("part_many", lang, n=missing)
        text += " " + T("score_cap", lang, missing=part, cap=cap)
    return text
