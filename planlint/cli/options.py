"""Options and helpers shared by every `planlint` command."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from planlint.errors import PlanlintError
from planlint.i18n import LANGUAGE_ENV, LANGUAGES

EXIT_OK, EXIT_ERROR = 0, 2


def lang_option(f):
    return click.option(
        "--lang",
        type=click.Choice(LANGUAGES),
        default="sv",
        show_default=True,
        envvar=LANGUAGE_ENV,
        help=f"Språk för rapporten och meddelandena (sv eller en; även miljövariabeln {LANGUAGE_ENV}).",
    )(f)


def fail(error: PlanlintError, lang: str) -> None:
    """Tell the user about an error on stderr and exit with status 2."""
    click.echo(f"planlint: {error.message(lang)}", err=True)
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
