"""Kind `stale`: a paragraph that presents an out-of-date goal as current. A paragraph with a history word
("avslutades", "förra", "tidigare") speaks of it as history and is not reported."""

from __future__ import annotations

from collections.abc import Iterator

from planlint.analysis.phrases import PhraseSet, WordSet, is_glob
from planlint.checks.kind import MESSAGE, PATTERNS, PHRASES, CheckContext, Option, Report
from planlint.rulepack.pack import RuleSpec


class Stale:
    name = "stale"
    doc = (
        "ett stycke som framställer ett inaktuellt mål som gällande; ett historikord i stycket (avslutades, "
        "förra …) gör det godkänt",
        "a paragraph that presents an out-of-date goal as current; a history word in the paragraph (ended, "
        "previous …) makes it pass",
    )
    options: tuple[Option, ...] = (
        Option(
            "patterns",
            PATTERNS,
            ("det inaktuella målet: fraser, eller ord som alla ska finnas", "the out-of-date goal"),
            required=True,
        ),
        Option("history", PHRASES, ("ord som visar att stycket talar om historia", "words that speak of history")),
        Option("suggestion", MESSAGE, ("vad planen kan skriva i stället", "what the plan can say instead")),
    )

    def check(self, context: CheckContext, rule: RuleSpec) -> Iterator[Report]:
        patterns = rule.options["patterns"]
        texts = [p for p in patterns if isinstance(p, str)]
        # each group's plain words before its globs: all must be there, and a plain word is told at once
        groups = [sorted(p["all"], key=is_glob) for p in patterns if isinstance(p, dict)]
        if not context.may_occur(texts) and not any(all(context.may_occur([w]) for w in g) for g in groups):
            return
        phrases = PhraseSet(texts)
        together = [[WordSet([w.lower()]) for w in group] for group in groups]
        history = PhraseSet(rule.options.get("history", []))
        for block, sentences in zip(context.analysis.document.blocks, context.analysis.sentences):
            stale = next((s for s in sentences if _matches(s.words, phrases, together)), None)
            if stale is None or any(history.any_in(s.words) for s in sentences):
                continue
            yield Report(
                {lang: text.format(quote=stale.text) for lang, text in rule.message.items()},
                block=block.index,
                location=block.location,
                section=block.section,
                quote=stale.text,
                suggestion=rule.options.get("suggestion"),
            )


def _matches(words: list[str], phrases: PhraseSet, together: list[list[WordSet]]) -> bool:
    return phrases.any_in(words) or any(all(ws.any_in(words) for ws in group) for group in together)


KIND = Stale()
