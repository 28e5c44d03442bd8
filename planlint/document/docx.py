"""Word plans (.docx): the body XML walked in order with lxml, paragraph styles resolved once per document.

python-docx opens the package; the text is read straight from the body elements, which is much faster than
python-docx's paragraph and run objects. The text is what Word shows with tracked changes accepted: inserted
and moved-to text kept, deleted and moved-from text dropped, field results kept and field codes dropped.
Headers, footers, comments and footnotes live in other parts and are not read.
"""

from __future__ import annotations

import re
import zipfile
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from pathlib import Path

import docx
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml.ns import qn
from lxml import etree

from planlint.document.docx_comments import placed_comments
from planlint.document.identity import property_title
from planlint.document.limits import Limits, megabytes
from planlint.document.model import (
    Block,
    BlockKind,
    Document,
    DocumentBuilder,
    Location,
    Look,
    normalize_space,
)
from planlint.document.structure import heading_text
from planlint.errors import PlanInputError
from planlint.os_errors import os_reason

MAIN_PART = "word/document.xml"
MB = 1024 * 1024
MAX_STYLE_DEPTH = 32  # styles followed up a basedOn chain
BOMB_MIN_BYTES = MB  # a part smaller than this is never a zip bomb, however well it compresses
NOT_A_ZIP = (
    "inte en giltig zip-fil, kanske avbruten vid kopiering",
    "not a valid zip file, perhaps cut off in copying",
)
NO_MAIN_PART = (f"{MAIN_PART} saknas", f"{MAIN_PART} is missing")
NO_BODY = ("dokumentet saknar w:body", "the document has no w:body")
MAX_DETAIL_CHARS = 100
# Main-part content types of Word files that python-docx does not open, by a distinctive part of their name.
OTHER_WORD_KINDS = {
    "macroEnabled.main": ("ett Word-dokument med makron (.docm)", "a Word document with macros (.docm)"),
    "template.main": ("en Word-mall (.dotx)", "a Word template (.dotx)"),
    "macroEnabledTemplate.main": ("en Word-mall med makron (.dotm)", "a Word template with macros (.dotm)"),
}

_MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
ALTERNATE, CHOICE, FALLBACK = f"{_MC}AlternateContent", f"{_MC}Choice", f"{_MC}Fallback"
P, TBL, TR, TC, R, T = (qn(f"w:{name}") for name in ("p", "tbl", "tr", "tc", "r", "t"))
SDT, SDT_CONTENT, CUSTOM_XML = qn("w:sdt"), qn("w:sdtContent"), qn("w:customXml")
PPR, PSTYLE, OUTLINE_LVL, NUMPR, NUM_ID = (qn(f"w:{n}") for n in ("pPr", "pStyle", "outlineLvl", "numPr", "numId"))
TRPR, TCPR, GRID_BEFORE, GRID_SPAN = qn("w:trPr"), qn("w:tcPr"), qn("w:gridBefore"), qn("w:gridSpan")
VMERGE, HMERGE, DEL = qn("w:vMerge"), qn("w:hMerge"), qn("w:del")
FLD_CHAR, FLD_CHAR_TYPE, NO_BREAK_HYPHEN = qn("w:fldChar"), qn("w:fldCharType"), qn("w:noBreakHyphen")
DRAWING, PICT, TXBX_CONTENT = qn("w:drawing"), qn("w:pict"), qn("w:txbxContent")
STYLE, STYLE_ID, TYPE, NAME = qn("w:style"), qn("w:styleId"), qn("w:type"), qn("w:name")
BASED_ON, DEFAULT, VAL = qn("w:basedOn"), qn("w:default"), qn("w:val")
RPR, RSTYLE, BOLD, SIZE, INSTR = qn("w:rPr"), qn("w:rStyle"), qn("w:b"), qn("w:sz"), qn("w:instrText")
SDT_PR, PLACEHOLDER, GALLERY = qn("w:sdtPr"), qn("w:showingPlcHdr"), qn("w:docPartGallery")
DOC_DEFAULTS, RPR_DEFAULT = qn("w:docDefaults"), qn("w:rPrDefault")
OFF = ("0", "false", "off", "none")

