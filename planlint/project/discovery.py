"""Expand command-line arguments (files, folders, globs) into the plan files to check."""

from __future__ import annotations

import glob
from pathlib import Path

from planlint.document.reader import SUPPORTED_SUFFIXES
from planlint.errors import PlanInputError

SKIPPED_DIRS = {".git", "node_modules", "__pycache__", ".venv", "venv"}


def expand(arguments: list[str]) -> tuple[list[Path], list[PlanInputError]]:
    """The plan files named by files, folders (searched recursively) and glob patterns, in a stable order.

    A named file is kept whatever its format, so that the reader can say why it cannot be read.
    """
    plans: list[Path] = []
    errors: list[PlanInputError] = []
    for argument in arguments:
        path = Path(argument)
        if path.is_dir():
            found = sorted(p for p in path.rglob("*") if _is_plan(p, path))
            if not found:
                errors.append(PlanInputError(path, "no_plans"))
            plans += found
        elif not path.exists() and glob.has_magic(argument):
            found = sorted(Path(p) for p in glob.glob(argument, recursive=True) if _is_plan(Path(p)))
            if not found:
                errors.append(PlanInputError(argument, "no_match"))
            plans += found
        else:
            plans.append(path)
    return list(dict.fromkeys(plans)), errors


def _is_plan(path: Path, root: Path | None = None) -> bool:
    parts = path.relative_to(root).parts if root else path.parts
    return (
        path.is_file()
        and path.suffix.lower() in SUPPORTED_SUFFIXES
        and not path.name.startswith(("~$", "."))
        and not any(p in SKIPPED_DIRS for p in parts[:-1])
    )
