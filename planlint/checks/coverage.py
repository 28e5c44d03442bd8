"""Kind `coverage`: a concept whose status is one of the rule's `when` statuses gets a finding with what to add."""

from __future__ import annotations

from collections.abc import Iterator

from planlint.result import Finding, Severity, Status

STATUS_KEYS = {s.key: s for s in Status}


def validate(fields, options: dict) -> None:
    when = options.get("when")
    if not isinstance(when, list) or not when or any(w not in STATUS_KEYS for w in when):
        fields.fail(
            "when",
            f"måste vara en lista med statusar ({', '.join(STATUS_KEYS)})",
            f"must be a list of statuses ({', '.join(STATUS_KEYS)})",
        )


def check(context, rule) -> Iterator[Finding]:
    when = {STATUS_KEYS[w] for w in rule.options["when"]}
    for concept in context.pack.concepts:
        result = context.concepts[concept.id]
        if result.status not in when:
            continue
        best = result.best
        yield Finding(
            rule=rule.id,
            severity=Severity.parse(rule.severity),
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
            suppression=result.exempt,
        )


def _suggestion(concept) -> dict[str, str]:
    return {lang: " ".join([text, *concept.suggestions.get(lang, ())]) for lang, text in concept.gap.items()}