BLOCKS, ROWS, CELLS = frozenset({P, TBL}), frozenset({TR}), frozenset({TC})
BLOCK_WRAPPERS = frozenset({SDT, CUSTOM_XML, ALTERNATE})
# Inline elements whose runs are shown: links, accepted insertions and moves, content controls, simple fields …
# Everything not listed (w:del, w:moveFrom, w:pPr, bookmarks, comment marks …) is skipped with its content.
INLINE_WRAPPERS = BLOCK_WRAPPERS | {
    qn(f"w:{n}") for n in ("hyperlink", "ins", "moveTo", "smartTag", "fldSimple", "dir", "bdo")
}
# Run content shown as a space; w:softHyphen, w:instrText, w:delText and the like are dropped.
SPACES = frozenset(qn(f"w:{n}") for n in ("tab", "ptab", "br", "cr"))

# Built-in styles by name ("heading 1" whatever language Word ran in) or by the ids localised Word gives them.
HEADING_NAME = re.compile(r"(?:heading|rubrik|überschrift|berschrift|titre|kop|otsikko|overskrift)\s*([1-9])", re.I)
TITLE_NAME = re.compile(r"title|titel|rubrik|titre|otsikko|tittel", re.I)
SUBTITLE_NAME = re.compile(r"subtitle|underrubrik|untertitel|sous-titre|undertitel|alaotsikko", re.I)
TOC_NAME = re.compile(r"(?:toc|innehåll|innehll|verzeichnis|tdm|sisällys|indhold|innhold)\s*[1-9]", re.I)
TOC_HEADING_NAME = re.compile(
    r"toc\s*heading|innehållsförteckningsrubrik|innehllsfrteckningsrubrik|inhaltsverzeichnisüberschrift", re.I
)
TOC_FIELD = re.compile(r"\s*TOC\b")
TOC_GALLERY = "Table of Contents"
LIST_NAME = re.compile(r"list|punktlista|numreradlista", re.I)
MAX_LOOK_CHARS = 240  # a paragraph longer than this is never a heading: its style's size is its look
BODY_TEXT_LEVEL = 9  # w:outlineLvl 9 means "body text"


def read(path: Path, limits: Limits) -> Document:
    """Read a .docx plan into the document model, or raise PlanInputError."""
    return read_word(open_word(path, limits), path, limits)


def open_word(path: Path, limits: Limits) -> docx.document.Document:
    """Open a .docx plan with python-docx, or raise PlanInputError."""
    _check_package(path, limits)
    with _corrupt_on_error(path):
        return docx.Document(str(path))


def read_word(
    word: docx.document.Document, path: Path, limits: Limits, elements: dict[int, etree._Element] | None = None
) -> Document:
    """Read a plan opened with python-docx into the document model, or raise PlanInputError.

    When `elements` is given it is filled with block index -> the w:p of `word` the block came from: a table
    cell's first paragraph, and for text in a text box the body paragraph (or cell) that anchors the box.
    """
    body, styles, core_title, author = _parts(word, path)
    builder = DocumentBuilder(path, "docx", limits.max_blocks)
    _BodyReader(builder, StyleMap(styles), body, elements).blocks(body)
    document = builder.finish()
    document.title = document.title or property_title(core_title)
    document.author = author
    document.comments = placed_comments(document, path, word.element)
    return document


def _check_package(path: Path, limits: Limits) -> None:
    """Refuse a file that is no zip, has no Word body or would inflate beyond the limits, from the zip directory."""
    try:
        with zipfile.ZipFile(path) as archive:
            members = archive.infolist()
    except OSError as exc:
        raise PlanInputError(path, "unreadable", reason=os_reason(exc)) from None
    except Exception:  # zipfile raises BadZipFile, ValueError, EOFError … on a damaged directory
        raise PlanInputError(path, "corrupt", reason=NOT_A_ZIP) from None
    if all(member.filename != MAIN_PART for member in members):
        raise PlanInputError(path, "corrupt", reason=NO_MAIN_PART)
    _check_budget(path, members, limits)


