"""The .docx reader, checked against fixtures whose expected blocks were written by the script that made them.

The fixtures and their NAME.expected.json come from tests/fixtures/make_docx_fixtures.py.
"""

from __future__ import annotations

import copy
import hashlib
import json
import subprocess
import sys
import zipfile
from difflib import SequenceMatcher
from pathlib import Path

import docx
import pytest
from click.testing import CliRunner
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls

from planlint.cli.main import cli
from planlint.document.docx import StyleMap
from planlint.document.limits import DEFAULT_LIMITS, Limits
from planlint.document.reader import read_plan
from planlint.errors import PlanInputError

FIXTURES = Path(__file__).parent / "fixtures"
GOOD = sorted((FIXTURES / "docx").glob("*.docx"))
MIN_WORD_SHARE = 0.99
MB = 1024 * 1024
# bad fixture -> (error key, words the Swedish message must hold)
BAD = {
    "trunkerad.docx": ("corrupt", "skadad eller ofullständig"),
    "skadad.docx": ("corrupt", "går inte att tolka"),
    "utan_dokument.docx": ("corrupt", "word/document.xml saknas"),
    "zipbomb.docx": ("zip_bomb", "zip-bomb"),
    "krypterad.docx": ("encrypted", "lösenordsskyddad"),
}


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def expected_for(path: Path) -> dict:
    return json.loads(path.with_name(f"{path.stem}.expected.json").read_text(encoding="utf-8"))


def word_share(blocks: list[dict], expected: list[dict]) -> float:
    """How well the words read match the expected words, in order (1.0: the same; missing and extra words count)."""
    read = " ".join(b["text"] for b in blocks).split()
    wanted = " ".join(b["text"] for b in expected).split()
    return SequenceMatcher(None, read, wanted, autojunk=False).ratio()


def structure(blocks: list[dict]) -> list[tuple]:
    """Kind, level, section path and location of every block."""
    return [(b["kind"], b.get("level"), b["section"], b["location"]) for b in blocks]


def headings(blocks: list[dict]) -> list[tuple]:
    return [(b["text"], b["level"], b["section"]) for b in blocks if b["kind"] == "heading"]


def assert_reads_as_expected(document: dict, expected: dict) -> None:
    """`document` is Document.as_dict() (or `planlint outline --format json`), `expected` a fixture's JSON."""
    blocks = document["blocks"]
    assert word_share(blocks, expected["blocks"]) >= MIN_WORD_SHARE
    assert headings(blocks) == headings(expected["blocks"])
    assert structure(blocks) == structure(expected["blocks"])
    assert (document["title"], document["author"]) == (expected["title"], expected["author"])
    text = " ".join(b["text"] for b in blocks)
    assert [s for s in expected["absent"] if s in text] == []
    assert [s for s in expected["present"] if s not in text] == []


def test_there_are_fixtures_for_every_case() -> None:
    names = {"plan_normal.docx", "plan_rubrik.docx", "plan_revisions.docx", "plan_tabeller.docx"}
    assert names <= {p.name for p in GOOD}
    assert all(name in {p.name for p in (FIXTURES / "bad").glob("*.docx")} for name in BAD)


@pytest.mark.parametrize("path", GOOD, ids=lambda p: p.name)
def test_reads_what_the_fixture_holds(path: Path) -> None:
    before = sha256(path)
    document = read_plan(path)
    assert document.format == "docx"
    assert_reads_as_expected(document.as_dict(), expected_for(path))
    assert sha256(path) == before


@pytest.mark.parametrize("path", GOOD, ids=lambda p: p.name)
def test_outline_json_from_the_command_line(path: Path) -> None:
    result = CliRunner().invoke(cli, ["outline", "--format", "json", str(path)])
    assert result.exit_code == 0, result.output
    assert_reads_as_expected(json.loads(result.stdout), expected_for(path))


