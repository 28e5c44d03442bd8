"""The PDF reader against fixtures made by tests/fixtures/make_pdf_fixtures.py from known blocks."""

from __future__ import annotations

import difflib
import hashlib
import json
import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import pypdfium2 as pdfium
import pytest
from click.testing import CliRunner

from planlint.cli.main import cli
from planlint.document.limits import Limits
from planlint.document.model import BlockKind
from planlint.document.pdf import read as read_pdf
from planlint.document.pdf_blocks import SOFT_HYPHEN, join_lines
from planlint.document.pdf_layout import drop_running_lines, reading_order
from planlint.document.pdf_tables import MIN_RULES, rulings
from planlint.document.reader import read_plan
from planlint.errors import PlanInputError, PlanTooLarge

FIXTURES = Path(__file__).parent / "fixtures"
PDF_DIR = FIXTURES / "pdf"
BAD_DIR = FIXTURES / "bad"
NAMES = ["plan_enkel", "tva_spalter", "sidhuvud_avstavning"]
PAGE_NUMBER = re.compile(r"(?:Sida\s+)?\d+(?:\s+av\s+\d+)?")


def expected(name: str) -> dict:
    return json.loads((PDF_DIR / f"{name}.expected.json").read_text(encoding="utf-8"))


def words(texts) -> list[str]:
    return " ".join(texts).split()


@pytest.fixture(scope="module")
def documents():
    return {name: read_plan(PDF_DIR / f"{name}.pdf") for name in NAMES}


@pytest.mark.parametrize("name", NAMES)
def test_words_in_order(documents, name):
    want = words(b["text"] for b in expected(name)["blocks"])
    got = words(b.text for b in documents[name].blocks)
    ratio = difflib.SequenceMatcher(None, want, got, autojunk=False).ratio()
    assert ratio >= 0.98, f"{name}: only {ratio:.3f} of the words in order"


@pytest.mark.parametrize("name", NAMES)
def test_no_word_that_was_not_put_in(documents, name):
    """No header, footer, page number or hyphenation fragment gets into the text."""
    extra = Counter(words(b.text for b in documents[name].blocks)) - Counter(
        words(b["text"] for b in expected(name)["blocks"])
    )
    assert not extra, f"{name}: words not in the source: {sorted(extra)}"


@pytest.mark.parametrize("name", NAMES)
def test_no_running_header_or_page_number(documents, name):
    header = expected(name)["header"]
    for block in documents[name].blocks:
        assert block.kind is BlockKind.TABLE_CELL or not PAGE_NUMBER.fullmatch(block.text)
        assert "Sida" not in block.text.split()
        assert not header or header not in block.text


@pytest.mark.parametrize("name", NAMES)
def test_blocks_match_kinds_and_texts(documents, name):
    want = [(b["kind"], b["text"]) for b in expected(name)["blocks"]]
    got = [(b.kind.value, b.text) for b in documents[name].blocks]
    assert got == want


@pytest.mark.parametrize("name", NAMES)
def test_headings_with_levels(documents, name):
    want = [(b["text"], b["level"]) for b in expected(name)["blocks"] if b["kind"] == "heading"]
    got = [(b.text, b.level) for b in documents[name].blocks if b.kind is BlockKind.HEADING]
    assert got == want


@pytest.mark.parametrize("name", NAMES)
def test_every_block_has_its_page(documents, name):
    document = documents[name]
    pages = [b.location.page for b in document.blocks]
    assert all(isinstance(page, int) and 1 <= page <= document.pages for page in pages)
    assert pages == sorted(pages)
    assert pages[-1] == document.pages > 1


@pytest.mark.parametrize("name", NAMES)
def test_metadata(documents, name):
    document = documents[name]
    assert (document.title, document.author, document.format) == (
        expected(name)["title"],
        expected(name)["author"],
        "pdf",
    )
    assert document.metadata["Producer"].startswith("LibreOffice")


