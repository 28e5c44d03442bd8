"""Expand command-line arguments (files, folders, globs) into the plan files to check.

Files found in folders and by patterns are left out when their configuration's `exclude` (README*, planlint's
own `*-granskad.docx` copies, .git, virtual environments … by default) matches them; a file named on the
command line is always checked, unless `force_exclude` is set, as in ruff.
"""

from __future__ import annotations

import errno
import fnmatch
import glob
import os
from collections.abc import Callable, Iterator
from pathlib import Path

from planlint.document.reader import SUPPORTED_SUFFIXES
from planlint.errors import PlanInputError
from planlint.os_errors import os_reason
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
        if not argument.strip():
            errors.append(PlanInputError(None, "empty_argument"))
        elif argument == STDIN:
            plans.append(path)
        elif _is_dir(path):
            found = sorted(p for p in _walk(path, config_for, errors) if _is_plan(p))
            if not found and not any(e.key == "folder_unreadable" for e in errors):
                errors.append(PlanInputError(path, "no_plans"))
            plans += found
        elif not os.path.lexists(path) and glob.has_magic(argument):
            matched = sorted(set(_glob(argument)))
            found = [p for p in matched if _is_plan(p) and not config_for(p).excludes(p)]
            if not found:
                errors.append(PlanInputError(argument, "no_match"))
            plans += found
        elif not (force_exclude and path.exists() and config_for(path).excludes(path)):
            plans.append(path)
    return _once(plans), errors


def _once(plans: list[Path]) -> list[Path]:
    """Each real file once, under the first name it was found by (links and `./` spellings are one file)."""
    seen: dict[str, Path] = {}
    for plan in plans:
        seen.setdefault(plan.as_posix() if plan.as_posix() == STDIN else os.path.realpath(plan), plan)
    return list(seen.values())


def _glob(pattern: str) -> Iterator[Path]:
    """The paths a glob pattern names (`**` any number of folders), found without following a symlinked
    folder: a link loop would make `**` endless, and a link to a folder names its plans a second time."""
    parts = pattern.split("/")
    literal = 0
    while literal < len(parts) - 1 and not glob.has_magic(parts[literal]):
        literal += 1
    root = "/".join(parts[:literal]) or ("/" if pattern.startswith("/") else "")
    yield from _match(Path(root) if root else Path(), [p for p in parts[literal:] if p])


def _match(folder: Path, parts: list[str]) -> Iterator[Path]:
    if not parts:
        yield folder
        return
    head, rest = parts[0], parts[1:]
    if head == "**":
        yield from _match(folder, rest)
        for child in _children(folder):
            if child.is_dir() and not child.is_symlink():
                yield from _match(child, parts)
    elif glob.has_magic(head):
        for child in _children(folder):
            if fnmatch.fnmatchcase(child.name, head) and (head.startswith(".") or not child.name.startswith(".")):
                yield from _match(child, rest)
    elif os.path.lexists(folder / head):
        yield from _match(folder / head, rest)


def _children(folder: Path) -> list[Path]:
    try:
        return sorted(folder.iterdir()) if folder.is_dir() else []
    except OSError:
        return []


def _is_dir(path: Path) -> bool:
    """Whether `path` is a folder; a path that cannot be looked at is left to the reader to explain."""
    try:
        return path.is_dir()
    except OSError:
        return False


def _walk(folder: Path, config_for: Callable[[Path], Config], errors: list[PlanInputError]) -> Iterator[Path]:
    """The files under `folder`, not descending into excluded or symlinked folders; a folder that cannot be
    listed is an error that says why."""
    config = config_for(folder)
    try:
        entries = sorted(folder.iterdir())
    except OSError as exc:
        key = "folder_unreadable" if exc.errno in (errno.EACCES, errno.EPERM) else "folder_unlistable"
        errors.append(PlanInputError(folder, key, reason=os_reason(exc)))
        return
    for entry in entries:
        if config.excludes(entry):
            continue
        if _is_dir(entry) and not entry.is_symlink():
            yield from _walk(entry, config_for, errors)
        else:
            yield entry


def _is_plan(path: Path) -> bool:
    try:
        if not path.is_file():
            return False
    except OSError:
        return False
    return path.suffix.lower() in SUPPORTED_SUFFIXES and not path.name.startswith(("~$", "."))
