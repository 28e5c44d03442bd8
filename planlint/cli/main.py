"""The `planlint` command line: `planlint PLAN` checks a plan; subcommands do the rest.

Each command lives in its own module under planlint/cli/ and is named here; a module is imported only when its
command runs (or help lists it), so that a check does not pay for the server, the Word writer or the HTML report.
"""

from __future__ import annotations

import glob
import importlib
import os
import sys
from pathlib import Path

import click

from planlint import __version__
from planlint.cli.help_text import localize
from planlint.cli.options import ERROR_PREFIX, EXIT_ERROR, error
from planlint.i18n import Catalog, language_from_args, use_language
from planlint.inert import visible
from planlint.names import closest

EXIT_INTERNAL = 3
DEBUG_FLAG, DEBUG_ENV = "--debug", "PLANLINT_DEBUG"
T = Catalog(
    {
        "internal": (
            "internt fel ({error}). Det är ett fel i planlint, inte i planen eller i hur du körde den.\n"
            "Rapportera det gärna till dem som underhåller planlint, med kommandot du körde och om möjligt filen; "
            "kör samma kommando med --debug för att se hela felspåret.",
            "internal error ({error}). This is a bug in planlint, not in the plan or in how you ran it.\n"
            "Please report it to planlint's maintainers with the command you ran and, if you can, the file; "
            "run the same command with --debug to see the whole traceback.",
        ),
        "unknown_command": (
            "Okänt kommando {name!r}. Menade du {near!r}? (Se `planlint --help`.)",
            "Unknown command {name!r}. Did you mean {near!r}? (See `planlint --help`.)",
        ),
    }
)
GROUP_OPTIONS = ("--help", "-h", "--version")
# each command's name and the module under planlint/cli/ that holds it (in the module's COMMANDS)
COMMAND_MODULES = {
    "annotate": "annotate",
    "baseline": "baseline",
    "check": "check",
    "diff": "diff",
    "explain": "rules",
    "outline": "outline",
    "report": "report",
    "rules": "rules",
    "serve": "serve",
}


class DefaultGroup(click.Group):
    """A group where a first argument that is not a subcommand runs `check` (so `planlint plan.docx` works).

    A first argument that is no existing path but looks like a misspelt command is an error with the nearest
    command, so that `planlint repot plan.docx` never checks a file called "repot".
    """

    default_command = "check"
    lang = "sv"

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        self.lang = language_from_args(args)
        use_language(self.lang)
        localize(self, self.lang)
        args = _command_first(args, COMMAND_MODULES)
        if args and args[0] not in COMMAND_MODULES and args[0] not in GROUP_OPTIONS:
            first = _first_argument(args)
            if first is not None:
                _refuse_misspelt_command(first, list(COMMAND_MODULES), self.lang)
            args = [self.default_command, *args]
        return super().parse_args(ctx, args)

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(COMMAND_MODULES)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        """The command, its module imported on first use and its texts in the run's language."""
        if cmd_name not in COMMAND_MODULES:
            return None
        module = importlib.import_module(f"planlint.cli.{COMMAND_MODULES[cmd_name]}")
        command = next(c for c in module.COMMANDS if c.name == cmd_name)
        localize(command, self.lang)
        return command


def _command_first(args: list[str], commands) -> list[str]:
    """`planlint --lang en rules` as `planlint rules --lang en`: --lang may stand before the command."""
    if args[:1] == ["--lang"] and len(args) > 2 and args[2] in commands:
        return [args[2], *args[:2], *args[3:]]
    if args and args[0].startswith("--lang=") and len(args) > 1 and args[1] in commands:
        return [args[1], args[0], *args[2:]]
    return args


def _first_argument(args: list[str]) -> str | None:
    """The first argument after a leading --lang, if it is no option."""
    skip = 2 if args[:1] == ["--lang"] else 1 if args[0].startswith("--lang=") else 0
    return args[skip] if len(args) > skip and not args[skip].startswith("-") else None


def _refuse_misspelt_command(first: str, commands: list[str], lang: str) -> None:
    if Path(first).exists() or Path(first).suffix or glob.has_magic(first) or "/" in first:
        return
    near = closest(first, commands)
    if near is not None:
        click.echo(f"{ERROR_PREFIX[lang]}{T('unknown_command', lang, name=first, near=near)}", err=True)
        sys.exit(EXIT_ERROR)


@click.group(cls=DefaultGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="planlint", help="Visa versionen och avsluta.")
def cli() -> None:
    """planlint granskar hur en verksamhetsplan konkretiserar målbild 2027 och inriktningarna 2023–2026.

    Kör `planlint PLAN` för en granskning (samma som `planlint check PLAN`). Slutstatus 3 betyder ett
    internt fel i planlint; kör då med --debug för att se hela felspåret.
    """


def main() -> None:
    """Console-script entry point: any error planlint did not foresee ends with exit status 3 and a short
    message (the traceback with --debug or PLANLINT_DEBUG=1), never as if the plan had findings."""
    args = sys.argv[1:]
    debug = DEBUG_FLAG in args or os.environ.get(DEBUG_ENV, "") not in ("", "0")
    args = [arg for arg in args if arg != DEBUG_FLAG]
    lang = language_from_args(args)
    use_language(lang)
    try:
        cli(args, prog_name="planlint")
    except Exception as exc:  # the last resort: everything foreseeable is a PlanlintError with exit status 2
        if debug:
            import traceback  # only here: a run that ends well does not pay for it

            traceback.print_exc()
        detail = visible(" ".join(f"{type(exc).__name__}: {exc}".split()))[:200]
        error(T("internal", lang, error=detail), lang)
        sys.exit(EXIT_INTERNAL)
