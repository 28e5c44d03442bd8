"""`planlint report PLAN... -o rapport.html`: the HTML report for förvaltningschefer and stadsledningen."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from planlint.cli.check import write_output
from planlint.cli.options import EXIT_ERROR, EXIT_OK, error, fail, lang_option, run_options, warning
from planlint.errors import PlanlintError
from planlint.i18n import Catalog

GENERATOR_MARK = b'<meta name="generator" content="planlint'
HEAD_BYTES = 4096
T = Catalog(
    {
        "written": (
            "Rapporten skrevs till {path} ({plans} planer).",
            "The report was written to {path} ({plans} plans).",
        ),
        "written_one": ("Rapporten skrevs till {path}.", "The report was written to {path}."),
        "unreadable_one": (
            "1 plan kunde inte läsas och står under »Planer som inte kunde läsas« i rapporten.",
            "1 plan could not be read and is listed under “Plans that could not be read” in the report.",
        ),
        "unreadable": (
            "{n} planer kunde inte läsas och står under »Planer som inte kunde läsas« i rapporten.",
            "{n} plans could not be read and are listed under “Plans that could not be read” in the report.",
        ),
        "not_a_report": (
            "{path}: filen finns redan och är ingen tidigare rapport från planlint, så den skrivs inte över. "
            "Välj ett annat namn med -o, eller skriv över den med --force.",
            "{path}: the file exists and is no earlier planlint report, so it is not overwritten. "
            "Choose another name with -o, or overwrite it with --force.",
        ),
        "nothing": (
            "Ingen plan kunde läsas, så ingen rapport skrevs.",
            "No plan could be read, so no report was written.",
        ),
    }
)


@click.command()
@click.argument("plans", nargs=-1, required=True)
@click.option(
    "-o",
    "--output",
    type=click.Path(path_type=Path, dir_okay=False),
    default=Path("rapport.html"),
    show_default=True,
    help="HTML-filen som rapporten skrivs till.",
)
@click.option("--force", is_flag=True, help="Skriv över utfilen även om den inte är en tidigare planlint-rapport.")
@run_options
@lang_option
def report(
    plans: tuple[str, ...], output: Path, force: bool, rules: Path | None, config: Path | None, lang: str
) -> None:
    """Skriv en HTML-rapport om hur PLANER bär målbild 2027 och inriktningarna.

    En plan ger en sida med överblick, belägg och förslag; flera planer ger först en portfölj (planer ×
    delar och gemensamma brister) och sedan varje plan. Filen är fristående, kräver inget nätverk och kan
    skrivas ut till PDF. Slutstatus: 0 rapporten skrevs, 2 fel i indata eller användning. Planer som inte
    kunde läsas listas i rapporten (och ger slutstatus 2); kunde ingen plan läsas skrivs ingen rapport.
    """
    from planlint.project.runner import RunOptions, run
    from planlint.reporters.html.render import render

    if not force and output.exists() and not earlier_report(output):
        error(T("not_a_report", lang, path=output), lang)
        sys.exit(EXIT_ERROR)
    try:
        outcome = run(list(plans), RunOptions(rules=rules, config=config))
    except PlanlintError as problem:  # a broken rule pack or configuration stops the whole run
        fail(problem, lang)
    for unread in outcome.errors:
        error(unread.message(lang), lang)
    if not outcome.results:
        error(T("nothing", lang), lang)
        sys.exit(EXIT_ERROR)
    write_output(render(outcome, lang), output, lang, outcome.inputs(), outcome.reads())
    count = len(outcome.results)
    click.echo(T("written", lang, path=output, plans=count) if count > 1 else T("written_one", lang, path=output))
    if outcome.errors:
        key = "unreadable" if len(outcome.errors) > 1 else "unreadable_one"
        warning(T(key, lang, n=len(outcome.errors)), lang)
    sys.exit(EXIT_ERROR if outcome.errors else EXIT_OK)


def earlier_report(path: Path) -> bool:
    """Whether `path` is an HTML report planlint wrote (its head names planlint as the generator)."""
    try:
        with path.open("rb") as f:
            head = f.read(HEAD_BYTES)
    except OSError:
        return False
    return GENERATOR_MARK in head


COMMANDS = [report]
