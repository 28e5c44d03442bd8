"""Bad input of any format: one Swedish message naming the file, exit status 2, no traceback, input unchanged."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from conftest import ROOT, run_cli

from planlint.document.limits import Limits
from planlint.document.reader import read_plan
from planlint.errors import PlanTooLarge

ENGLISH = (
    "The department will continue to develop its services for residents. " * 8
    + "We work with partners across the region and measure our results every year."
)


def _make(tmp_path: Path, name: str, data: bytes | str) -> Path:
    path = tmp_path / name
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return path


BAD = {
    "legacy.doc": (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 504, ".doc"),
    "plan.odt": (b"PK\x03\x04 not really", "stöds inte"),
    "plan.rtf": (b"{\\rtf1 Hej}", "formatet .rtf stöds inte"),
    "text.docx": ("Det här är ingen Word-fil.", "Word-dokument"),
    "text.pdf": ("Det här är ingen PDF.", "PDF"),
    "tom.txt": ("\n\n  \n", "ingen text"),
    "tom.md": ("", "ingen text"),
    "binar.txt": (b"\x00\x01\x02\x03" * 100, "UTF-8"),
    "english.txt": (ENGLISH, "svenska"),
    "utan_andelse": ("Vi samverkar.", "stöds inte"),
}


@pytest.mark.parametrize("command", ["outline", "check"])
@pytest.mark.parametrize("name", sorted(BAD))
def test_bad_file(tmp_path: Path, command: str, name: str) -> None:
    data, expected = BAD[name]
    path = _make(tmp_path, name, data)
    before = hashlib.sha256(path.read_bytes()).hexdigest()
    result = run_cli(command, path)
    assert result.exit_code == 2
    assert name in result.output and expected in result.output
    assert "Traceback" not in result.output
    assert hashlib.sha256(path.read_bytes()).hexdigest() == before


@pytest.mark.parametrize(
    "fixture", sorted(p.name for p in (ROOT / "tests" / "fixtures" / "bad").iterdir() if p.suffix in (".docx", ".pdf"))
)
def test_committed_bad_fixtures_exit_2(fixture: str) -> None:
    path = ROOT / "tests" / "fixtures" / "bad" / fixture
    before = hashlib.sha256(path.read_bytes()).hexdigest()
    result = run_cli("check", path)
    assert result.exit_code == 2 and fixture in result.output and "Traceback" not in result.output
    assert hashlib.sha256(path.read_bytes()).hexdigest() == before


def test_missing_file(tmp_path: Path) -> None:
    result = run_cli("check", tmp_path / "saknas.docx")
    assert result.exit_code == 2 and "saknas.docx" in result.output and "finns inte" in result.output


def test_folder_without_plans(tmp_path: Path) -> None:
    (tmp_path / "bild.png").write_bytes(b"\x89PNG")
    result = run_cli("check", tmp_path)
    assert result.exit_code == 2 and "inga planer" in result.output


def test_english_message_with_lang_en(tmp_path: Path) -> None:
    path = _make(tmp_path, "legacy.doc", BAD["legacy.doc"][0])
    result = run_cli("check", "--lang", "en", path)
    assert result.exit_code == 2 and "legacy Word format" in result.output


def test_too_many_blocks_is_bounded(tmp_path: Path) -> None:
    path = _make(tmp_path, "lang.txt", "\n\n".join(f"Stycke {i} om verksamheten." for i in range(50)))
    with pytest.raises(PlanTooLarge) as error:
        read_plan(path, Limits(max_blocks=10))
    assert "fler än 10 textblock" in error.value.message("sv")


def test_huge_file_is_refused_before_reading(tmp_path: Path) -> None:
    path = tmp_path / "stor.txt"
    with path.open("wb") as f:
        f.truncate(3 * 1024 * 1024)
    with pytest.raises(PlanTooLarge):
        read_plan(path, Limits(max_file_mb=2))


@pytest.mark.parametrize(
    "command", [("check", "--format", "json", "-o"), ("report", "--force", "-o"), ("baseline", "--force", "-o")]
)
def test_output_never_overwrites_a_plan(tmp_path: Path, command: tuple[str, ...]) -> None:
    plan = _make(tmp_path, "plan.txt", "Vi samverkar med föreningslivet om lovaktiviteter i alla stadsdelar.\n")
    before = plan.read_bytes()
    result = run_cli(command[0], plan, *command[1:], plan)
    assert result.exit_code == 2 and "skrivs aldrig över" in result.output
    assert plan.read_bytes() == before


@pytest.mark.parametrize(
    ("lang", "reason"), [("sv", "filen eller mappen finns inte"), ("en", "the file or folder does not exist")]
)
def test_an_operating_system_error_is_told_in_the_users_language(tmp_path: Path, lang: str, reason: str) -> None:
    plan = ROOT / "examples" / "verksamhetsplan-2026.docx"
    result = run_cli("check", plan, "--lang", lang, "--format", "json", "-o", tmp_path / "saknas" / "ut.json")
    assert result.exit_code == 2
    assert f"({reason})" in result.stderr and "No such file" not in result.stderr
