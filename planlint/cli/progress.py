"""A progress bar on stderr for runs over many plans, shown to people at a terminal and never in CI logs."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager
from typing import TextIO

import click

from planlint.i18n import Catalog

T = Catalog({"label": ("Granskar planer", "Checking plans")})
HUMAN_FORMATS = ("text", "markdown")


def wanted(stdout_format: str | None, stream: TextIO | None = None) -> bool:
    """A bar only when stderr is a terminal outside CI, and stdout holds no machine-readable report."""
    stream = stream or sys.stderr
    return stream.isatty() and not os.environ.get("CI") and (stdout_format is None or stdout_format in HUMAN_FORMATS)


def progress_bar(lang: str) -> Callable[[int], AbstractContextManager[Callable[[], None]]]:
    """A `runner.Progress` that draws a bar when there is more than one plan."""

    @contextmanager
    def bar(total: int) -> Iterator[Callable[[], None]]:
        if total <= 1:
            yield lambda: None
            return
        with click.progressbar(length=total, label=T("label", lang), file=sys.stderr) as shown:
            yield lambda: shown.update(1)

    return bar
