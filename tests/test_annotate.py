"""`planlint annotate`: the annotated copy of a Word plan, read back with python-docx and opened in LibreOffice.

Uses examples/verksamhetsplan-2026.docx and a plan written here with python-docx that holds what must survive:
another author's comment, a tracked change, an image, a header and a footer. The LibreOffice test converts the
copy to PDF headless; it is skipped locally when soffice is missing, and fails in CI (CI=true).
"""

from __future__ import annotations

import hashlib
import os
import shutil
import struct
import subprocess
import zlib
from pathlib import Path

import docx
import pytest
from conftest import EXAMPLE_DOCX, run_cli
from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.table import _Cell
from docx.text.paragraph import Paragraph

from planlint.annotate.annotator import strongest_evidence
from planlint.annotate.comments import (
    RT_EXTENDED,
    RT_EXTENSIBLE,
    RT_IDS,
    W14,
    W15,
    W16CEX,
    W16CID,
)
from planlint.document.docx import open_word, read, read_word
from planlint.document.limits import DEFAULT_LIMITS
from planlint.document.model import BlockKind, normalize_space
from planlint.document.reader import read_plan
from planlint.i18n import pick
from planlint.project.runner import RunOptions, check_one

FIXTURES = Path(__file__).parent / "fixtures" / "docx"
OTHER_AUTHOR = "Anna Andersson"
OTHER_COMMENT = "Kan vi korta inledningen?"
SOFFICE_TIMEOUT = 120
# how a comment names one passage's status, written out rather than taken from the reporter's own labels
EVIDENCE_WORDS = {"namnd": "nämnd", "konkretiserad": "mål/aktivitet", "uppfoljd": "uppföljd"}


# --- helpers -----------------------------------------------------------------------------------------------


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def annotate(plan: Path, *args: str) -> Path:
    """Run `planlint annotate PLAN ARGS`, expect success, and return the copy written."""
    result = run_cli("annotate", plan, *args)
    assert result.exit_code == 0, result.output
    written = Path(args[args.index("-o") + 1]) if "-o" in args else plan.with_name(f"{plan.stem}-granskad.docx")
    assert written.is_file() and str(written) in result.output
    return written


def comments(path: Path) -> list[tuple[str, str, str, object]]:
    """(author, initials, text, anchor w:p) of every comment, the anchor found by its w:commentRangeStart."""
    word = docx.Document(str(path))
    anchors = {int(s.get(qn("w:id"))): s.getparent() for s in word.element.body.iter(qn("w:commentRangeStart"))}
    return [(c.author, c.initials, c.text, anchors.get(c.comment_id)) for c in word.comments]


def planlint_comments(path: Path) -> list[tuple[str, object]]:
    return [(text, anchor) for author, initials, text, anchor in comments(path) if author == "planlint"]


def anchor_text(p) -> str:
    """The text a comment is anchored on: its paragraph, or the whole table cell the paragraph opens."""
    cell = next(p.iterancestors(qn("w:tc")), None)
    return normalize_space(_Cell(cell, None).text if cell is not None else Paragraph(p, None).text)


def body_texts(path: Path) -> list[str]:
    """python-docx's text of every paragraph in the body, tables included."""
    return [Paragraph(p, None).text for p in docx.Document(str(path)).element.body.iter(qn("w:p"))]


def planlint_blocks(path: Path) -> list[tuple]:
    return [(b.kind, b.text, b.section, b.location) for b in read_plan(path).blocks]


