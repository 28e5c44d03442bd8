"""Ruled tables of PDF pages.

pypdfium2 lists the page's drawn rules (thin path objects) without parsing the content stream in Python;
pdfplumber's table finder, given those rules as explicit edges, joins them into cells (its lattice logic
is the better tool for merged cells and broken rules); pypdfium2 then reads each cell's text from its box,
line by line from the characters' baselines. A table that opens a page with the columns of the table that
closed the page before goes on with it.
Running pdfplumber's own page parser instead costs about a second a page, which a 100-page plan with an
indicator table on most pages cannot afford.
"""

from __future__ import annotations

import ctypes
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pypdfium2.raw as pdfium_c

RULE_THICKNESS = 2.5  # a path at most this thick (points) is a rule; a larger box gives its four edges
MIN_RULE_LENGTH = 3.0
MIN_RULES = 2  # per direction: fewer horizontal or vertical rules than this cannot make a table
MIN_ROWS = 2
MAX_RULES = 4000  # drawn rules on a page (a 15-page plan's busiest page has about 400)
MAX_GRID_POINTS = 2500  # distinct rule rows × columns, a 50 × 50 grid (a plan's tables have a few hundred)
MIN_COLUMNS = 2
FULL_LINE_CHARS = 2.5  # a line of a cell is full when it ends at most this many characters' width from the edge
COLUMN_TOLERANCE = 3.0  # points: column edges this close on two pages are the same column
BROKEN = "\u2060"  # ends a line of a cell that may be a word the cell's edge broke
BASELINE_TOLERANCE = 2.0  # points: characters whose baselines are this close stand on one line


@dataclass(slots=True)
class Table:
    """A table on a page, its box in PDF points (origin bottom left) and its cell texts row by row."""

    page: int
    left: float
    right: float
    top: float
    bottom: float
    rows: list[list[str | None]]
    columns: tuple[float, ...] = ()  # the x of every column edge
    continued: bool = False  # goes on with the table that ends the page before
    first_row: int = 1  # the number of its first row in the whole table
    header: list[str | None] | None = None  # the header row of the whole table

    def holds(self, x: float, y: float) -> bool:
        return self.left <= x <= self.right and self.bottom <= y <= self.top


def continue_tables(pages: list[list]) -> None:
    """Join a table that opens a page to the table that closes the page before when their columns stand at the
    same places: it keeps counting rows, and a header row it repeats is dropped."""
    for before, page in zip(pages, pages[1:]):
        if not before or not page:
            continue
        last, first = before[-1], page[0]
        if not (isinstance(last, Table) and isinstance(first, Table)) or not _same_columns(last, first):
            continue
        header = last.header if last.header is not None else (last.rows[0] if last.rows else None)
        first.continued, first.header = True, header
        if header is not None and first.rows and _cells(first.rows[0]) == _cells(header):
            first.rows = first.rows[1:]
        if first.rows and last.rows and _rest_of_row(first.rows[0]) and len(first.rows[0]) == len(last.rows[-1]):
            last.rows[-1] = [_join_cells(a, b) for a, b in zip(last.rows[-1], first.rows.pop(0))]
        first.first_row = last.first_row + len(last.rows)


def _rest_of_row(row: list[str | None]) -> bool:
    """Whether a row opening a page is the rest of a row the page break split: every cell it has text in goes on
    with lower-case text, as the end of a sentence or a word does."""
    texts = [cell.strip() for cell in row if cell and cell.strip()]
    return bool(texts) and all(text[:1].islower() for text in texts)


def _join_cells(above: str | None, below: str | None) -> str | None:
    """A cell's text with the rest the page break carried over, as its next lines."""
    if not below:
        return above
    return f"{above}\n{below}" if above else below


def _same_columns(a: Table, b: Table) -> bool:
    return len(a.columns) == len(b.columns) > 0 and all(
        abs(x - y) <= COLUMN_TOLERANCE for x, y in zip(a.columns, b.columns)
    )


def _cells(row: list[str | None]) -> list[str]:
    return [" ".join((cell or "").split()) for cell in row]


