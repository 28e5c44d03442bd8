"""Many plans at once: folders and globs, one unreadable plan among good ones, --jobs, the summary table and
the progress bar. The plans are written here from a few Swedish paragraphs; the other CI tests import them."""

from __future__ import annotations

import io
import json
import shutil
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from planlint.cli.main import cli
from planlint.cli.progress import progress_bar, wanted
from planlint.project.runner import RunOptions, run

CORRUPT_DOCX = Path(__file__).parent / "fixtures" / "bad" / "skadad.docx"
UNITS = [
    "miljöförvaltningen",
    "kulturförvaltningen",
    "skol- och fritidsförvaltningen",
    "vård- och omsorgsförvaltningen",
    "socialförvaltningen",
    "stadsbyggnadsförvaltningen",
    "arbetsmarknadsförvaltningen",
    "fastighetsförvaltningen",
    "stadsledningsförvaltningen",
    "räddningstjänsten",
    "Helsingborgs hamn",
    "Öresundskraft",
    "Helsingborgshem",
    "Nordvästra Skånes vatten och avlopp",
    "Helsingborg Arena och Scen",
    "Familjen Helsingborg",
    "överförmyndarförvaltningen",
    "lantmäteriavdelningen",
    "kontaktcenter",
]
INTRO = (
    "{unit} bidrar till stadens målbild 2027, att Helsingborg ska vara en av de bästa städerna att leva och "
    "verka i, genom de mål och aktiviteter som beskrivs i den här planen. Målbild 2027 är en hållplats på vägen "
    "mot Vision Helsingborg 2035."
)
# concept -> (heading, paragraph that carries it with a goal or activity and an indicator)
SECTIONS = {
    "innovation": (
        "Innovation",
        (
            "Vi testar nya digitala lösningar för tillsyn och rådgivning tillsammans med företagare och invånare. "
            "Andelen ärenden som kan skötas helt digitalt ska öka från 40 procent till minst 70 procent till 2027."
        ),
    ),
    "samspel": (
        "Samspel",
        (
            "Vi genomför dialoger med föreningar, näringsliv och andra förvaltningar två gånger per år. "
            "Antalet idéburna offentliga partnerskap med föreningar ska öka från 3 till 8 till 2027."
        ),
    ),
    "livskvalitet": (
        "Livskvalitet",
        (
            "Vi erbjuder aktiviteter i parker och naturområden som ger invånarna en meningsfull fritid och bättre hälsa. "
            "Indikator: andelen invånare som upplever god livskvalitet i invånarundersökningen, utfall 2024 och "
            "målvärde 2027 minst 85 procent."
        ),
    ),
    "trygghet": (
        "Trygghet",
        (
            "Vi genomför trygghetsvandringar tillsammans med invånare och polis i tre stadsdelar. "
            "Andelen invånare som känner sig trygga i sitt bostadsområde ska öka till 80 procent år 2027."
        ),
    ),
    "sysselsattning": (
        "Sysselsättning",
        (
            "Vi erbjuder feriejobb och praktikplatser för unga och för personer som står långt från arbetsmarknaden. "
            "Antalet praktikplatser ska öka från 20 till 40 till 2027."
        ),
    ),
    "klimatneutralitet-2030": (
        "Klimat",
        (
            "Vi ställer om fordonsflottan till fossilfria drivmedel. Utsläppen av växthusgaser från våra transporter "
            "ska minska med 50 procent till 2027, i linje med målet om ett klimatneutralt Helsingborg 2030."
        ),
    ),
}
# An activity without an indicator: the concept is made concrete but not followed up.
CONCRETE_ONLY = {
    "sysselsattning": (
        "Vi erbjuder feriejobb och praktikplatser för unga och för personer som står långt från arbetsmarknaden."
    )
}
STALE = "Förvaltningens mål utgår från stadens målbild att bli en av Europas mest innovativa städer 2022."


def plan_text(
    unit: str, suffix: str = ".md", omit: tuple[str, ...] = (), stale: bool = False, concrete_only: tuple[str, ...] = ()
) -> str:
    """A short verksamhetsplan for `unit`, as Markdown or plain text, without the concepts in `omit`."""
    heading = "# {}\n" if suffix == ".md" else "{}\n"
    subheading = "## {}\n" if suffix == ".md" else "{}\n"
    parts = [
        heading.format(f"Verksamhetsplan 2026 för {unit}"),
        subheading.format("Inledning"),
        INTRO.format(unit=unit[0].upper() + unit[1:]) + "\n",
    ]
    if stale:
        parts.append(STALE + "\n")
    for concept, (title, paragraph) in SECTIONS.items():
        if concept not in omit:
            parts += [
                subheading.format(title),
                (CONCRETE_ONLY[concept] if concept in concrete_only else paragraph) + "\n",
            ]
    return "\n".join(parts)


def write_plan(path: Path, unit: str, **variant) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(plan_text(unit, path.suffix, **variant), encoding="utf-8")
    return path


def write_plans(folder: Path, count: int) -> list[Path]:
    """`count` plans, .md and .txt in turn; every third lacks trygghet, every fifth cites the old målbild."""
    return [
        write_plan(
            folder / f"plan-{i:02d}{'.md' if i % 2 else '.txt'}",
            UNITS[i % len(UNITS)],
            omit=("trygghet",) if i % 3 == 0 else (),
            stale=i % 5 == 0,
        )
        for i in range(count)
    ]


