"""Ruled tables of PDF pages.

pypdfium2 lists the page's drawn rules (thin path objects) without parsing the content stream in Python;
pdfplumber's table finder, given those rules as explicit edges, joins them into cells (its lattice logic
is the better tool for merged cells and broken rules); pypdfium2 then reads each cell's text from its box.
Running pdfplumber's own page parser instead costs about a second a page, which a 100-page plan with an
indicator table on most pages cannot afford.
"""

from __future__ import annotations

import ctypes
from dataclasses import dataclass
from pathlib import Path

import pdfplumber
import pypdfium2.raw as pdfium_c

RULE_THICKNESS = 2.5  # a path at most this thick (points) is a rule; a larger box gives its four edges
MIN_RULE_LENGTH = 3.0
MIN_RULES = 2  # per direction: fewer horizontal or vertical rules than this cannot make a table
MIN_ROWS = 2
MIN_COLUMNS = 2
LINE_BREAKS = {"\r\n": "\n", "\r": "\n", "\ufffe": "-\n", "\x02": "-\n"}
COLUMN_TOLERANCE = 3.0  # points: column edges this close on two pages are the same column


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
        first.first_row = last.first_row + len(last.rows)


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
    """Finds ruled tables with pdfplumber's table finder, opening the file only when a page has rules."""

    def __init__(self, path: Path) -> None:
        self._path = path
        self._pdf = None

    def find(self, page_number: int, page, textpage, height: float) -> list[Table]:
        """The tables (at least two rows and two columns) of a page (1-based)."""
        horizontal, vertical = rulings(page, height)
        if len(horizontal) < MIN_RULES or len(vertical) < MIN_RULES:
            return []
        if self._pdf is None:
            self._pdf = pdfplumber.open(self._path)
        settings = {
            "vertical_strategy": "explicit",
            "horizontal_strategy": "explicit",
            "explicit_vertical_lines": vertical,
            "explicit_horizontal_lines": horizontal,
        }
        tables = []
        for found in self._pdf.pages[page_number - 1].find_tables(settings):
            rows = [[_cell_text(textpage, box, height) if box else None for box in row.cells] for row in found.rows]
            if len(rows) >= MIN_ROWS and max(len(row) for row in rows) >= MIN_COLUMNS:
                x0, top, x1, bottom = found.bbox
                columns = _edges([x for cell in found.cells for x in (cell[0], cell[2])])
                tables.append(Table(page_number, x0, x1, height - top, height - bottom, rows, columns))
        return tables

    def close(self) -> None:
        if self._pdf is not None:
            self._pdf.close()


def _edges(xs: list[float]) -> tuple[float, ...]:
    """The distinct x positions, those closer than the tolerance counted once."""
    edges: list[float] = []
    for x in sorted(xs):
        if not edges or x - edges[-1] > COLUMN_TOLERANCE:
            edges.append(x)
    return tuple(edges)


def _cell_text(textpage, box: tuple[float, float, float, float], height: float) -> str:
    """The text inside a cell's box, its lines separated by newlines (a hyphenation mark as "-")."""
    x0, top, x1, bottom = box
    text = textpage.get_text_bounded(left=x0, bottom=height - bottom, right=x1, top=height - top)
    for mark, replacement in LINE_BREAKS.items():
        text = text.replace(mark, replacement)
    return text.strip()
