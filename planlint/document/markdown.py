"""Markdown plans, parsed with markdown-it-py (CommonMark with tables)."""

from __future__ import annotations

from pathlib import Path

from markdown_it import MarkdownIt
from markdown_it.token import Token

from planlint.document.limits import Limits
from planlint.document.model import BlockKind, Document, DocumentBuilder, Location
from planlint.document.text import decode


def read(path: Path, limits: Limits) -> Document:
    builder = DocumentBuilder(path, "md", limits.max_blocks)
    source = decode(path, path.read_bytes())
    tokens = MarkdownIt("commonmark").enable("table").parse(source)
    list_depth = 0
    table = row = column = 0
    pending: tuple[str, int, Location] | None = None  # (kind, level, location) of the open block
    for token in tokens:
        line = token.map[0] + 1 if token.map else None
        match token.type:
            case "bullet_list_open" | "ordered_list_open":
                list_depth += 1
            case "bullet_list_close" | "ordered_list_close":
                list_depth -= 1
            case "heading_open":
                pending = ("heading", int(token.tag[1:]), Location(line=line))
            case "paragraph_open":
                kind = BlockKind.LIST_ITEM if list_depth else BlockKind.PARAGRAPH
                pending = (kind, 0, Location(line=line))
            case "table_open":
                table += 1
                row = 0
            case "tr_open":
                row += 1
                column = 0
                row_line = line
            case "th_open" | "td_open":
                column += 1
                pending = (BlockKind.TABLE_CELL, 0, Location(line=row_line, table=table, row=row, column=column))
            case "inline" if pending is not None:
                kind, level, location = pending
                text = _plain(token)
                if kind == "heading":
                    builder.heading(text, level, location)
                else:
                    builder.add(kind, text, location)
                pending = None
    return builder.document


def _plain(inline: Token) -> str:
    """The text of an inline token without markup: link text kept, images by their alt text, breaks as spaces."""
    parts = []
    for child in inline.children or []:
        if child.type in ("text", "code_inline"):
            parts.append(child.content)
        elif child.type in ("softbreak", "hardbreak"):
            parts.append(" ")
        elif child.type == "image":
            parts.append(child.content)
    return "".join(parts)
