"""A plan read from standard input (`planlint -`), named by --stdin-filename.

The bytes are written to a private temporary file with the name's suffix, so that every reader works as for a
file on disk; the plan is reported under the given name (or "-"), and its settings are those of that name.
"""

from __future__ import annotations

import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

STDIN = Path("-")
DEFAULT_SUFFIX = ".txt"


def display_name(stdin_filename: str | None) -> Path:
    """The name the plan from standard input goes by in reports and configuration look-ups."""
    return Path(stdin_filename) if stdin_filename else STDIN


@contextmanager
def stdin_file(data: bytes, stdin_filename: str | None) -> Iterator[Path]:
    """A temporary file holding `data`, with the suffix of `stdin_filename` (.txt when none is given)."""
    suffix = Path(stdin_filename).suffix if stdin_filename else DEFAULT_SUFFIX
    with tempfile.TemporaryDirectory(prefix="planlint-") as folder:
        path = Path(folder) / f"stdin{suffix or DEFAULT_SUFFIX}"
        path.write_bytes(data)
        yield path
