"""Baselines (fail only on new findings) and `planlint diff` between two versions of a plan."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from test_formats import assert_valid
from test_many_plans import UNITS, write_plan

from planlint.cli.main import cli
from planlint.document.model import Location
from planlint.result import Finding, Severity


def invoke(*args: object, cwd: Path | None = None, monkeypatch: pytest.MonkeyPatch | None = None):
    if cwd is not None:
        monkeypatch.chdir(cwd)
    return CliRunner().invoke(cli, [str(a) for a in args])


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """A plan repository: three plans with findings (one lacks trygghet, one cites the old målbild)."""
    write_plan(tmp_path / "planer" / "kultur.md", UNITS[1], stale=True)
    write_plan(tmp_path / "planer" / "skola.txt", UNITS[2], omit=("trygghet",))
    write_plan(tmp_path / "planer" / "2026" / "miljo.md", UNITS[0], concrete_only=("sysselsattning",))
    return tmp_path


def test_baseline_records_findings_by_plan_relative_to_the_file(repo: Path) -> None:
    baseline = repo / "planlint-baseline.json"
    result = invoke("baseline", repo / "planer", "-o", baseline)
    assert result.exit_code == 0, result.output
    assert "3 planer" in result.stdout
    data = json.loads(baseline.read_text(encoding="utf-8"))
    assert_valid("baseline", data)
    assert data["pack"]["name"] == "helsingborg-2027"
    assert set(data["plans"]) == {"planer/kultur.md", "planer/skola.txt", "planer/2026/miljo.md"}
    assert "saknat-begrepp|trygghet|" in data["plans"]["planer/skola.txt"]
    assert any(f.startswith("inaktuell-malbild||förvaltningens mål utgår") for f in data["plans"]["planer/kultur.md"])


def test_rerun_with_baseline_exits_0_and_a_removed_concept_exits_1(repo: Path, monkeypatch) -> None:
    assert invoke("baseline", "planer", cwd=repo, monkeypatch=monkeypatch).exit_code == 0
    assert invoke("check", "planer", cwd=repo, monkeypatch=monkeypatch).exit_code == 1  # without it: the known error
    again = invoke("check", "planer", "--baseline", "planlint-baseline.json", cwd=repo, monkeypatch=monkeypatch)
    assert again.exit_code == 0, again.output
    assert "känd sedan baslinjen" in again.stdout

    write_plan(repo / "planer" / "kultur.md", UNITS[1], stale=True, omit=("sysselsattning",))
    worse = invoke("check", "planer", "--baseline", "planlint-baseline.json", cwd=repo, monkeypatch=monkeypatch)
    assert worse.exit_code == 1
    new = [line for line in worse.stdout.splitlines() if "[saknat-begrepp]" in line and "känd" not in line]
    assert len(new) == 1 and "Sysselsättning saknas" in new[0]

    report = json.loads(
        invoke(
            "check",
            "planer",
            "--baseline",
            "planlint-baseline.json",
            "--format",
            "json",
            cwd=repo,
            monkeypatch=monkeypatch,
        ).stdout
    )
    assert_valid("report", report)
    counted = [
        (f["rule"], f["concept"])
        for file in report["files"]
        for f in file["findings"]
        if not f["baselined"] and f["severity"] == "error"
    ]
    assert counted == [("saknat-begrepp", "sysselsattning")]
    assert report["baseline"] == "planlint-baseline.json" and report["summary"]["baselined"] >= 3


def test_baseline_works_from_another_folder(repo: Path, monkeypatch) -> None:
    invoke("baseline", "planer", "-o", "planer/planlint-baseline.json", cwd=repo, monkeypatch=monkeypatch)
    elsewhere = invoke(
        "check",
        repo / "planer",
        "--baseline",
        repo / "planer" / "planlint-baseline.json",
        cwd=repo.parent,
        monkeypatch=monkeypatch,
    )
    assert elsewhere.exit_code == 0, elsewhere.output


def test_baseline_in_sarif_sets_baseline_state(repo: Path, monkeypatch) -> None:
    invoke("baseline", "planer/skola.txt", cwd=repo, monkeypatch=monkeypatch)
    write_plan(repo / "planer" / "skola.txt", UNITS[2], omit=("trygghet", "innovation"))
    result = invoke(
        "check",
        "planer/skola.txt",
        "--baseline",
        "planlint-baseline.json",
        "--format",
        "sarif",
        cwd=repo,
        monkeypatch=monkeypatch,
    )
    states = {
        (r["ruleId"], r["locations"][0]["logicalLocations"][-1]["name"]): r["baselineState"]
        for r in json.loads(result.stdout)["runs"][0]["results"]
        if r["ruleId"] == "saknat-begrepp"
    }
    assert states == {("saknat-begrepp", "trygghet"): "unchanged", ("saknat-begrepp", "innovation"): "new"}


def test_baseline_does_not_overwrite_without_force(repo: Path, monkeypatch) -> None:
    assert invoke("baseline", "planer", cwd=repo, monkeypatch=monkeypatch).exit_code == 0
    again = invoke("baseline", "planer", cwd=repo, monkeypatch=monkeypatch)
    assert again.exit_code == 2 and "filen finns redan" in again.stderr
    assert invoke("baseline", "planer", "--force", cwd=repo, monkeypatch=monkeypatch).exit_code == 0


@pytest.mark.parametrize(
    "content", ["{inte json", '{"version": 7, "plans": {}}', '{"version": 1, "plans": {"a.md": "x"}}']
)
def test_a_broken_baseline_exits_2(repo: Path, monkeypatch, content: str) -> None:
    (repo / "trasig.json").write_text(content, encoding="utf-8")
    result = invoke("check", "planer", "--baseline", "trasig.json", cwd=repo, monkeypatch=monkeypatch)
    assert result.exit_code == 2
    assert "baslinjefilen går inte att läsa" in result.stderr and result.stdout == ""


def test_a_missing_baseline_exits_2_in_english(repo: Path, monkeypatch) -> None:
    result = invoke("check", "planer", "--baseline", "saknas.json", "--lang", "en", cwd=repo, monkeypatch=monkeypatch)
    assert result.exit_code == 2 and "the baseline file cannot be read" in result.stderr


def test_fingerprints_survive_moved_and_reworded_text() -> None:
    def finding(rule, concept=None, quote=None, line=1):
        return Finding(rule, Severity.WARNING, {"sv": "x"}, concept=concept, quote=quote, location=Location(line=line))

    assert (
        finding("konkretisering", "trygghet", "Trygga mötesplatser.", 3).fingerprint
        == finding("konkretisering", "trygghet", "Vi vill ha trygga bibliotek.", 40).fingerprint
    )
    assert (
        finding("inaktuell-malbild", quote="Vi utgår från H22.").fingerprint
        == finding("inaktuell-malbild", quote="vi  utgår från\nH22", line=90).fingerprint
    )
    assert (
        finding("inaktuell-malbild", quote="Vi utgår från H22.").fingerprint
        != finding("inaktuell-malbild", quote="Målbilden 2022 gäller.").fingerprint
    )


def test_diff_shows_a_concept_that_went_from_konkretiserad_to_saknas(tmp_path: Path) -> None:
    old = write_plan(tmp_path / "2025" / "miljo.md", UNITS[0], concrete_only=("sysselsattning",))
    new = write_plan(tmp_path / "2026" / "miljo.md", UNITS[0], omit=("sysselsattning",))
    result = invoke("diff", old, new)
    assert result.exit_code == 1, result.output
    line = next(line for line in result.stdout.splitlines() if "Sysselsättning" in line and "→" in line)
    assert "◐ konkretiserad" in line and "✗ saknas" in line and "sämre" in line and "(−75)" in line
    assert "Nya anmärkningar (1)" in result.stdout and "[saknat-begrepp] Sysselsättning saknas" in result.stdout
    assert "Åtgärdade anmärkningar (1)" in result.stdout and "[uppfoljning]" in result.stdout
    unchanged = next(line for line in result.stdout.splitlines() if "Innovation" in line)
    assert "oförändrad" in unchanged

    english = invoke("diff", old, new, "--lang", "en")
    assert "made concrete" in english.stdout and "missing" in english.stdout and "worse" in english.stdout


def test_diff_as_json(tmp_path: Path) -> None:
    old = write_plan(tmp_path / "gammal.md", UNITS[0], concrete_only=("sysselsattning",))
    new = write_plan(tmp_path / "ny.txt", UNITS[0], omit=("sysselsattning",))
    result = invoke("diff", old, new, "--format", "json")
    data = json.loads(result.stdout)
    assert_valid("diff", data)
    change = next(c for c in data["concepts"] if c["id"] == "sysselsattning")
    assert (change["old"], change["new"], change["change"]) == ("konkretiserad", "saknas", "worse")
    assert data["worse"] is True and data["score_change"] < 0
    assert [(f["rule"], f["concept"]) for f in data["findings"]["added"]] == [("saknat-begrepp", "sysselsattning")]


def test_diff_of_an_improved_plan_exits_0(tmp_path: Path) -> None:
    old = write_plan(tmp_path / "gammal.md", UNITS[0], omit=("trygghet",))
    new = write_plan(tmp_path / "ny.md", UNITS[0])
    result = invoke("diff", old, new)
    assert result.exit_code == 0
    assert "Åtgärdade anmärkningar (1)" in result.stdout and "bättre" in result.stdout


def test_diff_of_an_unreadable_plan_exits_2(tmp_path: Path) -> None:
    new = write_plan(tmp_path / "ny.md", UNITS[0])
    result = invoke("diff", tmp_path / "saknas.md", new)
    assert result.exit_code == 2 and "filen finns inte" in result.stderr


def test_baseline_follows_a_renamed_plan_with_moved_paragraphs(repo: Path, monkeypatch) -> None:
    assert invoke("baseline", "planer", cwd=repo, monkeypatch=monkeypatch).exit_code == 0
    old = repo / "planer" / "skola.txt"
    paragraphs = old.read_text(encoding="utf-8").split("\n\n")
    (repo / "planer" / "grundskola-2026.txt").write_text("\n\n".join([paragraphs[0], *paragraphs[:0:-1]]))
    old.unlink()
    result = invoke("check", "planer", "--baseline", "planlint-baseline.json", cwd=repo, monkeypatch=monkeypatch)
    assert result.exit_code == 0, result.output
    assert "Trygghet saknas" in result.stdout and "känd sedan baslinjen" in result.stdout


def test_baseline_matches_plans_by_content_before_path(repo: Path, monkeypatch) -> None:
    assert invoke("baseline", "planer", cwd=repo, monkeypatch=monkeypatch).exit_code == 0
    kultur, miljo = repo / "planer" / "kultur.md", repo / "planer" / "2026" / "miljo.md"
    texts = kultur.read_bytes(), miljo.read_bytes()
    kultur.write_bytes(texts[1])
    miljo.write_bytes(texts[0])
    args = ("check", "planer", "--baseline", "planlint-baseline.json", "--fail-on", "info")
    result = invoke(*args, cwd=repo, monkeypatch=monkeypatch)
    assert result.exit_code == 0, result.output
