"""`planlint check PLAN...` (also `planlint PLAN...`): the coverage check and its reports."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from planlint.cli import fail, lang_option
from planlint.errors import PlanlintError
from planlint.reporters.formats import FORMATS, render


def run_options(f):
    """Options shared by every command that checks plans."""
    f = click.option("--rules", type=click.Path(path_type=Path),
                     help="Använd ett annat regelpaket (en mapp med pack.yaml).")(f)
    f = click.option("--config", type=click.Path(path_type=Path, dir_okay=False),
                     help="Konfigurationsfil (annars letas planlint.toml eller pyproject.toml uppåt från planen).")(f)
    return f


@click.command()
@click.argument("plans", nargs=-1, required=True)
@click.option("--format", "fmt", type=click.Choice(sorted(FORMATS)), default="text", show_default=True,
              help="Rapportens format.")
@click.option("-o", "--output", type=click.Path(path_type=Path, dir_okay=False), help="Skriv rapporten till FIL.")
@run_options
@click.option("--fail-on", type=click.Choice(["error", "warning", "info", "never"]),
              help="Lägsta allvarlighetsgrad som ger slutstatus 1 (standard: error).")
@lang_option
def check(plans: tuple[str, ...], fmt: str, output: Path | None, rules: Path | None, config: Path | None,
          fail_on: str | None, lang: str) -> None:
    """Granska hur PLANS konkretiserar målbild 2027 och inriktningarna (standardkommandot).

    PLANS är filer (.docx, .pdf, .md, .txt), mappar eller mönster. Slutstatus: 0 inga anmärkningar på
    nivån --fail-on, 1 minst en sådan, 2 fel i indata eller användning.
    """
    from planlint.runner import RunOptions, run

    try:
        outcome = run(list(plans), RunOptions(rules=rules, config=config, fail_on=fail_on))
    except PlanlintError as error:  # a broken rule pack or configuration stops the whole run
        fail(error, lang)
    write_output(render(fmt, outcome, lang), output, lang)
    if fmt != "text" or output is not None:
        for error in outcome.errors:
            click.echo(f"planlint: {error.message(lang)}", err=True)
    sys.exit(outcome.exit_code())


def write_output(rendered: str, output: Path | None, lang: str) -> None:
    """Print to stdout, or write the file."""
    if output is None:
        click.echo(rendered)
        return
    try:
        output.write_text(rendered if rendered.endswith("\n") else rendered + "\n", encoding="utf-8")
    except OSError as exc:
        fail(PlanlintError(output, "output", reason=exc.strerror or str(exc)), lang)


COMMANDS = [check]
