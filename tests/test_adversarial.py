"""Hostile and broken input, one test per case: nothing from a plan, a file name or a configuration runs as a
command in a CI log or turns live in a pull request; no report is written over what a run reads; every stage
ends in time and memory; a broken file gives exit status 2 with a message, and an unforeseen error exit 3.

The hostile files are made here, at test time, with python-docx, zipfile and hand-written PDF bytes.
"""

from __future__ import annotations

import json
import os
import re
import sys
import xml.etree.ElementTree as ET
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
FORMATS = ("text", "json", "sarif", "junit", "github", "markdown")
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
    assert result.exit_code == 2 and "No space left" in result.stderr
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
