"""Operating-system errors in the user's words, never the raw English "(No such file or directory)"."""

from __future__ import annotations

import errno

REASONS = {
    errno.ENOENT: ("filen eller mappen finns inte", "the file or folder does not exist"),
    errno.EACCES: ("behörighet saknas", "permission denied"),
    errno.EPERM: ("åtgärden är inte tillåten", "the operation is not permitted"),
    errno.EISDIR: ("det är en mapp", "it is a folder"),
    errno.ENOTDIR: ("en del av sökvägen är inte en mapp", "a part of the path is not a folder"),
    errno.ENOSPC: ("disken är full", "the disk is full"),
    errno.EROFS: ("filsystemet är skrivskyddat", "the file system is read-only"),
    errno.ENAMETOOLONG: ("namnet är för långt", "the name is too long"),
}


def os_reason(exc: OSError) -> tuple[str, str]:
    """The reason for an OS error as a (Swedish, English) pair."""
    if exc.errno in REASONS:
        return REASONS[exc.errno]
    reason = exc.strerror or str(exc)
    return reason, reason
