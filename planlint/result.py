"""What a check of one plan produces: per-concept coverage with evidence, findings, and the overall score."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from enum import IntEnum
from pathlib import Path
from typing import TYPE_CHECKING

from planlint.document.model import Document, Location
from planlint.errors import PlanlintError
from planlint.rulepack.pack import Pack

if TYPE_CHECKING:
    from planlint.project.baseline import Baseline
    from planlint.project.config import Config


class Status(IntEnum):
    """How far a plan as a whole carries a concept: the strongest evidence decides."""

    SAKNAS = 0
    NAMND = 1
    KONKRETISERAD = 2
    UPPFOLJD = 3

    @property
    def key(self) -> str:
        return self.name.lower()


class Severity(IntEnum):
    INFO = 0
    WARNING = 1
    ERROR = 2

    @property
    def key(self) -> str:
        return self.name.lower()

    @classmethod
    def parse(cls, text: str) -> Severity:
        return cls[text.upper()]


@dataclass(frozen=True, slots=True)
class Reason:
    """Why a passage, or a part of the plan, did not reach the next status: a key that the reports put in words
    (planlint.reporters.why) and the plan's own words it points at (a heading, a table cell), if any."""

    key: str
    detail: str | None = None


@dataclass(slots=True)
class Evidence:
    """A sentence of the plan that addresses a concept, with the words that matched."""

    concept: str
    block: int
    sentence: str  # the sentence quoted as evidence
    start: int  # offset of the sentence in the block text
    end: int
    terms: list[str]  # the words of the plan that matched, as written
    status: Status  # how concretely this passage carries the concept (never SAKNAS)
    section: tuple[str, ...]
    location: Location
    negated: bool = False
    hedged: bool = False
    weight: float = 1.0  # how much vocabulary the quoted sentence carries
    reason: Reason | None = None  # why this passage does not reach the next status (None when followed up)

    @property
    def counts(self) -> bool:
        return not self.negated


@dataclass(slots=True)
class ConceptResult:
    """How far a plan carries one concept, and the evidence for it."""

    concept_id: str
    status: Status
    score: int  # 0–100
    evidence: list[Evidence] = field(default_factory=list)
    exempt: str | None = None  # the written reason, when the configuration exempts the plan from this concept
    reason: Reason | None = None  # why the part does not reach the next status (None when followed up)

    @property
    def best(self) -> Evidence | None:
        """The strongest counted evidence (see `evidence_rank`)."""
        return max((e for e in self.evidence if e.counts), key=evidence_rank, default=None)

    def ranked(self) -> list[Evidence]:
        """The counted evidence, best first."""
        return sorted((e for e in self.evidence if e.counts), key=evidence_rank, reverse=True)


def evidence_rank(evidence: Evidence) -> tuple:
    """How to order evidence for quoting: the strongest, a sentence of running text before a table cell, the
    one with the most vocabulary, then the earliest."""
    return evidence.status, evidence.location.table is None, evidence.weight, -evidence.block


@dataclass(slots=True)
class Finding:
    """Something a rule reports about a plan."""

    rule: str
    severity: Severity
    message: dict[str, str]  # {"sv": …, "en": …}
    concept: str | None = None
    block: int | None = None
    location: Location | None = None
    section: tuple[str, ...] = ()
    quote: str | None = None  # the plan's own words the finding is about
    suggestion: dict[str, str] | None = None  # what to add, {"sv": …, "en": …}
    suppression: str | None = None  # why it does not count: the written reason of an exemption
    baselined: bool = False  # known from the baseline file: reported, but not counted in the exit status

    @property
    def suppressed(self) -> bool:
        return self.suppression is not None

    @property
    def fingerprint(self) -> str:
        """A stable identity across runs and edits, for baselines: `rule|concept|quoted words`.

        A finding about a concept is identified by rule and concept alone: its quote is the best evidence
        sentence, which changes whenever text is added or moved. A finding about a passage (an out-of-date goal)
        keeps its quoted words, lower case without punctuation, so that moving or re-wrapping it changes nothing.
        """
        if self.concept is not None:
            return f"{self.rule}|{self.concept}|"
        words = " ".join(re.findall(r"\w+", (self.quote or "").lower()))[:120]
        return f"{self.rule}||{words}"


def overall_score(concepts: Iterable[ConceptResult]) -> int:
    """A plan's score, 0–100: the mean of its concepts' scores, leaving out the exempt ones (100 with none left)."""
    scored = [c.score for c in concepts if c.exempt is None]
    return round(sum(scored) / len(scored)) if scored else 100


@dataclass(slots=True)
class PlanResult:
    document: Document
    pack: Pack
    concepts: list[ConceptResult]
    findings: list[Finding]
    score: int  # 0–100 over the concepts that are not exempt
    config: Config | None = None  # the plan's settings, resolved once, as the check applied them

    def concept(self, concept_id: str) -> ConceptResult:
        return next(c for c in self.concepts if c.concept_id == concept_id)


FAIL_LEVELS = {"error": Severity.ERROR, "warning": Severity.WARNING, "info": Severity.INFO, "never": None}


def strictest_fail_on(levels: list[str | None]) -> str:
    """The run's --fail-on when the command line gives none: the strictest level the plans' configurations set
    (info before warning before error before never), so that no plan's findings are let through by another
    plan's looser configuration, whatever the order of the plans; "error" when none sets one."""
    order = ("info", "warning", "error", "never")
    return min((level for level in levels if level is not None), key=order.index, default="error")


@dataclass
class RunResult:
    """What a run over many plans produces: each plan's result, the plans that could not be read, and how
    the exit status is decided."""

    results: list[PlanResult] = field(default_factory=list)
    errors: list[PlanlintError] = field(default_factory=list)
    fail_on: str = "error"
    baseline: Baseline | None = None  # the baseline applied, if any
    read: list[Path] = field(default_factory=list)  # configuration files, baseline and rule packs the run read

    def counts(self, finding: Finding) -> bool:
        """Whether a finding counts toward the exit status: not exempt, not known, at or above --fail-on."""
        level = FAIL_LEVELS[self.fail_on]
        return level is not None and not finding.suppressed and not finding.baselined and finding.severity >= level

    def inputs(self) -> tuple[Path, ...]:
        """The plan files this run read or tried to read."""
        return tuple(r.document.path for r in self.results) + tuple(e.path for e in self.errors if e.path)

    def reads(self) -> tuple[Path, ...]:
        """The other files and folders this run read: configuration, baseline, rule packs."""
        return tuple(self.read)

    def exit_code(self) -> int:
        """2 for any input error; else 1 when a counted finding reaches the failing severity; else 0."""
        if self.errors:
            return 2
        return 1 if any(self.counts(f) for r in self.results for f in r.findings) else 0