def _check_budget(path: Path, members: list[zipfile.ZipInfo], limits: Limits) -> None:
    """The parts together, not one by one: many small parts that each inflate well can make a bomb too. Every
    XML part is parsed into memory (lxml takes ten times its size or more), so XML has a budget of its own."""
    unpacked = sum(member.file_size for member in members)
    packed = max(sum(member.compress_size for member in members), 1)
    xml = sum(member.file_size for member in members if member.filename.lower().endswith((".xml", ".rels")))
    ratio = limits.max_compression_ratio
    if unpacked > limits.max_unpacked_mb * MB:
        over = (f"gränsen {limits.max_unpacked_mb} MB", f"the limit of {limits.max_unpacked_mb} MB")
    elif xml > limits.max_xml_mb * MB:
        over = (f"gränsen {limits.max_xml_mb} MB för dokumentets XML", f"the limit of {limits.max_xml_mb} MB of XML")
    elif unpacked > BOMB_MIN_BYTES and (unpacked > ratio * packed or any(_inflates(m, ratio) for m in members)):
        over = (f"{ratio} gånger sin packade storlek", f"{ratio} times its packed size")
    else:
        return
    raise PlanInputError(path, "zip_bomb", size=megabytes(unpacked), limit=over)


def _inflates(member: zipfile.ZipInfo, ratio: int) -> bool:
    """Whether a large part inflates more than the allowed compression ratio."""
    return member.file_size > BOMB_MIN_BYTES and member.file_size > ratio * max(member.compress_size, 1)


@contextmanager
def _corrupt_on_error(path: Path) -> Iterator[None]:
    """Turn any error python-docx or lxml raises on a damaged part into PlanInputError."""
    try:
        yield
    except Exception as exc:  # python-docx and lxml raise many kinds of error on damaged parts
        kind = next((kind for marker, kind in OTHER_WORD_KINDS.items() if marker in str(exc)), None)
        if kind is not None:  # python-docx's English "is not a Word file, content type is …"
            raise PlanInputError(path, "word_kind", kind=kind) from None
        detail = (str(exc).splitlines() or [type(exc).__name__])[0][:MAX_DETAIL_CHARS]
        reason = (f"Word-innehållet går inte att tolka: {detail}", f"the Word content cannot be parsed: {detail}")
        raise PlanInputError(path, "corrupt", reason=reason) from None


def _parts(word: docx.document.Document, path: Path) -> tuple[etree._Element, etree._Element, str | None, str | None]:
    """The body, the styles and the core title and author of a package opened with python-docx."""
    with _corrupt_on_error(path):
        body, styles, (title, author) = word.element.body, word.styles.element, _core_properties(word)
    if body is None:
        raise PlanInputError(path, "corrupt", reason=NO_BODY)
    return body, styles, title, author


def _core_properties(word: docx.document.Document) -> tuple[str | None, str | None]:
    """The title and author in docProps/core.xml, if the package has that part."""
    try:
        properties = word.part.package.part_related_by(RT.CORE_PROPERTIES).core_properties
    except KeyError:
        return None, None
    return normalize_space(properties.title or "") or None, normalize_space(properties.author or "") or None


@dataclass(frozen=True, slots=True)
class StyleInfo:
    """What a paragraph style makes a paragraph."""

    level: int | None = None  # heading level, 1 = top
    title: bool = False
    listed: bool = False
    cue: str = "style"  # how the heading level was found: "style" (its name) or "outline" (its outline level)
    subtitle: bool = False
    toc: bool = False  # a table-of-contents style (its heading style too)
    bold: bool = False
    size: float | None = None  # points


