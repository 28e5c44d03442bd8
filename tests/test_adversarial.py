"""Hostile and broken input, one test per case: nothing from a plan, a file name or a configuration runs as a
command in a CI log or turns live in a pull request; no report is written over what a run reads; every stage
ends in time and memory; a broken file gives exit status 2 with a message, and an unforeseen error exit 3.

The hostile files are made here, at test time, with python-docx, zipfile and hand-written PDF bytes.
"""

from __future__ import annotations

import json
import math
import os
import re
import signal
import subprocess
import sys
import xml.etree.ElementTree as ET
import zipfile
from contextlib import contextmanager
from pathlib import Path

import pytest
from click.testing import CliRunner
from markdown_it import MarkdownIt

from planlint.cli import main as cli_main
from planlint.cli.main import cli

PLAN = (
    "Verksamhetsplan 2026\n\n"
    "Inledning\n\n"
    "Förvaltningen bidrar till målbild 2027 och Vision Helsingborg 2035 genom att utveckla "
    "verksamheten tillsammans med invånarna. Vi arbetar med innovation och nya arbetssätt i alla enheter.\n\n"
    "Mål och aktiviteter\n\n"
    "Vi ska minska utsläppen av växthusgaser så att staden blir klimatneutral 2030. Andelen fossilfria "
    "transporter ska öka till 80 procent till 2027 och följs upp varje kvartal.\n\n"
    "Trygghet är viktigt för alla som bor och verkar i staden, och vi ska genomföra trygghetsvandringar "
    "i alla stadsdelar under året.\n"
)
FORMATS = ("text", "json", "sarif", "junit", "github", "markdown", "html")
HIDDEN = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ufffe\uffff]")


def invoke(*args: object, lang: str = "sv"):
    """planlint in-process; stdout and stderr apart."""
    return CliRunner().invoke(cli, [str(a) for a in args], catch_exceptions=False)


def write(path: Path, text: str = PLAN) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def no_workflow_commands(text: str) -> None:
    """Neither form of a GitHub workflow command can be read from any line of `text`."""
    for line in text.split("\n"):
        assert not line.lstrip().startswith("::"), line
        assert "##[" not in line, line


# --- injection into CI logs and pull requests ------------------------------------------------------------------


def test_plan_lines_never_run_as_workflow_commands_in_the_text_report(tmp_path: Path) -> None:
    """A quoted sentence full of `::error` (some wrapped to the start of a line) and a `##[error]` heading."""
    hostile = " ".join(["::error::kapad"] * 30)
    plan = write(
        tmp_path / "plan.txt",
        PLAN + f"\nMål ##[error]kapad\n\nVi ska ##[error]kapad utveckla innovation i verksamheten {hostile}.\n",
    )
    result = invoke("check", plan, "--fail-on", "never")
    assert result.exit_code == 0
    assert "::error" in result.stdout.replace("：:", "::")  # the text is still shown, only defused
    no_workflow_commands(result.stdout)


def test_a_newline_in_a_file_name_starts_no_line(tmp_path: Path) -> None:
    plan = write(tmp_path / "plan\n::error file=README.md::kapad\n.txt")
    for args in (("check", plan, "--fail-on", "never"), ("outline", plan), ("check", tmp_path / "saknas\n::x")):
        result = invoke(*args)
        no_workflow_commands(result.stdout + result.stderr)
        assert "plan␊" in result.stdout + result.stderr or "saknas␊" in result.stdout + result.stderr


def test_terminal_escapes_in_file_names_are_shown_not_obeyed(tmp_path: Path) -> None:
    names = ["esc\x1b[31mröd\x1b[0m.txt", "osc\x1b]8;;https:evil.example\x07länk\x1b]8;;\x07.txt", "cr\rdold.txt"]
    plans = [write(tmp_path / name) for name in names]
    result = invoke("check", *plans, tmp_path / "saknas\x1b[2J.txt", "--fail-on", "never")
    output = result.stdout + result.stderr
    assert not HIDDEN.search(output)
    assert "␛[31mröd" in output and "␍dold" in output


def hand_pdf(pages: list[str], info: dict[str, str] | None = None, drawing: bytes = b"") -> bytes:
    """A PDF written by hand: one text line per string in Helvetica (WinAnsi), an optional drawing on the first
    page, and an information dictionary."""

    def literal(text: str) -> bytes:
        raw = text.encode("cp1252")
        return b"(" + raw.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)") + b")"

    objects = [b"<< /Type /Catalog /Pages 2 0 R >>", b""]
    objects.append(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>")
    kids = []
    for number, page in enumerate(pages):
        lines = page.split("\n")
        body = b"BT /F1 10 Tf 14 TL 40 800 Td " + b" ".join(literal(line) + b" Tj T*" for line in lines) + b" ET"
        if number == 0:
            body = drawing + body
        objects.append(b"<< /Length %d >>\nstream\n" % len(body) + body + b"\nendstream")
        content = len(objects)
        objects.append(
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> "
            b"/Contents %d 0 R >>" % content
        )
        kids.append(len(objects))
    objects[1] = b"<< /Type /Pages /Kids [%s] /Count %d >>" % (b" ".join(b"%d 0 R" % k for k in kids), len(kids))
    trailer_info = b""
    if info:
        objects.append(b"<< " + b" ".join(b"/" + k.encode() + b" " + literal(v) for k, v in info.items()) + b" >>")
        trailer_info = b" /Info %d 0 R" % len(objects)
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R%s >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, trailer_info, xref)
    return bytes(out)


