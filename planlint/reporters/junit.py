"""JUnit XML for CI test reports (GitLab, Jenkins, Azure DevOps): a test suite per plan, a test case per concept
and per plan-level rule, failing when a finding counts toward the exit status; an unreadable plan is an error."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from planlint.document.model import Document
from planlint.i18n import Catalog, pick
from planlint.inert import visible
from planlint.reporters import labels
from planlint.reporters.labels import severity_word, status_word, where
from planlint.result import Finding, PlanResult, RunResult

T = Catalog(
    {
        "read": ("läsa planen", "read the plan"),
        "status": ("Status: {status}, poäng {score}/100.", "Status: {status}, score {score}/100."),
    }
)


def render(outcome: RunResult, lang: str) -> str:
    root = ET.Element("testsuites", name="planlint")
    for result in outcome.results:
        root.append(_suite(result, outcome, lang))
    for error in outcome.errors:
        name = str(error.path) if error.path else "planlint"
        suite = ET.SubElement(root, "testsuite", name=name)
        case = ET.SubElement(suite, "testcase", classname=name, name=T("read", lang))
        ET.SubElement(case, "error", message=error.message(lang), type=error.key)
    _count(root)
    _make_valid(root)
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode")


def _suite(result: PlanResult, outcome: RunResult, lang: str) -> ET.Element:
    path = str(result.document.path)
    suite = ET.Element("testsuite", name=path)
    for concept in result.concepts:
        case = ET.SubElement(suite, "testcase", classname=path, name=concept.concept_id)
        if concept.exempt:
            ET.SubElement(case, "skipped", message=labels.T("exempt_reason", lang, reason=concept.exempt))
            continue
        findings = [f for f in result.findings if f.concept == concept.concept_id]
        _outcome(
            case,
            findings,
            outcome,
            lang,
            T("status", lang, status=status_word(concept.status, lang), score=concept.score),
            result.document,
        )
    for rule in result.pack.rules:
        if rule.extends != "coverage":
            case = ET.SubElement(suite, "testcase", classname=path, name=rule.id)
            _outcome(case, [f for f in result.findings if f.rule == rule.id], outcome, lang, "", result.document)
    return suite


def _outcome(
    case: ET.Element,
    findings: list[Finding],
    outcome: RunResult,
    lang: str,
    note: str,
    document: Document | None = None,
) -> None:
    """A failure for the findings that count; the rest of them, and `note`, as the case's output."""
    failing = [f for f in findings if outcome.counts(f)]
    if failing:
        failure = ET.SubElement(case, "failure", message=pick(failing[0].message, lang), type=failing[0].rule)
        failure.text = "\n\n".join(_details(f, lang, document) for f in failing)
    rest = [_details(f, lang, document) for f in findings if not outcome.counts(f) and not f.suppressed]
    if note or rest:
        ET.SubElement(case, "system-out").text = "\n\n".join(filter(None, [note, *rest]))


def _details(finding: Finding, lang: str, document: Document | None = None) -> str:
    place = where(finding.location, finding.section, lang, finding.block, document)
    label = severity_word(finding.severity, lang) + (f", {labels.T('known', lang)}" if finding.baselined else "")
    lines = [f"[{finding.rule}] {pick(finding.message, lang)} ({label}{', ' + place if place else ''})"]
    if finding.suggestion:
        lines.append(labels.T("suggestion", lang, text=pick(finding.suggestion, lang)))
    return "\n".join(lines)


def _make_valid(root: ET.Element) -> None:
    """Every text and attribute shown without the characters XML forbids (controls, U+FFFE, U+FFFF) or bidi
    controls, line by line."""

    def clean(text: str) -> str:
        return "\n".join(visible(line) for line in text.split("\n"))

    for element in root.iter():
        element.attrib.update({key: clean(value) for key, value in element.attrib.items()})
        if element.text:
            element.text = clean(element.text)


def _count(root: ET.Element) -> None:
    """The tests/failures/errors/skipped totals on every suite and on the root."""
    totals = dict.fromkeys(("tests", "failures", "errors", "skipped"), 0)
    for suite in root:
        cases = suite.findall("testcase")
        counts = {
            "tests": len(cases),
            "failures": sum(1 for c in cases if c.find("failure") is not None),
            "errors": sum(1 for c in cases if c.find("error") is not None),
            "skipped": sum(1 for c in cases if c.find("skipped") is not None),
        }
        for key, value in counts.items():
            suite.set(key, str(value))
            totals[key] += value
    for key, value in totals.items():
        root.set(key, str(value))
