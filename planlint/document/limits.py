"""Bounds on what planlint reads from one plan, so that a huge or hostile file cannot exhaust the machine."""

from __future__ import annotations

import math
from dataclasses import dataclass


@dataclass(frozen=True)
class Limits:
    max_file_mb: int = 200  # size of the file on disk
    max_unpacked_mb: int = 500  # total uncompressed size of a .docx's parts
    max_xml_mb: int = 64  # total uncompressed size of its XML parts, which are parsed into memory
    max_compression_ratio: int = 200  # a package (or a part) that inflates more than this is a zip bomb
    max_pages: int = 2000  # PDF pages
    max_blocks: int = 200_000  # blocks in the document model
    # Text, in millions of characters: the analysis holds about 100 MB of memory per MB of text, so 8 MB of text
    # (some 3,000 pages, ten times the longest plan) keeps a run under a gigabyte.
    max_text_mb: int = 8


DEFAULT_LIMITS = Limits()
MB = 1024 * 1024


def megabytes(size: int) -> tuple[str, str]:
    """A size in MB for a message, rounded up (so that a size over a limit never reads as the limit): one
    decimal under 10 MB, with a decimal comma in Swedish."""
    text = f"{math.ceil(size / MB * 10) / 10:.1f}" if size < 10 * MB else f"{math.ceil(size / MB)}"
    return text.replace(".", ","), text