def plan_pages(text: str = PLAN, per_page: int = 40) -> list[str]:
    """The plan's lines cut to fit a page's width, as pages of `per_page` lines."""
    lines = []
    for line in text.split("\n"):
        words, current = line.split(), ""
        for word in words:
            if len(current) + len(word) > 90:
                lines.append(current)
                current = ""
            current = f"{current} {word}".strip()
        lines.append(current)
    return ["\n".join(lines[i : i + per_page]) for i in range(0, len(lines), per_page)]


def test_outline_shows_a_pdf_title_with_control_characters(tmp_path: Path) -> None:
    plan = tmp_path / "titel.pdf"
    plan.write_bytes(hand_pdf(plan_pages(), {"Title": "Plan\r\n::error::kapad\x07\x1b[2J"}))
    result = invoke("outline", plan)
    assert result.exit_code == 0, result.output
    assert not HIDDEN.search(result.stdout)
    title = next(line for line in result.stdout.split("\n") if line.startswith("Titel: "))
    assert "Plan" in title and "::error::kapad" in title
    no_workflow_commands(result.stdout)
    data = json.loads(invoke("outline", plan, "--format", "json").stdout)
    assert "::error::kapad" in data["title"]


def gfm_inline_tokens(markdown: str) -> list:
    """Every inline token of `markdown` as GitHub-flavoured Markdown (tables, strikethrough, autolinks)."""
    parser = MarkdownIt("commonmark", {"linkify": False}).enable(["table", "strikethrough"])
    tokens = []
    for token in parser.parse(markdown):
        tokens += token.children or []
    return tokens


def test_markdown_summary_is_neutral(tmp_path: Path) -> None:
    folder = tmp_path / "planer"
    folder.mkdir()
    write(folder / "a|[länk](javascript:alert(1))|b.txt")
    hostile = (
        "Vi ska utveckla innovation i verksamheten till 2027, se https://evil.example och www.evil.example, "
        "fråga @someone eller skriv till a@evil.example, ~~struket~~ <script>alert(1)</script> **fet** #12."
    )
    write(folder / "b.txt", PLAN.replace("Mål och aktiviteter", hostile[:70].rstrip(",") + "\n\n" + hostile))
    result = invoke("check", folder, "--format", "markdown", "--fail-on", "never")
    markdown = result.stdout
    table = [line for line in markdown.split("\n") if line.startswith("| ")]
    header_cells = len(re.split(r"(?<!\\)\|", table[0]))
    assert all(len(re.split(r"(?<!\\)\|", row)) == header_cells for row in table)
    kinds = {t.type for t in gfm_inline_tokens(markdown)}
    assert not kinds & {"link_open", "html_inline", "s_open", "em_open", "image"}
    assert "https://" not in markdown and "www.evil" not in markdown and "<script" not in markdown
    assert "@someone" not in markdown and "a@evil" not in markdown and "~~" not in markdown
    assert not re.search(r"(?<![`\\])#12", markdown)


def test_bidi_controls_reach_no_format(tmp_path: Path) -> None:
    plan = write(
        tmp_path / "bidi\u202etxt.exe\u2066.txt",
        PLAN.replace("Vi arbetar med innovation", "Vi arbetar \u202emed\u202c innovation\u2067 och \u2069"),
    )
    for fmt in FORMATS:
        result = invoke("check", plan, "--format", fmt, "--fail-on", "never")
        assert result.exit_code == 0, (fmt, result.output)
        assert not re.search("[\u202a-\u202e\u2066-\u2069]", result.stdout), fmt
    data = json.loads(invoke("check", plan, "--format", "json", "--fail-on", "never").stdout)
    assert "\u202e" in data["files"][0]["path"]  # escaped in the bytes, exact in the value


# --- output over inputs ----------------------------------------------------------------------------------------


def test_output_is_never_written_over_the_baseline_config_or_pack(tmp_path: Path) -> None:
    plan = write(tmp_path / "plan.txt")
    baseline = tmp_path / "b.json"
    assert invoke("baseline", plan, "-o", baseline).exit_code == 0
    before = baseline.read_bytes()
    result = invoke("check", plan, "--baseline", baseline, "-o", baseline)
    assert result.exit_code == 2 and "skrivs aldrig över" in result.stderr
    assert baseline.read_bytes() == before

    config = tmp_path / "planlint.toml"
    config.write_text('fail-on = "never"\n', encoding="utf-8")
    result = invoke("check", plan, "-o", config)
    assert result.exit_code == 2 and config.read_text(encoding="utf-8") == 'fail-on = "never"\n'

    import shutil

    from planlint.rulepack.pack import default_pack_dir

    pack = tmp_path / "pack"
    shutil.copytree(default_pack_dir(), pack)
    rule = next((pack / "rules").glob("*.yaml"))
    before = rule.read_bytes()
    result = invoke("check", plan, "--rules", pack, "--format", "json", "-o", rule)
    assert result.exit_code == 2 and rule.read_bytes() == before
    result = invoke("check", plan, "--rules", pack, "--format", "json", "-o", pack / "rules" / "ny.yaml")
    assert result.exit_code == 2 and not (pack / "rules" / "ny.yaml").exists()


