"""Plain-text plans: a block is a run of non-blank lines; a short line on its own without end punctuation is a
heading, and so is a short line between rules ("=====", "-----") or underlined by one, as planning systems print
their reports. The first block, when it is an unnumbered heading, is the title; "Label: value" lines of the
header (Enhet, Period …) name the plan's organisation and period."""

from __future__ import annotations

import re
from pathlib import Path

from planlint.document.identity import labelled_line
from planlint.document.limits import Limits
from planlint.document.model import BlockKind, Document, DocumentBuilder, Location
from planlint.document.structure import CAPTION, TOC_ENTRY
from planlint.errors import PlanInputError

NUMBERED_HEADING = re.compile(r"^(\d+(?:\.\d+)*)\.?\s+\S")
LIST_MARK = re.compile(r"^\s*(?:[-*•–]|\d+[.)])\s+")
RULE = re.compile(r"^\s*([=\-_*#~])\1{2,}\s*$")
MAX_HEADING_CHARS = 90
CAPITALS_SHARE = 0.7


def read(path: Path, limits: Limits) -> Document:
    builder = DocumentBuilder(path, "txt", limits.max_blocks)
    lines = decode(path, path.read_bytes()).splitlines()
    start = None
    ruled = False  # the run being collected comes right after a rule
    for number, line in enumerate(lines + [""], 1):
        rule = bool(RULE.match(line))
        if line.strip() and not rule:
            start = start or number
            continue
        if start is not None:
            underlined = rule and number - start == 1
            _add_run(builder, lines[start - 1 : number - 1], start, ruled or underlined)
            start = None
        ruled = rule
    _rank_layout_headings(builder.document)
    return builder.finish()


def decode(path: Path, data: bytes) -> str:
    """Decode UTF-8 (with or without BOM), falling back to Windows-1252 as older Swedish files use."""
    if b"\x00" in data[:4096]:
        raise PlanInputError(path, "bad_encoding")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def _add_run(builder: DocumentBuilder, run: list[str], line: int, ruled: bool) -> None:
    text = " ".join(s.strip() for s in run)
    location = Location(line=line)
    first = not builder.document.blocks
    if first:
        for row in run:
            labelled_line(builder.document, row)
    if len(run) > 1 and all(TOC_ENTRY.match(row.strip()) for row in run):  # contents lines: one block each
        for number, row in enumerate(run, line):
            builder.add(BlockKind.PARAGRAPH, row, Location(line=number))
        return
    if len(run) == 1 and _looks_like_heading(text):
        match = NUMBERED_HEADING.match(text)
        if first and match is None and not ruled:
            builder.title(text, location, "layout")
            return
        level = match.group(1).count(".") + 1 if match else (1 if _capitals(text) else 2)
        builder.heading(text, level, location, "numbering" if match else "layout")
    elif LIST_MARK.match(run[0]):
        builder.add(BlockKind.LIST_ITEM, LIST_MARK.sub("", text, count=1), location)
    else:
        builder.add(BlockKind.PARAGRAPH, text, location)


def _capitals(text: str) -> bool:
    """Whether a heading is set in capitals (most of its letters)."""
    letters = [c for c in text if c.isalpha()]
    return bool(letters) and sum(c.isupper() for c in letters) >= CAPITALS_SHARE * len(letters)


def _rank_layout_headings(document: Document) -> None:
    """Headings in capitals are the top level when the plan has them. Otherwise an unnumbered heading stands one
    level below the numbered heading above it, or at the top when there is none."""
    layout = [b for b in document.blocks if b.kind is BlockKind.HEADING and b.cue == "layout"]
    if any(_capitals(b.text) for b in layout):
        return
    numbered = 0
    for block in document.blocks:
        if block.kind is BlockKind.HEADING and block.cue == "numbering":
            numbered = block.level or 0
        elif block.kind is BlockKind.HEADING and block.cue == "layout":
            block.level = numbered + 1


def _looks_like_heading(text: str) -> bool:
    return (
        len(text) <= MAX_HEADING_CHARS
        and not text.endswith((".", ":", ";", ",", "!", "?"))
        and (not LIST_MARK.match(text) or NUMBERED_HEADING.match(text) is not None)  # "1. Inledning" alone
        and not CAPTION.match(text)
        and text[:1].isupper() | text[:1].isdigit()
    )
