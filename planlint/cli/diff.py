"""`planlint diff OLD NEW`: what changed in coverage between two versions of a plan."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from planlint.cli.check import write_output
from planlint.cli.options import fail, lang_option, run_options
from planlint.errors import PlanlintError
from planlint.inert import inert_json, inert_lines


@click.command("diff")
@click.argument("old", type=click.Path(path_type=Path))
@click.argument("new", type=click.Path(path_type=Path))
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "json"]),
    default="text",
    show_default=True,
    help="Jämförelsens format.",
)
@click.option("-o", "--output", type=click.Path(path_type=Path, dir_okay=False), help="Skriv jämförelsen till FIL.")
@run_options
@lang_option
def diff(
    old: Path, new: Path, fmt: str, output: Path | None, rules: Path | None, config: Path | None, lang: str
) -> None:
    """Visa vad som ändrats i täckningen från FÖRRA till NY (till exempel förra årets plan och årets).

    Per begrepp status före och efter, poängen och vilka anmärkningar som tillkommit eller försvunnit.
    Slutstatus: 0 inget begrepp har blivit sämre, 1 minst ett har det, 2 fel i indata.
    """
    from planlint.project.diff import compare, diff_dict, render_text
    from planlint.project.runner import RunOptions, check_one

    options = RunOptions(rules=rules, config=config)
    try:
        change = compare(check_one(old, options), check_one(new, options))
    except PlanlintError as problem:
        fail(problem, lang)
    rendered = inert_lines(render_text(change, lang)) if fmt == "text" else inert_json(diff_dict(change, lang))
    write_output(rendered, output, lang, (old, new))
    sys.exit(1 if change.worse else 0)


COMMANDS = [diff]
