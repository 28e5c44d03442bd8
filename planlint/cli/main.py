"""The `planlint` command line: `planlint PLAN` checks a plan; subcommands do the rest.

Each command lives in its own module under planlint/cli/ and is registered here.
"""

from __future__ import annotations

import sys

import click

from planlint import __version__
from planlint.i18n import language_from_args, use_language


class DefaultGroup(click.Group):
    """A group where a first argument that is not a subcommand runs `check` (so `planlint plan.docx` works)."""

    default_command = "check"

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        if args and args[0] not in self.commands and args[0] not in ("--help", "-h", "--version"):
            args = [self.default_command, *args]
        return super().parse_args(ctx, args)


@click.group(cls=DefaultGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="planlint", help="Visa versionen och avsluta.")
def cli() -> None:
    """planlint granskar hur en verksamhetsplan konkretiserar målbild 2027 och inriktningarna 2023–2026.

    Kör `planlint PLAN` för en granskning (samma som `planlint check PLAN`).
    """


def _register() -> None:
    from planlint.cli import annotate, baseline, check, diff, outline, report, rules

    for module in (check, outline, report, rules, baseline, diff, annotate):
        for command in module.COMMANDS:
            cli.add_command(command)


_register()


def main() -> None:
    """Console-script entry point."""
    use_language(language_from_args(sys.argv[1:]))
    cli(prog_name="planlint")
