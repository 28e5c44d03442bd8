"""Options and helpers shared by every `planlint` command."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import NoReturn

import click

from planlint.errors import PlanlintError
from planlint.i18n import LANGUAGE_ENV, LANGUAGES

EXIT_OK, EXIT_ERROR = 0, 2
ERROR_PREFIX = {"sv": "Fel: ", "en": "Error: "}  # the one prefix of every error message
WARNING_PREFIX = {"sv": "Varning: ", "en": "Warning: "}


def error(message: str, lang: str) -> None:
    """An error message on stderr, with the one error prefix."""
    click.echo(f"{ERROR_PREFIX.get(lang, ERROR_PREFIX['sv'])}{message}", err=True)


def warning(message: str, lang: str) -> None:
    """A warning on stderr: the run goes on."""
    click.echo(f"{WARNING_PREFIX.get(lang, WARNING_PREFIX['sv'])}{message}", err=True)


def lang_option(f):
    return click.option(
        "--lang",
        type=click.Choice(LANGUAGES),
        default="sv",
        show_default=True,
        envvar=LANGUAGE_ENV,
        help=f"Språk för rapporten och meddelandena (sv eller en; även miljövariabeln {LANGUAGE_ENV}).",
    )(f)


def fail(problem: PlanlintError, lang: str) -> NoReturn:
    """Tell the user about an error on stderr and exit with status 2."""
    error(problem.message(lang), lang)
    sys.exit(EXIT_ERROR)


def run_options(f):
    """Options shared by every command that checks plans."""
    f = click.option(
        "--rules", type=click.Path(path_type=Path), help="Använd ett annat regelpaket (en mapp med pack.yaml)."
    )(f)
    f = click.option(
        "--config",
        type=click.Path(path_type=Path, dir_okay=False),
        help="Konfigurationsfil (annars letas planlint.toml eller pyproject.toml uppåt från planen).",
    )(f)
    return f


def jobs_option(f):
    return click.option(
        "-j",
        "--jobs",
        type=click.IntRange(min=1),
        default=1,
        show_default=True,
        help="Granska planerna i så här många processer samtidigt.",
    )(f)


def selection_options(f):
    """Which plans are read, and whether the suppressions written in them apply."""
    f = click.option(
        "--stdin-filename",
        metavar="NAMN",
        help="Namnet på planen som läses från standard in (`-`): bestämmer formatet, konfigurationen och "
        "namnet i rapporten.",
    )(f)
    f = click.option(
        "--no-inline-suppression",
        "inline_suppression",
        is_flag=True,
        default=True,
        flag_value=False,
        help="Rapportera också det som planens egna kommentarer (planlint: ignorera …) undantar.",
    )(f)
    f = click.option(
        "--force-exclude",
        is_flag=True,
        help="Låt konfigurationens exclude gälla även filer som anges direkt på kommandoraden.",
    )(f)
    return f
