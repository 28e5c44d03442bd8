"""Compare two versions of a plan (last year's and this year's): concept statuses, scores and findings,
and the comparison as text and as JSON (the contract in schemas/planlint-diff.schema.json)."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from planlint import __version__
from planlint.document.model import Document
from planlint.i18n import Catalog, pick
from planlint.inert import visible
from planlint.reporters import labels
from planlint.reporters.json_report import finding_dict
from planlint.reporters.labels import (
    SEVERITY_SYMBOLS,
    STATUS_SYMBOLS,
    severity_word,
    status_word,
    where,
)
from planlint.result import Finding, PlanResult, Status

DIFF_VERSION = 1
T = Catalog(
    {
        "title": ("Jämförelse: {old} → {new}", "Comparison: {old} → {new}"),
        "score": ("Sammanvägt: {old} → {new} ({delta})", "Overall: {old} → {new} ({delta})"),
        "better": ("bättre", "better"),
        "worse": ("sämre", "worse"),
        "same": ("oförändrad", "unchanged"),
        "added": ("Nya anmärkningar ({n})", "New findings ({n})"),
        "removed": ("Åtgärdade anmärkningar ({n})", "Resolved findings ({n})"),
        "none": ("Inga.", "None."),
    }
)


@dataclass(frozen=True)
class ConceptChange:
    concept_id: str
    old: Status
    new: Status
    old_score: int
    new_score: int
    exempt: str | None = None  # the new plan's configuration exempts it from the concept

    @property
    def change(self) -> str:
        """One of better, worse and same."""
        return "better" if self.new > self.old else "worse" if self.new < self.old else "same"


@dataclass(frozen=True)
class PlanDiff:
    old: PlanResult
    new: PlanResult
    concepts: list[ConceptChange]
    added: list[Finding]  # findings of the new version that the old did not have
    removed: list[Finding]  # findings of the old version that are gone

    @property
    def worse(self) -> bool:
        """Some concept the plan is not exempt from is carried less far than before."""
        return any(c.change == "worse" and c.exempt is None for c in self.concepts)


def compare(old: PlanResult, new: PlanResult) -> PlanDiff:
    """What changed from `old` to `new`, concept by concept in the new pack's order; a concept the old
    result does not have counts as missing there. Findings are matched by fingerprint."""
    before = {c.concept_id: c for c in old.concepts}
    changes = []
    for concept in new.concepts:
        previous = before.get(concept.concept_id)
        changes.append(
            ConceptChange(
                concept.concept_id,
                previous.status if previous else Status.SAKNAS,
                concept.status,
                previous.score if previous else 0,
                concept.score,
                concept.exempt,
            )
        )
    return PlanDiff(
        old, new, changes, _missing_from(new.findings, old.findings), _missing_from(old.findings, new.findings)
    )


def _missing_from(findings: list[Finding], other: list[Finding]) -> list[Finding]:
    """The active findings of `findings` that `other` does not have, occurrence by occurrence."""
    known = Counter(f.fingerprint for f in other if not f.suppressed)
    missing = []
    for finding in findings:
        if finding.suppressed:
            continue
        if known[finding.fingerprint] > 0:
            known[finding.fingerprint] -= 1
        else:
            missing.append(finding)
    return missing


def render_text(diff: PlanDiff, lang: str) -> str:
    old, new = diff.old, diff.new
    lines = [
        T("title", lang, old=visible(str(old.document.path)), new=visible(str(new.document.path))),
        T("score", lang, old=old.score, new=new.score, delta=_signed(new.score - old.score)),
        "",
        pick(new.pack.report.title, lang),
    ]
    width = max(len(pick(new.pack.concept(c.concept_id).name, lang)) for c in diff.concepts)
    for c in diff.concepts:
        name = pick(new.pack.concept(c.concept_id).name, lang)
        before = f"{STATUS_SYMBOLS[c.old]} {status_word(c.old, lang)}"
        after = f"{STATUS_SYMBOLS[c.new]} {status_word(c.new, lang)}"
        delta = f" ({_signed(c.new_score - c.old_score)})" if c.new_score != c.old_score else ""
        exempt = f", {labels.T('exempt', lang)}" if c.exempt else ""
        lines.append(f"  {name:<{width}}  {before:<16} → {after:<16} {T(c.change, lang)}{delta}{exempt}")
    for key, findings in (("added", diff.added), ("removed", diff.removed)):
        lines += ["", T(key, lang, n=len(findings))]
        lines += [f"  {_finding_line(f, lang, new.document)}" for f in findings] or [f"  {T('none', lang)}"]
    return "\n".join(lines)


def diff_dict(diff: PlanDiff, lang: str) -> dict:
    def plan(result: PlanResult) -> dict:
        return {
            "path": str(result.document.path),
            "score": result.score,
            "pack": {"name": result.pack.name, "version": result.pack.version},
        }

    return {
        "version": DIFF_VERSION,
        "tool": {"name": "planlint", "version": __version__},
        "old": plan(diff.old),
        "new": plan(diff.new),
        "score_change": diff.new.score - diff.old.score,
        "worse": diff.worse,
        "concepts": [
            {
                "id": c.concept_id,
                "name": pick(diff.new.pack.concept(c.concept_id).name, lang),
                "old": c.old.key,
                "new": c.new.key,
                "old_score": c.old_score,
                "new_score": c.new_score,
                "change": c.change,
                "exempt": c.exempt,
            }
            for c in diff.concepts
        ],
        "findings": {
            "added": [finding_dict(f, lang) for f in diff.added],
            "removed": [finding_dict(f, lang) for f in diff.removed],
        },
    }


def _finding_line(finding: Finding, lang: str, document: Document | None = None) -> str:
    place = where(finding.location, finding.section, lang, finding.block, document)
    label = severity_word(finding.severity, lang) + (f", {place}" if place else "")
    return f"{SEVERITY_SYMBOLS[finding.severity]} [{finding.rule}] {pick(finding.message, lang)} ({label})"


def _signed(n: int) -> str:
    return f"+{n}" if n > 0 else f"−{-n}" if n < 0 else "±0"
