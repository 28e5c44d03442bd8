"""`planlint baseline PLAN...`: records today's findings, so that a later check fails only on new ones."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from planlint.cli.check import write_output
from planlint.cli.options import error, fail, jobs_option, lang_option, run_options
from planlint.errors import PlanlintError
from planlint.i18n import Catalog
from planlint.reporters.summary import count

T = Catalog(
    {
        "written": (
            "Baslinjen {path} sparad: {plans}, {findings}.",
            "Baseline {path} written: {plans}, {findings}.",
        ),
    }
)


@click.command("baseline")
@click.argument("plans", nargs=-1, required=True)
@click.option(
    "-o",
    "--output",
    type=click.Path(path_type=Path, dir_okay=False),
    default=Path("planlint-baseline.json"),
    show_default=True,
    help="Baslinjefilen som skrivs.",
)
@click.option("--force", is_flag=True, help="Skriv över en befintlig baslinjefil.")
@run_options
@jobs_option
@lang_option
def baseline(
    plans: tuple[str, ...], output: Path, force: bool, rules: Path | None, config: Path | None, jobs: int, lang: str
) -> None:
    """Spara anmärkningarna som PLANER har i dag, så att `planlint check --baseline FIL` bara fäller på nya.

    Lägg baslinjefilen bredvid planerna och checka in den. Slutstatus: 0 sparad, 2 om någon plan inte
    kunde läsas (baslinjen sparas ändå för de andra).
    """
    from planlint.cli.progress import progress_bar, wanted
    from planlint.project.baseline import baseline_dict
    from planlint.project.runner import RunOptions, run

    if output.exists() and not force:
        fail(PlanlintError(output, "exists"), lang)
    try:
        outcome = run(
            list(plans), RunOptions(rules=rules, config=config, jobs=jobs), progress_bar(lang) if wanted(None) else None
        )
    except PlanlintError as problem:
        fail(problem, lang)
    data = baseline_dict(outcome.results, output)
    write_output(json.dumps(data, ensure_ascii=False, indent=2), output, lang, outcome.inputs(), outcome.reads())
    for unread in outcome.errors:
        error(unread.message(lang), lang)
    findings = sum(len(v) for v in data["plans"].values())
    recorded = count(len(data["plans"]), "plans", lang)
    click.echo(T("written", lang, path=output, plans=recorded, findings=count(findings, "known", lang)))
    sys.exit(2 if outcome.errors else 0)


COMMANDS = [baseline]
