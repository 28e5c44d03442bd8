"""The `planlint` command line: `planlint PLAN` checks a plan; subcommands do the rest.

Each command lives in its own module under planlint/commands/ and is registered here.
"""

from __future__ import annotations

import sys

import click

from planlint import __version__
from planlint.errors import PlanlintError
from planlint.i18n import LANGUAGE_ENV, LANGUAGES, language_from_args, use_language

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2


class DefaultGroup(click.Group):
    """A group where a first argument that is not a subcommand runs `check` (so `planlint plan.docx` works)."""

    default_command = "check"

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        if args and args[0] not in self.commands and args[0] not in ("--help", "-h", "--version"):
            args = [self.default_command, *args]
        return super().parse_args(ctx, args)


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


@click.group(cls=DefaultGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="planlint", help="Visa versionen och avsluta.")
def cli() -> None:
    """planlint granskar hur en verksamhetsplan konkretiserar målbild 2027 och inriktningarna 2023–2026.

    Kör `planlint PLAN` för en granskning (samma som `planlint check PLAN`).
    """


def _register() -> None:
    from planlint.commands import annotate, check, ci, outline, report, rules

    for module in (check, outline, report, rules, ci, annotate):
        for command in module.COMMANDS:
            cli.add_command(command)


_register()


def main() -> None:
    """Console-script entry point."""
    use_language(language_from_args(sys.argv[1:]))
    cli(prog_name="planlint")
