"""`planlint annotate PLAN [-o KOPIA]`: a copy of a Word plan with planlint's findings as Word comments."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from planlint.cli.options import EXIT_OK, fail, lang_option, run_options
from planlint.errors import PlanlintError
from planlint.i18n import Catalog
from planlint.inert import visible
from planlint.reporters.summary import count

T = Catalog(
    {
        "written": (
            "Den kommenterade kopian skrevs till {path} ({n} från planlint).",
            "The annotated copy was written to {path} ({n} from planlint).",
        ),
        "replaced": (
            "{n} tidigare kommentarer från planlint ersattes.",
            "{n} earlier comments from planlint were replaced.",
        ),
    }
)


@click.command()
@click.argument("plan", type=click.Path(path_type=Path, dir_okay=False))
@click.option(
    "-o",
    "--output",
    type=click.Path(path_type=Path, dir_okay=False),
    help="Kopian som skrivs (standard: PLAN-granskad.docx bredvid planen).",
)
@click.option("--force", is_flag=True, help="Skriv över kopian om den redan finns.")
@click.option(
    "--evidence", is_flag=True, help="Kommentera också beläggen: var planen tar upp varje del, och hur konkret."
)
@run_options
@lang_option
def annotate(
    plan: Path, output: Path | None, force: bool, evidence: bool, rules: Path | None, config: Path | None, lang: str
) -> None:
    """Skriv en kopia av Word-planen PLAN med planlints anmärkningar och förslag som Word-kommentarer.

    Varje anmärkning står med sitt förslag på stycket den gäller (en del som saknas på rubriken där den hör
    hemma), och första stycket får en sammanfattning; med --evidence kommenteras också beläggen. Inga
    kommentarer hamnar i innehållsförteckningen. Planen själv ändras aldrig; kör du om kommandot på en
    kommenterad kopia ersätts planlints kommentarer. Slutstatus: 0 kopian skrevs, 2 fel i indata eller
    användning.
    """
    from planlint.annotate.annotator import annotate as annotate_plan
    from planlint.annotate.annotator import output_for
    from planlint.project.runner import RunOptions

    try:
        target = output_for(plan, output, force)
        annotated = annotate_plan(plan, target, RunOptions(rules=rules, config=config), lang, evidence=evidence)
    except PlanlintError as problem:
        fail(problem, lang)
    click.echo(T("written", lang, path=visible(str(annotated.path)), n=count(annotated.comments, "comment", lang)))
    if annotated.replaced:
        click.echo(T("replaced", lang, n=annotated.replaced))
    sys.exit(EXIT_OK)


COMMANDS = [annotate]
