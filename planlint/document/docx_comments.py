"""The Word comments of a .docx plan, each with the text of the paragraph it is anchored on.

Read straight from the package (word/comments.xml and the body), apart from the plan reader, which reads only
the body text. Call it on a file `read_plan` has accepted: the package's size limits are checked there.
"""

from __future__ import annotations

import zipfile
from dataclasses import dataclass
from pathlib import Path

from lxml import etree

from planlint.document.model import Document, PlanComment, normalize_space

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
PARSER = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)


@dataclass(frozen=True)
class WordComment:
    author: str
    text: str  # the comment's own text, white space collapsed
    anchor: str  # the text of the paragraph the comment starts on, white space collapsed ("" if not found)


def read_comments(path: Path) -> list[WordComment]:
    """Every comment of the plan, in the order of the comments part; [] when the plan has none or they cannot be
    read (a plan's comments are never a reason to refuse the plan)."""
    try:
        with zipfile.ZipFile(path) as archive:
            names = set(archive.namelist())
            if "word/comments.xml" not in names:
                return []
            comments = etree.fromstring(archive.read("word/comments.xml"), PARSER)
            body = etree.fromstring(archive.read("word/document.xml"), PARSER)
    except (OSError, zipfile.BadZipFile, KeyError, etree.XMLSyntaxError):
        return []
    anchors = _anchors(body)
    found = []
    for comment in comments.iter(f"{W}comment"):
        text = normalize_space(" ".join(_text(p) for p in comment.iter(f"{W}p")))
        author = comment.get(f"{W}author") or ""
        found.append(WordComment(author, text, anchors.get(comment.get(f"{W}id"), "")))
    return found


def placed_comments(document: Document, path: Path) -> list[PlanComment]:
    """The plan's Word comments, each on the block it is anchored on: the paragraph with that text (in a table
    cell, the cell)."""
    return [PlanComment(c.author, c.text, _anchored(document, c.anchor)) for c in read_comments(path)]


def _anchored(document: Document, anchor: str) -> int | None:
    if not anchor:
        return None
    block = next((b for b in document.blocks if b.text == anchor), None) or next(
        (b for b in document.blocks if anchor in b.text), None
    )
    return None if block is None else block.index


def _anchors(body: etree._Element) -> dict[str, str]:
    """Comment id -> the text of the paragraph where its range starts (or its reference stands)."""
    anchors: dict[str, str] = {}
    for paragraph in body.iter(f"{W}p"):
        marks = [*paragraph.iter(f"{W}commentRangeStart"), *paragraph.iter(f"{W}commentReference")]
        if marks:
            text = normalize_space(_text(paragraph))
            for mark in marks:
                anchors.setdefault(mark.get(f"{W}id"), text)
    return anchors


def _text(paragraph: etree._Element) -> str:
    """The visible text of a paragraph: its w:t runs (deleted text is w:delText and left out)."""
    return "".join(t.text or "" for t in paragraph.iter(f"{W}t"))