def test_output_is_never_written_through_a_symlink(tmp_path: Path) -> None:
    plan = write(tmp_path / "plan.txt")
    victim = tmp_path / "offer.txt"
    victim.write_text("orörd\n", encoding="utf-8")
    link = tmp_path / "planlint.sarif"
    link.symlink_to(victim)
    result = invoke("check", plan, "--format", "sarif", "-o", link, "--format", "text")
    assert result.exit_code == 2 and "symbolisk länk" in result.stderr
    assert victim.read_text(encoding="utf-8") == "orörd\n" and link.is_symlink()
    dangling = tmp_path / "ny.sarif"
    dangling.symlink_to(tmp_path / "finns-inte")
    assert invoke("check", plan, "--format", "sarif", "-o", dangling).exit_code == 2
    assert not (tmp_path / "finns-inte").exists()


def test_a_failed_write_leaves_no_truncated_report(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    plan = write(tmp_path / "plan.txt")
    report = tmp_path / "rapport.json"
    report.write_text('{"gammal": true}\n', encoding="utf-8")
    import planlint.cli.output as output

    real_replace = os.replace

    def full_disk(src, dst):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(output.os, "replace", full_disk)
    result = invoke("check", plan, "--format", "json", "-o", report, "--fail-on", "never")
    monkeypatch.setattr(output.os, "replace", real_replace)
    assert result.exit_code == 2 and "(disken är full)" in result.stderr
    assert report.read_text(encoding="utf-8") == '{"gammal": true}\n'
    assert sorted(p.name for p in tmp_path.iterdir()) == ["plan.txt", "rapport.json"]


# --- machine output stays valid --------------------------------------------------------------------------------


def test_junit_stays_valid_xml_with_control_characters(tmp_path: Path) -> None:
    plan = write(tmp_path / "kontroll\x01\x1f.txt", PLAN.replace("innovation", "innovation\ufffe\uffff"))
    missing = tmp_path / "saknas\x0b.docx"
    report = tmp_path / "r.xml"
    result = invoke("check", plan, missing, "--format", "junit", "-o", report)
    assert result.exit_code == 2
    root = ET.fromstring(report.read_bytes())
    names = [suite.get("name") for suite in root]
    assert any("kontroll␁␟" in name for name in names) and any("saknas␋" in name for name in names)


def test_a_file_name_that_is_not_utf8_is_opened_and_shown(tmp_path: Path) -> None:
    name = os.fsdecode(b"plan-\xf6.txt")  # Latin-1 "ö"
    plan = write(tmp_path / name)
    for fmt in FORMATS:
        report = tmp_path / f"rapport.{fmt}"
        result = invoke("check", plan, "--format", fmt, "-o", report, "--fail-on", "never")
        assert result.exit_code == 0, (fmt, result.output)
        text = report.read_bytes().decode("utf-8")  # valid UTF-8
        assert "plan-\ufffd" in text or "plan-%F6" in text, fmt
    data = json.loads((tmp_path / "rapport.json").read_text(encoding="utf-8"))
    assert data["files"][0]["words"] > 50  # the plan was read, not reported as missing
    sarif = json.loads((tmp_path / "rapport.sarif").read_text(encoding="utf-8"))
    assert sarif["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]


# --- unforeseen errors -----------------------------------------------------------------------------------------


def test_an_unforeseen_error_exits_3_with_a_bug_report_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture
) -> None:
    import planlint.project.runner as runner

    def broken(*args, **kwargs):
        raise RuntimeError("oväntat")

    monkeypatch.setattr(runner, "run", broken)
    plan = write(tmp_path / "plan.txt")
    for args, traceback_shown in (([str(plan)], False), (["--debug", str(plan)], True)):
        monkeypatch.setattr(sys, "argv", ["planlint", *args])
        with pytest.raises(SystemExit) as exit_:
            cli_main.main()
        err = capsys.readouterr().err
        assert exit_.value.code == 3
        assert "internt fel (RuntimeError: oväntat)" in err and "Rapportera" in err
        assert ("Traceback" in err) is traceback_shown


@pytest.mark.slow
def test_the_action_runs_no_command_from_a_plan_and_uploads_no_symlinked_sarif(tmp_path: Path) -> None:
    import yaml
    from test_integrations import ROOT, UNITS, run_action, write_plan

    action = yaml.safe_load((ROOT / "action.yml").read_text(encoding="utf-8"))
    write_plan(tmp_path / "planer" / "skola.txt", UNITS[2])
    write(tmp_path / "planer" / "kapad.txt", PLAN + "\nVi ska utveckla innovation. " + "::error::kapad " * 30 + "\n")
    shim = tmp_path / "bin"
    shim.mkdir()
    (shim / "planlint").write_text(f'#!/bin/sh\nexec {sys.executable} -m planlint "$@"\n', encoding="utf-8")
    (shim / "planlint").chmod(0o755)
    env = {**os.environ, "PATH": f"{shim}{os.pathsep}{os.environ['PATH']}", "PYTHONPATH": str(ROOT)}
    inputs = {"paths": "planer", "fail-on": "never", "baseline": "", "sarif-file": "planlint.sarif"}
    outputs, steps = run_action(action, inputs | {"python-version": "3.11"}, env, tmp_path)
    lines = steps[1][1].stdout.split("\n")
    start = next(i for i, line in enumerate(lines) if line.startswith("::stop-commands::"))
    end = lines.index(f"::{lines[start].split('::')[2]}::")
    assert "kapad" in "\n".join(lines[start + 1 : end])
    no_workflow_commands("\n".join(lines[start + 1 : end]))
    assert outputs == {"exit-code": "0", "sarif": "true"}

    victim = tmp_path / "hemlig.txt"
    victim.write_text("orörd\n", encoding="utf-8")
    (tmp_path / "planlint.sarif").unlink()
    (tmp_path / "planlint.sarif").symlink_to(victim)
    outputs, steps = run_action(action, inputs | {"python-version": "3.11"}, env, tmp_path)
    assert victim.read_text(encoding="utf-8") == "orörd\n" and outputs == {"exit-code": "2"}
    assert "symbolisk länk" in steps[1][1].stderr


# --- every stage bounded in time and memory --------------------------------------------------------------------


@contextmanager
def deadline(seconds: int):
    """Fail (rather than hang the suite) when the block runs longer than `seconds`: a guard, not a benchmark."""

    def expired(signum, frame):
        raise TimeoutError(f"more than {seconds} s")

    previous = signal.signal(signal.SIGALRM, expired)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


def grid_pdf(path: Path, n: int) -> Path:
    """A plan whose first page also carries an n × n grid of ruled lines (a few KB)."""
    rules = [b"50 %.2f m 550 %.2f l S" % ((100 + i * 600 / n,) * 2) for i in range(n + 1)]
    rules += [b"%.2f 100 m %.2f 700 l S" % ((50 + i * 500 / n,) * 2) for i in range(n + 1)]
    path.write_bytes(hand_pdf(plan_pages(), drawing=b"0.5 w " + b" ".join(rules) + b"\n"))
    return path


def test_a_dense_ruled_grid_is_skipped_with_a_note(tmp_path: Path) -> None:
    plan = grid_pdf(tmp_path / "rutnat.pdf", 200)
    assert plan.stat().st_size < 20_000
    with deadline(60):
        result = invoke("outline", plan)
    assert result.exit_code == 0 and "tabellerna på sidan 1 lästes inte" in result.stdout
    assert "Förvaltningen bidrar" in result.stdout  # the page's text is still read
    small = grid_pdf(tmp_path / "tabell.pdf", 4)
    assert "lästes inte" not in invoke("outline", small).stdout


def test_a_table_finder_that_fails_to_close_is_no_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import pdfplumber

    def broken_close(self):
        raise KeyError("damaged cross-reference")

    monkeypatch.setattr(pdfplumber.PDF, "close", broken_close)
    result = invoke("check", grid_pdf(tmp_path / "tabell.pdf", 4), "--fail-on", "never")
    assert result.exit_code == 0, result.output


def test_an_endless_word_realises_no_term() -> None:
    from planlint.analysis.matching import MAX_WORD_CHARS
    from planlint.analysis.tokens import segment
    from planlint.project.runner import engine_for

    index = engine_for(None).index
    assert index._word_hits("innovationsarbete")  # a real compound is found …
    assert index._word_hits("innovations" + "a" * MAX_WORD_CHARS) == ()  # … an endless one is not looked into
    [[sentence]] = segment(["Vi ska " + "(" * 50_000 + "innovation."])
    assert len(sentence.words) <= 4  # one long run without white space is one token, not 50,000 peeled affixes


def test_a_sentence_without_end_is_cut_into_bounded_pieces() -> None:
    from planlint.analysis.tokens import MAX_SENTENCE_WORDS, segment

    text = "Vi ska " + "innovation trygghet klimatneutral samverkan livskvalitet " * 2000
    [sentences] = segment([text])
    assert len(sentences) > 1 and max(len(s.words) for s in sentences) <= MAX_SENTENCE_WORDS
    with deadline(60):
        result = check_plan_text(PLAN + "\n" + text + ".\n")
    assert any(c.concept_id == "innovation" and c.evidence for c in result.concepts)


def check_plan_text(text: str):
    from planlint.document.model import BlockKind, DocumentBuilder, Location
    from planlint.project.runner import engine_for

    builder = DocumentBuilder(Path("plan.txt"), "txt", 10_000)
    for number, paragraph in enumerate(text.split("\n\n")):
        builder.add(BlockKind.PARAGRAPH, paragraph, Location(line=number))
    return engine_for(None).check(builder.document)


def docx_plan(path: Path) -> Path:
    import docx

    document = docx.Document()
    for paragraph in PLAN.split("\n\n"):
        document.add_paragraph(paragraph.strip())
    document.save(str(path))
    return path


def rewrite_zip(source: Path, target: Path, replace: dict[str, bytes], add: dict[str, bytes] | None = None) -> Path:
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as new:
        for item in old.infolist():
            new.writestr(item.filename, replace.get(item.filename, old.read(item.filename)))
        for name, data in (add or {}).items():
            new.writestr(name, data, compress_type=zipfile.ZIP_DEFLATED, compresslevel=9)
    return target


def test_a_deep_based_on_chain_is_cut(tmp_path: Path) -> None:
    """8,000 paragraph styles, each based on the one before, the first a heading: no chain is followed far."""
    from planlint.document.docx import MAX_STYLE_DEPTH, StyleMap

    source = docx_plan(tmp_path / "plan.docx")
    with zipfile.ZipFile(source) as archive:
        styles = archive.read("word/styles.xml").decode("utf-8")
        body = archive.read("word/document.xml").decode("utf-8")
    w = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    chain = "".join(
        f'<w:style w:type="paragraph" w:styleId="S{i}"><w:name w:val="Djup {i}"/>'
        + (f'<w:basedOn w:val="S{i - 1}"/>' if i else '<w:basedOn w:val="Heading1"/>')
        + "</w:style>"
        for i in range(8000)
    )
    styles = styles.replace("</w:styles>", chain + "</w:styles>")
    paragraphs = "".join(
        f'<w:p><w:pPr><w:pStyle w:val="S{i}"/></w:pPr><w:r><w:t>Stycke {i}</w:t></w:r></w:p>' for i in range(0, 8000, 4)
    )
    body = body.replace("<w:sectPr", paragraphs + "<w:sectPr", 1)
    plan = rewrite_zip(
        source, tmp_path / "djup.docx", {"word/styles.xml": styles.encode(), "word/document.xml": body.encode()}
    )
    with deadline(120):
        result = invoke("check", plan, "--fail-on", "never")
    assert result.exit_code == 0, result.output
    from lxml import etree

    style_map = StyleMap(etree.fromstring(styles.encode()))
    assert style_map.get("S2").level == 1  # near its heading base: a heading
    assert style_map.get(f"S{MAX_STYLE_DEPTH * 4}").level is None  # beyond any chain Word makes: cut
    assert w


def test_a_glob_does_not_follow_symlink_loops_and_checks_each_file_once(tmp_path: Path) -> None:
    folder = tmp_path / "planer"
    folder.mkdir()
    write(folder / "plan.txt")
    for name in ("a", "b"):
        (folder / name).symlink_to(folder)  # two folders that contain themselves
    for i in range(5):
        (folder / f"kopia{i}.txt").symlink_to(folder / "plan.txt")
    with deadline(60):
        result = invoke("check", f"{folder}/**/*.txt", "--format", "json", "--fail-on", "never")
    assert result.exit_code == 0, result.output
    assert [Path(f["path"]).name for f in json.loads(result.stdout)["files"]] == ["kopia0.txt"]
    result = invoke(
        "check",
        folder,
        f"./{folder.relative_to(Path.cwd()) if folder.is_relative_to(Path.cwd()) else folder}/plan.txt",
        "--format",
        "json",
        "--fail-on",
        "never",
    )
    assert len(json.loads(result.stdout)["files"]) == 1


def test_many_small_parts_that_inflate_are_a_zip_bomb_by_their_total(tmp_path: Path) -> None:
    """100 header parts of just under 1 MB each, which no one-part guard looks at, from a small file."""
    filler = b'<?xml version="1.0"?><w:hdr xmlns:w="urn:x">' + b"<w:p/>" * 170_000 + b"</w:hdr>"
    parts = {f"word/header{i}.xml": filler for i in range(100)}
    plan = rewrite_zip(docx_plan(tmp_path / "plan.docx"), tmp_path / "bomb.docx", {}, parts)
    assert plan.stat().st_size < 1024 * 1024
    result = invoke("check", plan)
    assert result.exit_code == 2 and "zip-bomb" in result.stderr
    assert f"packas upp till {unpacked_mb(plan)} MB" in result.stderr  # its true size


def test_a_part_over_the_ratio_is_reported_with_its_true_size(tmp_path: Path) -> None:
    parts = {"word/media/fyllnad.bin": b"\0" * (11 * 1024 * 1024)}
    plan = rewrite_zip(docx_plan(tmp_path / "plan.docx"), tmp_path / "elva.docx", {}, parts)
    result = invoke("check", plan)
    assert result.exit_code == 2 and f"packas upp till {unpacked_mb(plan)} MB" in result.stderr
    assert "500" not in result.stderr


def unpacked_mb(path: Path) -> str:
    with zipfile.ZipFile(path) as archive:
        return f"{math.ceil(sum(m.file_size for m in archive.infolist()) / 1024 / 1024)}"


def test_a_plan_with_more_text_than_the_memory_budget_is_refused(tmp_path: Path) -> None:
    from planlint.document.limits import Limits
    from planlint.document.reader import read_plan
    from planlint.errors import PlanInputError

    plan = write(tmp_path / "stor.txt", PLAN.replace("\n\n", "\n") * 2000)
    with pytest.raises(PlanInputError) as error:
        read_plan(plan, Limits(max_text_mb=1))
    assert error.value.message().endswith(": planen är för stor: 1,1 MB text, högst 1 MB. Dela upp den i mindre delar.")
    huge = tmp_path / "jatte.txt"
    with huge.open("w", encoding="utf-8") as stream:
        stream.write(PLAN * (40 * 1024 * 1024 // len(PLAN)))
    result = invoke("check", huge)
    size = math.ceil(huge.stat().st_size / 1024 / 1024)
    assert result.exit_code == 2 and f"planen är för stor: en textfil på {size} MB, högst 8 MB text" in result.stderr


def pack_copy(tmp_path: Path) -> Path:
    import shutil

    from planlint.rulepack.pack import default_pack_dir

    pack = tmp_path / "paket"
    shutil.copytree(default_pack_dir(), pack)
    return pack


def test_a_yaml_alias_bomb_in_a_pack_is_refused(tmp_path: Path) -> None:
    pack = pack_copy(tmp_path)
    bomb = 'a: &a ["x","x","x","x","x","x","x","x","x"]\n'
    for level in "bcdefghi":
        previous = chr(ord(level) - 1)
        bomb += f"{level}: &{level} [*{previous},*{previous},*{previous},*{previous},*{previous},*{previous},*{previous},*{previous},*{previous}]\n"
    (pack / "language.yaml").write_text((pack / "language.yaml").read_text(encoding="utf-8") + bomb, encoding="utf-8")
    plan = write(tmp_path / "plan.txt")
    with deadline(30):
        result = invoke("check", plan, "--rules", pack)
    assert result.exit_code == 2 and "language.yaml" in result.stderr and "alias" in result.stderr


@pytest.mark.slow
def test_a_pack_glob_never_backtracks_exponentially() -> None:
    """Run apart, with a time-out: a regular expression that backtracks cannot be interrupted in-process."""
    code = (
        "from planlint.analysis.phrases import GlobList, WordSet\n"
        "pattern = '*a' * 25 + '*x'\n"
        "assert 'a' * 79 not in WordSet([pattern])\n"
        "assert GlobList([(pattern, 1)]).matches('a' * 79 + 'b') == []\n"
        "assert 'bxaxaxx' in WordSet(['*x*x*x']) and 'xax' not in WordSet(['*x*x*x'])\n"
    )
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parent.parent)}
    subprocess.run([sys.executable, "-c", code], env=env, check=True, timeout=60)


# --- exit 2 with a message naming the file and the key ---------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "text", "expected"),
    [
        ("pyproject.toml", "tool = 5\n", "tool måste vara en tabell"),
        ("pyproject.toml", 'tool = "planlint"\n', "tool måste vara en tabell"),
        ("pyproject.toml", "[tool]\nplanlint = 5\n", "tool.planlint måste vara en tabell"),
        ("planlint.toml", 'rules = "regler\\u0000x"\n', "rules måste vara en sökväg"),
        ("planlint.toml", "rules = 5\n", "rules måste vara en sökväg"),
        ("planlint.toml", "x = " + "[" * 3000 + "]" * 3000 + "\n", "för djupt nästlad"),
    ],
)
def test_a_malformed_configuration_is_exit_2_naming_file_and_key(
    tmp_path: Path, name: str, text: str, expected: str
) -> None:
    config = tmp_path / name
    config.write_text(text, encoding="utf-8")
    plan = write(tmp_path / "plan.txt")
    result = invoke("check", plan, "--config", config)
    assert result.exit_code == 2 and f"{config}: fel i konfigurationen: " in result.stderr
    assert expected in result.stderr


