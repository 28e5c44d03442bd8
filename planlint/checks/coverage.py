"""Kind `coverage`: a concept whose status is one of the rule's `when` statuses gets a finding with what to add."""

from __future__ import annotations

from collections.abc import Iterator

from planlint.checks.kind import STATUSES, CheckContext, Option, Report
from planlint.result import Status
from planlint.rulepack.pack import Concept, RuleSpec


class Coverage:
    name = "coverage"
    doc = (
        "ett begrepp vars status är en av `when` får en anmärkning med förslag",
        "a concept whose status is one of `when` gets a finding with suggestions",
    )
    options: tuple[Option, ...] = (
        Option("when", STATUSES, ("statusarna som ger en anmärkning", "the statuses that give a finding"), True),
    )

    def check(self, context: CheckContext, rule: RuleSpec) -> Iterator[Report]:
        when = {Status[w.upper()] for w in rule.options["when"]}
        for concept in context.pack.concepts:
            result = context.concepts[concept.id]
            if result.status not in when:
                continue
            best = result.best
            yield Report(
                message={
                    lang: text.format(concept=concept.name.get(lang, concept.name["sv"]))
                    for lang, text in rule.message.items()
                },
                concept=concept.id,
                block=best.block if best else None,
                location=best.location if best else None,
                section=best.section if best else (),
                quote=best.sentence if best else None,
                suggestion=_suggestion(concept),
            )


def _suggestion(concept: Concept) -> dict[str, str]:
    return {lang: " ".join([text, *concept.suggestions.get(lang, ())]) for lang, text in concept.gap.items()}


KIND = Coverage()