def test_hyphenation_undone_and_real_hyphens_kept(documents):
    pdf = pdfium.PdfDocument(PDF_DIR / "sidhuvud_avstavning.pdf")
    marks = sum(pdf[i].get_textpage().get_text_range().count("\ufffe") for i in range(len(pdf)))
    pdf.close()
    assert marks >= 20, "the fixture should have many words hyphenated at line ends"
    text = " ".join(b.text for b in documents["sidhuvud_avstavning"].blocks)
    for word in ["arbetsmarknadsinsatser", "Klimatneutralitetsarbetet", "kompetensutvecklingsinsatser"]:
        assert word in text
    for phrase in ["klimat- och energiplan", "it-stöd", "CO2-utsläppen"]:
        assert phrase in text
    assert SOFT_HYPHEN not in text and "\ufffe" not in text


def test_table_cells_by_row_and_column(documents):
    document = documents["plan_enkel"]
    want = [
        (b["text"], b["table"], b["row"], b["column"])
        for b in expected("plan_enkel")["blocks"]
        if b["kind"] == "table_cell"
    ]
    cells = [b for b in document.blocks if b.kind is BlockKind.TABLE_CELL]
    got = [(b.text, b.location.table, b.location.row, b.location.column) for b in cells]
    assert got == want
    assert all(b.location.page == 1 for b in cells)
    others = " ".join(b.text for b in document.blocks if b.kind is not BlockKind.TABLE_CELL)
    for text in ["Målvärde 2027", "Nöjd medborgarindex", "Antal platser i arbetsmarknadsinsatser"]:
        assert text not in others


def test_tables_sought_only_on_pages_with_rulings():
    pdf = pdfium.PdfDocument(PDF_DIR / "plan_enkel.pdf")
    two_columns = pdfium.PdfDocument(PDF_DIR / "tva_spalter.pdf")

    def ruled(page) -> bool:
        horizontal, vertical = rulings(page.raw, page.get_height())
        return len(horizontal) >= MIN_RULES and len(vertical) >= MIN_RULES

    try:
        assert ruled(pdf[0])
        assert not any(ruled(page) for page in two_columns)
    finally:
        pdf.close()
        two_columns.close()


def test_outline_json_from_the_command_line():
    result = CliRunner().invoke(cli, ["outline", "--format", "json", str(PDF_DIR / "tva_spalter.pdf")])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["format"] == "pdf" and data["pages"] == 3
    want = words(b["text"] for b in expected("tva_spalter")["blocks"])
    got = words(b["text"] for b in data["blocks"])
    assert difflib.SequenceMatcher(None, want, got, autojunk=False).ratio() >= 0.98
    assert all(b["location"]["page"] >= 1 for b in data["blocks"])


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.mark.parametrize(
    "name, message",
    [
        ("krypterad.pdf", "lösenordsskyddad"),
        ("trunkerad.pdf", "skadad eller ofullständig"),
        ("inskannad.pdf", "saknar textlager"),
    ],
)
def test_bad_pdf_exits_2_with_a_swedish_message(name, message):
    path = BAD_DIR / name
    before = sha256(path)
    result = CliRunner().invoke(cli, ["outline", str(path)])
    assert result.exit_code == 2
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert name in result.stderr and message in result.stderr
    assert "Traceback" not in result.output
    assert sha256(path) == before


def test_too_many_pages():
    with pytest.raises(PlanTooLarge) as error:
        read_plan(PDF_DIR / "tva_spalter.pdf", Limits(max_pages=2))
    assert error.value.key == "too_large_pages"
    assert "fler än 2 sidor" in error.value.message("sv")


def test_bad_pdf_errors_name_their_key():
    with pytest.raises(PlanInputError) as error:
        read_plan(BAD_DIR / "krypterad.pdf")
    assert error.value.key == "encrypted"