@pytest.fixture
def twenty(tmp_path: Path) -> Path:
    """19 good plans and one corrupt .docx in a folder (with a subfolder, to be searched too)."""
    folder = tmp_path / "planer"
    write_plans(folder, 15)
    for i, path in enumerate(write_plans(folder / "bolag", 4)):
        path.rename(path.with_name(f"bolag-{i}{path.suffix}"))
    shutil.copy(CORRUPT_DOCX, folder / "bolag" / "trasig.docx")
    return folder


def test_twenty_plans_with_one_corrupt_print_nineteen_reports_and_one_error(twenty: Path) -> None:
    result = CliRunner().invoke(cli, ["check", str(twenty), "--jobs", "2"])
    assert result.exit_code == 2, result.output  # an input error outranks the findings (exit 1)
    out = result.stdout
    assert out.count("Plan: ") == 19
    errors = [line for line in result.stderr.splitlines() if line.startswith("Fel: ")]
    assert "Fel: " not in out  # errors go to standard error
    assert len(errors) == 1 and "trasig.docx" in errors[0] and "skadad eller ofullständig" in errors[0]
    assert "19 planer granskade, 1 kunde inte läsas" in out
    table = out.split("Översikt\n", 1)[1]
    rows = [line for line in table.splitlines() if "plan-" in line or "bolag" in line]
    assert len(rows) == 20
    assert any("trasig.docx" in row and "kunde inte läsas" in row for row in rows)
    assert "saknat-begrepp" in out  # the findings are there, the status is 2 all the same


def test_json_of_many_plans_has_every_plan_and_the_error(twenty: Path) -> None:
    result = CliRunner().invoke(cli, ["check", str(twenty), "--format", "json"])
    report = json.loads(result.stdout)
    assert len(report["files"]) == 19 and [e["code"] for e in report["errors"]] == ["corrupt"]
    assert report["summary"]["exit_code"] == result.exit_code == 2
    assert "trasig.docx" in result.stderr  # machine formats on stdout: the error is told on stderr too


def test_jobs_keep_the_order_and_the_results(tmp_path: Path) -> None:
    plans = [str(p) for p in write_plans(tmp_path, 6)]
    serial = run(plans, RunOptions(jobs=1))
    parallel = run(plans, RunOptions(jobs=2))
    assert [str(r.document.path) for r in parallel.results] == plans
    assert [[f.fingerprint for f in r.findings] for r in parallel.results] == [
        [f.fingerprint for f in r.findings] for r in serial.results
    ]
    assert [r.score for r in parallel.results] == [r.score for r in serial.results]


def test_parallel_errors_keep_their_class_and_message(tmp_path: Path) -> None:
    good = write_plan(tmp_path / "a.md", UNITS[0])
    shutil.copy(CORRUPT_DOCX, tmp_path / "b.docx")
    outcome = run([str(good), str(tmp_path / "b.docx"), str(tmp_path / "saknas.md")], RunOptions(jobs=2))
    assert [type(e).__name__ for e in outcome.errors] == ["PlanInputError", "PlanInputError"]
    assert [e.key for e in outcome.errors] == ["corrupt", "missing"]
    assert "filen finns inte" in outcome.errors[1].message("sv")


def test_globs_and_folders_find_plans(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write_plans(tmp_path / "planer" / "2026", 3)
    (tmp_path / "planer" / "anteckningar.csv").write_text("inte en plan", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    by_glob = run(["planer/**/*.md"], RunOptions())
    assert [r.document.path.as_posix() for r in by_glob.results] == ["planer/2026/plan-01.md"]
    by_folder = run(["planer"], RunOptions())
    assert len(by_folder.results) == 3 and not by_folder.errors
    nothing = run(["planer/**/*.pdf"], RunOptions())
    assert [e.key for e in nothing.errors] == ["no_match"] and nothing.exit_code() == 2


def test_no_summary_table_for_one_plan(tmp_path: Path) -> None:
    plan = write_plan(tmp_path / "a.md", UNITS[0])
    result = CliRunner().invoke(cli, ["check", str(plan)])
    assert result.exit_code == 0, result.output
    assert "Översikt" not in result.stdout


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


@pytest.mark.parametrize(
    ("tty", "ci", "stdout_format", "shown"),
    [
        (True, None, "text", True),
        (True, None, None, True),
        (True, None, "markdown", True),
        (False, None, "text", False),
        (True, "true", "text", False),
        (True, None, "json", False),
        (True, None, "sarif", False),
        (True, None, "github", False),
    ],
)
def test_progress_bar_only_for_people_at_a_terminal(tty, ci, stdout_format, shown, monkeypatch) -> None:
    monkeypatch.delenv("CI", raising=False)
    if ci:
        monkeypatch.setenv("CI", ci)
    assert wanted(stdout_format, _Terminal() if tty else io.StringIO()) is shown


def test_progress_bar_draws_on_stderr_for_many_plans(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    plans = [str(p) for p in write_plans(tmp_path, 3)]
    terminal = _Terminal()
    monkeypatch.setattr(sys, "stderr", terminal)
    run(plans, RunOptions(), progress_bar("sv"))
    assert "Granskar planer" in terminal.getvalue() and "100%" in terminal.getvalue()
    terminal.truncate(0)
    run(plans[:1], RunOptions(), progress_bar("sv"))
    assert terminal.getvalue() == ""


def test_no_progress_bar_in_ci_logs(twenty: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CI", "true")
    result = CliRunner().invoke(cli, ["check", str(twenty / "bolag")])
    assert "Granskar planer" not in result.stderr
