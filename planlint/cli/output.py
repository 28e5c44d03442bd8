"""Writing a report file safely: never over a file the run reads, never through a symlink, never half-written.

A report is written to a temporary file in the target folder and renamed over the target, so that a failure
leaves the old file (or none) rather than a truncated one, and a hard link to another file is replaced rather
than written through. A device or a pipe (`-o /dev/stdout`) is written in place, as it holds no file.
"""

from __future__ import annotations

import os
import stat
import tempfile
from pathlib import Path


def conflict(output: Path, plans: tuple[Path, ...], reads: tuple[Path, ...] = ()) -> str | None:
    """Why `output` must not be written ("input": a plan, "read": another file the run reads, "symlink"), or
    None when it may. `reads` are the configuration, baseline and rule packs (folders: nothing inside them is
    written either)."""
    if output.is_symlink() and not _stream(output):
        return "symlink"
    target = Path(os.path.realpath(output))
    for key, paths in (("input", plans), ("read", reads)):
        for path in paths:
            if path.is_dir():
                if target.is_relative_to(Path(os.path.realpath(path))):
                    return key
            elif output.exists() and path.exists() and output.samefile(path):
                return key
    return None


def write_file(output: Path, text: str) -> None:
    """Write `text` (UTF-8) to `output` by a temporary file and a rename; a device or pipe is written directly."""
    data = text.encode("utf-8")
    if output.exists() and _stream(output):
        with open(output, "wb") as stream:
            stream.write(data)
        return
    folder = output.parent
    mode = stat.S_IMODE(output.stat().st_mode) if output.exists() else 0o666 & ~_umask()
    descriptor, temporary = tempfile.mkstemp(prefix=f".{output.name}.", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(descriptor, "wb") as stream:
            stream.write(data)
        os.chmod(temporary, mode)
        os.replace(temporary, output)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def _stream(path: Path) -> bool:
    """Whether `path` is (or links to) a device, pipe or socket rather than a file."""
    try:
        mode = path.stat().st_mode
    except OSError:
        return False
    return not stat.S_ISREG(mode) and not stat.S_ISDIR(mode)


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask
