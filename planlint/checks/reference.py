"""Kind `reference`: the plan must name something (`require`), and, where `contribution` is given, say in
the same paragraph how the service contributes to it."""

from __future__ import annotations

from collections.abc import Iterator

from planlint.analysis.phrases import PhraseSet
from planlint.result import Finding, Severity


def validate(fields, options: dict) -> None:
    for key in ("require", "contribution", "unless_sentence"):
        value = options.get(key, [])
        if (
            not isinstance(value, list)
            or not all(isinstance(v, str) for v in value)
            or (key == "require" and not value)
        ):
            fields.fail(key, "måste vara en lista med ord eller fraser", "must be a list of words or phrases")
    if options.get("contribution") and not isinstance(options.get("message_weak"), dict):
        fields.fail("message_weak", "behövs när contribution anges", "is needed when contribution is given")


def check(context, rule) -> Iterator[Finding]:
    require = PhraseSet(rule.options["require"])
    contribution = PhraseSet(rule.options["contribution"]) if rule.options.get("contribution") else None
    unless = PhraseSet(rule.options.get("unless_sentence", []))
    document = context.analysis.document
    named = []
    for block, sentences in zip(document.blocks, context.analysis.sentences):
        for sentence in sentences:
            if require.any_in(sentence.words) and not unless.any_in(sentence.words):
                named.append((block, sentences))
                break
    severity = Severity.parse(rule.severity)
    suggestion = rule.options.get("suggestion")
    if not named:
        yield Finding(rule.id, severity, dict(rule.message), suggestion=suggestion)
        return
    if contribution is not None and not any(
        any(contribution.any_in(s.words) for s in sentences) for _, sentences in named
    ):
        block = named[0][0]
        yield Finding(
            rule.id,
            severity,
            dict(rule.options["message_weak"]),
            block=block.index,
            location=block.location,
            section=block.section,
            quote=block.text,
            suggestion=suggestion,
        )
