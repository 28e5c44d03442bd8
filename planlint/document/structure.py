"""The structure of a plan as a reader sees it, settled once every block is read, in every format.

- The table of contents: its heading ("Innehåll") and the lines after it that end in a page number or that the
  reader marked (Word's TOC styles and field, a Markdown list of links), and runs of dot-leader lines anywhere.
  They are kept and marked, never evidence.
- The title: the title style (marked by the reader), else the largest line before the first heading; the reader
  falls back on the document properties.
- Headings by their look: a short paragraph, bold or set larger than the body text, that stands alone before body
  text. Manual numbering ("3", "3.2", "3.2.1") gives the level; otherwise the size and weight do, largest first.
  Lines of the title page (before the first heading whose look recurs) are not headings.
- Every block's section path, from the headings above it.
- The plan's period, from the title.
"""

from __future__ import annotations

import re
from collections import Counter

from planlint.document.model import Block, BlockKind, Document, Look

# How a heading or the title was recognised; outline shows it.
CUES = ("style", "outline", "numbering", "bold", "size", "markup", "layout", "toc")
CONTENTS_TITLES = {
    "innehåll",
    "innehållsförteckning",
    "innehållsförteckningen",
    "contents",
    "table of contents",
    "inhalt",
    "indhold",
    "innhold",
}
# "Tabell 1. Nämndens indikatorer", "Figur 3:": a caption names a table or figure, it opens no section
CAPTION = re.compile(r"^(?:tabell|figur|diagram|bild|bilaga|table|figure|chart|abbildung)\s+\d+\b", re.I)
NUMBERING = re.compile(r"^(\d{1,2}(?:\.\d{1,2}){0,4})\.?\s+(?=[^\W\d_])")
# A line of a table of contents: text, then dot leaders, a tab or spaces, then a page number.
TOC_ENTRY = re.compile(r"^\S.{0,150}?(?:\s*(?:\.\s?){2,}|\s*…+|\s)\s*\d{1,3}$")
DOT_LEADER = re.compile(r"(?:\.\s?){4,}\s*\d{1,3}$|…{2,}\s*\d{1,3}$")
MIN_LEADER_RUN = 2
MAX_HEADING_CHARS = 120
MAX_HEADING_WORDS = 16
HEADING_END = (".", ",", ";", ":", "!", "?")
HEADING_SIZE_RATIO = 1.15  # a paragraph this much larger than the body text looks like a heading
TITLE_SIZE_RATIO = 1.3  # the title is set at least this much larger than the body text
TITLE_SEARCH = 15  # the title is among the first blocks
MIN_BODY_WORDS = 12  # a paragraph this long is body text, never a line of the title page
FRONT_LINES = 12
MAX_FRONT_CHARS = 160
YEARS = re.compile(r"\b((?:19|20)\d\d)(?:\s*[-–—/]\s*((?:19|20)\d\d))?\b")


def settle(document: Document, looks: dict[int, Look]) -> None:
    """Mark the table of contents, find the title and the headings by look, then set every section path."""
    blocks = document.blocks
    mark_contents(blocks)
    body = body_size(blocks, looks)
    if not any(b.kind is BlockKind.TITLE for b in blocks):
        _title_by_look(document, looks, body)
    _headings_by_look(blocks, looks, body)
    set_sections(blocks)
    document.front = front_lines(blocks)
    if document.period is None and document.title:
        document.period = period(document.title)


def mark_contents(blocks: list[Block]) -> None:
    """Mark the table of contents: after a contents heading, and runs of dot-leader lines anywhere."""
    index = 0
    while index < len(blocks):
        block = blocks[index]
        if block.kind is not BlockKind.TABLE_CELL and fold(block.text) in CONTENTS_TITLES:
            block.toc = True
            if block.kind is BlockKind.PARAGRAPH:
                block.kind, block.cue = BlockKind.HEADING, "toc"
                block.level = 1
            index += 1
            while index < len(blocks) and _entry(blocks[index]):
                _as_entry(blocks[index])
                index += 1
            continue
        run = index
        while run < len(blocks) and (blocks[run].toc or _leader(blocks[run])):
            run += 1
        if run - index >= MIN_LEADER_RUN or (run > index and blocks[index].toc):
            for entry in blocks[index:run]:
                _as_entry(entry)
            index = run
        else:
            index += 1


def _entry(block: Block) -> bool:
    """Whether a block right after a contents heading (or another entry) is a line of the contents."""
    if block.toc:
        return True
    if block.kind is BlockKind.TABLE_CELL or block.kind is BlockKind.TITLE:
        return False
    if TOC_ENTRY.match(block.text):
        return True
    return block.kind is BlockKind.LIST_ITEM and heading_text(block.text)


