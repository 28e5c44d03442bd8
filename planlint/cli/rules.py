"""`planlint rules` lists the rules and concepts of the pack; `planlint explain ID` explains one."""

from __future__ import annotations

from pathlib import Path

import click

from planlint.cli.options import fail, lang_option
from planlint.errors import PlanlintError
from planlint.i18n import Catalog, pick
from planlint.rulepack.docs import explain_concept, explain_rule, first_sentence
from planlint.rulepack.pack import Pack, load_pack

T = Catalog(
    {
        "pack": ("Regelpaket {name} {version}: {title}", "Rule pack {name} {version}: {title}"),
        "rules": ("Regler", "Rules"),
        "concepts": ("Begrepp", "Concepts"),
        "unknown": (
            "'{id}' är varken en regel eller ett begrepp i regelpaketet. Se `planlint rules`.",
            "'{id}' is neither a rule nor a concept of the rule pack. See `planlint rules`.",
        ),
    }
)


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
        lines.append(f"  {rule.id:<{width}}  {rule.severity:<8} {first_sentence(pick(rule.docs, lang))}")
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


COMMANDS = [list_rules, explain]
