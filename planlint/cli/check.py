"""`planlint check PLAN...` (also `planlint PLAN...`): the coverage check and its reports."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from planlint.cli.options import error, fail, jobs_option, lang_option, run_options, selection_options, warning
from planlint.cli.output import conflict, write_file
from planlint.errors import PlanlintError
from planlint.i18n import Catalog
from planlint.inert import inert_lines, shown, visible
from planlint.os_errors import os_reason
from planlint.reporters import text as text_report
from planlint.reporters.formats import FORMATS, render

T = Catalog(
    {
        "output_without_format": (
            "--output {output} har inget --format framför sig. Ange format och fil parvis, till exempel "
            "--format sarif --output planlint.sarif.",
            "--output {output} has no --format before it. Give formats and files in pairs, for example "
            "--format sarif --output planlint.sarif.",
        ),
        "many_stdout": (
            "bara ett format kan skrivas till standard ut, men {formats} saknar --output. "
            "Ge alla format utom det sista en --output-fil.",
            "only one format can go to standard output, but {formats} have no --output. "
            "Give every format but the last an --output file.",
        ),
        "same_output": (
            "flera format skrivs till samma fil {output}. Ge varje format en egen fil.",
            "several formats are written to the same file {output}. Give each format its own file.",
        ),
        "pack_changed": (
            "baslinjen gjordes med regelpaketet {old}, men planerna granskas med {new}; "
            "kända anmärkningar kan visas som nya. Skapa baslinjen igen med `planlint baseline`.",
            "the baseline was made with the rule pack {old}, but the plans are checked with {new}; "
            "known findings may show as new. Create the baseline again with `planlint baseline`.",
        ),
    }
)

OUTPUT_CONFLICTS = {"input": "output_is_input", "read": "output_is_read", "symlink": "output_is_symlink"}


class UsageProblem(PlanlintError):
    """A combination of options that cannot work, told in the user's language (exit status 2)."""

    def __init__(self, key: str, **params: object) -> None:
        super().__init__(None, key, **params)

    def message(self, lang: str = "sv") -> str:
        return T(self.key, lang, **self.params)


@click.command()
@click.argument("plans", nargs=-1, required=True)
@click.option(
    "--format",
    "formats",
    type=click.Choice(sorted(FORMATS)),
    multiple=True,
    help="Rapportens format (text om inget anges). Upprepa tillsammans med --output för flera "
    "rapporter: --format sarif --output planlint.sarif --format text.",
)
@click.option(
    "-o",
    "--output",
    "outputs",
    type=click.Path(path_type=Path, dir_okay=False),
    multiple=True,
    help="Skriv rapporten i formatet på samma plats i ordningen till FIL. Ett format utan "
    "--output (det sista) skrivs till standard ut.",
)
@run_options
@jobs_option
@click.option(
    "--baseline",
    type=click.Path(path_type=Path, dir_okay=False),
    help="Baslinjefil från `planlint baseline`: anmärkningar som finns i den visas som kända och "
    "påverkar inte slutstatus.",
)
@click.option(
    "--fail-on",
    type=click.Choice(["error", "warning", "info", "never"]),
    help="Lägsta allvarlighetsgrad som ger slutstatus 1 (standard: error).",
)
@selection_options
@click.option("--show-files", is_flag=True, help="Lista planerna som skulle granskas, och avsluta.")
@click.option(
    "--show-settings",
    is_flag=True,
    help="Visa inställningarna som gäller för varje plan (konfigurationsfil, undantag, regler), och avsluta.",
)
@click.option("-q", "--quiet", is_flag=True, help="Skriv bara anmärkningarna och sammanfattningsraden.")
@click.option("--statistics", is_flag=True, help="Räkna anmärkningarna per regel i stället för att lista dem.")
@click.option(
    "--no-cache",
    is_flag=True,
    help="Granska alla planer på nytt, utan att läsa eller spara resultat i cachen (annars granskas en "
    "oförändrad plan inte igen; cachen ligger i PLANLINT_CACHE_DIR eller plattformens cachemapp).",
)
@lang_option
def check(
    plans: tuple[str, ...],
    formats: tuple[str, ...],
    outputs: tuple[Path, ...],
    rules: Path | None,
    config: Path | None,
    jobs: int,
    baseline: Path | None,
    fail_on: str | None,
    force_exclude: bool,
    inline_suppression: bool,
    stdin_filename: str | None,
    show_files: bool,
    show_settings: bool,
    quiet: bool,
    statistics: bool,
    no_cache: bool,
    lang: str,
) -> None:
    """Granska hur PLANER konkretiserar målbild 2027 och inriktningarna (standardkommandot).

    PLANER är filer (.docx, .pdf, .md, .txt), mappar eller mönster. Slutstatus: 0 inga anmärkningar på
    nivån --fail-on (utöver dem i --baseline), 1 minst en sådan, 2 fel i indata eller användning.
    """
    from planlint.cli.progress import progress_bar, wanted
    from planlint.project.runner import RunOptions, run

    try:
        targets = pair_outputs(formats, outputs)
    except UsageProblem as problem:
        fail(problem, lang)
    stdout_format = next((fmt for fmt, output in targets if output is None), None)
    options = RunOptions(
        rules=rules,
        config=config,
        fail_on=fail_on,
        jobs=jobs,
        baseline=baseline,
        force_exclude=force_exclude,
        inline_suppression=inline_suppression,
        stdin_filename=stdin_filename,
        cache=not no_cache,
    )
    if show_files or show_settings:
        show(list(plans), options, show_settings, lang)
    try:
        outcome = run(list(plans), options, progress_bar(lang) if wanted(stdout_format) else None)
    except PlanlintError as problem:  # a broken rule pack, configuration or baseline stops the whole run
        fail(problem, lang)
    if outcome.baseline is not None and outcome.results:
        pack = outcome.results[0].pack
        old = " ".join(outcome.baseline.pack.values())
        if old != f"{pack.name} {pack.version}":
            warning(T("pack_changed", lang, old=old, new=f"{pack.name} {pack.version}"), lang)
    for fmt, output in targets:
        if fmt == "text":
            rendered = text_report.render(outcome, lang, quiet=quiet, statistics=statistics)
        else:
            rendered = render(fmt, outcome, lang)
        write_output(rendered, output, lang, outcome.inputs(), outcome.reads())
    for unread in outcome.errors:
        error(unread.message(lang), lang)
    sys.exit(outcome.exit_code())


