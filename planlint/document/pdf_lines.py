"""Text lines of one PDF page, from a pypdfium2 text page: text, box, font size and weight, line-end hyphen."""

from __future__ import annotations

import ctypes
import math
import re
from dataclasses import dataclass

import pypdfium2.raw as pdfium_c

SOFT_HYPHEN = "\u00ad"
# pdfium ends a line broken by hyphenation with U+FFFE (U+0002 through FPDFText_GetUnicode) and no line break
LINE_END = re.compile(r"\r\n|[\r\n\ufffe\x02]")
HYPHEN_MARKS = "\ufffe\x02"
BOLD_NAMES = ("bold", "black", "heavy", "semibold", "demi")
BOLD_WEIGHT = 600


@dataclass(slots=True)
class Line:
    """One visual line of text, in PDF points with the origin at the page's bottom left."""

    page: int  # 1-based
    text: str  # ends with a soft hyphen when the line was broken by hyphenation
    left: float
    right: float
    top: float
    bottom: float
    baseline: float
    size: float
    bold: bool
    start: int = 0  # the range [start, end) of its characters in the page's text
    end: int = 0

    @property
    def middle(self) -> float:
        return (self.top + self.bottom) / 2


class _FontReader:
    """Font size and boldness of single characters of a text page, the font names cached."""

    def __init__(self, textpage) -> None:
        self._textpage = textpage
        self._name = ctypes.create_string_buffer(128)
        self._flags = ctypes.c_int()
        self._bold_names: dict[bytes, bool] = {}
        self._matrix = pdfium_c.FS_MATRIX()

    def size(self, index: int) -> float:
        """The font size as printed: the size set in the content scaled by the character's matrix."""
        pdfium_c.FPDFText_GetMatrix(self._textpage, index, self._matrix)
        scale = math.hypot(self._matrix.c, self._matrix.d) or 1.0
        return round(pdfium_c.FPDFText_GetFontSize(self._textpage, index) * scale, 1)

    def bold(self, index: int) -> bool:
        if pdfium_c.FPDFText_GetFontWeight(self._textpage, index) >= BOLD_WEIGHT:
            return True
        pdfium_c.FPDFText_GetFontInfo(self._textpage, index, self._name, len(self._name), self._flags)
        name = self._name.value
        if name not in self._bold_names:
            lowered = name.decode("latin-1").lower()
            self._bold_names[name] = any(word in lowered for word in BOLD_NAMES)
        return self._bold_names[name]


def page_lines(textpage, page_number: int) -> list[Line]:
    """The page's lines in pdfium's order; a line broken by hyphenation ends with a soft hyphen."""
    text = textpage.get_text_range()
    fonts = _FontReader(textpage)
    box = pdfium_c.FS_RECTF()
    lines = []
    start = 0
    for match in LINE_END.finditer(text + "\n"):
        end = match.start()
        first, last = _trim(text, start, end)
        if first < last:
            hyphen = SOFT_HYPHEN if match.group() in HYPHEN_MARKS else ""
            lines.append(_line(textpage, fonts, box, text, first, last, page_number, hyphen))
        start = match.end()
    return lines


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """The range [start, end) without white space at either end."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _line(textpage, fonts: _FontReader, box, text: str, first: int, last: int, page: int, hyphen: str) -> Line:
    """Measure the characters text[first:last] as one line."""
    pdfium_c.FPDFText_GetLooseCharBox(textpage, first, box)
    left, top, bottom = box.left, box.top, box.bottom
    pdfium_c.FPDFText_GetLooseCharBox(textpage, last - 1, box)
    middle = (first + last) // 2
    x, y = ctypes.c_double(), ctypes.c_double()
    pdfium_c.FPDFText_GetCharOrigin(textpage, first, x, y)
    return Line(
        page=page,
        text=text[first:last] + hyphen,
        left=min(left, box.left),
        right=max(box.right, left),
        top=max(top, box.top),
        bottom=min(bottom, box.bottom),
        baseline=y.value,
        size=fonts.size(middle),
        bold=fonts.bold(middle) and fonts.bold(_first_letter(text, first, last)),
        start=first,
        end=last,
    )


def _first_letter(text: str, first: int, last: int) -> int:
    """The index of the line's first letter or digit (past a bullet), or its first character."""
    for index in range(first, last):
        if text[index].isalnum():
            return index
    return first