PLAIN = StyleInfo()


@dataclass(frozen=True, slots=True)
class _StyleXml:
    """The parts of one w:style that matter here."""

    name: str = ""
    based_on: str | None = None
    outline: int | None = None
    numbered: bool | None = None  # None: the style says nothing about numbering
    bold: bool | None = None  # None: the style says nothing about weight
    size: float | None = None

    @classmethod
    def parse(cls, style: etree._Element) -> _StyleXml:
        name = _child(style, NAME)
        based_on = _child(style, BASED_ON)
        outline, numbered = _outline_and_numbering(_properties(_child(style, PPR)))
        bold, size = _run_look(_properties(_child(style, RPR)))
        return cls(
            name.get(VAL, "") if name is not None else "",
            based_on.get(VAL) if based_on is not None else None,
            outline,
            numbered,
            bold,
            size,
        )


class StyleMap:
    """Paragraph style ids resolved (through their based-on chain) to heading level, title, list, table of contents
    and look; character styles to their look; once per id."""

    def __init__(self, styles: etree._Element) -> None:
        self._xml: dict[str, _StyleXml] = {}
        self._characters: dict[str, _StyleXml] = {}
        self._info: dict[str, StyleInfo] = {}
        # (style id, direct outline level, direct numbering) -> the style with those overrides applied
        self._direct: dict[tuple[str | None, int | None, bool | None], StyleInfo] = {}
        self._runs: dict[str, tuple[bool | None, float | None]] = {}
        self._default: str | None = None
        defaults = styles.find(f"{DOC_DEFAULTS}/{RPR_DEFAULT}/{RPR}")
        self.default_bold, self.default_size = _run_look(_properties(defaults))
        for style in styles.iterchildren(STYLE):
            style_id = style.get(STYLE_ID)
            kind = style.get(TYPE, "paragraph")
            if style_id is None or kind not in ("paragraph", "character"):
                continue
            if kind == "character":
                self._characters[style_id] = _StyleXml.parse(style)
                continue
            self._xml[style_id] = _StyleXml.parse(style)
            if self._default is None and style.get(DEFAULT) in ("1", "true", "on"):
                self._default = style_id

    def get(self, style_id: str | None) -> StyleInfo:
        """The resolved style; a paragraph without a style has the document's default paragraph style."""
        style_id = style_id or self._default
        if style_id is None:
            return StyleInfo(bold=bool(self.default_bold), size=self.default_size)
        info = self._info.get(style_id)
        if info is None:
            info = self._info[style_id] = self._resolve(style_id)
        return info

    def paragraph(self, p: etree._Element) -> StyleInfo:
        """What a w:p is: its style, overridden by a direct outline level or numbering."""
        ppr = _child(p, PPR)
        if ppr is None:
            return self.get(None)
        properties = _properties(ppr)
        style = properties.get(PSTYLE)
        style_id = style.get(VAL) if style is not None else None
        outline, numbered = _outline_and_numbering(properties)
        if outline is None and numbered is None:
            return self.get(style_id)
        key = (style_id, outline, numbered)
        info = self._direct.get(key)
        if info is None:
            info = self._direct[key] = _overridden(self.get(style_id), outline, numbered)
        return info

    def run_look(self, rpr: etree._Element | None, paragraph: StyleInfo) -> tuple[bool, float | None]:
        """A run's weight and size: its own, else its character style's, else its paragraph style's."""
        properties = _properties(rpr)
        bold, size = _run_look(properties)
        if bold is None or size is None:
            style = properties.get(RSTYLE)
            if style is not None:
                style_bold, style_size = self._character(style.get(VAL, ""))
                bold = style_bold if bold is None else bold
                size = style_size if size is None else size
        return (paragraph.bold if bold is None else bold), (paragraph.size if size is None else size)

    def _character(self, style_id: str) -> tuple[bool | None, float | None]:
        if style_id not in self._runs:
            chain = self._chain(style_id, self._characters)
            self._runs[style_id] = (
                next((s.bold for _, s in chain if s.bold is not None), None),
                next((s.size for _, s in chain if s.size is not None), None),
            )
        return self._runs[style_id]

    def _resolve(self, style_id: str) -> StyleInfo:
        """Heading and title from the nearest style in the chain that settles them; a list by numbering or name."""
        chain = self._chain(style_id, self._xml)
        settled = (_own_role(sid, style) for sid, style in chain)
        role = next((found for found in settled if found is not None), _Role())
        numbered = next((style.numbered for _, style in chain if style.numbered is not None), None)
        if numbered is None:
            numbered = any(_named(LIST_NAME, sid, style.name, prefix=True) for sid, style in chain)
        bold = next((style.bold for _, style in chain if style.bold is not None), self.default_bold)
        size = next((style.size for _, style in chain if style.size is not None), self.default_size)
        return StyleInfo(role.level, role.title, numbered, role.cue, role.subtitle, role.toc, bool(bold), size)

    @staticmethod
    def _chain(style_id: str, styles: dict[str, _StyleXml]) -> list[tuple[str, _StyleXml]]:
        """The style and the styles it is based on, nearest first (a cycle is cut, and so is a chain deeper than
        any Word makes, which would cost its square over the styles in use)."""
        chain: list[tuple[str, _StyleXml]] = []
        seen: set[str] = set()
        current: str | None = style_id
        while current is not None and current not in seen and len(chain) < MAX_STYLE_DEPTH:
            seen.add(current)
            style = styles.get(current, _StyleXml())
            chain.append((current, style))
            current = style.based_on
        return chain


