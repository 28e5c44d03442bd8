"""`planlint outline` as text: the section tree, then each block with its kind and location."""

from __future__ import annotations

from planlint.document.model import Block, Document
from planlint.i18n import Catalog
from planlint.reporters.labels import place

T = Catalog(
    {
        "header": (
            "{path} ({fmt}): {blocks} block, {words} ord{pages}",
            "{path} ({fmt}): {blocks} blocks, {words} words{pages}",
        ),
        "pages": (", {n} sidor", ", {n} pages"),
        "title": ("Titel: {title}", "Title: {title}"),
        "sections": ("Avsnitt", "Sections"),
        "no_sections": ("(inga rubriker hittades)", "(no headings found)"),
        "blocks": ("Block", "Blocks"),
        "heading": ("rubrik", "heading"),
        "paragraph": ("stycke", "paragraph"),
        "list_item": ("listpunkt", "list item"),
        "table_cell": ("tabellcell", "table cell"),
    }
)
PREVIEW_CHARS = 100


def render_outline(document: Document, lang: str = "sv") -> str:
    pages = T("pages", lang, n=document.pages) if document.pages else ""
    lines = [
        T(
            "header",
            lang,
            path=document.path,
            fmt=document.format,
            blocks=len(document.blocks),
            words=document.word_count,
            pages=pages,
        )
    ]
    if document.title:
        lines.append(T("title", lang, title=document.title))
    lines += ["", T("sections", lang)]
    headings = [b for b in document.blocks if b.level is not None]
    lines += [f"{'  ' * (b.level - 1)}{b.text}  [{b.index}]" for b in headings] or [T("no_sections", lang)]
    lines += ["", T("blocks", lang)]
    lines += [_block_line(b, lang) for b in document.blocks]
    return "\n".join(lines)


def _block_line(block: Block, lang: str) -> str:
    text = block.text if len(block.text) <= PREVIEW_CHARS else block.text[: PREVIEW_CHARS - 1] + "…"
    where = place(block.location, lang, column=True)
    return f"{block.index:>5}  {T(block.kind.value, lang):<10}  {where:<28}  {text}"
