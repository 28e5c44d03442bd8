"""`planlint rules` lists the rules and concepts of the pack; `planlint explain ID` explains one."""

from __future__ import annotations

from pathlib import Path

import click

from planlint.checks import validate_rules
from planlint.cli.options import error, fail, lang_option
from planlint.errors import PlanlintError
from planlint.i18n import Catalog, pick
from planlint.names import did_you_mean, resolve
from planlint.reporters.labels import severity_word
from planlint.result import Severity
from planlint.rulepack.docs import explain_concept, explain_rule, first_sentence
from planlint.rulepack.pack import Pack, load_pack

T = Catalog(
    {
        "pack": ("Regelpaket {name} {version}: {title}", "Rule pack {name} {version}: {title}"),
        "rules": ("Regler", "Rules"),
        "concepts": ("Begrepp", "Concepts"),
        "unknown": (
            "'{id}' är varken en regel eller ett begrepp i regelpaketet.{hint} Se `planlint rules`.",
            "'{id}' is neither a rule nor a concept of the rule pack.{hint} See `planlint rules`.",
        ),
    }
)


def _pack(rules: Path | None, lang: str) -> Pack:
    try:
        return validate_rules(load_pack(rules))
    except PlanlintError as problem:
        fail(problem, lang)


@click.command("rules")
@click.option("--rules", type=click.Path(path_type=Path), help="Ett annat regelpaket.")
@lang_option
def list_rules(rules: Path | None, lang: str) -> None:
    """Lista regelpaketets regler och begrepp."""
    pack = _pack(rules, lang)
    lines = [T("pack", lang, name=pack.name, version=pack.version, title=pick(pack.title, lang)), "", T("rules", lang)]
    width = max(len(r.id) for r in pack.rules)
    for rule in pack.rules:
        severity = severity_word(Severity.parse(rule.severity), lang)
        lines.append(f"  {rule.id:<{width}}  {severity:<8} {first_sentence(pick(rule.docs, lang))}")
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
    known = [r.id for r in pack.rules] + [c.id for c in pack.concepts]
    found = resolve(identifier, known)
    if found is None:
        hint = did_you_mean(identifier, known)[lang == "en"]
        error(T("unknown", lang, id=identifier, hint=hint), lang)
        raise SystemExit(2)
    rule = pack.rule(found)
    click.echo(explain_rule(rule, pack, lang) if rule is not None else explain_concept(pack, found, lang))


COMMANDS = [list_rules, explain]
