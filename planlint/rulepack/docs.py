"""A rule pack's own documentation in words: a rule with its passing and failing example, a concept with its
vocabulary; `planlint explain` prints it and SARIF carries it."""

from __future__ import annotations

import textwrap

from planlint.i18n import Catalog, pick
from planlint.reporters.labels import severity_word
from planlint.result import Severity
from planlint.rulepack.pack import Concept, Pack, RuleSpec

T = Catalog(
    {
        "kind": (
            "Sort: {kind}   Allvarlighetsgrad: {severity}   Fil: {source}",
            "Kind: {kind}   Severity: {severity}   File: {source}",
        ),
        "principles": ("Exempel, en princip i taget:", "Examples, one principle at a time:"),
        "passes": ("klarar regeln", "passes"),
        "fails": ("klarar inte regeln", "fails"),
        "under": (", under rubriken »{headings}«", ", under the heading “{headings}”"),
        "pass": ("Exempel som klarar regeln:", "Example that passes:"),
        "fail": ("Exempel som inte klarar regeln:", "Example that fails:"),
        "concept_for": ("(gäller begreppet {concept})", "(for the concept {concept})"),
        "framework": ("Del av: {parts}", "Part of: {parts}"),
        "terms": ("Ordförråd (urval): {terms}", "Vocabulary (selection): {terms}"),
        "gap": ("När det saknas:", "When it is missing:"),
        "counts": ("Exempel som räknas:", "Examples that count:"),
        "not": ("Exempel som inte räknas:", "Examples that do not count:"),
    }
)
WIDTH = 100


def explain_rule(rule: RuleSpec, pack: Pack, lang: str) -> str:
    """The help text of a rule, as `planlint explain` prints it and SARIF carries it."""
    lines = [
        rule.id,
        T(
            "kind",
            lang,
            kind=rule.extends,
            severity=severity_word(Severity.parse(rule.severity), lang),
            source=rule.source.name,
        ),
        "",
        _fill(pick(rule.docs, lang)),
        "",
    ]
    concept = rule.docs.get("example_concept")
    note = f" {T('concept_for', lang, concept=pick(pack.concept(concept).name, lang))}" if concept else ""
    lines += [
        T("pass", lang) + note,
        _fill(rule.docs["pass"], "    "),
        "",
        T("fail", lang) + note,
        _fill(rule.docs["fail"], "    "),
    ]
    return "\n".join(lines + _rule_examples(rule, pack, lang))


def _rule_examples(rule: RuleSpec, pack: Pack, lang: str) -> list[str]:
    """A rule's examples, one per principle: the passage, under its headings, whether it passes, and why."""
    lines = ["", T("principles", lang)] if rule.examples else []
    for example in rule.examples:
        mark = T("passes" if example.passes else "fails", lang)
        concept = pick(pack.concept(example.concept).name, lang)
        under = T("under", lang, headings=" › ".join(example.headings)) if example.headings else ""
        text = f"{mark} ({concept}{under}): {example.text} – {pick(example.why, lang)}"
        lines.append(
            textwrap.fill(text, WIDTH, initial_indent="  - ", subsequent_indent="    ", break_on_hyphens=False)
        )
    return lines


def explain_concept(pack: Pack, concept_id: str, lang: str) -> str:
    concept = pack.concept(concept_id)
    parts = ", ".join(pick(pack.frameworks[p], lang) for p in concept.framework)
    terms = ", ".join(dict.fromkeys(t.value for t in concept.terms if t.weight >= 1))
    return "\n".join(
        [
            f"{concept.id}: {pick(concept.name, lang)}",
            T("framework", lang, parts=parts),
            "",
            _fill(pick(concept.description, lang)),
            "",
            _fill(T("terms", lang, terms=terms)),
            "",
            T("gap", lang),
            _fill(pick(concept.gap, lang), "    "),
        ]
        + _examples(concept, lang)
    )


def _examples(concept: Concept, lang: str) -> list[str]:
    """A concept's examples, those that count first, each that does not with the reason."""
    lines = []
    for counts, title in ((True, "counts"), (False, "not")):
        examples = [e for e in concept.examples if e.counts is counts]
        if examples:
            lines += ["", T(title, lang)]
            for example in examples:
                why = f" ({pick(example.why, lang)})" if example.why else ""
                lines.append(
                    textwrap.fill(
                        f"- {example.text}{why}",
                        WIDTH,
                        initial_indent="    ",
                        subsequent_indent="      ",
                        break_on_hyphens=False,
                    )
                )
    return lines


def first_sentence(text: str) -> str:
    return text.split(". ")[0].rstrip(".") + "."


def _fill(text: str, indent: str = "") -> str:
    return textwrap.fill(text, WIDTH, initial_indent=indent, subsequent_indent=indent, break_on_hyphens=False)