def tiny_png() -> bytes:
    """A 1×1 red PNG."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(b"\x00\xff\x00\x00"))
        + chunk(b"IEND", b"")
    )


TRACKED = (
    f'<w:p {nsdecls("w")}><w:r><w:t xml:space="preserve">Biblioteken har öppet</w:t></w:r>'
    '<w:ins w:id="901" w:author="Bo Berg" w:date="2025-09-01T10:00:00Z"><w:r>'
    '<w:t xml:space="preserve"> även på söndagar</w:t></w:r></w:ins>'
    '<w:del w:id="902" w:author="Bo Berg" w:date="2025-09-01T10:00:00Z"><w:r>'
    '<w:delText xml:space="preserve"> bara på vardagar</w:delText></w:r></w:del>'
    "<w:r><w:t>, så att fler helsingborgare kan låna böcker och mötas.</w:t></w:r></w:p>"
)


@pytest.fixture
def plan(tmp_path: Path) -> Path:
    """A short Swedish plan with a comment by another author, a tracked change, an image, header and footer."""
    word = docx.Document()
    section = word.sections[0]
    section.header.paragraphs[0].text = "Fritids- och kulturförvaltningen"
    section.footer.paragraphs[0].text = "Verksamhetsplan 2026, Helsingborgs stad"
    word.add_heading("Verksamhetsplan 2026", 0)
    word.add_heading("Inledning", 1)
    intro = word.add_paragraph(
        "Förvaltningen ska bidra till att Helsingborg blir en av de bästa städerna att "
        "leva och verka i. Vi möter invånarna i biblioteken, på fritidsgårdarna och i "
        "idrottshallarna varje dag."
    )
    word.add_comment(intro.runs, text=OTHER_COMMENT, author=OTHER_AUTHOR, initials="AA")
    word.element.body.insert(len(word.element.body) - 1, parse_xml(TRACKED))
    image = tmp_path / "bild.png"
    image.write_bytes(tiny_png())
    word.add_picture(str(image))
    word.add_heading("Mål för verksamheten", 1)
    word.add_paragraph(
        "Antalet innovationspiloter som genomförs i förvaltningens testbädd ska öka till minst sex per år till 2027."
    )
    word.add_paragraph("Andelen unga som uppger att de har en meningsfull fritid ska vara minst 80 procent år 2027.")
    word.add_heading("Indikatorer", 1)
    table = word.add_table(rows=2, cols=3)
    for cell, text in zip(
        table.rows[0].cells + table.rows[1].cells,
        ["Indikator", "Utfall 2024", "Målvärde 2027", "Antal innovationspiloter i testbädden per år", "2", "6"],
    ):
        cell.text = text
    path = tmp_path / "plan.docx"
    word.save(str(path))
    return path


# --- the example plan --------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def example_copy(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, str]:
    """The example plan, its annotated copy, and the input's sha256 before annotating."""
    folder = tmp_path_factory.mktemp("example")
    source = folder / EXAMPLE_DOCX.name
    shutil.copyfile(EXAMPLE_DOCX, source)
    before = sha256(source)
    return source, annotate(source), before


def test_input_bytes_unchanged(example_copy: tuple[Path, Path, str]) -> None:
    source, _, before = example_copy
    assert sha256(source) == before == sha256(EXAMPLE_DOCX)


def test_body_text_equals_original(example_copy: tuple[Path, Path, str]) -> None:
    source, copy, _ = example_copy
    assert planlint_blocks(copy) == planlint_blocks(source)
    assert body_texts(copy) == body_texts(source)