def test_a_configuration_that_is_no_file_never_hangs(tmp_path: Path) -> None:
    plan = write(tmp_path / "plan.txt")
    fifo = tmp_path / "planlint.toml"
    os.mkfifo(fifo)
    for config in ("/dev/zero", fifo):
        with deadline(30):
            result = invoke("check", plan, "--config", config)
        assert result.exit_code == 2 and "är inte en vanlig fil" in result.stderr


def test_an_unrelated_broken_pyproject_is_ignored_but_a_broken_planlint_table_is_not(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text("[project\nname = \n", encoding="utf-8")
    folder = tmp_path / "planer"
    folder.mkdir()
    plan = write(folder / "plan.txt")
    assert invoke("check", plan, "--fail-on", "never").exit_code == 0
    (tmp_path / "pyproject.toml").write_text("[tool.planlint]\nfail-on = \n", encoding="utf-8")
    result = invoke("check", plan, "--fail-on", "never")
    assert result.exit_code == 2 and "pyproject.toml: fel i konfigurationen" in result.stderr


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('{"version": 1, "plans": {"a.txt": [1, 2]}}', "plans och content"),
        ('{"version": 1, "plans": {}, "pack": 5}', "fältet pack"),
        ('{"version": 1, "plans": {}, "pack": {"name": ["x"]}}', "fältet pack"),
        ("[" * 100_000 + "]" * 100_000, "för djupt nästlat"),
        ('{"version": ' + "9" * 5000 + "}", "för många siffror"),
        ('{"version": 1, "plans": ', "inte giltig JSON: rad 1"),
    ],
)
def test_a_malformed_baseline_is_exit_2_naming_file_and_field(tmp_path: Path, text: str, expected: str) -> None:
    baseline = tmp_path / "baslinje.json"
    baseline.write_text(text, encoding="utf-8")
    result = invoke("check", write(tmp_path / "plan.txt"), "--baseline", baseline)
    assert result.exit_code == 2 and f"{baseline}: baslinjefilen går inte att läsa" in result.stderr
    assert expected in result.stderr


