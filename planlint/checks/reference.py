"""Kind `reference`: the plan must name something (`require`), and, where `contribution` is given, say in
the same paragraph how the service contributes to it."""

from __future__ import annotations

from collections.abc import Iterator

from planlint.analysis.phrases import PhraseSet
from planlint.checks.kind import MESSAGE, PHRASES, CheckContext, Option, Report
from planlint.rulepack.pack import RuleSpec


class Reference:
    name = "reference"
    doc = (
        "planen ska nämna något (`require`) och, om `contribution` anges, i samma stycke säga hur verksamheten bidrar",
        "the plan must name something (`require`) and, where `contribution` is given, say in the same paragraph "
        "how the service contributes",
    )
    options: tuple[Option, ...] = (
        Option("require", PHRASES, ("det planen ska nämna", "what the plan must name"), required=True),
        Option(
            "contribution",
            PHRASES,
            ("ord som säger hur verksamheten bidrar, i samma stycke", "words saying how the service contributes"),
        ),
        Option(
            "unless_sentence",
            PHRASES,
            ("ord som gör att en mening inte räknas", "words that keep a sentence from counting"),
        ),
        Option(
            "message_weak",
            MESSAGE,
            ("meddelandet när bidraget saknas", "the message when the contribution is missing"),
            needed_with="contribution",
        ),
        Option("suggestion", MESSAGE, ("vad planen kan lägga till", "what the plan can add")),
    )

    def check(self, context: CheckContext, rule: RuleSpec) -> Iterator[Report]:
        require = PhraseSet(rule.options["require"])
        contribution = PhraseSet(rule.options["contribution"]) if rule.options.get("contribution") else None
        unless = PhraseSet(rule.options.get("unless_sentence", []))
        document = context.analysis.document
        named = []
        blocks = zip(document.blocks, context.analysis.sentences) if context.may_occur(rule.options["require"]) else ()
        for block, sentences in blocks:
            for sentence in sentences:
                if require.any_in(sentence.words) and not unless.any_in(sentence.words):
                    named.append((block, sentences))
                    break
        suggestion = rule.options.get("suggestion")
        if not named:
            yield Report(dict(rule.message), suggestion=suggestion)
            return
        if contribution is not None and not any(
            any(contribution.any_in(s.words) for s in sentences) for _, sentences in named
        ):
            block = named[0][0]
            yield Report(
                dict(rule.options["message_weak"]),
                block=block.index,
                location=block.location,
                section=block.section,
                quote=block.text,
                suggestion=suggestion,
            )


KIND = Reference()
