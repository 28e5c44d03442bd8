"""Check a document against a rule pack: analysis, concept statuses, rule findings and configuration.

As in yamllint's linter, the kinds only report what they see; the engine stamps every finding with the rule's
id, its effective severity (the configuration's, else the rule's) and the exemption that applies to it.
"""

from __future__ import annotations

from dataclasses import fields

from planlint.analysis.depth import precision
from planlint.analysis.evidence import analyze
from planlint.analysis.matching import ConceptIndex
from planlint.checks import KINDS, validate_rules
from planlint.checks.kind import CheckContext, Report
from planlint.document.model import Document
from planlint.project.config import Config, check_against_pack
from planlint.result import (
    ConceptResult,
    Evidence,
    Finding,
    PlanResult,
    Reason,
    Severity,
    Status,
    evidence_rank,
    overall_score,
)
from planlint.rulepack.lexicon import load_forms
from planlint.rulepack.pack import Pack, RuleSpec


class Engine:
    """A pack compiled for matching; check any number of documents with it."""

    def __init__(self, pack: Pack) -> None:
        self.pack = validate_rules(pack)
        self.index = ConceptIndex(pack, load_forms(pack.root, pack.lemmas))

    def check(self, document: Document, config: Config | None = None) -> PlanResult:
        config = config or Config()
        config = check_against_pack(config, {r.id for r in self.pack.rules}, {c.id for c in self.pack.concepts})
        analysis = analyze(document, self.pack, self.index)
        concepts = {c.id: self._concept_result(c.id, analysis.evidence[c.id], config) for c in self.pack.concepts}
        context = CheckContext(analysis, self.pack, concepts)
        findings = [
            stamp(report, rule, config)
            for rule in self.active_rules(config)
            for report in KINDS[rule.extends].check(context, rule)
        ]
        return PlanResult(
            document, self.pack, list(concepts.values()), findings, overall_score(concepts.values()), config
        )

    def active_rules(self, config: Config) -> list[RuleSpec]:
        return [
            r for r in self.pack.rules if (not config.select or r.id in config.select) and r.id not in config.ignore
        ]

    def _concept_result(self, concept_id: str, evidence: list[Evidence], config: Config) -> ConceptResult:
        counted = [e for e in evidence if e.counts]
        status = Status(max(e.status for e in counted)) if counted else Status.SAKNAS
        return ConceptResult(
            concept_id,
            status,
            self.pack.status_scores[status.key],
            evidence,
            config.exempt.get(concept_id),
            reason=_reason(status, counted, evidence),
        )


def _reason(status: Status, counted: list[Evidence], evidence: list[Evidence]) -> Reason | None:
    """Why the part does not reach the next status: for a commitment, the most precise reason among its
    passages (an indicator still to come before a missing measure); for a mention, that of the passage quoted;
    for a missing part, whether the plan only names it in the negative."""
    if status is Status.UPPFOLJD:
        return None
    if status is Status.SAKNAS:
        return Reason("only_negated" if evidence else "absent")
    at_status = sorted((e for e in counted if e.status is status and e.reason), key=evidence_rank, reverse=True)
    if status is Status.KONKRETISERAD:
        at_status.sort(key=lambda e: precision(e.reason), reverse=True)
    return at_status[0].reason if at_status else None


def stamp(report: Report, rule: RuleSpec, config: Config) -> Finding:
    """A kind's report as a finding of `rule`: its id, the effective severity, and the written reason of the
    exemption of its concept or of the rule itself, if the configuration has one."""
    severity = Severity.parse(config.severity.get(rule.id, rule.severity))
    exemption = config.exempt.get(report.concept or "") or config.exempt.get(rule.id)
    reported = {f.name: getattr(report, f.name) for f in fields(report)}
    return Finding(rule.id, severity, suppression=exemption, **reported)
