"""The JSON report: one object with a file entry per plan (the contract in the README), and the errors."""

from __future__ import annotations

from planlint import __version__
from planlint.i18n import pick
from planlint.inert import inert_json
from planlint.reporters.labels import plan_organisation
from planlint.reporters.why import reason_text, why_dict
from planlint.result import Evidence, Finding, PlanResult, RunResult

SCHEMA_VERSION = 1


def evidence_dict(e: Evidence, lang: str = "sv") -> dict:
    data = {
        "block": e.block,
        "text": e.sentence,
        "negated": e.negated,
        "hedged": e.hedged,
        "status": e.status.key,
        "terms": e.terms,
        "start": e.start,
        "end": e.end,
        "section": list(e.section),
        "location": {"block": e.block, **e.location.as_dict()},
        "reason": None
        if e.reason is None
        else {"key": e.reason.key, "detail": e.reason.detail, "text": reason_text(e.reason, lang)},
    }
    if e.location.page is not None:
        data["page"] = e.location.page
    return data


def finding_dict(f: Finding, lang: str) -> dict:
    location = {"block": f.block, **f.location.as_dict()} if f.location is not None else {}
    return {
        "rule": f.rule,
        "severity": f.severity.key,
        "message": pick(f.message, lang),
        "concept": f.concept,
        "location": location,
        "section": list(f.section),
        "quote": f.quote,
        "suggestion": pick(f.suggestion, lang) if f.suggestion else None,
        "suppressed": f.suppression,
        "baselined": f.baselined,
        "fingerprint": f.fingerprint,
    }


def file_dict(result: PlanResult, lang: str) -> dict:
    doc, pack = result.document, result.pack
    return {
        "path": str(doc.path),
        "format": doc.format,
        "title": doc.title,
        "organisation": plan_organisation(result),
        "period": doc.period,
        "pages": doc.pages,
        "blocks": doc.block_count,
        "words": doc.word_count,
        "pack": {"name": pack.name, "version": pack.version},
        "score": result.score,
        "concepts": [
            {
                "id": c.concept_id,
                "name": pick(pack.concept(c.concept_id).name, lang),
                "framework": list(pack.concept(c.concept_id).framework),
                "status": c.status.key,
                "score": c.score,
                "exempt": c.exempt,
                "why": why_dict(c, lang),
                "evidence": [evidence_dict(e, lang) for e in c.evidence],
            }
            for c in result.concepts
        ],
        "findings": [finding_dict(f, lang) for f in result.findings],
    }


def report_dict(outcome: RunResult, lang: str) -> dict:
    return {
        "version": SCHEMA_VERSION,
        "tool": {"name": "planlint", "version": __version__},
        "files": [file_dict(r, lang) for r in outcome.results],
        "errors": [
            {"path": str(e.path) if e.path else None, "code": e.key, "message": e.message(lang)} for e in outcome.errors
        ],
        "baseline": str(outcome.baseline.path) if outcome.baseline else None,
        "summary": {
            "plans": len(outcome.results),
            "errors": len(outcome.errors),
            "findings": sum(1 for r in outcome.results for f in r.findings if not f.suppressed),
            "baselined": sum(1 for r in outcome.results for f in r.findings if f.baselined),
            "fail_on": outcome.fail_on,
            "exit_code": outcome.exit_code(),
        },
    }


def render(outcome: RunResult, lang: str) -> str:
    return inert_json(report_dict(outcome, lang))