def show(arguments: list[str], options, settings: bool, lang: str) -> None:
    """--show-files: the plans a run would check, one a line; --show-settings: each one's settings too."""
    from planlint.project.runner import plan_files, settings_for

    try:
        plans, errors = plan_files(arguments, options)
        lines = []
        for plan in plans:
            lines.append(visible(str(plan)))
            if settings:
                config, pack = settings_for(plan, options)
                values = {**config.as_dict(), "rules": str(pack) if pack else None}
                lines += [f"  {key} = {json.dumps(value, ensure_ascii=False)}" for key, value in values.items()]
    except PlanlintError as problem:
        fail(problem, lang)
    click.echo(inert_lines("\n".join(lines)))
    for unread in errors:
        error(unread.message(lang), lang)
    sys.exit(2 if errors else 0)


def pair_outputs(formats: tuple[str, ...], outputs: tuple[Path, ...]) -> list[tuple[str, Path | None]]:
    """Pair each --format with the --output at the same place in order; the one left over goes to stdout."""
    formats = formats or ("text",)
    if len(outputs) > len(formats):
        raise UsageProblem("output_without_format", output=outputs[len(formats)])
    if len(formats) - len(outputs) > 1:
        raise UsageProblem("many_stdout", formats=", ".join(formats[len(outputs) :]))
    resolved = [o.resolve() for o in outputs]
    duplicate = next((o for i, o in enumerate(outputs) if resolved[i] in resolved[:i]), None)
    if duplicate is not None:
        raise UsageProblem("same_output", output=duplicate)
    return [(fmt, outputs[i] if i < len(outputs) else None) for i, fmt in enumerate(formats)]


def write_output(
    rendered: str, output: Path | None, lang: str, inputs: tuple[Path, ...] = (), reads: tuple[Path, ...] = ()
) -> None:
    """Print to stdout, or write the file atomically. Never over a plan (`inputs`), the configuration, baseline or
    rule pack (`reads`), nor through a symlink: what a run reads is never modified."""
    rendered = shown(rendered)  # a file name that is not UTF-8 is shown with U+FFFD
    if output is None:
        click.echo(rendered)
        return
    problem = conflict(output, inputs, reads)
    if problem is not None:
        fail(PlanlintError(output, OUTPUT_CONFLICTS[problem]), lang)
    try:
        write_file(output, rendered if rendered.endswith("\n") else rendered + "\n")
    except OSError as exc:
        fail(PlanlintError(output, "output", reason=os_reason(exc)), lang)


COMMANDS = [check]
