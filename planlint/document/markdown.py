"""Markdown plans, parsed with markdown-it-py (CommonMark with tables).

YAML front matter is the plan's identity (title, organisation, year), not its text. A lone level-1 heading at the
top is the title. A list whose items are only links within the document is a table of contents.
"""

from __future__ import annotations

import re
from pathlib import Path

from markdown_it import MarkdownIt
from markdown_it.token import Token

from planlint.document.identity import labelled
from planlint.document.limits import Limits
from planlint.document.model import BlockKind, Document, DocumentBuilder, Location, PlanComment
from planlint.document.text import decode

HTML_COMMENT = re.compile(r"<!--(?P<body>.*?)-->", re.S)

FRONT_MATTER = re.compile(r"\A---[ \t]*\r?\n(.*?\r?\n)(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z)", re.S)


def read(path: Path, limits: Limits) -> Document:
    builder = DocumentBuilder(path, "md", limits.max_blocks)
    raw = decode(path, path.read_bytes())
    source = _front_matter(builder.document, raw)
    tokens = MarkdownIt("commonmark").enable("table").parse(source)
    title = _title_heading(tokens)
    list_depth = 0
    table = row = column = 0
    pending: tuple[str | BlockKind, int, Location] | None = None  # (kind, level, location) of the open block
    for index, token in enumerate(tokens):
        line = token.map[0] + 1 if token.map else None
        match token.type:
            case "bullet_list_open" | "ordered_list_open":
                list_depth += 1
            case "bullet_list_close" | "ordered_list_close":
                list_depth -= 1
            case "heading_open":
                pending = ("title" if index == title else "heading", int(token.tag[1:]), Location(line=line))
            case "paragraph_open":
                pending = (BlockKind.LIST_ITEM if list_depth else BlockKind.PARAGRAPH, 0, Location(line=line))
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
                opened, level, location = pending
                text = _plain(token)
                if opened == "title":
                    builder.title(text, location, "markup")
                elif opened == "heading":
                    builder.heading(text, level, location, "markup")
                else:
                    assert isinstance(opened, BlockKind)
                    builder.add(opened, text, location, toc=opened is BlockKind.LIST_ITEM and _only_link(token))
                pending = None
    document = builder.finish()
    document.comments = _html_comments(document, raw)
    return document


def _html_comments(document: Document, text: str) -> list[PlanComment]:
    """The HTML comments of a Markdown plan, each on the block that starts on its line, else the next one."""
    comments = []
    for match in HTML_COMMENT.finditer(text):
        line = text.count("\n", 0, match.start()) + 1
        block = next((b for b in document.blocks if b.location.line is not None and b.location.line >= line), None)
        comments.append(PlanComment("", match["body"], None if block is None else block.index))
    return comments


def _front_matter(document: Document, source: str) -> str:
    """Take the YAML front matter's title, organisation and year into the document; blank its lines, so that the
    line numbers of the text stay true. Front matter that is no YAML mapping is left as text."""
    match = FRONT_MATTER.match(source)
    if match is None:
        return source
    import yaml  # only plans with front matter need it

    try:
        fields = yaml.safe_load(match.group(1))
    except yaml.YAMLError:
        return source
    if not isinstance(fields, dict):
        return source
    for key, value in fields.items():
        labelled(document, str(key), value)
    return "\n" * match.group(0).count("\n") + source[match.end() :]


def _title_heading(tokens: list[Token]) -> int | None:
    """The index of the heading that is the title: the first heading, at level 1, and the only level-1 one."""
    headings = [(i, t.tag) for i, t in enumerate(tokens) if t.type == "heading_open"]
    if not headings or headings[0][1] != "h1" or sum(1 for _, tag in headings if tag == "h1") > 1:
        return None
    return headings[0][0]


def _only_link(inline: Token) -> bool:
    """Whether an inline's only content is one link to a place in the same document ("[Mål](#mal)")."""
    children = [c for c in inline.children or [] if not (c.type == "text" and not c.content.strip())]
    return (
        len(children) >= 3
        and children[0].type == "link_open"
        and children[-1].type == "link_close"
        and str(children[0].attrs.get("href", "")).startswith("#")
        and all(c.type not in ("link_open", "link_close") for c in children[1:-1])
    )


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
