"""Blocks of a PDF plan from its lines in reading order: paragraphs, headings, list items and table cells."""

from __future__ import annotations

import re
from collections import Counter, defaultdict

from planlint.document.identity import is_labelled
from planlint.document.model import BlockKind, DocumentBuilder, Location, Look
from planlint.document.pdf_lines import SOFT_HYPHEN, Line
from planlint.document.pdf_tables import BROKEN, Table

LIST_MARK = re.compile(r"^(?:[•●▪■◦‣∙\uf0b7]|[-–—*]|\d{1,2}[.)])\s+")
BULLET = re.compile(r"^[•●▪■◦‣∙\uf0b7]\s")
SENTENCE_END = (".", ":", ";", "!", "?")
# "klimat-" at a line end before one of these is a suspended compound: "klimat- och energiplan"
SUSPENDED_BEFORE = {"och", "eller", "samt", "respektive", "och/eller"}
# short lower-case words written with a real hyphen: "it-stöd", "e-tjänst"
HYPHENED_ABBREVIATIONS = {"e", "it", "ikt", "sms", "gis", "lss", "hvb", "hbtq", "hbtqi"}
WORD = re.compile(r"[\w-]+")
PARAGRAPH_GAP = 0.2  # extra space, in font sizes, above the normal line pitch that ends a paragraph
INDENT = 0.8  # a line indented this many font sizes more than the one above starts a paragraph
FALLBACK_PITCH = 1.2  # line pitch, in font sizes, for a size with no measured pitch


def add_blocks(builder: DocumentBuilder, items: list[Line | Table]) -> None:
    """Group lines into blocks, classify them and add them, with the tables' cells, to the builder. Paragraphs keep
    their look: the builder tells headings and the title by it when it finishes."""
    lines = [item for item in items if isinstance(item, Line)]
    vocabulary = {word for line in lines for word in WORD.findall(line.text.lower().replace(SOFT_HYPHEN, ""))}
    groups = _group(items, _pitches(lines), _full_width(lines))
    tables = 0
    for group in groups:
        if isinstance(group, Table):
            tables += 0 if group.continued else 1
            _add_table(builder, group, tables, vocabulary)
            continue
        text = join_lines([line.text for line in group], vocabulary)
        location = Location(page=group[0].page)
        if LIST_MARK.match(text):
            builder.add(BlockKind.LIST_ITEM, LIST_MARK.sub("", text, count=1), location)
        else:
            builder.add(BlockKind.PARAGRAPH, text, location, Look(group[0].bold, group[0].size))


def _add_table(builder: DocumentBuilder, table: Table, number: int, vocabulary: set[str]) -> None:
    """Add a table's cells row by row; a hyphen that ends a line inside a cell is treated as hyphenation. A table
    that continues one on an earlier page keeps its number and goes on counting its rows."""
    for row_number, row in enumerate(table.rows, table.first_row):
        for column, cell in enumerate(row, 1):
            if cell:
                lines = _unbreak(cell.split("\n"), vocabulary)
                cell_lines = [re.sub(r"(?<=\w)-$", SOFT_HYPHEN, part.strip()) for part in lines]
                location = Location(page=table.page, table=number, row=row_number, column=column)
                builder.add(BlockKind.TABLE_CELL, join_lines(cell_lines, vocabulary), location)


def _unbreak(lines: list[str], vocabulary: set[str]) -> list[str]:
    """Join a line that may end in a broken word (marked BROKEN) with the next when that goes on in lower case with
    no word of its own: "Elevhälsoenk" "äten" → "Elevhälsoenkäten", but "föreningar" "som deltar" stay apart."""
    joined: list[str] = []
    carry = False
    for line in lines:
        text = line.removesuffix(BROKEN)
        if carry and _goes_on(joined[-1], text, vocabulary):
            joined[-1] += text
        else:
            joined.append(text)
        carry = line.endswith(BROKEN)
    return joined


def _goes_on(head: str, text: str, vocabulary: set[str]) -> bool:
    if not text[:1].islower():
        return False
    tail = re.findall(r"^\w*", text)[0].lower()
    word = (re.findall(r"\w+", head) or [""])[-1].lower()
    return tail not in vocabulary or word + tail in vocabulary


def join_lines(texts: list[str], vocabulary: set[str]) -> str:
    """Join a block's lines, undoing hyphenation at line ends and keeping real hyphens."""
    lines = [text.strip() for text in texts if text.strip()]
    pieces = []
    for index, text in enumerate(lines):
        if index:
            pieces.append(_glue(lines[index - 1], text, vocabulary))
        pieces.append(text.removesuffix(SOFT_HYPHEN))
    return "".join(pieces)


