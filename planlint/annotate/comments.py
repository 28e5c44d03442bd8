"""Word comments written straight into the XML of a document opened with python-docx, in one pass.

python-docx's `Document.add_comment` looks up every comment id again for each new comment (and walks runs
through its proxy objects), so its time grows with the square of the number of comments. Here the next free
id is found once, each comment is appended to word/comments.xml as a `w:comment`, and its paragraph gets a
`w:commentRangeStart` after its properties and a `w:commentRangeEnd` plus a `w:commentReference` run at its
end. Removing comments also removes their range marks and reference runs, and their entries in the Word 2016+
parts commentsExtended, commentsIds and commentsExtensible; nothing else in the package is touched.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

import docx
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.part import Part
from docx.oxml.ns import qn
from docx.parts.comments import CommentsPart
from lxml import etree

from planlint.errors import PlanInputError

W14 = "{http://schemas.microsoft.com/office/word/2010/wordml}"
W15 = "{http://schemas.microsoft.com/office/word/2012/wordml}"
W16CID = "{http://schemas.microsoft.com/office/word/2016/wordml/cid}"
W16CEX = "{http://schemas.microsoft.com/office/word/2018/wordml/cex}"
RT_EXTENDED = "http://schemas.microsoft.com/office/2011/relationships/commentsExtended"
RT_IDS = "http://schemas.microsoft.com/office/2016/09/relationships/commentsIds"
RT_EXTENSIBLE = "http://schemas.microsoft.com/office/2018/08/relationships/commentsExtensible"

P, PPR, PSTYLE, R, RPR, RSTYLE, T = (qn(f"w:{n}") for n in ("p", "pPr", "pStyle", "r", "rPr", "rStyle", "t"))
COMMENT, ANNOTATION_REF = qn("w:comment"), qn("w:annotationRef")
RANGE_START, RANGE_END, REFERENCE = qn("w:commentRangeStart"), qn("w:commentRangeEnd"), qn("w:commentReference")
ID, AUTHOR, INITIALS, DATE, VAL = qn("w:id"), qn("w:author"), qn("w:initials"), qn("w:date"), qn("w:val")
PARA_ID = f"{W14}paraId"
XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"

MAX_ID = 2**31 - 1  # w:id is a 32-bit number
# The Word 2016+ comment parts are read as bytes: no entity is expanded, no DTD or network is loaded.
SAFE_PARSER = etree.XMLParser(resolve_entities=False, load_dtd=False, no_network=True, huge_tree=False)


class CommentPartError(PlanInputError):
    """A comment part of the plan that cannot be read (empty, damaged, an entity bomb)."""

    def __init__(self, source: Path | None, part: str, detail: str) -> None:
        detail = " ".join(detail.split())[:100]
        reason = (
            f"kommentarsdelen {part} går inte att tolka: {detail}",
            f"the comment part {part} cannot be parsed: {detail}",
        )
        super().__init__(source, "corrupt", reason=reason)


Note = tuple[etree._Element, list[str]]  # a w:p of the body and the paragraphs of the comment on it


def add_comments(
    word: docx.document.Document, notes: Iterable[Note], author: str, initials: str, when: dt.datetime
) -> int:
    """Add one comment per note, anchored on the whole of its paragraph; returns how many were added."""
    comments = _comments_root(word, create=True)
    assert comments is not None  # created when missing
    next_id = _next_id(comments, word.element)
    date = when.strftime("%Y-%m-%dT%H:%M:%SZ")
    added = 0
    for paragraph, lines in notes:
        comment_id = str(next_id + added)
        comments.append(_comment(comments, comment_id, lines, {AUTHOR: author, INITIALS: initials, DATE: date}))
        _mark(paragraph, comment_id)
        added += 1
    return added


def remove_comments(word: docx.document.Document, author: str, source: Path | None = None) -> int:
    """Remove every comment by `author`, with its marks in the body; returns how many were removed."""
    comments = _comments_root(word, create=False)
    if comments is None:
        return 0
    removed = [c for c in comments.iterchildren(COMMENT) if c.get(AUTHOR) == author]
    ids = {c.get(ID) for c in removed}
    para_ids = {p.get(PARA_ID) for c in removed for p in c.iter(P)} - {None}
    for comment in removed:
        comments.remove(comment)
    _unmark(word.element, ids)
    if para_ids:
        _drop_extensions(word.part, para_ids, source)
    return len(removed)


def _comments_root(word: docx.document.Document, create: bool) -> etree._Element | None:
    """The `w:comments` element of word/comments.xml, creating the part (and its relationship) when asked."""
    part = word.part
    try:
        related: Any = part.part_related_by(RT.COMMENTS)  # the comments part python-docx loaded
        return related.element
    except KeyError:
        if not create:
            return None
    comments = CommentsPart.default(part.package)
    part.relate_to(comments, RT.COMMENTS)
    return comments.element


def _next_id(comments: etree._Element, document: etree._Element) -> int:
    """One more than the highest comment id used, in the comments part or by a mark in the body."""
    marks = document.iter(RANGE_START, RANGE_END, REFERENCE)
    used = (_int(e.get(ID)) for e in (*comments.iterchildren(COMMENT), *marks))
    return max((i for i in used if i is not None), default=-1) + 1


def _int(value: str | None) -> int | None:
    """A comment id, or None for one that is no id Word can use (not a number, or out of its 32-bit range)."""
    try:
        number = int(value) if value is not None and len(value) <= 10 else None
    except ValueError:
        return None
    return number if number is not None and 0 <= number <= MAX_ID else None


def _comment(comments: etree._Element, comment_id: str, lines: list[str], attributes: dict[str, str]) -> etree._Element:
    """A `w:comment` with one paragraph per line, the first starting with Word's annotation mark."""
    comment = comments.makeelement(COMMENT, {ID: comment_id, **attributes})
    for number, line in enumerate(lines):
        p = etree.SubElement(comment, P)
        etree.SubElement(etree.SubElement(p, PPR), PSTYLE, {VAL: "CommentText"})
        if number == 0:
            etree.SubElement(_run(p), ANNOTATION_REF)
        text = etree.SubElement(etree.SubElement(p, R), T, {XML_SPACE: "preserve"})
        text.text = line
    return comment