@pytest.mark.parametrize(
    "lines, joined",
    [
        (["stärka arbetsmarknads\u00ad", "insatserna för"], "stärka arbetsmarknadsinsatserna för"),
        (["stadens klimat\u00ad", "och energiplan"], "stadens klimat- och energiplan"),
        (["ett nytt it\u00ad", "stöd för"], "ett nytt it-stöd för"),
        (["minska CO2-", "utsläppen"], "minska CO2-utsläppen"),
        (["minska CO2\u00ad", "utsläppen"], "minska CO2-utsläppen"),
        (["inom EU\u00ad", "länderna"], "inom EU-länderna"),
        (["för miljö-", "eller klimatarbete"], "för miljö- eller klimatarbete"),
        (["vi ska –", "och kan"], "vi ska – och kan"),
    ],
)
def test_join_lines(lines, joined):
    assert join_lines(lines, set()) == joined


def test_join_lines_follows_how_the_plan_spells_the_word():
    assert join_lines(["en ut\u00ad", "bildning"], {"utbildning"}) == "en utbildning"
    assert join_lines(["ny sam\u00ad", "verkan"], {"sam-verkan"}) == "ny sam-verkan"


def minimal_pdf(content: bytes) -> bytes:
    """A one-page PDF drawing `content` with Helvetica as /F1 and Helvetica-Bold as /F2."""
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R /F2 5 0 R >> >> "
        b"/Contents 6 0 R >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold >>",
        b"<< /Length %d >>\nstream\n%s\nendstream" % (len(content), content),
    ]
    out = b"%PDF-1.4\n"
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    return out + b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)


def test_font_size_scaled_by_the_text_matrix(tmp_path):
    """A line set with a 1 pt font scaled up by its text matrix is still the largest text: the title."""
    path = tmp_path / "matris.pdf"
    path.write_bytes(
        minimal_pdf(
            b"BT /F2 1 Tf 20 0 0 20 72 700 Tm (Uppdrag) Tj ET "
            b"BT /F1 11 Tf 72 660 Td (Vi ska minska utsl\xe4ppen fr\xe5n resor.) Tj ET "
            b"BT /F1 11 Tf 72 647 Td (Det g\xe4ller alla verksamheter.) Tj ET"
        )
    )
    blocks = [(b.kind, b.text, b.level) for b in read_pdf(path, Limits()).blocks]
    assert blocks == [
        (BlockKind.TITLE, "Uppdrag", None),
        (BlockKind.PARAGRAPH, "Vi ska minska utsläppen från resor. Det gäller alla verksamheter.", None),
    ]


@dataclass
class FakeLine:
    text: str
    left: float
    right: float
    top: float
    bottom: float
    page: int = 1

    @property
    def middle(self) -> float:
        return (self.top + self.bottom) / 2


def test_two_columns_read_left_column_first():
    title = FakeLine("Rubrik", 60, 530, 800, 780)
    left = [FakeLine(f"v{i}", 60, 280, 760 - 14 * i, 750 - 14 * i) for i in range(6)]
    right = [FakeLine(f"h{i}", 310, 530, 760 - 14 * i, 750 - 14 * i) for i in range(6)]
    interleaved = [line for pair in zip(left, right) for line in pair]
    order = [line.text for line in reading_order([*interleaved, title])]
    assert order == ["Rubrik"] + [f"v{i}" for i in range(6)] + [f"h{i}" for i in range(6)]


def test_one_column_read_top_down():
    lines = [FakeLine(f"r{i}", 60, 530 - 40 * (i % 2), 760 - 14 * i, 750 - 14 * i) for i in range(8)]
    assert [line.text for line in reading_order(lines[::-1])] == [f"r{i}" for i in range(8)]


def test_running_lines_dropped_only_in_the_margins():
    def page(number: int) -> list[FakeLine]:
        return [
            FakeLine("Verksamhetsplan 2025", 200, 400, 820, 810, number),
            FakeLine("Mål och inriktning", 60, 300, 700, 690, number),
            FakeLine(f"Sida {number} av 3", 250, 350, 30, 20, number),
        ]

    kept = drop_running_lines([page(1), page(2), page(3)], [842.0] * 3)
    assert [[line.text for line in lines] for lines in kept] == [["Mål och inriktning"]] * 3
    lone = drop_running_lines([[FakeLine("7", 290, 300, 30, 20)]], [842.0])
    assert lone == [[]]