@pytest.fixture(scope="module")
def example_evidence(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """The example plan and its copy annotated with --evidence."""
    folder = tmp_path_factory.mktemp("evidence")
    source = folder / EXAMPLE_DOCX.name
    shutil.copyfile(EXAMPLE_DOCX, source)
    return source, annotate(source, "--evidence")


def test_by_default_only_findings_suggestions_and_the_summary(example_copy: tuple[Path, Path, str]) -> None:
    """Without --evidence no approval is written: each comment is the summary or a finding with its suggestion."""
    source, copy, _ = example_copy
    result = check_one(source, RunOptions())
    notes = planlint_comments(copy)
    active = [f for f in result.findings if not f.suppressed]
    assert len(notes) == 1 + len(active)  # each finding here is on a paragraph of its own
    assert all(" – mål/aktivitet" not in text and " – uppföljd" not in text for text, _ in notes)
    for text, _ in notes[1:]:
        assert "Förslag: " in text
    trygghet = next(a for t, a in notes if "Trygghet nämns men konkretiseras inte" in t)
    assert anchor_text(trygghet).startswith("Våra bibliotek, fritidsgårdar och idrottsplatser")  # the paragraph
    stale = next(a for t, a in notes if "inaktuellt mål" in t)
    assert "Europas mest innovativa städer 2022" in anchor_text(stale)


def test_evidence_comments_on_their_paragraphs(example_evidence: tuple[Path, Path]) -> None:
    """With --evidence the strongest evidence per concept and section is commented, on the paragraph that holds
    the sentence."""
    source, copy = example_evidence
    result = check_one(source, RunOptions())
    notes = [(text, anchor_text(anchor)) for text, anchor in planlint_comments(copy)]
    picked = strongest_evidence(result)
    assert len(picked) < sum(len(c.evidence) for c in result.concepts)  # not every hit
    for evidence in picked:
        label = f"{pick(result.pack.concept(evidence.concept).name, 'sv')} – {EVIDENCE_WORDS[evidence.status.key]}"
        sentence = normalize_space(evidence.sentence)
        assert any(label in text and sentence in anchored for text, anchored in notes), (label, sentence)


def test_one_planlint_comment_per_paragraph(example_copy: tuple[Path, Path, str]) -> None:
    notes = planlint_comments(example_copy[1])
    anchors = [anchor for _, anchor in notes]
    assert None not in anchors
    assert len({id(a) for a in anchors}) == len(anchors)
    assert all(author != "planlint" or initials == "PL" for author, initials, _, _ in comments(example_copy[1]))


def test_summary_on_first_paragraph(example_copy: tuple[Path, Path, str]) -> None:
    source, copy, _ = example_copy
    result = check_one(source, RunOptions())
    text, anchor = planlint_comments(copy)[0]
    assert anchor_text(anchor) == result.document.blocks[0].text
    assert text.startswith(f"planlint: Sammanvägt {result.score}/100")
    for line in (
        "● Innovation: uppföljd",
        "● Samspel: uppföljd",
        "● Livskvalitet: uppföljd",
        "● Tidshorisont 2027: uppföljd",
        "○ Trygghet: nämnd",
        "✗ Sysselsättning: saknas",
        "○ Klimatneutralitet 2030: nämnd",
    ):
        assert line in text
    assert f"{len([f for f in result.findings if not f.suppressed])} anmärkningar" in text


def test_gap_on_goal_heading(example_copy: tuple[Path, Path, str]) -> None:
    """A missing concept is commented, with what to add, on the heading of the plan's goals."""
    source, copy, _ = example_copy
    headings = {b.text for b in read_plan(source).blocks if b.kind is BlockKind.HEADING}
    gaps = [(text, anchor_text(anchor)) for text, anchor in planlint_comments(copy) if "Sysselsättning saknas" in text]
    assert len(gaps) == 1
    text, heading = gaps[0]
    assert heading == "Mål och inriktningar" and heading in headings
    assert "Förslag: " in text and "feriejobb" in text


def test_english_comments(tmp_path: Path) -> None:
    source = tmp_path / "plan.docx"
    shutil.copyfile(EXAMPLE_DOCX, source)
    texts = [text for text, _ in planlint_comments(annotate(source, "--lang", "en", "-o", str(tmp_path / "en.docx")))]
    assert texts[0].startswith("planlint: Overall ") and "✗ Employment: missing" in texts[0]
    assert any("Suggestion: " in text for text in texts)


# --- what must survive, and annotating again ---------------------------------------------------------------


def test_other_content_survives(plan: Path) -> None:
    before = sha256(plan)
    copy = annotate(plan)
    assert sha256(plan) == before
    original, annotated = docx.Document(str(plan)), docx.Document(str(copy))
    other = [(a, t, anchor_text(p)) for a, _, t, p in comments(copy) if a != "planlint"]
    assert other == [(a, t, anchor_text(p)) for a, _, t, p in comments(plan)]
    assert other[0][:2] == (OTHER_AUTHOR, OTHER_COMMENT)
    body = annotated.element.body
    assert [e.text for e in body.iter(qn("w:delText"))] == [" bara på vardagar"]
    assert [[t.text for t in e.iter(qn("w:t"))] for e in body.iter(qn("w:ins"))] == [[" även på söndagar"]]
    assert [p.blob for p in annotated.part.package.iter_parts() if p.partname.ext == "png"] == [tiny_png()]
    assert len(body.findall(".//" + qn("w:drawing"))) == 1
    for name in ("header", "footer"):
        assert (
            getattr(annotated.sections[0], name).paragraphs[0].text
            == getattr(original.sections[0], name).paragraphs[0].text
        )
    assert planlint_blocks(copy) == planlint_blocks(plan)
    assert body_texts(copy) == body_texts(plan)


def test_fixture_gap_and_evidence(plan: Path) -> None:
    notes = [(text, anchor_text(anchor)) for text, anchor in planlint_comments(annotate(plan, "--evidence"))]
    assert any("Sysselsättning saknas" in text and anchored == "Mål för verksamheten" for text, anchored in notes)
    assert any(
        "Innovation – " in text and anchored.startswith("Antalet innovationspiloter") for text, anchored in notes
    )


def test_annotating_again_replaces(plan: Path, tmp_path: Path) -> None:
    first = annotate(plan)
    again = annotate(first, "-o", str(tmp_path / "igen.docx"))
    assert [t for t, _ in planlint_comments(again)] == [t for t, _ in planlint_comments(first)]
    assert [(a, t) for a, _, t, _ in comments(again) if a != "planlint"] == [(OTHER_AUTHOR, OTHER_COMMENT)]
    word = docx.Document(str(again))
    ids = sorted(c.comment_id for c in word.comments)
    assert len(set(ids)) == len(ids)
    for tag in ("w:commentRangeStart", "w:commentRangeEnd", "w:commentReference"):
        assert sorted(int(e.get(qn("w:id"))) for e in word.element.body.iter(qn(tag))) == ids, tag
    assert body_texts(again) == body_texts(plan)


def test_word_2016_comment_parts_follow(plan: Path, tmp_path: Path) -> None:
    """A copy saved by Word has paragraph ids and commentsExtended/Ids/Extensible entries; those of
    planlint's comments go with them, the other author's stay."""
    saved = tmp_path / "sparad-i-word.docx"
    word = docx.Document(str(annotate(plan)))
    comment_ps = [c.paragraphs[-1]._p for c in word.comments]
    for number, p in enumerate(comment_ps):
        p.set(f"{W14}paraId", f"{number + 1:08X}")
    ids = [(p.get(f"{W14}paraId"), f"{number + 100:08X}") for number, p in enumerate(comment_ps)]
    parts = {
        RT_EXTENDED: (
            "commentsExtended",
            "w15",
            "".join(f'<w15:commentEx w15:paraId="{p}" w15:done="0"/>' for p, _ in ids),
        ),
        RT_IDS: (
            "commentsIds",
            "w16cid",
            "".join(f'<w16cid:commentId w16cid:paraId="{p}" w16cid:durableId="{d}"/>' for p, d in ids),
        ),
        RT_EXTENSIBLE: (
            "commentsExtensible",
            "w16cex",
            "".join(f'<w16cex:commentExtensible w16cex:durableId="{d}"/>' for _, d in ids),
        ),
    }
    namespaces = {"w15": W15, "w16cid": W16CID, "w16cex": W16CEX}
    for reltype, (name, prefix, entries) in parts.items():
        xml = f'<{prefix}:{name} xmlns:{prefix}="{namespaces[prefix][1:-1]}">{entries}</{prefix}:{name}>'
        part = Part(PackURI(f"/word/{name}.xml"), CT.XML, xml.encode(), word.part.package)
        word.part.relate_to(part, reltype)
    word.save(str(saved))
    para_id, durable_id = next(i for i, c in zip(ids, word.comments) if c.author == OTHER_AUTHOR)
    again = docx.Document(str(annotate(saved, "-o", str(tmp_path / "igen.docx"))))
    kept = {reltype: [e.attrib for e in parse_xml(again.part.part_related_by(reltype).blob)] for reltype in parts}
    assert kept[RT_EXTENDED] == [{f"{W15}paraId": para_id, f"{W15}done": "0"}]
    assert kept[RT_IDS] == [{f"{W16CID}paraId": para_id, f"{W16CID}durableId": durable_id}]
    assert kept[RT_EXTENSIBLE] == [{f"{W16CEX}durableId": durable_id}]


# --- the command -------------------------------------------------------------------------------------------


def test_refuses_to_overwrite_without_force(plan: Path) -> None:
    copy = annotate(plan)
    copy.write_bytes(b"earlier")
    result = run_cli("annotate", plan)
    assert result.exit_code == 2 and "--force" in result.output
    assert copy.read_bytes() == b"earlier"
    annotate(plan, "--force")
    assert planlint_comments(copy)


@pytest.mark.parametrize("name", ["plan.pdf", "plan.md", "plan.txt"])
def test_other_formats_point_to_report(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    path.write_text("Verksamhetsplan", encoding="utf-8")
    result = run_cli("annotate", path)
    assert result.exit_code == 2
    assert "planlint report" in result.output and ".docx" in result.output
    assert sorted(p.name for p in tmp_path.iterdir()) == [name]


def test_refuses_output_equal_to_input(plan: Path) -> None:
    before = sha256(plan)
    result = run_cli("annotate", plan, "-o", plan, "--force")
    assert result.exit_code == 2 and "planen" in result.output
    assert sha256(plan) == before


@pytest.mark.parametrize("args", [("saknas.docx",), ("PLAN", "-o", "kopia.pdf"), ("PLAN", "-o", "saknad/kopia.docx")])
def test_usage_errors(plan: Path, args: tuple[str, ...]) -> None:
    args = tuple(str(plan) if a == "PLAN" else str(plan.parent / a) if a != "-o" else a for a in args)
    result = run_cli("annotate", *args)
    assert result.exit_code == 2 and "Traceback" not in result.output
    assert sorted(p.name for p in plan.parent.iterdir()) == ["bild.png", "plan.docx"]


# --- the reader's element map ------------------------------------------------------------------------------


@pytest.mark.parametrize("path", sorted(FIXTURES.glob("*.docx")), ids=lambda p: p.name)
def test_reader_maps_every_block_to_a_body_paragraph(path: Path) -> None:
    """The same blocks as `read`, each mapped to a w:p outside any text box (a box's text to its anchor)."""
    word = open_word(path, DEFAULT_LIMITS)
    elements: dict = {}
    document = read_word(word, path, DEFAULT_LIMITS, elements)
    assert [b.as_dict() for b in document.blocks] == [b.as_dict() for b in read(path, DEFAULT_LIMITS).blocks]
    assert sorted(elements) == [b.index for b in document.blocks]
    body = word.element.body
    for element in elements.values():
        assert element.tag == qn("w:p") and body in element.iterancestors()
        assert next(element.iterancestors(qn("w:txbxContent")), None) is None


# --- LibreOffice -------------------------------------------------------------------------------------------


@pytest.mark.office
def test_copy_opens_in_libreoffice(plan: Path, tmp_path: Path) -> None:
    """LibreOffice converts the copy to PDF, and its own reading (flat ODF) holds every comment by its author."""
    soffice = shutil.which("soffice")
    if soffice is None:
        if os.environ.get("CI") == "true":
            pytest.fail("soffice is missing (CI must install libreoffice-writer: see scripts/setup-test-env.sh)")
        pytest.skip("soffice is missing (apt-get install libreoffice-writer-nogui)")
    copy = annotate(plan)
    profile = (tmp_path / "lo-profile").resolve().as_uri()
    for fmt in ("pdf", "fodt"):
        command = [
            soffice,
            f"-env:UserInstallation={profile}",
            "--headless",
            "--convert-to",
            fmt,
            "--outdir",
            str(tmp_path / "lo"),
            str(copy),
        ]
        subprocess.run(command, check=True, capture_output=True, timeout=SOFFICE_TIMEOUT)
    assert (tmp_path / "lo" / f"{copy.stem}.pdf").read_bytes().startswith(b"%PDF-")
    odf = (tmp_path / "lo" / f"{copy.stem}.fodt").read_text(encoding="utf-8")
    assert odf.count("<dc:creator>planlint</dc:creator>") == len(planlint_comments(copy))
    assert odf.count(f"<dc:creator>{OTHER_AUTHOR}</dc:creator>") == 1


def test_no_comment_on_the_table_of_contents(tmp_path: Path) -> None:
    """A plan that opens with its table of contents: the summary goes on the first paragraph after it, and no
    finding is anchored on a contents line, though the lines repeat the headings."""
    from docx.enum.style import WD_STYLE_TYPE

    word = docx.Document()
    toc_line = word.styles.add_style("toc 1", WD_STYLE_TYPE.PARAGRAPH)
    word.add_paragraph("Innehåll", style="TOC Heading")
    for line in ("Verksamhetsplan 2026\t1", "Mål för verksamheten\t2", "Indikatorer\t3"):
        word.add_paragraph(line, style=toc_line)
    word.add_heading("Verksamhetsplan 2026", 0)
    word.add_paragraph("Vi bidrar till målbild 2027. Vi ska också vara en trygg mötesplats för alla.")
    word.add_heading("Mål för verksamheten", 1)
    word.add_paragraph("Antalet innovationspiloter i testbädden ska öka till minst sex per år till 2027.")
    word.add_heading("Indikatorer", 1)
    word.add_paragraph("Indikator: antal piloter per år, målvärde 6 år 2027.")
    path = tmp_path / "plan.docx"
    word.save(str(path))
    toc = {b.text for b in read_plan(path).blocks if b.toc}
    assert len(toc) == 4  # the reader marks the contents
    notes = [(text, anchor_text(anchor)) for text, anchor in planlint_comments(annotate(path, "--evidence"))]
    assert notes and not any(anchored in toc for _, anchored in notes)
    assert notes[0][0].startswith("planlint: Sammanvägt") and notes[0][1] == "Verksamhetsplan 2026"