def edited_pack(tmp_path: Path, file: str, old: str, new: str) -> Path:
    pack = pack_copy(tmp_path)
    text = (pack / file).read_text(encoding="utf-8")
    assert old in text
    (pack / file).write_text(text.replace(old, new, 1), encoding="utf-8")
    return pack


@pytest.mark.parametrize(
    ("file", "old", "new", "expected"),
    [
        ("concepts/innovation.yaml", "  - lemma: innovation\n", "  - lemma: 5\n", "'terms[0].lemma' måste vara text"),
        ("concepts/innovation.yaml", "  - phrase: nya arbetssätt\n", '  - phrase: ""\n', "får inte vara tom"),
        ("rules/saknat-begrepp.yaml", '"{concept} saknas:', '"{x[0]} saknas:', "platshållaren {x[0]"),
        ("rules/saknat-begrepp.yaml", '"{concept} saknas:', '"{concept.__class__} saknas:', "platshållaren"),
        ("rules/saknat-begrepp.yaml", "severity: error", "severity: 5", "'severity' måste vara text"),
    ],
)
def test_a_malformed_pack_is_exit_2_naming_file_and_field(
    tmp_path: Path, file: str, old: str, new: str, expected: str
) -> None:
    pack = edited_pack(tmp_path, file, old, new)
    result = invoke("check", write(tmp_path / "plan.txt"), "--rules", pack)
    assert result.exit_code == 2 and f"{pack / file}: fel i regelpaketet: " in result.stderr
    assert expected in result.stderr


