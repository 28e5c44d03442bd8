"""`planlint baseline PLAN...` records today's findings; `planlint diff OLD NEW` compares two versions of a plan."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from planlint.cli.check import write_output
from planlint.cli.options import fail, jobs_option, lang_option, run_options
from planlint.errors import PlanlintError
from planlint.i18n import Catalog

T = Catalog(
    {
        "written": (
            "Baslinjen {path} sparad: {plans} planer, {findings} kända anmärkningar.",
            "Baseline {path} written: {plans} plans, {findings} known findings.",
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
    """Spara anmärkningarna som PLANS har i dag, så att `planlint check --baseline FIL` bara fäller på nya.

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
    except PlanlintError as error:
        fail(error, lang)
    data = baseline_dict(outcome.results, output)
    write_output(json.dumps(data, ensure_ascii=False, indent=2), output, lang, outcome.inputs())
    for error in outcome.errors:
        click.echo(f"planlint: {error.message(lang)}", err=True)
    findings = sum(len(v) for v in data["plans"].values())
    click.echo(T("written", lang, path=output, plans=len(data["plans"]), findings=findings))
    sys.exit(2 if outcome.errors else 0)


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
    """Visa vad som ändrats i täckningen från OLD till NEW (till exempel förra årets plan och årets).

    Per begrepp status före och efter, poängen och vilka anmärkningar som tillkommit eller försvunnit.
    Slutstatus: 0 inget begrepp har blivit sämre, 1 minst ett har det, 2 fel i indata.
    """
    from planlint.project.diff import compare, diff_dict, render_text
    from planlint.project.runner import RunOptions, check_one

    options = RunOptions(rules=rules, config=config)
    try:
        change = compare(check_one(old, options), check_one(new, options))
    except PlanlintError as error:
        fail(error, lang)
    rendered = (
        render_text(change, lang)
        if fmt == "text"
        else json.dumps(diff_dict(change, lang), ensure_ascii=False, indent=2)
    )
    write_output(rendered, output, lang, (old, new))
    sys.exit(1 if change.worse else 0)


COMMANDS = [baseline, diff]