@dataclass(frozen=True, slots=True)
class _Role:
    """What a style itself makes a paragraph, when it settles it."""

    level: int | None = None
    title: bool = False
    cue: str = "style"
    subtitle: bool = False
    toc: bool = False


def _own_role(style_id: str, style: _StyleXml) -> _Role | None:
    """The role a style itself settles (title, subtitle, contents, heading level), or None to ask its base."""
    if _named(TITLE_NAME, style_id, style.name):
        return _Role(1, title=True)
    if _named(SUBTITLE_NAME, style_id, style.name):
        return _Role(subtitle=True)
    if _named(TOC_NAME, style_id, style.name):
        return _Role(toc=True)
    if _named(TOC_HEADING_NAME, style_id, style.name):
        return _Role(1, toc=True)
    for text in (style.name, style_id):
        match = HEADING_NAME.fullmatch(text)
        if match:
            return _Role(int(match.group(1)))
    if style.outline is not None:
        return _Role(_outline_level(style.outline), cue="outline")
    return None


def _named(pattern: re.Pattern[str], style_id: str, name: str, prefix: bool = False) -> bool:
    """Whether the style's name, or failing a name its id, matches `pattern` (whole, or as a prefix)."""
    match = pattern.match if prefix else pattern.fullmatch
    return bool(match(name or style_id))


def _overridden(info: StyleInfo, outline: int | None, numbered: bool | None) -> StyleInfo:
    """A paragraph style with the outline level and numbering the paragraph sets itself."""
    if outline is not None:
        info = replace(info, level=_outline_level(outline), title=False, subtitle=False, cue="outline")
    if numbered is not None:
        info = replace(info, listed=numbered)
    return info


def _outline_level(outline: int) -> int | None:
    return outline + 1 if 0 <= outline < BODY_TEXT_LEVEL else None


def _outline_and_numbering(ppr: dict[str, etree._Element]) -> tuple[int | None, bool | None]:
    """The w:outlineLvl and whether w:numPr turns numbering on (numId 0 turns it off) in a w:pPr's properties."""
    outline = ppr.get(OUTLINE_LVL)
    numpr = ppr.get(NUMPR)
    num_id = _child(numpr, NUM_ID) if numpr is not None else None
    return (
        _int(outline.get(VAL)) if outline is not None else None,
        num_id.get(VAL) != "0" if num_id is not None else None,
    )