@pytest.mark.parametrize(
    ("lexicon", "expected"),
    [("[1, 2, 3]", "(filen)"), ('{"innovation": 5}', "'innovation'"), ("{inte json", "som JSON")],
)
def test_a_lexicon_of_the_wrong_shape_is_exit_2(tmp_path: Path, lexicon: str, expected: str) -> None:
    pack = pack_copy(tmp_path)
    (pack / "lexicon.json").write_text(lexicon, encoding="utf-8")
    result = invoke("check", write(tmp_path / "plan.txt"), "--rules", pack)
    assert result.exit_code == 2 and "lexicon.json: fel i regelpaketet" in result.stderr and expected in result.stderr


def test_a_pack_without_rules_is_an_error(tmp_path: Path) -> None:
    import shutil

    pack = pack_copy(tmp_path)
    shutil.rmtree(pack / "rules")
    result = invoke("check", write(tmp_path / "plan.txt"), "--rules", pack)
    assert result.exit_code == 2 and "definierar inga regler" in result.stderr
    (pack / "rules").mkdir()
    assert invoke("check", write(tmp_path / "plan.txt"), "--rules", pack).exit_code == 2


def annotated_copy(tmp_path: Path) -> Path:
    plan = docx_plan(tmp_path / "plan.docx")
    assert invoke("annotate", plan).exit_code == 0
    return tmp_path / "plan-granskad.docx"