def _run(p: etree._Element) -> etree._Element:
    """A new run at the end of `p` in the CommentReference character style."""
    run = etree.SubElement(p, R)
    etree.SubElement(etree.SubElement(run, RPR), RSTYLE, {VAL: "CommentReference"})
    return run


def _mark(paragraph: etree._Element, comment_id: str) -> None:
    """Anchor a comment on a whole paragraph: range start after w:pPr, range end and reference run at the end."""
    first = 1 if len(paragraph) and paragraph[0].tag == PPR else 0
    paragraph.insert(first, paragraph.makeelement(RANGE_START, {ID: comment_id}))
    paragraph.append(paragraph.makeelement(RANGE_END, {ID: comment_id}))
    etree.SubElement(_run(paragraph), REFERENCE, {ID: comment_id})


def _unmark(document: etree._Element, ids: set[str | None]) -> None:
    """Remove the range marks of these comments, and their reference runs (or only the reference, in a run
    that holds anything else)."""
    for mark in list(document.iter(RANGE_START, RANGE_END, REFERENCE)):
        if mark.get(ID) not in ids:
            continue
        run = mark.getparent()
        alone = mark.tag == REFERENCE and run.tag == R and all(c is mark or c.tag == RPR for c in run)
        target = run if alone else mark
        target.getparent().remove(target)


def _drop_extensions(part: Part, para_ids: set[str], source: Path | None = None) -> None:
    """Remove the Word 2016+ entries of removed comments (found by their paragraph ids, then durable ids)."""
    durable_ids: set[str] = set()

    def extended(root: etree._Element) -> None:
        for entry in list(root.iterchildren(f"{W15}commentEx")):
            if entry.get(f"{W15}paraId") in para_ids:
                root.remove(entry)
            elif entry.get(f"{W15}paraIdParent") in para_ids:
                del entry.attrib[f"{W15}paraIdParent"]  # a reply to a removed comment stands on its own

    def ids(root: etree._Element) -> None:
        for entry in list(root.iterchildren(f"{W16CID}commentId")):
            if entry.get(f"{W16CID}paraId") in para_ids:
                durable_ids.add(entry.get(f"{W16CID}durableId"))
                root.remove(entry)

    def extensible(root: etree._Element) -> None:
        for entry in list(root.iterchildren(f"{W16CEX}commentExtensible")):
            if entry.get(f"{W16CEX}durableId") in durable_ids:
                root.remove(entry)

    for reltype, edit in ((RT_EXTENDED, extended), (RT_IDS, ids), (RT_EXTENSIBLE, extensible)):
        _edit_part(part, reltype, edit, source)


def _edit_part(part: Part, reltype: str, edit: Callable[[etree._Element], None], source: Path | None = None) -> None:
    """Edit the XML of a related part that python-docx keeps as bytes, if the document has that part."""
    try:
        related = part.part_related_by(reltype)
    except KeyError:
        return
    try:
        root = etree.fromstring(related.blob, SAFE_PARSER)
    except etree.XMLSyntaxError as exc:  # empty, cut off, or an entity bomb (never expanded)
        raise CommentPartError(source, str(related.partname), str(exc)) from None
    if root is None:
        raise CommentPartError(source, str(related.partname), "tom")
    edit(root)
    # python-docx keeps parts it has no class for as bytes in `_blob`, with no public setter.
    related._blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