def _glue(previous: str, text: str, vocabulary: set[str]) -> str:
    """What goes between two lines: a space, nothing (hyphenation undone), or the hyphen pdfium took away."""
    if previous.endswith(SOFT_HYPHEN):
        return _hyphenation_glue(previous[:-1], text, vocabulary)
    if len(previous) > 1 and previous.endswith("-") and previous[-2].isalnum():
        return " " if _suspends(text) else ""
    return " "


def _hyphenation_glue(stem: str, text: str, vocabulary: set[str]) -> str:
    """Glue at a line-end hyphen: "arbets-" "marknad" → "", "klimat-" "och" → "- ", "it-" "stöd" → "-"."""
    if _suspends(text):
        return "- "
    if text.startswith(","):
        return "-"
    head = (re.findall(r"\w+", stem[-64:]) or [""])[-1]
    tail = re.findall(r"^\w*", text)[0]
    return "-" if _real_hyphen(head, tail, vocabulary) else ""


def _suspends(text: str) -> bool:
    """Whether a line starts with the word that follows a suspended compound ("klimat- och energiplan")."""
    words = text.split(maxsplit=1)
    return bool(words) and words[0].lower() in SUSPENDED_BEFORE


def _real_hyphen(head: str, tail: str, vocabulary: set[str]) -> bool:
    """Whether a hyphen between head and tail at a line end belongs to the word ("CO2-utsläpp", "it-stöd")."""
    if (head + tail).lower() in vocabulary:
        return False
    if f"{head}-{tail}".lower() in vocabulary:
        return True
    return (
        not head
        or any(c.isdigit() for c in head)
        or any(c.isupper() for c in head[1:])
        or tail[:1].isupper()
        or head.lower() in HYPHENED_ABBREVIATIONS
    )


def _pitches(lines: list[Line]) -> dict[float, float]:
    """The usual distance between the baselines of two lines of a paragraph, for each font size."""
    distances: dict[float, Counter] = defaultdict(Counter)
    for above, below in zip(lines, lines[1:]):
        if _same_column(above, below) and abs(above.size - below.size) < 0.5:
            distances[above.size][round(above.baseline - below.baseline, 1)] += 1
    return {size: counter.most_common(1)[0][0] for size, counter in distances.items()}


def _full_width(lines: list[Line]) -> dict[tuple[int, int], float]:
    """The right edge of the widest line for each page and left edge: where a full line of that column ends."""
    edges: dict[tuple[int, int], float] = {}
    for line in lines:
        key = (line.page, round(line.left))
        edges[key] = max(edges.get(key, line.right), line.right)
    return edges


def _group(
    items: list[Line | Table], pitches: dict[float, float], edges: dict[tuple[int, int], float]
) -> list[list[Line] | Table]:
    """Split the items into groups of lines that make one block; a table is a group of its own."""
    groups: list[list[Line] | Table] = []
    current: list[Line] = []
    for item in items:
        if isinstance(item, Table) or not current or _ends_block(current, item, pitches, edges):
            if current:
                groups.append(current)
            current = []
        if isinstance(item, Table):
            groups.append(item)
        else:
            current.append(item)
    if current:
        groups.append(current)
    return groups


def _ends_block(
    group: list[Line], line: Line, pitches: dict[float, float], edges: dict[tuple[int, int], float]
) -> bool:
    """Whether `line` starts a new block rather than continuing `group`."""
    above = group[-1]
    in_list = bool(LIST_MARK.match(group[0].text))
    if is_labelled(line.text) or is_labelled(above.text):
        return True  # a field of a report header ("Enhet: …") is a line of its own
    if _style(above) != _style(line):
        return True
    if not _same_column(above, line):
        full = above.right >= edges[(above.page, round(above.left))] - above.size
        return not (full or _continues(above, line))
    if LIST_MARK.match(line.text) and (in_list or BULLET.match(line.text) or above.text.endswith(SENTENCE_END)):
        return True
    pitch = pitches.get(line.size, FALLBACK_PITCH * line.size)
    if above.baseline - line.baseline > pitch + PARAGRAPH_GAP * line.size:
        return True
    if in_list:
        return line.left < group[0].left - INDENT * line.size
    return line.left - above.left > INDENT * line.size


def _same_column(above: Line, below: Line) -> bool:
    """Whether `below` stands under `above` on the same page, overlapping it horizontally."""
    return above.page == below.page and below.top < above.top and below.left < above.right and above.left < below.right


def _continues(above: Line, below: Line) -> bool:
    """Whether a line at the top of a new column or page goes on with the paragraph that ended the last one."""
    return above.text.endswith(SOFT_HYPHEN) or (not above.text.endswith(SENTENCE_END) and below.text[:1].islower())


def _style(line: Line) -> tuple[float, bool]:
    return round(line.size * 2) / 2, line.bold
