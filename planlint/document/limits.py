"""Bounds on what planlint reads from one plan, so that a huge or hostile file cannot exhaust the machine."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Limits:
    max_file_mb: int = 200  # size of the file on disk
    max_unpacked_mb: int = 500  # total uncompressed size of a .docx's parts
    max_compression_ratio: int = 200  # a part that inflates more than this is treated as a zip bomb
    max_pages: int = 2000  # PDF pages
    max_blocks: int = 200_000  # blocks in the document model


DEFAULT_LIMITS = Limits()
