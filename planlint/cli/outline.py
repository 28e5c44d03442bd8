"""`planlint outline PLAN`: how planlint read a plan."""

from __future__ import annotations

from pathlib import Path

import click

from planlint.cli.options import fail, lang_option
from planlint.document.reader import read_plan
from planlint.errors import PlanlintError
from planlint.inert import inert_json


@click.command()
@click.argument("plan", type=click.Path(path_type=Path))
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@lang_option
def outline(plan: Path, fmt: str, lang: str) -> None:
    """Visa hur planlint läste PLAN: avsnitten och varje textblock med sort och plats."""
    from planlint.reporters.outline import render_outline

    try:
        document = read_plan(plan)
    except PlanlintError as problem:
        fail(problem, lang)
    if fmt == "json":
        click.echo(inert_json(document.as_dict()))
    else:
        click.echo(render_outline(document, lang))


COMMANDS = [outline]
