"""What users of ruff, Vale or yamllint expect: did-you-mean, one error prefix on stderr, plural forms, a
closing line, --quiet, --statistics, standard input."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import EXAMPLE_DOCX, run_cli

PLAN = (
    "Verksamhetsplan för VA-bolaget\n\n"
    "Vi samverkar med kommunerna i regionen och testar nya digitala lösningar i en pilot.\n\n"
    "Utsläppen av växthusgaser ska minska med 40 % till 2027 jämfört med 2019.\n"
)


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["repot", "plan.docx"], "Fel: Okänt kommando 'repot'. Menade du 'report'?"),
        (["anotate", "plan.docx"], "Fel: Okänt kommando 'anotate'. Menade du 'annotate'?"),
        (["--lang", "en", "expain", "x"], "Error: Unknown command 'expain'. Did you mean 'explain'?"),
    ],
)
def test_misspelt_command_is_refused_with_the_nearest_command(args: list[str], message: str) -> None:
    result = run_cli(*args)
    assert result.exit_code == 2
    assert result.stderr.startswith(message) and result.stdout == ""


def test_an_existing_file_named_like_a_command_is_checked(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    Path("repot").write_text(PLAN, encoding="utf-8")
    result = run_cli("repot")
    assert result.exit_code == 2 and "formatet  stöds inte" not in result.stderr
    assert "Okänt kommando" not in result.stderr


def test_lang_before_the_command_selects_the_command() -> None:
    result = run_cli("--lang", "en", "rules")
    assert result.exit_code == 0 and result.stdout.startswith("Rule pack")


@pytest.mark.parametrize("name", ["uppföljning", "Uppfoljning", "sysselsättning"])
def test_explain_accepts_names_with_or_without_swedish_letters(name: str) -> None:
    result = run_cli("explain", name)
    assert result.exit_code == 0, result.stderr


def test_explain_suggests_the_nearest_name() -> None:
    result = run_cli("explain", "uppfölning")
    assert result.exit_code == 2 and "Menade du 'uppfoljning'?" in result.stderr


def test_single_plan_run_ends_with_a_closing_line_in_plural_forms(tmp_path: Path) -> None:
    plan = tmp_path / "plan.txt"
    plan.write_text(PLAN, encoding="utf-8")
    last = run_cli("check", plan).stdout.strip().splitlines()[-1]
    assert last.startswith("1 plan granskad: ") and "anmärkningar (" in last
    last = run_cli("check", "--lang", "en", plan, plan.parent).stdout.strip().splitlines()[-1]
    assert last.startswith("1 plan checked: ")  # the same plan twice is checked once


def test_text_report_explains_the_score_and_its_cap() -> None:
    out = " ".join(run_cli("check", EXAMPLE_DOCX).stdout.split())
    assert "Poängen är medelvärdet av delarnas status" in out
    assert "1 del saknas helt, så planen kan som mest få 86/100" in out


def test_input_errors_go_to_stderr_with_the_one_prefix(tmp_path: Path) -> None:
    plan = tmp_path / "plan.txt"
    plan.write_text(PLAN, encoding="utf-8")
    result = run_cli("check", plan, tmp_path / "saknas.docx")
    assert result.exit_code == 2
    assert "saknas.docx" not in result.stdout.split("Översikt")[0]
    assert result.stderr.startswith("Fel: ") and "saknas.docx: filen finns inte" in result.stderr
    assert "1 plan granskad, 1 kunde inte läsas" in result.stdout


def test_quiet_prints_one_line_per_finding_and_the_closing_line() -> None:
    lines = run_cli("check", "--quiet", EXAMPLE_DOCX).stdout.strip().splitlines()
    assert lines[-1] == "1 plan granskad: 4 anmärkningar (1 fel, 3 varningar)."
    findings = [line for line in lines[:-1] if line]
    assert len(findings) == 4 and all(line.startswith(f"{EXAMPLE_DOCX}: ") for line in findings)
    trygghet = (
        "stycket som börjar ”Våra bibliotek, fritidsgårdar och idrottsplatser ska …”, »Inledning«: ! [konkretisering]"
    )
    assert any(trygghet in line for line in findings)


def test_statistics_counts_findings_by_rule() -> None:
    out = run_cli("check", "--statistics", "--lang", "en", EXAMPLE_DOCX).stdout
    assert "Findings by rule" in out
    assert "     2  konkretisering     warning" in out and "     1  saknat-begrepp     error" in out


def test_severity_words_are_the_same_in_every_command() -> None:
    rules = run_cli("rules").stdout
    explain = run_cli("explain", "konkretisering").stdout
    assert "varning" in rules and " warning " not in rules
    assert "Allvarlighetsgrad: varning" in explain


def test_plan_from_standard_input(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from planlint.cli.main import cli

    markdown = "# Verksamhetsplan\n\n" + PLAN.split("\n\n", 1)[1]
    result = CliRunner().invoke(cli, ["check", "-", "--stdin-filename", "planer/nsva.md"], input=markdown.encode())
    assert result.stdout.startswith("Plan: planer/nsva.md")
    assert "rad 3" in result.stdout  # read as Markdown: the heading is line 1
    result = CliRunner().invoke(cli, ["-"], input=b"")
    assert result.exit_code == 2 and result.stderr.startswith("Fel: -: planen innehåller ingen text")


def test_readme_install_line_makes_a_virtual_environment_first() -> None:
    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
    first = readme.split("```sh\n", 1)[1].split("\n", 1)[0]
    assert first.startswith("python3 -m venv .venv && . .venv/bin/activate && pip install . && planlint ")
    plan = Path(__file__).resolve().parent.parent / first.rsplit(" ", 1)[1]
    result = run_cli(plan)
    assert result.exit_code == 1 and result.stdout.startswith("Plan: ")


def test_locations_give_the_heading_path_and_for_word_the_first_words_of_the_paragraph() -> None:
    from planlint.document.reader import read_plan

    out = " ".join(run_cli("check", EXAMPLE_DOCX).stdout.split())
    assert "stycke " not in out  # Word shows no paragraph numbers
    first = "Förvaltningens utvecklingsarbete utgår fortsatt från stadens"
    assert f"stycket som börjar ”{first} …”, »Omvärldsanalys › Helsingborg i jämförelse«" in out
    assert any(b.text.startswith(first) for b in read_plan(EXAMPLE_DOCX).blocks)  # what Word's search finds
    pdf = " ".join(run_cli("check", EXAMPLE_DOCX.with_suffix(".pdf")).stdout.split())
    assert "(varning, s. " in pdf and "»Omvärldsanalys › Helsingborg i jämförelse«" in pdf


def test_every_help_text_has_its_english_translation() -> None:
    from planlint.cli.help_text import missing
    from planlint.cli.main import cli

    assert missing(cli) == [], "add the English of these help texts to planlint/cli/help_text.py"


@pytest.mark.parametrize("command", ["", "check", "report", "annotate", "baseline", "diff", "outline", "rules"])
def test_help_is_wholly_english_with_lang_en_and_wholly_swedish_by_default(command: str, monkeypatch) -> None:
    from click.testing import CliRunner

    from planlint.cli.main import cli
    from planlint.i18n import use_language

    args = [command, "--help"] if command else ["--help"]
    english = CliRunner(env={"PLANLINT_LANG": "en"}).invoke(cli, args, prog_name="planlint").stdout
    assert english.startswith("Usage: planlint") and "[OPTIONS]" in english
    for swedish_word in ("Användning", "FLAGGOR", " och ", " eller ", "Skriv ", "Granska ", "Visa ", "PLANER"):
        assert swedish_word not in english, swedish_word
    use_language("sv")  # as main() does: click's own words from planlint's gettext catalogue
    swedish = CliRunner().invoke(cli, args, prog_name="planlint").stdout
    assert swedish.startswith("Användning: planlint") and "[FLAGGOR]" in swedish
    for english_word in ("[OPTIONS]", "COMMAND", "PLANS", " FILE", "INTEGER", "TEXT "):
        assert english_word not in swedish, english_word
    run_cli("--help")  # the Swedish default is restored for the tests after


def test_counts_have_their_plural_forms() -> None:
    from planlint.reporters.summary import count

    assert count(1, "plans", "sv") == "1 plan" and count(2, "plans", "sv") == "2 planer"
    assert count(1, "known", "en") == "1 known finding" and count(3, "comment", "en") == "3 comments"
    assert count(1, "plan", "sv") == "1 plan granskad" and count(0, "plan", "en") == "0 plans checked"
