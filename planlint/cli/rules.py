"""`planlint rules` lists the rules and concepts of the pack; `planlint explain ID` explains one."""

from __future__ import annotations

import textwrap
from pathlib import Path

import click

from planlint.cli.options import fail, lang_option
from planlint.errors import PlanlintError
from planlint.i18n import Catalog, pick
from planlint.rulepack.pack import Pack, RuleSpec, load_pack

T = Catalog(
    {
        "pack": ("Regelpaket {name} {version}: {title}", "Rule pack {name} {version}: {title}"),
        "rules": ("Regler", "Rules"),
        "concepts": ("Begrepp", "Concepts"),
        "unknown": (
            "'{id}' är varken en regel eller ett begrepp i regelpaketet. Se `planlint rules`.",
            "'{id}' is neither a rule nor a concept of the rule pack. See `planlint rules`.",
        ),
        "kind": (
            "Sort: {kind}   Allvarlighetsgrad: {severity}   Fil: {source}",
            "Kind: {kind}   Severity: {severity}   File: {source}",
        ),
        "pass": ("Exempel som klarar regeln:", "Example that passes:"),
        "fail": ("Exempel som inte klarar regeln:", "Example that fails:"),
        "concept_for": ("(gäller begreppet {concept})", "(for the concept {concept})"),
        "framework": ("Del av: {parts}", "Part of: {parts}"),
        "terms": ("Ordförråd (urval): {terms}", "Vocabulary (selection): {terms}"),
        "gap": ("När det saknas:", "When it is missing:"),
    }
)
FRAMEWORK_NAMES = {
    "malbild": ("målbild 2027", "målbild 2027"),
    "inriktning": ("inriktningar 2023–2026", "directions 2023–2026"),
}
WIDTH = 100


def _pack(rules: Path | None, lang: str) -> Pack:
    try:
        return load_pack(rules)
    except PlanlintError as error:
        fail(error, lang)


@click.command("rules")
@click.option("--rules", type=click.Path(path_type=Path), help="Ett annat regelpaket.")
@lang_option
def list_rules(rules: Path | None, lang: str) -> None:
    """Lista regelpaketets regler och begrepp."""
    pack = _pack(rules, lang)
    lines = [T("pack", lang, name=pack.name, version=pack.version, title=pick(pack.title, lang)), "", T("rules", lang)]
    width = max(len(r.id) for r in pack.rules)
    for rule in pack.rules:
        lines.append(f"  {rule.id:<{width}}  {rule.severity:<8} {_first_sentence(pick(rule.docs, lang))}")
    lines += ["", T("concepts", lang)]
    width = max(len(c.id) for c in pack.concepts)
    for concept in pack.concepts:
        lines.append(f"  {concept.id:<{width}}  {pick(concept.name, lang)}")
    click.echo("\n".join(lines))


@click.command()
@click.argument("identifier")
@click.option("--rules", type=click.Path(path_type=Path), help="Ett annat regelpaket.")
@lang_option
def explain(identifier: str, rules: Path | None, lang: str) -> None:
    """Förklara en regel (eller ett begrepp) med exempel som klarar och inte klarar den."""
    pack = _pack(rules, lang)
    rule = pack.rule(identifier)
    if rule is not None:
        click.echo(explain_rule(rule, pack, lang))
    elif identifier in {c.id for c in pack.concepts}:
        click.echo(explain_concept(pack, identifier, lang))
    else:
        click.echo(f"planlint: {T('unknown', lang, id=identifier)}", err=True)
        raise SystemExit(2)


def explain_rule(rule: RuleSpec, pack: Pack, lang: str) -> str:
    """The help text of a rule, as `planlint explain` prints it and SARIF carries it."""
    lines = [
        rule.id,
        T("kind", lang, kind=rule.extends, severity=rule.severity, source=rule.source.name),
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
    return "\n".join(lines)


def explain_concept(pack: Pack, concept_id: str, lang: str) -> str:
    concept = pack.concept(concept_id)
    parts = ", ".join(pick(dict(zip(("sv", "en"), FRAMEWORK_NAMES[p])), lang) for p in concept.framework)
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
    )


def _first_sentence(text: str) -> str:
    return text.split(". ")[0].rstrip(".") + "."


def _fill(text: str, indent: str = "") -> str:
    return textwrap.fill(text, WIDTH, initial_indent=indent, subsequent_indent=indent, break_on_hyphens=False)


COMMANDS = [list_rules, explain]
