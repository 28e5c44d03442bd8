"""Check kinds: the code behind rules. A rule instance in the pack (`extends: coverage`) names its kind.

Each kind module has `validate(fields, options)`, called when the pack is loaded, and
`check(context, rule)`, which yields Findings.
"""

from __future__ import annotations

from dataclasses import dataclass

from planlint.analysis.evidence import Analysis
from planlint.checks import coverage, reference, stale
from planlint.result import ConceptResult
from planlint.rulepack.pack import Pack

KINDS = {"coverage": coverage, "reference": reference, "stale": stale}


@dataclass(slots=True)
class CheckContext:
    analysis: Analysis
    pack: Pack
    concepts: dict[str, ConceptResult]