@pytest.mark.parametrize(
    "spoil",
    [
        lambda blocks: blocks[3].update(level=2),
        lambda blocks: blocks[5].update(kind="paragraph"),
        lambda blocks: blocks[-1]["location"].update(column=2),
        lambda blocks: blocks.insert(4, {**blocks[4], "text": "Hela detta stycke är struket och läses inte alls."}),
        lambda blocks: [b.update(text=b["text"] + " eventuellt") for b in blocks[:2]],
    ],
    ids=["level", "kind", "cell", "deleted paragraph", "extra words"],
)
def test_the_comparison_catches_a_wrong_reading(spoil) -> None:
    path = FIXTURES / "docx" / "plan_normal.docx"
    expected = expected_for(path)
    document = read_plan(path).as_dict()
    spoilt = copy.deepcopy(document)
    spoil(spoilt["blocks"])
    expected["absent"].append("eventuellt")
    with pytest.raises(AssertionError):
        assert_reads_as_expected(spoilt, expected)


@pytest.mark.parametrize("name", BAD)
def test_bad_input_exits_2_with_a_swedish_message(name: str) -> None:
    path = FIXTURES / "bad" / name
    key, words = BAD[name]
    before = sha256(path)
    result = subprocess.run(
        [sys.executable, "-m", "planlint", "outline", str(path)], capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 2, result.stderr
    assert name in result.stderr and words in result.stderr
    assert "Traceback" not in result.stderr + result.stdout
    with pytest.raises(PlanInputError) as error:
        read_plan(path)
    assert error.value.key == key
    assert sha256(path) == before


def test_zip_bomb_is_caught_by_ratio_with_default_limits_and_by_size_with_a_low_limit() -> None:
    path = FIXTURES / "bad" / "zipbomb.docx"
    assert path.stat().st_size < MB
    with zipfile.ZipFile(path) as archive:
        unpacked = sum(member.file_size for member in archive.infolist())
    assert 50 * MB < unpacked < DEFAULT_LIMITS.max_unpacked_mb * MB  # so the defaults catch it by its ratio
    for limits in (DEFAULT_LIMITS, Limits(max_unpacked_mb=50, max_compression_ratio=10**9)):
        with pytest.raises(PlanInputError) as error:
            read_plan(path, limits)
        assert error.value.key == "zip_bomb"
        assert error.value.params["size"][1] == f"{unpacked / MB:.0f}"  # its true size, not the limit


def test_corrupt_reason_follows_the_language() -> None:
    with pytest.raises(PlanInputError) as error:
        read_plan(FIXTURES / "bad" / "skadad.docx")
    assert "går inte att tolka" in error.value.message("sv")
    assert "cannot be parsed" in error.value.message("en")


def test_block_limit_is_kept() -> None:
    with pytest.raises(PlanInputError) as error:
        read_plan(FIXTURES / "docx" / "plan_normal.docx", Limits(max_blocks=5))
    assert error.value.key == "too_large_blocks"


def styles(*definitions: str) -> StyleMap:
    return StyleMap(parse_xml(f"<w:styles {nsdecls('w')}>{''.join(definitions)}</w:styles>"))


def style(style_id: str, name: str = "", based_on: str = "", ppr: str = "", default: bool = False) -> str:
    """A paragraph w:style element."""
    marker = ' w:default="1"' if default else ""
    return (
        f'<w:style w:type="paragraph" w:styleId="{style_id}"{marker}>'
        + (f'<w:name w:val="{name}"/>' if name else "")
        + (f'<w:basedOn w:val="{based_on}"/>' if based_on else "")
        + f"<w:pPr>{ppr}</w:pPr></w:style>"
    )


@pytest.mark.parametrize(
    "style_id, level, title, listed",
    [
        ("Heading1", 1, False, False),  # English Word, by name
        ("berschrift2", 2, False, False),  # German Word's id, no name
        ("Rubrik3", 3, False, False),  # Swedish Word's id, no name
        ("Niva4", 4, False, False),  # by outline level only
        ("Egen", 2, False, False),  # a custom style based on a heading
        ("Rubrik", 1, True, False),  # Swedish Word's Title, named "Title"
        ("Titel", 1, True, False),  # the Title by id
        ("Punktlista", None, False, True),  # List Bullet by name
        ("Numrerad", None, False, True),  # numbering in the style
        ("Loop", None, False, False),  # a based-on cycle ends
        ("Saknas", None, False, False),  # an unknown id
        (None, None, False, False),  # no style: the default paragraph style
    ],
)
def test_style_map_resolves_styles_whatever_language_word_ran_in(style_id, level, title, listed) -> None:
    resolved = styles(
        style("Normal", "Normal", default=True),
        style("Heading1", "heading 1", "Normal"),
        style("berschrift2"),
        style("Rubrik3"),
        style("Niva4", "Nivå fyra", "Normal", '<w:outlineLvl w:val="3"/>'),
        style("Egen", "Egen rubrik", "berschrift2"),
        style("Rubrik", "Title", "Normal"),
        style("Titel"),
        style("Punktlista", "List Bullet", "Normal"),
        style("Numrerad", "Numrerad", "Normal", '<w:numPr><w:numId w:val="3"/></w:numPr>'),
        style("Loop", "Loop", "Loop2"),
        style("Loop2", "Loop2", "Loop"),
    ).get(style_id)
    assert (resolved.level, resolved.title, resolved.listed) == (level, title, listed)


@pytest.mark.parametrize(
    "style_id, name, expected",
    [
        ("Rubrik", "Rubrik", "title"),  # Swedish Word's Title, named in Swedish
        ("Underrubrik", "Underrubrik", "subtitle"),
        ("Subtitle", "Subtitle", "subtitle"),
        ("Innehll1", "Innehåll 1", "toc"),  # Swedish Word's TOC 1: the id loses its å
        ("TOC2", "toc 2", "toc"),
        ("Innehllsfrteckningsrubrik", "Innehållsförteckningsrubrik", "toc heading"),
        ("TOCHeading", "TOC Heading", "toc heading"),
    ],
)
def test_style_map_knows_title_subtitle_and_contents_styles(style_id, name, expected) -> None:
    resolved = styles(style("Normal", "Normal", default=True), style(style_id, name, "Normal")).get(style_id)
    found = {
        "title": resolved.title,
        "subtitle": resolved.subtitle,
        "toc": resolved.toc and resolved.level is None,
        "toc heading": resolved.toc and resolved.level == 1,
    }
    assert [key for key, value in found.items() if value] == [expected]


BODY_XML = (
    "<w:body {ns}>"
    '<w:p><w:pPr><w:pStyle w:val="Rubrik"/></w:pPr><w:r><w:t>Verksamhetsplan 2026</w:t></w:r></w:p>'
    '<w:p><w:pPr><w:pStyle w:val="Underrubrik"/></w:pPr><w:r><w:t>Kulturförvaltningen</w:t></w:r></w:p>'
    "<w:sdt><w:sdtPr><w:showingPlcHdr/></w:sdtPr><w:sdtContent><w:p><w:r>"
    "<w:t>Klicka eller tryck här för att ange text.</w:t></w:r></w:p></w:sdtContent></w:sdt>"
    '<w:sdt><w:sdtPr><w:docPartObj><w:docPartGallery w:val="Table of Contents"/></w:docPartObj></w:sdtPr>'
    "<w:sdtContent>"
    '<w:p><w:pPr><w:pStyle w:val="Normal"/></w:pPr><w:r><w:t>Innehåll</w:t></w:r></w:p>'
    "<w:p><w:r><w:t>Trygghet i parkerna\t4</w:t></w:r></w:p>"
    "</w:sdtContent></w:sdt>"
    '<w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> TOC \\o "1-3" </w:instrText></w:r>'
    '<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>Ekonomi och trygghet 7</w:t></w:r></w:p>'
    '<w:p><w:r><w:t>Innovation 8</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>'
    '<w:p><w:r><w:rPr><w:b/><w:sz w:val="32"/></w:rPr><w:t>Trygghet</w:t></w:r></w:p>'
    "<w:p><w:r><w:t>Vi ska öka tryggheten i parkerna genom att förbättra belysningen under året.</w:t></w:r></w:p>"
    "<w:p><w:r><w:rPr><w:b/></w:rPr><w:t>2.1 Mål</w:t></w:r></w:p>"
    "<w:p><w:r><w:t>Andelen trygga invånare ska öka till 80 procent 2027.</w:t></w:r></w:p>"
    "<w:sectPr/></w:body>"
)


def test_title_contents_placeholders_and_headings_by_look(tmp_path: Path) -> None:
    word = docx.Document()
    root = word.styles.element
    for style_id in ("Rubrik", "Underrubrik"):
        root.append(parse_xml(style(style_id, style_id, "Normal").replace("<w:style ", f"<w:style {nsdecls('w')} ")))
    body = word.element.body
    body.getparent().replace(body, parse_xml(BODY_XML.format(ns=nsdecls("w"))))
    path = tmp_path / "plan.docx"
    word.save(path)
    document = read_plan(path, require_swedish=False)
    got = [(b.kind.value, b.text, b.level, b.toc, b.section) for b in document.blocks]
    assert got == [
        ("title", "Verksamhetsplan 2026", None, False, ()),
        ("paragraph", "Kulturförvaltningen", None, False, ()),
        ("heading", "Innehåll", 1, True, ()),
        ("paragraph", "Trygghet i parkerna 4", None, True, ()),
        ("paragraph", "Ekonomi och trygghet 7", None, True, ()),
        ("paragraph", "Innovation 8", None, True, ()),
        ("heading", "Trygghet", 1, False, ()),
        ("paragraph", got[7][1], None, False, ("Trygghet",)),
        ("heading", "2.1 Mål", 2, False, ("Trygghet",)),
        ("paragraph", got[9][1], None, False, ("Trygghet", "2.1 Mål")),
    ]
    assert "Klicka" not in " ".join(b.text for b in document.blocks)
    assert (document.title, document.period, document.front) == (
        "Verksamhetsplan 2026",
        "2026",
        ["Verksamhetsplan 2026", "Kulturförvaltningen"],
    )
    assert [b.cue for b in document.blocks if b.kind.value == "heading"] == ["toc", "size", "numbering"]


def test_a_paragraphs_own_outline_level_and_numbering_override_its_style_each_time() -> None:
    """Direct formatting is applied per paragraph: one paragraph's override never sticks to its style."""
    resolved = styles(
        style("Normal", "Normal", default=True),
        style("Punktlista", "List Bullet", "Normal"),
        style("Heading1", "heading 1", "Normal"),
    )
    paragraphs = [
        '<w:pStyle w:val="Punktlista"/>',
        '<w:pStyle w:val="Punktlista"/><w:numPr><w:numId w:val="0"/></w:numPr>',  # numbering turned off
        '<w:pStyle w:val="Punktlista"/>',
        '<w:outlineLvl w:val="1"/>',
        '<w:outlineLvl w:val="9"/>',  # "body text"
        '<w:pStyle w:val="Heading1"/><w:outlineLvl w:val="2"/>',
        '<w:pStyle w:val="Heading1"/>',
        '<w:numPr><w:numId w:val="3"/></w:numPr>',
        "",
        '<w:pStyle w:val="Heading1"/><w:pStyle w:val="Punktlista"/>',  # a property given twice: the first counts
        '<w:pStyle w:val="Punktlista"/><w:pStyle w:val="Heading1"/>',
    ]
    got = []
    for ppr in paragraphs:
        info = resolved.paragraph(parse_xml(f"<w:p {nsdecls('w')}><w:pPr>{ppr}</w:pPr></w:p>"))
        got.append((info.level, info.listed, info.cue))
    assert got == [
        (None, True, "style"),
        (None, False, "style"),
        (None, True, "style"),
        (2, False, "outline"),
        (None, False, "outline"),
        (3, False, "outline"),
        (1, False, "style"),
        (None, True, "style"),
        (None, False, "style"),
        (1, False, "style"),
        (None, True, "style"),
    ]


LOOK_XML = (
    "<w:body {ns}>"
    '<w:p><w:pPr><w:pStyle w:val="Title"/></w:pPr><w:r><w:t>Verksamhetsplan 2026</w:t></w:r></w:p>'
    # bold by the run's own properties and by its character style, most of it at the body size: a heading by weight
    '<w:p><w:r><w:rPr><w:b/><w:sz w:val="36"/></w:rPr><w:t xml:space="preserve">Trygghet </w:t></w:r>'
    '<w:r><w:rPr><w:rStyle w:val="Fet"/></w:rPr><w:t>och säkerhet</w:t></w:r></w:p>'
    "<w:p><w:r><w:t>Vi ska öka tryggheten i parkerna genom att förbättra belysningen under året.</w:t></w:r></w:p>"
    # the run's own w:b w:val="0" outweighs its character style: not all of the text is bold
    '<w:p><w:r><w:rPr><w:rStyle w:val="Fet"/><w:b w:val="0"/></w:rPr>'
    '<w:t xml:space="preserve">Inte fet inledning </w:t></w:r>'
    '<w:r><w:rPr><w:rStyle w:val="Fet"/></w:rPr><w:t>slut</w:t></w:r></w:p>'
    "<w:p><w:r><w:t>Andelen trygga invånare ska öka till 80 procent 2027.</w:t></w:r></w:p>"
    # bold throughout, the field code's runs left out; most of the text at the body size: bold heading
    '<w:p><w:r><w:rPr><w:b/></w:rPr><w:t xml:space="preserve">Mål för </w:t></w:r>'
    '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> DATE </w:instrText></w:r>'
    '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
    '<w:r><w:rPr><w:b/></w:rPr><w:t>året</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>'
    '<w:r><w:rPr><w:b/><w:sz w:val="36"/></w:rPr><w:t xml:space="preserve"> </w:t></w:r></w:p>'
    "<w:p><w:r><w:t>Vi ska samverka med föreningslivet i alla stadsdelar under hela planperioden.</w:t></w:r></w:p>"
    "<w:sectPr/></w:body>"
)


def test_headings_by_look_weigh_each_runs_own_and_character_style_properties(tmp_path: Path) -> None:
    word = docx.Document()
    word.styles.element.append(
        parse_xml(
            f'<w:style {nsdecls("w")} w:type="character" w:styleId="Fet"><w:name w:val="Fet"/>'
            "<w:rPr><w:b/></w:rPr></w:style>"
        )
    )
    body = word.element.body
    body.getparent().replace(body, parse_xml(LOOK_XML.format(ns=nsdecls("w"))))
    path = tmp_path / "plan.docx"
    word.save(path)
    document = read_plan(path, require_swedish=False)
    got = [(b.kind.value, b.text, b.cue) for b in document.blocks]
    assert got == [
        ("title", "Verksamhetsplan 2026", "style"),
        ("heading", "Trygghet och säkerhet", "bold"),
        ("paragraph", got[2][1], None),
        ("paragraph", "Inte fet inledning slut", None),
        ("paragraph", got[4][1], None),
        ("heading", "Mål för året", "bold"),
        ("paragraph", got[6][1], None),
    ]


COMMENTED_XML = (
    "<w:body {ns}>"
    "<w:tbl><w:tr><w:tc>"
    '<w:p><w:commentRangeStart w:id="1"/><w:r><w:t>Mål A</w:t></w:r></w:p><w:p><w:r><w:t>Mål B</w:t></w:r></w:p>'
    "</w:tc></w:tr></w:tbl>"
    '<w:commentRangeStart w:id="3"/>'  # between paragraphs: it marks none
    '<w:p><w:r><w:t>Mål B</w:t></w:r><w:r><w:commentReference w:id="2"/></w:r></w:p>'
    '<w:p><w:r><w:t>Mål C</w:t></w:r><w:r><w:commentReference w:id="3"/></w:r>'
    '<w:r><w:commentReference w:id="2"/></w:r></w:p>'  # a second mark of comment 2: the first counts
    "<w:sectPr/></w:body>"
)


def test_word_comments_are_placed_on_the_block_of_the_paragraph_they_mark(tmp_path: Path) -> None:
    word = docx.Document()
    body = word.element.body
    body.getparent().replace(body, parse_xml(COMMENTED_XML.format(ns=nsdecls("w"))))
    path = tmp_path / "plan.docx"
    word.save(path)
    comments = "".join(
        f'<w:comment w:id="{i}" w:author="Granskare {i}"><w:p><w:r><w:t>Kommentar {i}</w:t></w:r></w:p></w:comment>'
        for i in range(4)
    )
    with zipfile.ZipFile(path, "a") as archive:
        archive.writestr("word/comments.xml", f"<w:comments {nsdecls('w')}>{comments}</w:comments>")
    document = read_plan(path, require_swedish=False)
    assert [b.text for b in document.blocks] == ["Mål A Mål B", "Mål B", "Mål C"]
    placed = [(c.author, c.text, c.block) for c in document.comments]
    assert placed == [
        ("Granskare 0", "Kommentar 0", None),  # no mark at all
        ("Granskare 1", "Kommentar 1", 0),  # a paragraph of a cell: the cell that holds its text
        ("Granskare 2", "Kommentar 2", 1),  # the block with just that text, not the cell before it that holds it
        ("Granskare 3", "Kommentar 3", 2),
    ]
