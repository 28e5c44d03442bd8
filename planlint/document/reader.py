"""Turn a plan file of any supported format into one Document; every command reads plans through `read_plan`."""

from __future__ import annotations

import errno
import importlib
import stat
from pathlib import Path

from planlint.document.language import check_swedish
from planlint.document.limits import DEFAULT_LIMITS, Limits, megabytes
from planlint.document.model import Document
from planlint.errors import PlanInputError, PlanTooLarge
from planlint.os_errors import os_reason

# suffix -> (module that reads it, what its content must start with, a name for that content)
READERS: dict[str, tuple[str, bytes | None, tuple[str, str]]] = {
    ".docx": ("planlint.document.docx", b"PK\x03\x04", ("ett Word-dokument (.docx)", "a Word document (.docx)")),
    ".pdf": ("planlint.document.pdf", b"%PDF-", ("en PDF", "a PDF")),
    ".md": ("planlint.document.markdown", None, ("Markdown", "Markdown")),
    ".markdown": ("planlint.document.markdown", None, ("Markdown", "Markdown")),
    ".txt": ("planlint.document.text", None, ("text", "text")),
}
SUPPORTED_SUFFIXES = tuple(READERS)
MB = 1024 * 1024
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # legacy .doc, and Office files encrypted with a password


def read_plan(path: Path | str, limits: Limits = DEFAULT_LIMITS, require_swedish: bool = True) -> Document:
    """Read a plan into the document model, or raise PlanInputError with a message for the user."""
    path = Path(path)
    return accept(reader_for(path, limits).read(path, limits), require_swedish, limits)


def reader_for(path: Path, limits: Limits = DEFAULT_LIMITS):
    """The reader module for a plan file, after the checks made before reading: it exists, its format is
    supported and its content matches its name, it is not over the size limit."""
    try:
        mode = path.stat().st_mode
    except OSError as exc:
        raise _os_error(path, exc) from None
    if not stat.S_ISREG(mode):
        raise PlanInputError(path, "not_a_file")
    suffix = path.suffix.lower()
    head = _head(path)
    if suffix == ".doc" or (suffix not in (".docx",) and head.startswith(OLE_MAGIC)):
        raise PlanInputError(path, "legacy_doc")
    if suffix not in READERS:
        raise PlanInputError(path, "unsupported", suffix=suffix or ("(utan filändelse)", "(no extension)"))
    size = path.stat().st_size
    if size > limits.max_file_mb * MB:
        raise PlanTooLarge(path, "bytes", limits.max_file_mb)
    if READERS[suffix][1] is None and size > 4 * limits.max_text_mb * MB:  # a text file of so many characters
        raise PlanInputError(path, "too_large_text_file", size=megabytes(size), limit=limits.max_text_mb)
    module_name, magic, content_name = READERS[suffix]
    if suffix == ".docx" and head.startswith(OLE_MAGIC):
        raise PlanInputError(path, "encrypted")
    if magic is not None and not head.startswith(magic):
        if not head.strip():
            raise PlanInputError(path, "empty")
        raise PlanInputError(path, "wrong_content", suffix=suffix, expected=content_name)
    return importlib.import_module(module_name)


def accept(document: Document, require_swedish: bool = True, limits: Limits = DEFAULT_LIMITS) -> Document:
    """The checks made after reading: the plan has text, not more than the analysis can hold in memory, and (by
    default) it is in Swedish."""
    if not any(b.text for b in document.blocks):
        raise PlanInputError(document.path, "empty")
    chars = sum(len(b.text) for b in document.blocks)
    if chars > limits.max_text_mb * MB:
        raise PlanInputError(document.path, "too_large_text", size=megabytes(chars), limit=limits.max_text_mb)
    if require_swedish:
        check_swedish(document)
    return document


def _head(path: Path) -> bytes:
    try:
        with path.open("rb") as f:
            return f.read(16)
    except OSError as exc:
        raise _os_error(path, exc) from None


def _os_error(path: Path, exc: OSError) -> PlanInputError:
    """What the system said about a plan, in the user's words: missing, a link loop, no permission …"""
    if exc.errno in (errno.ENOENT, errno.ENOTDIR):
        return PlanInputError(path, "missing")
    if exc.errno == errno.ELOOP:
        return PlanInputError(path, "symlink_loop")
    if exc.errno in (errno.EACCES, errno.EPERM):
        return PlanInputError(path, "no_permission", reason=os_reason(exc))
    return PlanInputError(path, "unreadable", reason=os_reason(exc))