def with_extended_comments(copy: Path, target: Path, data: bytes) -> Path:
    """The annotated copy as Word saves it: planlint's comment paragraphs with paragraph ids (so that annotating
    it again edits the Word 2016+ parts), and a commentsExtended part holding `data`."""
    rels = "word/_rels/document.xml.rels"
    with zipfile.ZipFile(copy) as archive:
        relations = archive.read(rels).decode("utf-8")
        types = archive.read("[Content_Types].xml").decode("utf-8")
        comments = archive.read("word/comments.xml").decode("utf-8")
    w14 = "http://schemas.microsoft.com/office/word/2010/wordml"
    comments = comments.replace("<w:p>", f'<w:p xmlns:w14="{w14}" w14:paraId="1A2B3C4D">')
    assert "w14:paraId" in comments
    relations = relations.replace(
        "</Relationships>",
        '<Relationship Id="rIdX" Type="http://schemas.microsoft.com/office/2011/relationships/commentsExtended" '
        'Target="commentsExtended.xml"/></Relationships>',
    )
    types = types.replace(
        "</Types>",
        '<Override PartName="/word/commentsExtended.xml" '
        'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.commentsExtended+xml"/></Types>',
    )
    replace = {rels: relations.encode(), "[Content_Types].xml": types.encode(), "word/comments.xml": comments.encode()}
    return rewrite_zip(copy, target, replace, {"word/commentsExtended.xml": data})


@pytest.mark.parametrize(
    "data",
    [
        b"",
        b"<w15:commentsEx xmlns:w15='urn:x'><w15:commentEx",
        b'<?xml version="1.0"?><!DOCTYPE l [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">'
        b'<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;"><!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">'
        b'<!ENTITY e "&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;"><!ENTITY f "&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;">]>'
        b"<w15:commentsEx xmlns:w15='http://schemas.microsoft.com/office/word/2012/wordml'>&f;&f;&f;"
        b"</w15:commentsEx>",
    ],
    ids=["empty", "malformed", "entity-bomb"],
)
def test_annotate_on_a_copy_with_a_broken_comment_part_is_exit_2(tmp_path: Path, data: bytes) -> None:
    copy = with_extended_comments(annotated_copy(tmp_path), tmp_path / "kopia.docx", data)
    with deadline(30):
        result = invoke("annotate", copy, "-o", tmp_path / "ny.docx")
    assert result.exit_code == 2, result.output  # an entity bomb too: never expanded, refused by its amplification
    assert "kommentarsdelen /word/commentsExtended.xml går inte att tolka" in result.stderr
    assert str(copy) in result.stderr and not (tmp_path / "ny.docx").exists()


