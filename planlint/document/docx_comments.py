"""The Word comments of a .docx plan, each with the text of the paragraph it is anchored on.

The comments part is read straight from the package (word/comments.xml), the anchors from the main part the plan
reader has parsed. Call it on a file whose package's size limits are checked (the plan reader does).
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


def read_comments(path: Path, main: etree._Element) -> list[WordComment]:
    """Every comment of the plan, in the order of the comments part, anchored in `main` (the root of its
    word/document.xml); [] when the plan has none or they cannot be read (a plan's comments are never a reason to
    refuse the plan)."""
    try:
        with zipfile.ZipFile(path) as archive:
            names = set(archive.namelist())
            if "word/comments.xml" not in names:
                return []
            comments = etree.fromstring(archive.read("word/comments.xml"), PARSER)
    except (OSError, zipfile.BadZipFile, KeyError, etree.XMLSyntaxError):
        return []
    anchors = _anchors(main)
    found = []
    for comment in comments.iter(f"{W}comment"):
        text = normalize_space(" ".join(_text(p) for p in comment.iter(f"{W}p")))
        author = comment.get(f"{W}author") or ""
        found.append(WordComment(author, text, anchors.get(comment.get(f"{W}id"), "")))
    return found


def placed_comments(document: Document, path: Path, main: etree._Element) -> list[PlanComment]:
    """The plan's Word comments, each on the block it is anchored on: the first block with the anchor's text, else
    the first that holds it (a table cell holds its paragraphs)."""
    comments = read_comments(path, main)
    if not comments:
        return []
    first: dict[str, int] = {}  # text -> the first block with it, so that each comment is not a scan of the plan
    for block in document.blocks:
        first.setdefault(block.text, block.index)
    return [PlanComment(c.author, c.text, _anchored(document, first, c.anchor)) for c in comments]


def _anchored(document: Document, first: dict[str, int], anchor: str) -> int | None:
    if not anchor:
        return None
    if anchor in first:
        return first[anchor]
    return next((b.index for b in document.blocks if anchor in b.text), None)


def _anchors(main: etree._Element) -> dict[str, str]:
    """Comment id -> the text of the paragraph where its range starts (or its reference stands): the first in
    reading order, and for a mark in a text box the paragraph that anchors the box."""
    anchors: dict[str, str] = {}
    for mark in main.iter(f"{W}commentRangeStart", f"{W}commentReference"):
        key = mark.get(f"{W}id")
        paragraphs = [] if key in anchors else list(mark.iterancestors(f"{W}p"))
        if paragraphs:
            anchors[key] = normalize_space(_text(paragraphs[-1]))  # the outermost
    return anchors


def _text(paragraph: etree._Element) -> str:
    """The visible text of a paragraph: its w:t runs (deleted text is w:delText and left out)."""
    return "".join(t.text or "" for t in paragraph.iter(f"{W}t"))
