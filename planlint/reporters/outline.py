"""`planlint outline` as text: the section tree, then each block with its kind and location."""

from __future__ import annotations

from planlint.document.model import Block, Document
from planlint.document.pdf import TABLES_SKIPPED
from planlint.i18n import Catalog
from planlint.inert import inert_lines, visible
from planlint.reporters import labels
from planlint.reporters.labels import place

T = Catalog(
    {
        "header": (
            "{path} ({fmt}): {blocks} block, {words} ord{pages}",
            "{path} ({fmt}): {blocks} blocks, {words} words{pages}",
        ),
        "pages": (", {n} sidor", ", {n} pages"),
        "organisation": ("Organisation: {name}", "Organisation: {name}"),
        "period": ("Period: {period}", "Period: {period}"),
        "sections": ("Avsnitt", "Sections"),
        "tables_skipped": (
            "Obs: tabellerna på sidan {pages} lästes inte, sidan har fler linjer än någon tabell i en plan "
            "(texten lästes ändå).",
            "Note: the tables on page {pages} were not read, the page has more rules than any table of a plan "
            "(its text was read).",
        ),
        "no_sections": ("(inga rubriker hittades)", "(no headings found)"),
        "blocks": ("Block", "Blocks"),
        "title": ("titel", "title"),
        "heading": ("rubrik", "heading"),
        "paragraph": ("stycke", "paragraph"),
        "list_item": ("listpunkt", "list item"),
        "table_cell": ("tabellcell", "table cell"),
        "toc": ("innehållsförteckning, inte belägg", "table of contents, not evidence"),
        "cue_style": ("formatmall", "style"),
        "cue_outline": ("dispositionsnivå", "outline level"),
        "cue_numbering": ("numrering", "numbering"),
        "cue_bold": ("fetstil", "bold"),
        "cue_size": ("teckenstorlek", "font size"),
        "cue_markup": ("markering", "markup"),
        "cue_layout": ("textlayout", "text layout"),
        "cue_toc": ("innehållsförteckning", "table of contents"),
    }
)
PREVIEW_CHARS = 100


def render_outline(document: Document, lang: str = "sv") -> str:
    pages = T("pages", lang, n=document.pages) if document.pages else ""
    lines = [
        T(
            "header",
            lang,
            path=visible(str(document.path)),
            fmt=document.format,
            blocks=len(document.blocks),
            words=document.word_count,
            pages=pages,
        )
    ]
    if document.title:
        lines.append(labels.T("title_line", lang, title=visible(document.title)))
    if document.organisation:
        lines.append(T("organisation", lang, name=visible(document.organisation)))
    if document.period:
        lines.append(T("period", lang, period=visible(document.period)))
    if document.metadata.get(TABLES_SKIPPED):
        lines.append(T("tables_skipped", lang, pages=document.metadata[TABLES_SKIPPED]))
    lines += ["", T("sections", lang)]
    headings = [b for b in document.blocks if b.level is not None]
    lines += [_heading_line(b, lang) for b in headings] or [T("no_sections", lang)]
    lines += ["", T("blocks", lang)]
    lines += [_block_line(b, lang) for b in document.blocks]
    return inert_lines("\n".join(lines))


def _heading_line(block: Block, lang: str) -> str:
    """A heading in the section tree, indented by level, with how it was recognised (and a contents mark)."""
    how = [T(f"cue_{block.cue}", lang)] if block.cue else []
    if block.toc and block.cue != "toc":
        how.append(T("toc", lang))
    return f"{'  ' * ((block.level or 1) - 1)}{visible(block.text)}  [{block.index}] ({', '.join(how)})"


def _block_line(block: Block, lang: str) -> str:
    text = block.text if len(block.text) <= PREVIEW_CHARS else block.text[: PREVIEW_CHARS - 1] + "…"
    where = place(block.location, lang, column=True)
    kind = T(block.kind.value, lang)
    if block.cue:
        kind += f" ({T(f'cue_{block.cue}', lang)})"
    line = f"{block.index:>5}  {kind:<26}  {where:<28}  {visible(text)}"
    return f"{line}  [{T('toc', lang)}]" if block.toc else line