def rulings(page, height: float) -> tuple[list[dict], list[dict]]:
    """The page's horizontal and vertical rules as pdfplumber edges (y measured from the top)."""
    horizontal, vertical = [], []
    left, bottom, right, top = (ctypes.c_float() for _ in range(4))
    for index in range(pdfium_c.FPDFPage_CountObjects(page)):
        obj = pdfium_c.FPDFPage_GetObject(page, index)
        if pdfium_c.FPDFPageObj_GetType(obj) != pdfium_c.FPDF_PAGEOBJ_PATH:
            continue
        if not pdfium_c.FPDFPageObj_GetBounds(obj, *(ctypes.byref(v) for v in (left, bottom, right, top))):
            continue
        x0, x1, y0, y1 = left.value, right.value, height - top.value, height - bottom.value
        width, tall = x1 - x0, y1 - y0
        if tall <= RULE_THICKNESS and width >= MIN_RULE_LENGTH:
            horizontal.append(_edge("h", x0, x1, (y0 + y1) / 2, (y0 + y1) / 2))
        elif width <= RULE_THICKNESS and tall >= MIN_RULE_LENGTH:
            vertical.append(_edge("v", (x0 + x1) / 2, (x0 + x1) / 2, y0, y1))
        elif width >= MIN_RULE_LENGTH and tall >= MIN_RULE_LENGTH:  # a box: its four sides
            horizontal += [_edge("h", x0, x1, y0, y0), _edge("h", x0, x1, y1, y1)]
            vertical += [_edge("v", x0, x0, y0, y1), _edge("v", x1, x1, y0, y1)]
    return horizontal, vertical


def _edge(orientation: str, x0: float, x1: float, top: float, bottom: float) -> dict:
    return {
        "object_type": "rect_edge",
        "orientation": orientation,
        "x0": x0,
        "x1": x1,
        "top": top,
        "bottom": bottom,
        "width": x1 - x0,
        "height": bottom - top,
    }


class TableFinder:
    """Finds ruled tables with pdfplumber's table finder, opening the file only when a page has rules.

    The finder's time grows with the square of the grid (a 200 × 200 grid takes a minute), so a page with more
    rules or grid points than any real table is read without its tables, and its number kept in `skipped`."""

    def __init__(self, path: Path) -> None:
        self._path = path
        self._pdf: Any = None  # pdfplumber's PDF, opened when a page has ruled lines
        self.skipped: list[int] = []

    def find(self, page_number: int, page, textpage, height: float, lines: list) -> list[Table]:
        """The tables (at least two rows and two columns) of a page (1-based); `lines` are the page's text lines."""
        horizontal, vertical = rulings(page, height)
        if len(horizontal) < MIN_RULES or len(vertical) < MIN_RULES:
            return []
        if _too_dense(horizontal, vertical):
            self.skipped.append(page_number)
            return []
        if self._pdf is None:
            import pdfplumber  # here: most plans' pages have no ruled table, and it takes a quarter of a second

            self._pdf = pdfplumber.open(self._path)
        settings = {
            "vertical_strategy": "explicit",
            "horizontal_strategy": "explicit",
            "explicit_vertical_lines": vertical,
            "explicit_horizontal_lines": horizontal,
        }
        found_tables = self._pdf.pages[page_number - 1].find_tables(settings)
        areas = [(x0, height - bottom, x1, height - top) for x0, top, x1, bottom in (t.bbox for t in found_tables)]
        chars = _Chars(textpage, areas, lines)
        tables = []
        for found in found_tables:
            rows = [[chars.cell_text(box, height) if box else None for box in row.cells] for row in found.rows]
            if len(rows) >= MIN_ROWS and max(len(row) for row in rows) >= MIN_COLUMNS:
                x0, top, x1, bottom = found.bbox
                columns = _edges([x for cell in found.cells for x in (cell[0], cell[2])])
                tables.append(Table(page_number, x0, x1, height - top, height - bottom, rows, columns))
        return tables

    def close(self) -> None:
        if self._pdf is not None:
            try:
                self._pdf.close()
            except Exception:  # pdfminer can fail to close a damaged file; the text is read already
                pass


def _too_dense(horizontal: list[dict], vertical: list[dict]) -> bool:
    """More rules, or more crossings of distinct rule rows and columns, than a table of a plan has."""
    if len(horizontal) + len(vertical) > MAX_RULES:
        return True
    rows = {round(edge["top"]) for edge in horizontal}
    columns = {round(edge["x0"]) for edge in vertical}
    return len(rows) * len(columns) > MAX_GRID_POINTS


def _edges(xs: list[float]) -> tuple[float, ...]:
    """The distinct x positions, those closer than the tolerance counted once."""
    edges: list[float] = []
    for x in sorted(xs):
        if not edges or x - edges[-1] > COLUMN_TOLERANCE:
            edges.append(x)
    return tuple(edges)


