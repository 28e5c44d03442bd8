"""Check a document against a rule pack: analysis, concept statuses, rule findings and configuration."""

from __future__ import annotations

from planlint.analysis.evidence import analyze
from planlint.analysis.matching import ConceptIndex
from planlint.checks import KINDS, CheckContext
from planlint.document.model import Document
from planlint.project.config import Config, check_against_pack
from planlint.result import ConceptResult, PlanResult, Severity, Status
from planlint.rulepack.lexicon import load_forms
from planlint.rulepack.pack import Pack, RuleSpec


class Engine:
    """A pack compiled for matching; check any number of documents with it."""

    def __init__(self, pack: Pack) -> None:
        self.pack = pack
        self.index = ConceptIndex(pack, load_forms(pack.root, pack.lemmas))

    def check(self, document: Document, config: Config | None = None) -> PlanResult:
        config = config or Config()
        config = check_against_pack(config, {r.id for r in self.pack.rules}, {c.id for c in self.pack.concepts})
        analysis = analyze(document, self.pack, self.index)
        concepts = {c.id: self._concept_result(c.id, analysis.evidence[c.id], config) for c in self.pack.concepts}
        context = CheckContext(analysis, self.pack, concepts)
        findings = []
        for rule in self.active_rules(config):
            for finding in KINDS[rule.extends].check(context, rule):
                if rule.id in config.severity:
                    finding.severity = Severity.parse(config.severity[rule.id])
                findings.append(finding)
        scored = [c for c in concepts.values() if c.exempt is None]
        score = round(sum(c.score for c in scored) / len(scored)) if scored else 100
        return PlanResult(document, self.pack, list(concepts.values()), findings, score)

    def active_rules(self, config: Config) -> list[RuleSpec]:
        return [
            r for r in self.pack.rules if (not config.select or r.id in config.select) and r.id not in config.ignore
        ]

    def _concept_result(self, concept_id: str, evidence, config: Config) -> ConceptResult:
        counted = [e.status for e in evidence if e.counts]
        status = Status(max(counted)) if counted else Status.SAKNAS
        return ConceptResult(
            concept_id, status, self.pack.status_scores[status.key], evidence, config.exempt.get(concept_id)
        )