def _run_look(rpr: dict[str, etree._Element]) -> tuple[bool | None, float | None]:
    """The w:b and w:sz (half-points) of a w:rPr's properties; None where they say nothing."""
    bold = rpr.get(BOLD)
    size = rpr.get(SIZE)
    half_points = _int(size.get(VAL)) if size is not None else None
    return (
        bold.get(VAL, "1").lower() not in OFF if bold is not None else None,
        half_points / 2 if half_points else None,
    )


def _int(value: str | None) -> int | None:
    """An integer attribute, or None when it is missing or malformed."""
    try:
        return int(value) if value is not None else None
    except ValueError:
        return None


class _BodyReader:
    """Walks the body in order and adds its paragraphs, headings, list items and table cells to the builder."""

    def __init__(
        self,
        builder: DocumentBuilder,
        styles: StyleMap,
        body: etree._Element,
        elements: dict[int, etree._Element] | None = None,
    ) -> None:
        self.builder = builder
        self.styles = styles
        self.elements = elements  # block index -> w:p, when the caller asks for it
        self.anchor: etree._Element | None = None  # the paragraph anchoring the text boxes being read
        self.paragraph = 0  # number of the last body paragraph met
        self.tables = 0
        self.fields: list[list[bool]] = []  # the open complex fields: [in their code, a table of contents]
        self.toc_seen = False  # a table-of-contents field was open in the paragraph being read
        self.toc_controls = _contents_controls(body)  # paragraphs in a table-of-contents content control
        self.parts: list[str] = []  # the shown text of the paragraph being read, in pieces
        self.runs: list[tuple[int, int, etree._Element]] = []  # its runs with text: (first piece, end piece, w:r)
        self.boxes: list[etree._Element] = []  # text boxes met in the paragraph being read

    def blocks(self, container: etree._Element, in_box: bool = False) -> None:
        """Read the paragraphs and tables of a body, text box or content control in order."""
        for item in _items(container, BLOCKS):
            if item.tag == P:
                self.add_paragraph(item, in_box)
            else:
                self.add_table(item)

    def add_paragraph(self, p: etree._Element, in_box: bool) -> None:
        """A body paragraph (or one in a text box, which takes its anchor's number and is never a heading)."""
        if not in_box:
            self.paragraph += 1
        text = self.paragraph_text(p)
        boxes = self.take_boxes()
        info = self.styles.paragraph(p)
        location = Location(paragraph=self.paragraph or None)
        toc = info.toc or self.toc_seen or p in self.toc_controls
        if in_box:
            block = self.builder.add(BlockKind.PARAGRAPH, text, location)
        elif info.title:
            block = self.builder.title(text, location)
        elif info.level is not None:
            block = self.builder.heading(text, info.level, location, "toc" if toc else info.cue, toc)
        elif info.listed or info.subtitle or toc:
            kind = BlockKind.LIST_ITEM if info.listed else BlockKind.PARAGRAPH
            block = self.builder.add(kind, text, location, toc=toc)
        else:
            short = len(text) <= MAX_LOOK_CHARS and heading_text(normalize_space(text))
            look = self.look(info) if short else Look(False, info.size)
            block = self.builder.add(BlockKind.PARAGRAPH, text, location, look)
        self.record(block, p)
        self.read_boxes(boxes, p)

    def look(self, info: StyleInfo) -> Look:
        """The look of the paragraph just read (short enough to be a heading): bold when all its text is, and the
        size of most of its text."""
        sizes: dict[float | None, int] = {}
        shown = [(len("".join(self.parts[start:end]).strip()), r) for start, end, r in self.runs]
        shown = [(chars, _child(r, RPR)) for chars, r in shown if chars]
        bold = bool(shown)
        for chars, rpr in shown:
            run_bold, size = self.styles.run_look(rpr, info)
            bold = bold and run_bold
            sizes[size] = sizes.get(size, 0) + chars
        size = max(sizes, key=sizes.__getitem__) if sizes else info.size
        return Look(bold, size)

    def add_table(self, tbl: etree._Element) -> None:
        """One block per cell; a merged cell counts once, at its first grid column."""
        self.tables += 1
        table = self.tables
        row = 0
        for tr in _items(tbl, ROWS):
            trpr = _properties(_child(tr, TRPR))
            if DEL in trpr:
                continue  # a row deleted with tracked changes
            row += 1
            column = 1 + _val_int(trpr, GRID_BEFORE, 0)
            for tc in _items(tr, CELLS):
                tcpr = _properties(_child(tc, TCPR))
                if not _merged_away(tcpr):
                    where = Location(paragraph=self.paragraph or None, table=table, row=row, column=column)
                    self.add_cell(tc, where)
                column += max(1, _val_int(tcpr, GRID_SPAN, 1))

    def add_cell(self, tc: etree._Element, location: Location) -> None:
        """The cell's paragraphs as one block, then any tables and text boxes inside it."""
        texts: list[str] = []
        first = tc  # the cell's first paragraph, where its block comes from
        inner: list[etree._Element] = []
        boxes: list[etree._Element] = []
        for item in _items(tc, BLOCKS):
            if item.tag == P:
                if not texts:
                    first = item
                texts.append(self.paragraph_text(item))
                boxes += self.take_boxes()
            else:
                inner.append(item)
        block = self.builder.add(BlockKind.TABLE_CELL, " ".join(texts), location)
        self.record(block, first)
        for table in inner:
            self.add_table(table)
        self.read_boxes(boxes, first)

    def paragraph_text(self, p: etree._Element) -> str:
        """The shown text of a w:p; its runs are kept in self.runs, text boxes met in self.boxes."""
        if self.fields:
            self.fields = [field for field in self.fields if not field[0]]  # a field code ends with its paragraph
            self.toc_seen = any(toc for _, toc in self.fields)
        else:
            self.toc_seen = False
        self.parts, self.runs = [], []
        self.inline(p, self.parts)
        return "".join(self.parts)

    def inline(self, parent: Iterable[etree._Element], parts: list[str]) -> None:
        for child in parent:
            tag = child.tag
            if tag == R:
                before = len(parts)
                self.run(child, parts)
                if len(parts) > before:
                    self.runs.append((before, len(parts), child))
            elif tag in INLINE_WRAPPERS:
                self.inline(_unwrap(child), parts)

    def run(self, r: Iterable[etree._Element], parts: list[str]) -> None:
        for child in r:
            tag = child.tag
            if tag == T and not self.fields:  # most of a plan: plain text outside any field
                parts.append(child.text or "")
            elif tag == FLD_CHAR:
                self.field_char(child.get(FLD_CHAR_TYPE))
            elif self.fields and any(code for code, _ in self.fields):
                if tag == INSTR and self.fields[-1][0] and TOC_FIELD.match(child.text or ""):
                    self.fields[-1][1] = self.toc_seen = True
                continue
            elif tag == T:
                parts.append(child.text or "")
            elif tag in SPACES:
                parts.append(" ")
            elif tag == NO_BREAK_HYPHEN:
                parts.append("-")
            elif tag == DRAWING or tag == PICT:
                self.boxes += _text_boxes(child)
            elif tag == ALTERNATE:
                self.run(_unwrap(child), parts)

    def field_char(self, kind: str | None) -> None:
        """Follow w:fldChar begin / separate / end: the text between begin and separate is the field code."""
        if kind == "begin":
            self.fields.append([True, False])
        elif kind == "separate" and self.fields:
            self.fields[-1][0] = False
        elif kind == "end" and self.fields:
            self.fields.pop()

    def take_boxes(self) -> list[etree._Element]:
        boxes, self.boxes = self.boxes, []
        return boxes

    def record(self, block: Block | None, element: etree._Element) -> None:
        """Remember the element a block came from (the text box's anchor while reading a text box)."""
        if self.elements is not None and block is not None:
            self.elements[block.index] = element if self.anchor is None else self.anchor

    def read_boxes(self, boxes: list[etree._Element], anchor: etree._Element) -> None:
        """Read text boxes met in `anchor`; their blocks (and those of boxes inside them) belong to it."""
        outer = self.anchor
        self.anchor = anchor if outer is None else outer
        for box in boxes:
            self.blocks(box, in_box=True)
        self.anchor = outer