def test_annotate_never_copies_an_id_word_cannot_use(tmp_path: Path) -> None:
    copy = annotated_copy(tmp_path)
    with zipfile.ZipFile(copy) as archive:
        comments = archive.read("word/comments.xml").decode("utf-8")
    huge = "9" * 51
    comments = re.sub(r'w:id="\d+"', f'w:id="{huge}"', comments, count=1)
    rewrite_zip(
        copy, tmp_path / "stort-id.docx", {"word/comments.xml": comments.replace("planlint", "Anna", 1).encode()}
    )
    assert invoke("annotate", tmp_path / "stort-id.docx", "-o", tmp_path / "ny.docx").exit_code == 0
    with zipfile.ZipFile(tmp_path / "ny.docx") as archive:
        ids = [int(i) for i in re.findall(r'w:id="(\d+)"', archive.read("word/comments.xml").decode("utf-8"))]
    assert sorted(ids)[:-1] and all(i < 2**31 for i in ids if i != int(huge))


# --- honest answers --------------------------------------------------------------------------------------------


def deny(path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Take away the permission to enter or read `path`: by its mode, or (as root, whom modes do not stop) where
    the system is asked, with the error the system gives."""
    if os.geteuid() != 0:
        path.chmod(0)
        return
    real_stat, real_scandir, real_listdir = os.stat, os.scandir, os.listdir

    def denied(target) -> bool:
        return str(os.fspath(target)).startswith(str(path))

    def stat(target, *args, **kwargs):
        if denied(target) and Path(target) != path:
            raise PermissionError(13, "Permission denied", str(target))
        return real_stat(target, *args, **kwargs)

    def scandir(target="."):
        if denied(target):
            raise PermissionError(13, "Permission denied", str(target))
        return real_scandir(target)

    def listdir(target="."):
        if denied(target):
            raise PermissionError(13, "Permission denied", str(target))
        return real_listdir(target)

    monkeypatch.setattr(os, "stat", stat)
    monkeypatch.setattr(os, "scandir", scandir)
    monkeypatch.setattr(os, "listdir", listdir)


def test_permission_errors_say_so(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "stängd"
    folder.mkdir()
    plan = write(folder / "plan.txt")
    deny(folder, monkeypatch)
    result = invoke("check", plan)
    assert result.exit_code == 2 and "du saknar behörighet" in result.stderr, result.output
    result = invoke("check", folder)
    assert result.exit_code == 2 and "mappen går inte att läsa: du saknar behörighet" in result.stderr
    assert "inga planer" not in result.stderr


def test_a_symlink_loop_is_named_as_such(tmp_path: Path) -> None:
    loop = tmp_path / "plan.txt"
    loop.symlink_to(tmp_path / "annan.txt")
    (tmp_path / "annan.txt").symlink_to(loop)
    result = invoke("check", loop)
    assert result.exit_code == 2 and "slinga" in result.stderr and "finns inte" not in result.stderr


def test_an_empty_argument_is_an_error_not_this_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write(tmp_path / "plan.txt")
    monkeypatch.chdir(tmp_path)
    result = invoke("check", "")
    assert result.exit_code == 2 and "tom sökväg" in result.stderr and "Plan:" not in result.stdout


def test_a_macro_document_or_template_named_docx_is_told_in_swedish(tmp_path: Path) -> None:
    source = docx_plan(tmp_path / "plan.docx")
    with zipfile.ZipFile(source) as archive:
        types = archive.read("[Content_Types].xml").decode("utf-8")
    main = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
    for content_type, expected in (
        ("application/vnd.ms-word.document.macroEnabled.main+xml", "med makron (.docm)"),
        ("application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml", "en Word-mall (.dotx)"),
    ):
        plan = rewrite_zip(
            source, tmp_path / "annan.docx", {"[Content_Types].xml": types.replace(main, content_type).encode()}
        )
        result = invoke("check", plan)
        assert result.exit_code == 2 and expected in result.stderr and "content type" not in result.stderr


def test_a_short_english_plan_is_recognised(tmp_path: Path) -> None:
    english = (
        "Operational plan 2026\n\nThe department will develop innovation and new ways of working with the residents "
        "of the city, and we will follow up the goals for safety and climate in the annual report.\n"
    )
    assert len(english.split()) < 40
    result = invoke("check", write(tmp_path / "plan.txt", english))
    assert result.exit_code == 2 and "engelska" in result.stderr
    short_swedish = "Plan 2026\n\nVi ska utveckla innovation och nya arbetssätt tillsammans med invånarna i staden.\n"
    assert invoke("check", write(tmp_path / "kort.txt", short_swedish), "--fail-on", "never").exit_code == 0


def test_diff_and_annotate_print_no_workflow_command(tmp_path: Path) -> None:
    old = write(tmp_path / "gammal\n::error file=README.md::kapad.txt")
    new = write(tmp_path / "ny.txt", PLAN + "\n::warning::kapad\n\nVi ska ##[error]kapad minska utsläppen.\n")
    result = invoke("diff", old, new)
    assert result.exit_code in (0, 1), result.output
    no_workflow_commands(result.stdout + result.stderr)
    assert "gammal␊" in result.stdout + result.stderr
    plan = docx_plan(tmp_path / "plan\n::error::kapad.docx")
    result = invoke("annotate", plan)
    assert result.exit_code == 0, result.output
    no_workflow_commands(result.stdout + result.stderr)
