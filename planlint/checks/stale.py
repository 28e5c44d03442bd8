"""Kind `stale`: a paragraph that presents an out-of-date goal as current. A paragraph with a history word
("avslutades", "förra", "tidigare") speaks of it as history and is not reported."""

from __future__ import annotations

from collections.abc import Iterator

from planlint.analysis.phrases import PhraseSet, WordSet
from planlint.result import Finding, Severity


def validate(fields, options: dict) -> None:
    patterns = options.get("patterns")
    if not isinstance(patterns, list) or not patterns:
        fields.fail(
            "patterns", "måste vara en lista med fraser eller {all: [...]}", "must be a list of phrases or {all: [...]}"
        )
    for i, p in enumerate(patterns):
        if not (isinstance(p, str) or (isinstance(p, dict) and isinstance(p.get("all"), list))):
            fields.fail(f"patterns[{i}]", "måste vara en fras eller {all: [...]}", "must be a phrase or {all: [...]}")
    if not isinstance(options.get("history", []), list):
        fields.fail("history", "måste vara en lista", "must be a list")


def check(context, rule) -> Iterator[Finding]:
    phrases = PhraseSet([p for p in rule.options["patterns"] if isinstance(p, str)])
    together = [[WordSet([w.lower()]) for w in p["all"]] for p in rule.options["patterns"] if isinstance(p, dict)]
    history = PhraseSet(rule.options.get("history", []))
    severity = Severity.parse(rule.severity)
    for block, sentences in zip(context.analysis.document.blocks, context.analysis.sentences):
        stale = next((s for s in sentences if _matches(s.words, phrases, together)), None)
        if stale is None or any(history.any_in(s.words) for s in sentences):
            continue
        yield Finding(
            rule.id,
            severity,
            {lang: text.format(quote=stale.text) for lang, text in rule.message.items()},
            block=block.index,
            location=block.location,
            section=block.section,
            quote=stale.text,
            suggestion=rule.options.get("suggestion"),
        )


def _matches(words: list[str], phrases: PhraseSet, together: list[list[WordSet]]) -> bool:
    return phrases.any_in(words) or any(all(any(w in ws for w in words) for ws in group) for group in together)