def _items(container: Iterable[etree._Element], tags: frozenset[str]) -> Iterator[etree._Element]:
    """The children with one of `tags`, looking through content controls, custom XML and alternate content."""
    for child in container:
        tag = child.tag
        if tag in tags:
            yield child
        elif tag in BLOCK_WRAPPERS:
            yield from _items(_unwrap(child), tags)


def _unwrap(element: etree._Element) -> Iterable[etree._Element]:
    """What to read inside a wrapper: a content control's content, one branch of alternate content, or itself."""
    if element.tag == SDT:
        if _placeholder(element):
            return ()
        inner = _child(element, SDT_CONTENT)
    elif element.tag == ALTERNATE:
        inner = _child(element, CHOICE)
        inner = inner if inner is not None else _child(element, FALLBACK)
    else:
        return element
    return inner if inner is not None else ()


def _placeholder(sdt: etree._Element) -> bool:
    """Whether a content control shows its placeholder ("Klicka här för att ange text"): it holds no plan text."""
    properties = _child(sdt, SDT_PR)
    return properties is not None and _child(properties, PLACEHOLDER) is not None


def _contents_controls(body: etree._Element) -> set[etree._Element]:
    """The paragraphs inside content controls that Word made for a table of contents."""
    paragraphs: set[etree._Element] = set()
    for gallery in body.iter(GALLERY):
        if gallery.get(VAL) == TOC_GALLERY:
            control = next((a for a in gallery.iterancestors(SDT)), None)
            if control is not None:
                paragraphs.update(control.iter(P))
    return paragraphs


