"""PDF plans: text, positions and fonts from pypdfium2 (fast, in content order), ruled tables from pdfplumber."""

from __future__ import annotations

from pathlib import Path

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from planlint.document.identity import property_title
from planlint.document.limits import Limits
from planlint.document.model import Document, DocumentBuilder
from planlint.document.pdf_blocks import add_blocks
from planlint.document.pdf_layout import drop_running_lines, reading_order
from planlint.document.pdf_lines import Line, page_lines
from planlint.document.pdf_tables import Table, TableFinder, continue_tables
from planlint.errors import PlanInputError, PlanTooLarge

MIN_CHARS_PER_PAGE = 10  # fewer text characters than this per page on average: a scanned PDF without text
LOAD_ERRORS = {
    pdfium_c.FPDF_ERR_FILE: ("filen kunde inte öppnas", "the file could not be opened"),
    pdfium_c.FPDF_ERR_FORMAT: ("ogiltig eller avkortad PDF", "invalid or truncated PDF"),
    pdfium_c.FPDF_ERR_PAGE: ("en sida saknas eller är skadad", "a page is missing or damaged"),
}
ENCRYPTION_ERRORS = {pdfium_c.FPDF_ERR_PASSWORD, pdfium_c.FPDF_ERR_SECURITY}
TABLES_SKIPPED = "planlint:tables-skipped"  # pages read without their tables (too many rules to join in time)
METADATA_KEYS = ("Subject", "Keywords", "Creator", "Producer", "CreationDate", "ModDate")


def read(path: Path, limits: Limits) -> Document:
    """Read a PDF plan into the document model, or raise PlanInputError."""
    pdf = _open(path)
    try:
        if len(pdf) > limits.max_pages:
            raise PlanTooLarge(path, "pages", limits.max_pages)
        builder = DocumentBuilder(path, "pdf", limits.max_blocks)
        _set_metadata(builder.document, pdf)
        builder.document.pages = len(pdf)
        items = _read_pages(path, pdf, builder.document.metadata)
    finally:
        pdf.close()
    info_title, builder.document.title = builder.document.title, None  # a title on the page goes first
    add_blocks(builder, items)
    document = builder.finish()
    document.title = document.title or info_title
    return document


def _open(path: Path) -> pdfium.PdfDocument:
    """Open the PDF, telling a password-protected or damaged file apart."""
    try:
        return pdfium.PdfDocument(path)
    except pdfium.PdfiumError as exc:
        code = getattr(exc, "err_code", None)
        if code in ENCRYPTION_ERRORS:
            raise PlanInputError(path, "encrypted") from None
        reason = LOAD_ERRORS.get(code, ("okänt fel i PDF-filen", "unknown error in the PDF"))
        raise PlanInputError(path, "corrupt", reason=reason) from None


def _set_metadata(document: Document, pdf: pdfium.PdfDocument) -> None:
    """Title, author and the other non-empty fields of the PDF's information dictionary."""
    info = {key: value.strip() for key, value in pdf.get_metadata_dict().items() if value and value.strip()}
    document.title = property_title(info.get("Title"))
    document.author = info.get("Author")
    document.metadata = {key: info[key] for key in METADATA_KEYS if key in info}


def _read_pages(path: Path, pdf: pdfium.PdfDocument, notes: dict[str, str]) -> list[Line | Table]:
    """Every page's lines and tables in reading order, running headers and footers dropped. The pages whose
    tables were too dense to read go into `notes` (TABLES_SKIPPED)."""
    finder = TableFinder(path)
    pages: list[list[Line]] = []
    tables: list[list[Table]] = []
    heights: list[float] = []
    try:
        for number in range(1, len(pdf) + 1):
            lines, page_tables, height = _read_page(path, pdf, number, finder)
            pages.append(lines)
            tables.append(page_tables)
            heights.append(height)
    finally:
        finder.close()
    if finder.skipped:
        notes[TABLES_SKIPPED] = ", ".join(map(str, finder.skipped))
    if pages and sum(len(line.text) for lines in pages for line in lines) < MIN_CHARS_PER_PAGE * len(pdf):
        raise PlanInputError(path, "scanned")
    ordered = [
        reading_order(list[Line | Table]([*_outside(lines, page_tables), *page_tables]))
        for lines, page_tables in zip(drop_running_lines(pages, heights), tables)
    ]
    continue_tables(ordered)
    return [item for page in ordered for item in page]


def _outside(lines: list[Line], tables: list[Table]) -> list[Line]:
    """The lines that are not inside a table (the table's cells carry their text)."""
    return [
        line for line in lines if not any(table.holds((line.left + line.right) / 2, line.middle) for table in tables)
    ]


def _read_page(path: Path, pdf: pdfium.PdfDocument, number: int, finder: TableFinder):
    """One page's lines, tables and height."""
    try:
        page = pdf[number - 1]
        textpage = page.get_textpage()
    except pdfium.PdfiumError:
        raise PlanInputError(path, "corrupt", reason=LOAD_ERRORS[pdfium_c.FPDF_ERR_PAGE]) from None
    try:
        lines = page_lines(textpage, number)
        height = page.get_height()
        return lines, _find_tables(finder, number, page, textpage, height, lines), height
    finally:
        textpage.close()
        page.close()


def _find_tables(
    finder: TableFinder, number: int, page: pdfium.PdfPage, textpage, height: float, lines: list[Line]
) -> list[Table]:
    """The page's ruled tables; a page whose tables cannot be read is read without them (its text stays)."""
    try:
        return finder.find(number, page.raw, textpage, height, lines)
    except Exception:  # pdfminer raises many kinds of errors on damaged files; the text is still read
        return []