class _Chars:
    """The characters of a page with their boxes and baselines, for reading a cell's text line by line.

    pdfium's own text of a box sometimes joins two lines of a narrow cell with a space it made up; here a cell's
    lines are told apart by their baselines, and a space is a space only where the page has one between words.
    """

    def __init__(self, textpage, areas: list[tuple[float, float, float, float]], lines: list) -> None:
        """Measure the characters of the lines that reach into one of the areas (left, bottom, right, top)."""
        self._textpage = textpage
        self.text = textpage.get_text_range()
        box = [ctypes.c_double() for _ in range(4)]
        refs = [ctypes.byref(v) for v in box]
        y = ctypes.c_double()
        x_ref, y_ref = ctypes.byref(ctypes.c_double()), ctypes.byref(y)
        # per character: (left, right, baseline), None for white space, marks and characters outside the areas
        self.places: list[Any] = [None] * len(self.text)  # (x0, x1, baseline) of each character, None for none
        get_origin, get_box = pdfium_c.FPDFText_GetCharOrigin, pdfium_c.FPDFText_GetCharBox
        raw = textpage.raw  # the handle itself: converting the wrapper on every call costs more than the call
        for line in lines:
            if not any(line.left < c and a < line.right and line.bottom < d and b < line.top for a, b, c, d in areas):
                continue
            for index in range(line.start, min(line.end, len(self.text))):
                if self.text[index].isspace() or self.text[index] in "\ufffe\x02":
                    continue
                get_box(raw, index, *refs)
                get_origin(raw, index, x_ref, y_ref)
                if box[1].value >= box[0].value:
                    self.places[index] = (box[0].value, box[1].value, y.value)
        self._by_baseline = sorted((place[2], i) for i, place in enumerate(self.places) if place is not None)
        self._baselines = [baseline for baseline, _ in self._by_baseline]

    def generated(self, index: int) -> bool:
        """Whether pdfium made the character up (a space or line break the page does not have)."""
        return bool(pdfium_c.FPDFText_IsGenerated(self._textpage, index))

    def cell_text(self, box: tuple[float, float, float, float], height: float) -> str:
        """The text inside a cell's box, its lines separated by newlines (a hyphenation mark as "-"). A line that can
        end in a word too long for the cell, broken without a hyphen, ends with BROKEN: one word, no space after it,
        reaching the cell's edge. Whether the next line goes on with the word, the reader judges by the plan's words."""
        x0, top, x1, bottom = box
        lines = self._lines(x0, height - bottom, x1, height - top)
        if not lines:
            return ""
        edge = x1 - (min(line.left for line in lines) - x0)  # where the text stops, as far from the rule as it starts

        def full(line: _CellLine) -> bool:  # a line of one word, not ended by a space, that reaches the edge
            return not line.spaced and " " not in line.text and edge - line.right <= FULL_LINE_CHARS * line.width

        return "\n".join(line.text + (BROKEN if full(line) and line.text[-1:].isalpha() else "") for line in lines)

    def _lines(self, left: float, bottom: float, right: float, top: float) -> list[_CellLine]:
        """The lines of text in a box, top down."""
        low, high = bisect_left(self._baselines, bottom), bisect_right(self._baselines, top)
        inside = sorted(
            i for _, i in self._by_baseline[low:high] if left <= (self.places[i][0] + self.places[i][1]) / 2 <= right
        )
        lines: list[_CellLine] = []
        parts: list[str] = []
        edges: list[tuple[float, float]] = []
        previous: Any = None  # the index before, None at the start
        for previous, index in zip([None, *inside], inside):
            between = self.text[previous + 1 : index] if previous is not None else ""
            mark = "-" if any(c in "\ufffe\x02" for c in between) else ""
            real_space = any(c.isspace() and not self.generated(previous + 1 + k) for k, c in enumerate(between))
            if edges and abs(self.places[index][2] - self.places[previous][2]) > BASELINE_TOLERANCE:
                lines.append(_line(parts, mark, real_space, edges))
                parts, edges = [], []
            elif between and (mark or any(c.isspace() for c in between)):
                parts.append(mark or " ")
            parts.append(self.text[index])
            edges.append(self.places[index][:2])
        if parts:
            after = self.text[inside[-1] + 1 : inside[-1] + 3]  # a space (and a line break) pdfium put after it
            spaced = any(c.isspace() and not self.generated(inside[-1] + 1 + k) for k, c in enumerate(after))
            lines.append(_line(parts, "", spaced, edges))
        return lines


def _line(parts: list[str], mark: str, spaced: bool, edges: list[tuple[float, float]]) -> _CellLine:
    width = sum(x1 - x0 for x0, x1 in edges) / len(edges)
    return _CellLine(
        "".join(parts).strip() + mark, spaced or bool(mark), edges[0][0], max(x1 for _, x1 in edges), width
    )


@dataclass(slots=True)
class _CellLine:
    """A line of text in a cell: its text, whether the page has a space after it, its left and right edges and the
    mean width of its characters."""

    text: str
    spaced: bool
    left: float
    right: float
    width: float