def _text_boxes(graphic: etree._Element) -> list[etree._Element]:
    """The outermost w:txbxContent in a drawing or VML picture (inner ones are read with their box)."""
    return [box for box in graphic.iter(TXBX_CONTENT) if _outermost(box, graphic)]


def _outermost(box: etree._Element, top: etree._Element) -> bool:
    parent = box.getparent()
    while parent is not None and parent is not top:
        if parent.tag == TXBX_CONTENT:
            return False
        parent = parent.getparent()
    return True


def _properties(element: etree._Element | None) -> dict[str, etree._Element]:
    """The children of a properties element (w:pPr, w:rPr, w:trPr, w:tcPr) by tag, the first of each as find()
    would give it: one pass over them, however many are asked for."""
    found: dict[str, etree._Element] = {}
    if element is not None:
        for child in element:
            found.setdefault(child.tag, child)
    return found


def _child(parent: etree._Element, tag: str) -> etree._Element | None:
    """The first child with `tag`, as parent.find(tag) gives it but without lxml's path machinery (run in Python,
    it costs twice as much, and a plan's paragraphs, cells and runs ask many thousand times)."""
    return next(parent.iterchildren(tag), None)


def _val_int(properties: dict[str, etree._Element], tag: str, default: int) -> int:
    """The integer w:val of a property, or `default`."""
    child = properties.get(tag)
    value = _int(child.get(VAL)) if child is not None else None
    return default if value is None else value


def _merged_away(tcpr: dict[str, etree._Element]) -> bool:
    """Whether a cell continues a merge begun in the cell above (or, in old files, to its left)."""
    for tag in (VMERGE, HMERGE):
        merge = tcpr.get(tag)
        if merge is not None and merge.get(VAL, "continue") != "restart":
            return True
    return False
