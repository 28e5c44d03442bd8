"""SARIF 2.1.0 for code scanning (GitHub, Azure DevOps, IDEs): one run per rule pack, one result per finding.

A plan has no source lines, so the page, paragraph or section goes into the message and a logical location;
.txt and .md plans also get a region with the start line. Exempt findings carry an external suppression with
the written reason, and under --baseline every result has a baselineState. Each rule's helpUri is its file in
the rule pack, where its documentation and examples are (the same text as `planlint explain RULE` and `help`).
"""

from __future__ import annotations

import os
from importlib import metadata
from pathlib import Path
from typing import Any
from urllib.parse import quote

from planlint import __version__
from planlint.i18n import Catalog, pick
from planlint.inert import inert_json
from planlint.reporters.labels import where
from planlint.result import Finding, PlanResult, RunResult, Severity
from planlint.rulepack.docs import explain_rule
from planlint.rulepack.pack import Pack, RuleSpec

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
SRCROOT = "%SRCROOT%"
LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}
T = Catalog(
    {
        "place": ("Plats: {place}.", "Place: {place}."),
    }
)


def render(outcome: RunResult, lang: str) -> str:
    return inert_json(sarif_log(outcome, lang))


def sarif_log(outcome: RunResult, lang: str) -> dict:
    packs: dict[tuple[str, str], list[PlanResult]] = {}
    for result in outcome.results:
        packs.setdefault((result.pack.name, result.pack.version), []).append(result)
    runs = [_run(results[0].pack, results, outcome, lang) for results in packs.values()] or [
        _run(None, [], outcome, lang)
    ]
    runs[0]["invocations"] = [_invocation(outcome, lang)]
    return {"$schema": SCHEMA, "version": "2.1.0", "runs": runs}


def artifact_path(path: Path) -> str | None:
    """A plan's path relative to the working directory (the repository root in CI), or None when outside it."""
    relative = os.path.relpath(path.resolve(), Path.cwd().resolve())
    return None if relative.startswith("..") else Path(relative).as_posix()


def _run(pack: Pack | None, results: list[PlanResult], outcome: RunResult, lang: str) -> dict:
    rules = list(pack.rules) if pack else []
    index = {rule.id: i for i, rule in enumerate(rules)}
    driver: dict[str, Any] = {
        "name": "planlint",
        "version": __version__,
        "semanticVersion": __version__,
        "rules": [_rule(rule, pack, lang) for rule in rules] if pack else [],
    }
    if homepage := _homepage():
        driver["informationUri"] = homepage
    if pack:
        driver["properties"] = {"pack": {"name": pack.name, "version": pack.version}}
    return {
        "tool": {"driver": driver},
        "originalUriBaseIds": {SRCROOT: {"uri": Path.cwd().resolve().as_uri() + "/"}},
        "results": [_result(f, r, index, outcome, lang) for r in results for f in r.findings],
        "columnKind": "unicodeCodePoints",
    }


def _rule(rule: RuleSpec, pack: Pack, lang: str) -> dict:
    docs = pick(rule.docs, lang)
    return {
        "id": rule.id,
        "shortDescription": {"text": docs.split(". ")[0].rstrip(".") + "."},
        "fullDescription": {"text": docs},
        "help": {"text": explain_rule(rule, pack, lang)},
        "helpUri": rule.source.resolve().as_uri(),
        "defaultConfiguration": {"level": LEVELS[Severity.parse(rule.severity)]},
        "properties": {"kind": rule.extends, "tags": ["planlint", rule.extends]},
    }


def _result(finding: Finding, result: PlanResult, index: dict[str, int], outcome: RunResult, lang: str) -> dict:
    place = where(finding.location, finding.section, lang, finding.block, result.document)
    text = pick(finding.message, lang).rstrip()
    text = text if text.endswith((".", "!", "?")) else text + "."
    data = {
        "ruleId": finding.rule,
        "ruleIndex": index[finding.rule],
        "level": LEVELS[finding.severity],
        "message": {"text": f"{text} {T('place', lang, place=place)}" if place else text},
        "locations": [_location(finding, result, lang)],
        "partialFingerprints": {"planlint/v1": finding.fingerprint},
    }
    if finding.suppressed:
        data["suppressions"] = [{"kind": "external", "status": "accepted", "justification": finding.suppression}]
    if outcome.baseline is not None:
        data["baselineState"] = "unchanged" if finding.baselined else "new"
    return data


def _location(finding: Finding, result: PlanResult, lang: str) -> dict:
    physical = {"artifactLocation": _artifact(result.document.path)}
    if finding.location is not None and finding.location.line is not None:
        physical["region"] = {"startLine": finding.location.line}
    logical = []
    if finding.section:
        logical.append(
            {"name": finding.section[-1], "fullyQualifiedName": " > ".join(finding.section), "kind": "module"}
        )
    if finding.concept:
        logical.append(
            {
                "name": finding.concept,
                "fullyQualifiedName": pick(result.pack.concept(finding.concept).name, lang),
                "kind": "member",
            }
        )
    location: dict[str, Any] = {"physicalLocation": physical}
    if logical:
        location["logicalLocations"] = logical
    return location


def _artifact(path: Path) -> dict:
    relative = artifact_path(path)
    if relative is None:
        return {"uri": path.resolve().as_uri()}
    return {"uri": quote(os.fsencode(relative)), "uriBaseId": SRCROOT}


def _invocation(outcome: RunResult, lang: str) -> dict:
    notifications = []
    for error in outcome.errors:
        notification: dict[str, Any] = {
            "level": "error",
            "message": {"text": error.message(lang)},
            "descriptor": {"id": error.key},
        }
        if error.path is not None:
            notification["locations"] = [{"physicalLocation": {"artifactLocation": _artifact(error.path)}}]
        notifications.append(notification)
    return {
        "executionSuccessful": not outcome.errors,
        "exitCode": outcome.exit_code(),
        "toolExecutionNotifications": notifications,
    }


def _homepage() -> str | None:
    """The project's home page from the package metadata ([project.urls] in pyproject.toml), if it has one."""
    try:
        urls = metadata.metadata("planlint").get_all("Project-URL") or []
    except metadata.PackageNotFoundError:
        return None
    return next((url.split(",", 1)[1].strip() for url in urls if "," in url), None)
