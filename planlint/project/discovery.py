"""Expand command-line arguments (files, folders, globs) into the plan files to check.

Files found in folders and by patterns are left out when their configuration's `exclude` (README*, planlint's
own `*-granskad.docx` copies, .git, virtual environments … by default) matches them; a file named on the
command line is always checked, unless `force_exclude` is set, as in ruff.
"""

from __future__ import annotations

import glob
from collections.abc import Callable
from pathlib import Path

from planlint.document.reader import SUPPORTED_SUFFIXES
from planlint.errors import PlanInputError
from planlint.project.config import Config

STDIN = "-"


def expand(
    arguments: list[str], config_for: Callable[[Path], Config], force_exclude: bool = False
) -> tuple[list[Path], list[PlanInputError]]:
    """The plan files named by files, folders (searched recursively) and glob patterns, in a stable order.

    A named file is kept whatever its format, so that the reader can say why it cannot be read.
    """
    plans: list[Path] = []
    errors: list[PlanInputError] = []
    for argument in arguments:
        path = Path(argument)
        if argument == STDIN:
            plans.append(path)
        elif path.is_dir():
            found = sorted(p for p in _walk(path, config_for) if _is_plan(p))
            if not found:
                errors.append(PlanInputError(path, "no_plans"))
            plans += found
        elif not path.exists() and glob.has_magic(argument):
            matched = sorted(Path(p) for p in glob.glob(argument, recursive=True))
            found = [p for p in matched if _is_plan(p) and not config_for(p).excludes(p)]
            if not found:
                errors.append(PlanInputError(argument, "no_match"))
            plans += found
        elif not (force_exclude and path.exists() and config_for(path).excludes(path)):
            plans.append(path)
    return list(dict.fromkeys(plans)), errors


def _walk(folder: Path, config_for: Callable[[Path], Config]):
    """The files under `folder`, not descending into excluded folders."""
    config = config_for(folder)
    for entry in sorted(folder.iterdir()):
        if config.excludes(entry):
            continue
        if entry.is_dir() and not entry.is_symlink():
            yield from _walk(entry, config_for)
        else:
            yield entry


def _is_plan(path: Path) -> bool:
    return path.is_file() and path.suffix.lower() in SUPPORTED_SUFFIXES and not path.name.startswith(("~$", "."))