def _leader(block: Block) -> bool:
    """A dot-leader line ends in its page number: other text is not scanned (a search tries every full stop)."""
    text = block.text
    return block.kind is not BlockKind.TABLE_CELL and text[-1:].isdecimal() and bool(DOT_LEADER.search(text))


def _as_entry(block: Block) -> None:
    """A contents line: never a heading, whatever its look."""
    block.toc = True
    if block.kind is BlockKind.HEADING and block.cue != "toc" and fold(block.text) not in CONTENTS_TITLES:
        block.kind, block.level, block.cue = BlockKind.PARAGRAPH, None, None


def fold(text: str) -> str:
    """A heading's words for comparing: lower case, without numbering and a closing colon."""
    return NUMBERING.sub("", text).strip().rstrip(":").strip().lower()


def heading_text(text: str) -> bool:
    """Whether a text is short and shaped like a heading: no closing punctuation, starting with a letter or digit."""
    return (
        len(text) <= MAX_HEADING_CHARS
        and len(text.split()) <= MAX_HEADING_WORDS
        and not text.endswith(HEADING_END)
        and text[:1].isalnum()
    )


def numbering(text: str) -> str | None:
    """A heading's manual numbering without a closing full stop: "3.2 Mål" → "3.2"; None without one."""
    match = NUMBERING.match(text)
    return match.group(1) if match else None


def numbering_depth(text: str) -> int | None:
    """The depth of a heading's manual numbering: "3" → 1, "3.2" → 2, "3.2.1" → 3; None without one."""
    number = numbering(text)
    return number.count(".") + 1 if number else None


def opens(parent: str, child: str) -> bool:
    """Whether a heading's numbering makes it the parent of another's: "3" opens "3.1" and "3.1.2", not "4.1"."""
    number, inner = numbering(parent), numbering(child)
    return number is not None and inner is not None and inner.startswith(number + ".")


def body_size(blocks: list[Block], looks: dict[int, Look]) -> float | None:
    """The font size of most of the text of paragraphs with a known look."""
    sizes: Counter[float] = Counter()
    for index, look in looks.items():
        if look.size is not None:
            sizes[look.size] += len(blocks[index].text)
    return sizes.most_common(1)[0][0] if sizes else None


def _key(look: Look) -> tuple[float, bool]:
    return round((look.size or 0.0) * 2) / 2, look.bold


def _looks_like_heading(block: Block, look: Look | None, body: float | None) -> bool:
    if look is None or block.kind is not BlockKind.PARAGRAPH or block.toc or not heading_text(block.text):
        return False
    if CAPTION.match(block.text):
        return False
    if look.size is None or body is None:
        return look.bold
    return look.size >= body * HEADING_SIZE_RATIO or (look.bold and look.size >= body - 0.5)


def _title_by_look(document: Document, looks: dict[int, Look], body: float | None) -> None:
    """The largest short line of the title page (the first blocks, before any heading or body text), set well
    above the body text."""
    if body is None:
        return
    best: Block | None = None
    for block in document.blocks[:TITLE_SEARCH]:
        if block.kind is BlockKind.HEADING and not block.toc or numbering_depth(block.text) is not None:
            break  # the title page ends at the first heading
        if not block.toc and not heading_text(block.text):
            break  # or with the first body text
        look = looks.get(block.index)
        if look is None or look.size is None or block.kind is not BlockKind.PARAGRAPH or block.toc:
            continue
        if look.size >= body * TITLE_SIZE_RATIO:
            if best is None or look.size > (looks[best.index].size or 0):
                best = block
    if best is not None:
        best.kind, best.cue = BlockKind.TITLE, "size"
        document.title = document.title or best.text  # a title style names the plan first


def _headings_by_look(blocks: list[Block], looks: dict[int, Look], body: float | None) -> None:
    """Turn paragraphs that look like headings and stand before body text into headings, with levels."""
    candidates = {b.index for b in blocks if _looks_like_heading(b, looks.get(b.index), body)}
    if not candidates:
        return
    accepted: set[int] = set()
    for index in sorted(candidates, reverse=True):
        if _stands_before_body(blocks, index, candidates, accepted, looks):
            accepted.add(index)
    accepted -= _title_page(blocks, accepted, looks)
    if not accepted:
        return
    levels = _levels([blocks[i] for i in sorted(accepted)], looks)
    parent = 0  # the level of the last heading with a style: headings by look stand below it
    for block in blocks:
        if block.kind is BlockKind.HEADING and not block.toc:
            parent = block.level or 0
        elif block.index in accepted:
            depth = numbering_depth(block.text)
            block.kind = BlockKind.HEADING
            block.level = depth if depth is not None else parent + levels[_key(looks[block.index])]
            block.cue = "numbering" if depth is not None else _look_cue(looks[block.index], body)


