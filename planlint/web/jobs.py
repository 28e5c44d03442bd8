"""The work done in a worker process: check a plan, or write its commented copy, as the command line does.

Every job runs with the request's private folder as its working directory and names the plan by its file name
only, so messages, reports and JSON show the name the user uploaded and never a path of the server. An input
error comes back as plain data (a PlanlintError does not unpickle) and is rebuilt by `restore`.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from planlint.analysis.tokens import segment
from planlint.annotate.annotator import annotate
from planlint.errors import PlanlintError
from planlint.project.runner import RunOptions, check_one, engine_for, settings_for
from planlint.result import PlanResult

Portable = tuple[type[PlanlintError], str | None, str, dict[str, Any]]


def warm(options: RunOptions) -> None:
    """Load the rule pack and the sentence splitter once, when the worker starts."""
    engine_for(settings_for(Path("plan.txt"), options)[1])
    list(segment(["Planen gäller 2026."]))


def check(folder: str, name: str, options: RunOptions) -> PlanResult | Portable:
    """The result of checking the plan `name` in `folder`, or its input error."""
    return _portable(folder, lambda: check_one(Path(name), options))


def annotate_copy(folder: str, name: str, options: RunOptions, target: str, lang: str) -> int | Portable:
    """Write the commented copy of the Word plan `name` to `target` in `folder`; the number of comments."""
    return _portable(folder, lambda: annotate(Path(name), Path(target), options, lang).comments)


def restore(outcome: Any) -> Any:
    """A job's outcome, with an input error raised again as the PlanlintError it was."""
    if isinstance(outcome, tuple):
        cls, path, key, params = outcome
        error = cls.__new__(cls)
        PlanlintError.__init__(error, path, key, **params)
        raise error
    return outcome


def _portable(folder: str, job: Callable[[], Any]) -> Any:
    with _working_directory(folder):
        try:
            return job()
        except PlanlintError as error:
            return type(error), str(error.path) if error.path else None, error.key, error.params


@contextmanager
def _working_directory(folder: str) -> Iterator[None]:
    os.chdir(folder)
    try:
        yield
    finally:
        os.chdir("/")
