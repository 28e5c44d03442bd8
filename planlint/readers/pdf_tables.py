"""Ruled tables of PDF pages: pages with enough path objects are handed to pdfplumber's table finder."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pdfplumber
import pypdfium2.raw as pdfium_c

MIN_PATHS = 4  # a ruled table needs at least this many drawn lines or boxes
MIN_ROWS = 2
MIN_COLUMNS = 2


@dataclass(slots=True)
class Table:
    """A table on a page, its box in PDF points (origin bottom left) and its cell texts row by row."""

    page: int
    left: float
    right: float
    top: float
    bottom: float
    rows: list[list[str | None]]

    def holds(self, x: float, y: float) -> bool:
        return self.left <= x <= self.right and self.bottom <= y <= self.top


def has_rulings(page) -> bool:
    """Whether a pypdfium2 page draws enough paths to hold a ruled table (cheap: no parsing of the paths)."""
    paths = 0
    for index in range(pdfium_c.FPDFPage_CountObjects(page)):
        if pdfium_c.FPDFPageObj_GetType(pdfium_c.FPDFPage_GetObject(page, index)) == pdfium_c.FPDF_PAGEOBJ_PATH:
            paths += 1
            if paths >= MIN_PATHS:
                return True
    return False


class TableFinder:
    """Finds ruled tables with pdfplumber, opening the file only when a page asks for it."""

    def __init__(self, path: Path) -> None:
        self._path = path
        self._pdf = None

    def find(self, page_number: int) -> list[Table]:
        """The tables of a page (1-based) with at least two rows and two columns."""
        if self._pdf is None:
            self._pdf = pdfplumber.open(self._path)
        page = self._pdf.pages[page_number - 1]
        tables = []
        for found in page.find_tables():
            rows = found.extract()
            if len(rows) >= MIN_ROWS and max(len(row) for row in rows) >= MIN_COLUMNS:
                x0, top, x1, bottom = found.bbox
                tables.append(Table(page_number, x0, x1, page.height - top, page.height - bottom, rows))
        page.close()
        return tables

    def close(self) -> None:
        if self._pdf is not None:
            self._pdf.close()
