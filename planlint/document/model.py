"""The document model every reader produces: a Document of Blocks in reading order."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from enum import Enum
from pathlib import Path

from planlint.errors import PlanTooLarge


class BlockKind(str, Enum):
    """What a block is in the plan's structure."""

    TITLE = "title"  # the plan's title: shown, but it opens no section
    HEADING = "heading"
    PARAGRAPH = "paragraph"
    LIST_ITEM = "list_item"
    TABLE_CELL = "table_cell"


@dataclass(frozen=True, slots=True)
class Location:
    """Where a block stands in its file. Only the fields that make sense for the format are set."""

    page: int | None = None  # 1-based, PDF
    paragraph: int | None = None  # 1-based body paragraph number, .docx
    line: int | None = None  # 1-based first line, .txt and .md
    table: int | None = None  # 1-based table number
    row: int | None = None  # 1-based
    column: int | None = None  # 1-based

    def as_dict(self) -> dict[str, int]:
        return {k: getattr(self, k) for k in self.__slots__ if getattr(self, k) is not None}


@dataclass(frozen=True, slots=True)
class Look:
    """How a paragraph is set, for telling headings and the title by their look."""

    bold: bool = False
    size: float | None = None  # font size in points, when the format tells it


@dataclass(slots=True)
class Block:
    """One unit of body text: a heading, a paragraph, a list item or a table cell."""

    index: int
    kind: BlockKind
    text: str
    location: Location
    section: tuple[str, ...] = ()  # the headings above this block, outermost first
    level: int | None = None  # heading level (1 = top), headings only
    cue: str | None = None  # how a heading or the title was recognised (a key of structure.CUES)
    toc: bool = False  # a line of the table of contents (or its heading): shown, never evidence

    def as_dict(self) -> dict:
        data = {
            "block": self.index,
            "kind": self.kind.value,
            "text": self.text,
            "section": list(self.section),
            "location": self.location.as_dict(),
        }
        if self.level is not None:
            data["level"] = self.level
        if self.cue is not None:
            data["cue"] = self.cue
        if self.toc:
            data["toc"] = True
        return data


@dataclass(frozen=True, slots=True)
class PlanComment:
    """A comment left in the plan file (a Word comment, a Markdown HTML comment) and the block it belongs to."""

    author: str  # "" where the format has no authors
    text: str
    block: int | None  # None: it could not be placed


@dataclass(slots=True)
class Document:
    """A plan as planlint reads it, whatever its format."""

    path: Path
    format: str  # "docx", "pdf", "md" or "txt"
    blocks: list[Block] = field(default_factory=list)
    title: str | None = None
    author: str | None = None
    organisation: str | None = None  # the förvaltning, nämnd or bolag, when the plan names it in a field
    period: str | None = None  # the year or years the plan covers ("2026", "2026–2028")
    front: list[str] = field(default_factory=list)  # the lines of the title page, before the first heading
    pages: int | None = None
    metadata: dict[str, str] = field(default_factory=dict)
    comments: list[PlanComment] = field(default_factory=list)  # the writer's comments (Word, Markdown)

    @property
    def word_count(self) -> int:
        return sum(len(b.text.split()) for b in self.blocks)

    @property
    def block_count(self) -> int:
        return len(self.blocks)

    def block_text(self, index: int | None) -> str | None:
        """The text of block `index`, or None when there is no such block."""
        return self.blocks[index].text if index is not None and 0 <= index < self.block_count else None

    def as_dict(self) -> dict:
        return {
            "path": str(self.path),
            "format": self.format,
            "title": self.title,
            "author": self.author,
            "organisation": self.organisation,
            "period": self.period,
            "front": list(self.front),
            "pages": self.pages,
            "metadata": dict(self.metadata),
            "blocks": [b.as_dict() for b in self.blocks],
        }


class DocumentBuilder:
    """Collects blocks in reading order, numbering them and keeping the section path; `finish` then settles what
    the reader could not tell line by line: headings by their look, the title and the table of contents."""

    def __init__(self, path: Path, fmt: str, max_blocks: int) -> None:
        self.document = Document(path=path, format=fmt)
        self.looks: dict[int, Look] = {}  # block index -> look, for paragraphs that may be headings by their look
        self._headings: list[tuple[int, str]] = []  # (level, text) of the open sections
        self._section: tuple[str, ...] = ()  # their texts, made again only when a heading opens a section
        self._max_blocks = max_blocks

    @property
    def section(self) -> tuple[str, ...]:
        return self._section

    def heading(self, text: str, level: int, location: Location, cue: str = "style", toc: bool = False) -> Block | None:
        """Add a heading and open its section (closing sections at the same or a deeper level)."""
        text = normalize_space(text)
        if not text:
            return None
        level = max(1, level)
        while self._headings and self._headings[-1][0] >= level:
            self._headings.pop()
        self._section = tuple(heading for _, heading in self._headings)
        block = self._append(BlockKind.HEADING, text, location, level)
        block.cue, block.toc = cue, toc
        if not toc:
            self._headings.append((level, text))
            self._section += (text,)
        return block

    def title(self, text: str, location: Location, cue: str = "style") -> Block | None:
        """Add the plan's title (the first one found names the document); it opens no section."""
        block = self.add(BlockKind.TITLE, text, location)
        if block is not None:
            block.cue = cue
            self.document.title = self.document.title or block.text
        return block

    def add(
        self, kind: BlockKind, text: str, location: Location, look: Look | None = None, toc: bool = False
    ) -> Block | None:
        """Add a body block; empty text is skipped. A paragraph's `look` lets `finish` tell a heading by it."""
        text = normalize_space(text)
        if not text:
            return None
        block = self._append(kind, text, location, None)
        block.toc = toc
        if look is not None:
            self.looks[block.index] = look
        return block

    def finish(self) -> Document:
        """Settle the structure and the plan's identity; the document is then complete."""
        from planlint.document.identity import labelled_front
        from planlint.document.structure import settle

        settle(self.document, self.looks)
        labelled_front(self.document)
        return self.document

    def _append(self, kind: BlockKind, text: str, location: Location, level: int | None) -> Block:
        blocks = self.document.blocks
        if len(blocks) >= self._max_blocks:
            raise PlanTooLarge(self.document.path, what="blocks", limit=self._max_blocks)
        block = Block(len(blocks), kind, text, location, self.section, level)
        blocks.append(block)
        return block


CONTROL: dict[int, str | None] = dict.fromkeys([*range(0x00, 0x20), *range(0x7F, 0xA0)], " ")
CONTROL[0xAD] = None  # soft hyphen
# Any character of CONTROL: str.translate looks each character up in the table, so only texts with one go there.
HAS_CONTROL = re.compile("[" + re.escape("".join(map(chr, CONTROL))) + "]")


def normalize_space(text: str) -> str:
    """Collapse runs of white space (including no-break spaces), drop soft hyphens, and turn control
    characters (a plan's text is untrusted: no terminal escape sequences reach a report) into spaces."""
    if HAS_CONTROL.search(text):
        text = text.translate(CONTROL)
    return " ".join(text.split())