def _look_cue(look: Look, body: float | None) -> str:
    """What marks a heading out: its size when it is set larger than the body text, else its weight."""
    larger = look.size is not None and body is not None and look.size >= body * HEADING_SIZE_RATIO
    return "size" if larger else "bold"


def _stands_before_body(
    blocks: list[Block], index: int, candidates: set[int], accepted: set[int], looks: dict[int, Look]
) -> bool:
    """Whether what follows a heading-like paragraph is body text, a heading, or a heading by look set smaller."""
    if index + 1 >= len(blocks):
        return False
    following = blocks[index + 1]
    if following.toc or following.kind is BlockKind.TITLE:
        return False
    if following.kind is BlockKind.HEADING:
        return True
    if following.index in candidates:
        if opens(blocks[index].text, following.text):  # "3 Strategiska mål" before "3.1 Trygghet"
            return following.index in accepted
        return following.index in accepted and _key(looks[following.index]) != _key(looks[index])
    return True


def _title_page(blocks: list[Block], accepted: set[int], looks: dict[int, Look]) -> set[int]:
    """The lines by look of the title page: those before the first real heading (a styled or numbered one, one
    whose look recurs, or one that body text follows) and before any body text."""
    counts = Counter(_key(looks[i]) for i in accepted)
    front: set[int] = set()
    for block in blocks:
        if block.kind is BlockKind.HEADING and not block.toc or _body_text(block):
            break
        if block.index in accepted:
            following = blocks[block.index + 1] if block.index + 1 < len(blocks) else None
            recurs = counts[_key(looks[block.index])] >= 2 or numbering_depth(block.text) is not None
            if recurs or (following is not None and _body_text(following)):
                break
            front.add(block.index)
    return front


def _body_text(block: Block) -> bool:
    """Whether a block is body text beyond doubt: a list, a table, or a paragraph of some length."""
    if block.toc or block.kind is BlockKind.TITLE or block.kind is BlockKind.HEADING:
        return False
    return block.kind is not BlockKind.PARAGRAPH or len(block.text.split()) >= MIN_BODY_WORDS


def _levels(headings: list[Block], looks: dict[int, Look]) -> dict[tuple[float, bool], int]:
    """Level by look: the depth its numbered headings mostly have, else one below the look above it."""
    depths: dict[tuple[float, bool], Counter[int]] = {}
    for block in headings:
        depth = numbering_depth(block.text)
        if depth is not None:
            depths.setdefault(_key(looks[block.index]), Counter())[depth] += 1
    keys = sorted({_key(looks[b.index]) for b in headings}, key=lambda key: (-key[0], not key[1]))
    levels: dict[tuple[float, bool], int] = {}
    previous = 0
    for key in keys:
        level = depths[key].most_common(1)[0][0] if key in depths else previous + 1
        levels[key] = previous = level
    return levels


def set_sections(blocks: list[Block]) -> None:
    """Every block's section path: the open headings above it (the title and the contents open none)."""
    open_headings: list[tuple[int, str]] = []
    section: tuple[str, ...] = ()  # their texts, made again only at a heading
    for block in blocks:
        if block.kind is BlockKind.HEADING and not block.toc:
            level = block.level or 1
            while open_headings and open_headings[-1][0] >= level:
                open_headings.pop()
            # numbering says where a heading belongs: "3.1" does not stand under "2 Omvärld"
            while (
                open_headings
                and numbering(block.text)
                and numbering(open_headings[-1][1])
                and not opens(open_headings[-1][1], block.text)
            ):
                open_headings.pop()
            block.section = tuple(text for _, text in open_headings)
            open_headings.append((level, block.text))
            section = (*block.section, block.text)
        else:
            block.section = section


def front_lines(blocks: list[Block]) -> list[str]:
    """The short lines of the title page: the title and the paragraphs before the first heading."""
    lines = []
    for block in blocks[:FRONT_LINES]:
        if block.kind is BlockKind.HEADING or block.kind is BlockKind.TABLE_CELL:
            break
        if not block.toc and len(block.text) <= MAX_FRONT_CHARS:
            lines.append(block.text)
    return lines


def period(text: str) -> str | None:
    """The year or the range of years a title names: "Affärsplan 2026–2028" → "2026–2028"."""
    match = YEARS.search(text)
    if match is None:
        return None
    return f"{match.group(1)}–{match.group(2)}" if match.group(2) else match.group(1)
