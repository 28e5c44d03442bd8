"""One plan in several house styles reads as the same structure: headings, title, contents, tables, statuses.

The copies come from tests/fixtures/make_structure_fixtures.py: Word's styles, bold Normal paragraphs, the two as
LibreOffice PDFs (the goals table breaks across a page, with and without a repeated header row), Markdown and text.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import run_cli

from planlint.document.model import Block, BlockKind, DocumentBuilder, Location, Look
from planlint.document.reader import read_plan
from planlint.document.structure import numbering_depth, period
from planlint.project.runner import engine_for

FOLDER = Path(__file__).parent / "fixtures" / "structure"
EXPECTED = json.loads((FOLDER / "structure.expected.json").read_text(encoding="utf-8"))
STYLED = "plan_stilar.docx"
COPIES = ["plan_fetstil.docx", "plan_stilar.pdf", "plan_fetstil.pdf"]
EVERY_FORMAT = [STYLED, *COPIES, "plan.md", "plan.txt"]
MIN_HEADING_SHARE = 0.9


@pytest.fixture(scope="module")
def documents():
    return {name: read_plan(FOLDER / name) for name in EVERY_FORMAT}


@pytest.fixture(scope="module")
def results(documents):
    engine = engine_for(None)
    return {name: engine.check(document) for name, document in documents.items()}


def heading_texts(document) -> list[str]:
    return [b.text for b in document.blocks if b.kind is BlockKind.HEADING and not b.toc]


def test_the_styled_copy_reads_the_headings_put_in(documents):
    assert heading_texts(documents[STYLED]) == EXPECTED["headings"]


@pytest.mark.parametrize("name", COPIES)
def test_every_copy_has_the_styled_copys_headings(documents, name):
    wanted = heading_texts(documents[STYLED])
    found = set(heading_texts(documents[name]))
    assert sum(text in found for text in wanted) >= MIN_HEADING_SHARE * len(wanted)
    assert not found - set(wanted), "no heading that the styled copy does not have"


@pytest.mark.parametrize("name", EVERY_FORMAT)
def test_every_copy_has_the_same_title_and_period(documents, name):
    document = documents[name]
    assert (document.title, document.period) == (EXPECTED["title"], EXPECTED["period"])
    titles = [b.text for b in document.blocks if b.kind is BlockKind.TITLE]
    assert titles == [EXPECTED["title"]], "the title is a block of its own, never the contents heading"


def test_front_matter_names_the_organisation_and_is_not_text(documents):
    document = documents["plan.md"]
    assert document.organisation == EXPECTED["organisation"]
    assert not any("organisation:" in b.text for b in document.blocks)


@pytest.mark.parametrize("name", [STYLED, "plan_fetstil.docx", "plan_fetstil.pdf"])
def test_the_title_page_lines_are_the_front(documents, name):
    front = " ".join(documents[name].front)
    assert EXPECTED["organisation"] in front and "Innehåll" not in front


@pytest.mark.parametrize("name", COPIES)
def test_every_copy_gets_the_same_status_for_every_part(results, name):
    styled = {c.concept_id: c.status for c in results[STYLED].concepts}
    copy = {c.concept_id: c.status for c in results[name].concepts}
    assert copy == styled


@pytest.mark.parametrize("name", EVERY_FORMAT)
def test_the_contents_is_marked_and_never_evidence(documents, results, name):
    document = documents[name]
    contents = [b for b in document.blocks if b.toc]
    assert contents and contents[0].text == "Innehåll"
    entries = [b for b in contents[1:] if b.kind is not BlockKind.HEADING]
    assert len(entries) == len(EXPECTED["contents"])
    toc = {b.index for b in contents}
    quoted = [e.block for c in results[name].concepts for e in c.evidence]
    assert quoted and not toc & set(quoted)
    assert all(b.section == () for b in contents)


@pytest.mark.parametrize("name", EVERY_FORMAT)
def test_a_survey_figure_stands_in_its_section(documents, name):
    block = next(b for b in documents[name].blocks if b.text.startswith("Enligt medborgarundersökningen"))
    assert block.section == ("2 Omvärldsanalys", "2.1 Invånarnas upplevelser")


@pytest.mark.parametrize("name", ["plan_stilar.pdf", "plan_fetstil.pdf"])
def test_the_goals_table_continues_across_the_page_break(documents, name):
    cells = [b for b in documents[name].blocks if b.kind is BlockKind.TABLE_CELL]
    assert {c.location.table for c in cells} == {1}
    assert len({c.location.page for c in cells}) >= 2, "the fixture's table should break across a page"
    assert max(c.location.row for c in cells) == EXPECTED["table_rows"]
    header = [c.text for c in cells if c.location.row == 1]
    assert header == ["Nämndmål", "Indikator", "Utfall 2024", "Målvärde 2026", "Målvärde 2027", "Aktiviteter"]
    word = [(c.location.row, c.location.column, c.text) for c in documents[STYLED].blocks if c.location.table]
    assert [(c.location.row, c.location.column, c.text) for c in cells] == word, "no word broken, no row split"


def test_outline_shows_how_each_heading_was_recognised():
    output = run_cli("outline", FOLDER / "plan_fetstil.pdf").stdout
    assert "1 Förvaltningschefen har ordet  [" in output and "(numrering)" in output and "(fetstil)" in output
    assert "Innehåll  [innehållsförteckning, inte belägg]" in output
    assert "Titel: Verksamhetsplan 2026" in output
    english = run_cli("outline", "--lang", "en", FOLDER / "plan_stilar.docx").stdout
    assert "(table of contents, not evidence)" in english or "[table of contents, not evidence]" in english
    assert "(style)" in english


def build(*paragraphs: tuple[str, Look | None]) -> list[Block]:
    builder = DocumentBuilder(Path("plan.pdf"), "pdf", 1000)
    for number, (text, look) in enumerate(paragraphs, 1):
        builder.add(BlockKind.PARAGRAPH, text, Location(page=number), look)
    return builder.finish().blocks


BODY = Look(False, 11.0)
LONG = "Förvaltningen ska under året arbeta vidare med det som beskrivs i planen och följa upp det. " * 2


def test_a_bold_line_before_body_text_is_a_heading_but_title_page_lines_are_not():
    blocks = build(
        ("Affärsplan 2026–2028", Look(True, 24.0)),
        ("Bolaget AB", Look(True, 14.0)),
        ("Fastställd av styrelsen den 16 oktober 2025", BODY),
        ("VD har ordet", Look(True, 13.0)),
        (LONG, BODY),
        ("Mål och aktiviteter", Look(True, 13.0)),
        (LONG, BODY),
        ("Tabell 1. Nämndens indikatorer", Look(True, 11.0)),
        (LONG, BODY),
        ("En fet mening mitt i texten som inte står före brödtext", Look(True, 11.0)),
    )
    kinds = [(b.kind, b.level) for b in blocks]
    assert kinds == [
        (BlockKind.TITLE, None),
        (BlockKind.PARAGRAPH, None),
        (BlockKind.PARAGRAPH, None),
        (BlockKind.HEADING, 1),
        (BlockKind.PARAGRAPH, None),
        (BlockKind.HEADING, 1),
        (BlockKind.PARAGRAPH, None),
        (BlockKind.PARAGRAPH, None),
        (BlockKind.PARAGRAPH, None),
        (BlockKind.PARAGRAPH, None),
    ]
    assert blocks[6].section == ("Mål och aktiviteter",) and blocks[0].section == ()


def test_numbering_gives_the_level_and_size_the_rest():
    blocks = build(
        ("3 Mål", Look(True, 16.0)),
        ("3.2 Nämndmål", Look(True, 13.0)),
        ("Mål 1: Tryggheten ska öka", Look(True, 11.0)),
        (LONG, BODY),
        ("Ekonomi", Look(True, 16.0)),
        (LONG, BODY),
    )
    assert [(b.text, b.level, b.cue) for b in blocks if b.kind is BlockKind.HEADING] == [
        ("3 Mål", 1, "numbering"),
        ("3.2 Nämndmål", 2, "numbering"),
        ("Mål 1: Tryggheten ska öka", 3, "bold"),
        ("Ekonomi", 1, "size"),
    ]
    assert blocks[3].section == ("3 Mål", "3.2 Nämndmål", "Mål 1: Tryggheten ska öka")


def test_numbering_opens_and_closes_sections_when_headings_look_alike():
    """A numbered heading followed by its own subheading, set alike, is a heading; and "3.1" never stands
    under "2 Omvärld", so a goal is not read as a description of the world."""
    head = Look(True, 14.0)
    blocks = build(
        ("1 Inledning", head),
        (LONG, BODY),
        ("2 Omvärld", head),
        (LONG, BODY),
        ("3 Strategiska mål", head),
        ("3.1 Trygga bostadsområden", head),
        (LONG, BODY),
        ("3.2 Jobb och praktik", head),
        (LONG, BODY),
    )
    assert [(b.text, b.level) for b in blocks if b.kind is BlockKind.HEADING] == [
        ("1 Inledning", 1),
        ("2 Omvärld", 1),
        ("3 Strategiska mål", 1),
        ("3.1 Trygga bostadsområden", 2),
        ("3.2 Jobb och praktik", 2),
    ]
    assert blocks[8].section == ("3 Strategiska mål", "3.2 Jobb och praktik")


def test_a_numbered_subheading_without_its_parent_leaves_the_previous_chapter():
    builder = DocumentBuilder(Path("plan.md"), "md", 1000)
    builder.heading("2 Omvärld", 1, Location(line=1))
    builder.add(BlockKind.PARAGRAPH, LONG, Location(line=2))
    builder.heading("3.1 Trygga bostadsområden", 2, Location(line=3))
    builder.add(BlockKind.PARAGRAPH, LONG, Location(line=4))
    assert builder.finish().blocks[-1].section == ("3.1 Trygga bostadsområden",)


def test_contents_lines_after_a_contents_heading_and_dot_leaders_anywhere():
    blocks = build(
        ("Innehållsförteckning", Look(True, 14.0)),
        ("3.1 Stadens målbild 2027 4", BODY),
        ("5.4 Digitalisering 8", BODY),
        (LONG, BODY),
        ("Bilaga A ........ 12", BODY),
        ("Bilaga B ........ 13", BODY),
        ("Antal platser ökar till 22", BODY),
    )
    assert [b.toc for b in blocks] == [True, True, True, False, True, True, False]
    assert blocks[0].kind is BlockKind.HEADING and blocks[1].kind is BlockKind.PARAGRAPH


def test_numbering_and_period():
    assert [numbering_depth(t) for t in ("3 Mål", "3.2 Mål", "3.2.1. Mål", "2026 års mål", "Mål 3")] == [
        1,
        2,
        3,
        None,
        None,
    ]
    assert [period(t) for t in ("Affärsplan 2026–2028", "Verksamhetsplan 2026", "Plan")] == ["2026–2028", "2026", None]


def test_reports_show_the_plans_identity(tmp_path):
    text = run_cli("check", "--fail-on", "never", FOLDER / "plan_stilar.docx").stdout
    assert "Titel: Verksamhetsplan 2026 (Miljöförvaltningen)" in text
    report = json.loads(run_cli("check", "--format", "json", "--fail-on", "never", FOLDER / "plan.md").stdout)
    entry = report["files"][0]
    assert (entry["title"], entry["organisation"], entry["period"]) == (
        "Verksamhetsplan 2026",
        "Miljöförvaltningen",
        "2026",
    )
    from test_formats import assert_valid

    assert_valid("report", report)


def test_the_portfolio_tells_plans_with_one_title_apart(tmp_path):
    source = (FOLDER / "plan.md").read_text(encoding="utf-8")
    plans = []
    for name in ("Kulturförvaltningen", "Socialförvaltningen"):
        plan = tmp_path / f"{name.lower()}.md"
        plan.write_text(source.replace(f"organisation: {EXPECTED['organisation']}", f"organisation: {name}"))
        plans.append(plan)
    output = tmp_path / "rapport.html"
    run_cli("report", *plans, "-o", output)
    page = output.read_text(encoding="utf-8")
    portfolio = page.split("<tbody>", 1)[1].split("</tbody>", 1)[0]
    assert portfolio.count("Verksamhetsplan 2026") == 2
    assert "Kulturförvaltningen, 2026" in portfolio and "Socialförvaltningen, 2026" in portfolio
    assert "Innehåll" not in portfolio


@pytest.fixture(scope="module")
def exports():
    return {name: read_plan(FOLDER / name) for name in ("plan_liggande.docx", "plan_liggande.pdf")}


def test_a_landscape_export_reads_as_one_table_with_its_header(exports):
    rows = EXPECTED["export_rows"]
    for document in exports.values():
        cells = [b for b in document.blocks if b.kind is BlockKind.TABLE_CELL]
        got = [(c.location.table, c.location.row, c.location.column, c.text) for c in cells]
        want = [(1, r, c, text) for r, row in enumerate(rows, 1) for c, text in enumerate(row, 1) if text]
        assert got == want
    pages = {b.location.page for b in exports["plan_liggande.pdf"].blocks if b.kind is BlockKind.TABLE_CELL}
    assert len(pages) >= 2, "the fixture's table should break across a page"


def test_a_landscape_export_names_the_plan_in_its_header(exports):
    for document in exports.values():
        assert (document.title, document.organisation, document.period) == (
            EXPECTED["export_title"],
            EXPECTED["organisation"],
            "2026",
        )


def test_a_landscape_export_gets_the_same_status_as_a_docx_and_a_pdf(exports):
    engine = engine_for(None)
    statuses = [{c.concept_id: c.status for c in engine.check(d).concepts} for d in exports.values()]
    assert statuses[0] == statuses[1]
