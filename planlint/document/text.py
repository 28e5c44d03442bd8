"""Plain-text plans: a block is a run of non-blank lines; a short line on its own without end punctuation is a
heading."""

from __future__ import annotations

import re
from pathlib import Path

from planlint.document.limits import Limits
from planlint.document.model import BlockKind, Document, DocumentBuilder, Location
from planlint.errors import PlanInputError

NUMBERED_HEADING = re.compile(r"^(\d+(?:\.\d+)*)\.?\s+\S")
LIST_MARK = re.compile(r"^\s*(?:[-*•–]|\d+[.)])\s+")
MAX_HEADING_CHARS = 90


def read(path: Path, limits: Limits) -> Document:
    builder = DocumentBuilder(path, "txt", limits.max_blocks)
    lines = decode(path, path.read_bytes()).splitlines()
    start = None
    for number, line in enumerate(lines + [""], 1):
        if line.strip():
            start = start or number
            continue
        if start is not None:
            _add_run(builder, lines[start - 1 : number - 1], start)
            start = None
    return builder.document


def decode(path: Path, data: bytes) -> str:
    """Decode UTF-8 (with or without BOM), falling back to Windows-1252 as older Swedish files use."""
    if b"\x00" in data[:4096]:
        raise PlanInputError(path, "bad_encoding")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def _add_run(builder: DocumentBuilder, run: list[str], line: int) -> None:
    text = " ".join(s.strip() for s in run)
    location = Location(line=line)
    if len(run) == 1 and _looks_like_heading(text):
        match = NUMBERED_HEADING.match(text)
        level = match.group(1).count(".") + 1 if match else 1
        builder.heading(text, level, location)
    elif LIST_MARK.match(run[0]):
        builder.add(BlockKind.LIST_ITEM, LIST_MARK.sub("", text, count=1), location)
    else:
        builder.add(BlockKind.PARAGRAPH, text, location)


def _looks_like_heading(text: str) -> bool:
    return (
        len(text) <= MAX_HEADING_CHARS
        and not text.endswith((".", ":", ";", ",", "!", "?"))
        and not LIST_MARK.match(text)
        and text[:1].isupper() | text[:1].isdigit()
    )
