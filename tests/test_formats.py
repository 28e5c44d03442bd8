"""The report formats for CI: JSON against the schema in the repo, SARIF through the official validator, JUnit
read back by junitparser, GitHub annotations, Markdown, and repeated --format/--output pairs."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path
from urllib.parse import urlparse

import jsonschema
import pytest
from click.testing import CliRunner
from conftest import validate_sarif
from jsonschema import Draft202012Validator
from junitparser import Error, Failure, JUnitXml, Skipped
from referencing import Registry, Resource
from test_many_plans import CORRUPT_DOCX, UNITS, write_plan

from planlint.cli.main import cli
from planlint.inert import inert_json
from planlint.reporters.github import command, escape_data, escape_property
from planlint.rulepack.pack import load_pack

ROOT = Path(__file__).resolve().parent.parent
SCHEMAS = ROOT / "schemas"
MULTITOOL = Path(__file__).parent / "sarif" / "node_modules" / ".bin" / "sarif-multitool"
FORMATS = {
    "json": "report.json",
    "sarif": "report.sarif",
    "junit": "report.xml",
    "markdown": "report.md",
    "github": "annotations.txt",
}
EXEMPTION = "Bolaget har inget uppdrag om arbetsmarknaden."


def validator(name: str) -> Draft202012Validator:
    """A validator for schemas/planlint-NAME.schema.json, with the other schemas there for its references."""
    schemas = [json.loads(p.read_text(encoding="utf-8")) for p in SCHEMAS.glob("*.schema.json")]
    registry = Registry().with_resources((s["$id"], Resource.from_contents(s)) for s in schemas)
    schema = json.loads((SCHEMAS / f"planlint-{name}.schema.json").read_text(encoding="utf-8"))
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema, registry=registry)


def assert_valid(name: str, data: dict) -> None:
    errors = [f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in validator(name).iter_errors(data)]
    assert not errors, errors


def make_fixtures(root: Path) -> None:
    """A folder of plans: Markdown, text and Word, one citing the old målbild, one exempt from a concept whose
    plan lacks it, one lacking trygghet, and a corrupt .docx."""
    plans = root / "planer"
    write_plan(plans / "kultur.md", UNITS[1], stale=True)
    write_plan(plans / "skola.txt", UNITS[2], omit=("trygghet",))
    write_plan(plans / "bolag" / "vatten.md", UNITS[13], omit=("sysselsattning",))
    (plans / "bolag" / "planlint.toml").write_text(f'[exempt]\nsysselsattning = "{EXEMPTION}"\n', encoding="utf-8")
    shutil.copy(ROOT / "tests" / "fixtures" / "docx" / "plan_normal.docx", plans / "bibliotek.docx")
    shutil.copy(CORRUPT_DOCX, plans / "trasig.docx")


@pytest.fixture(scope="module")
def reports(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, object]:
    """Every format of one run over the fixture folder, written side by side (run from the folder's parent)."""
    root = tmp_path_factory.mktemp("formats")
    make_fixtures(root)
    args = ["check", "planer"]
    for fmt, name in FORMATS.items():
        args += ["--format", fmt, "--output", name]
    args += ["--format", "text"]
    cwd = Path.cwd()
    os.chdir(root)
    try:
        result = CliRunner().invoke(cli, args)
    finally:
        os.chdir(cwd)
    return root, result


def test_one_run_writes_every_format_and_text_to_stdout(reports) -> None:
    root, result = reports
    assert result.exit_code == 2  # the corrupt plan
    assert all((root / name).is_file() for name in FORMATS.values())
    assert result.stdout.count("Plan: ") == 4 and "Översikt" in result.stdout


def test_json_report_validates_against_the_schema(reports) -> None:
    root, _ = reports
    report = json.loads((root / "report.json").read_text(encoding="utf-8"))
    assert_valid("report", report)
    assert len(report["files"]) == 4 and report["errors"][0]["code"] == "corrupt"
    vatten = next(f for f in report["files"] if f["path"].endswith("vatten.md"))
    assert [f["suppressed"] for f in vatten["findings"] if f["concept"] == "sysselsattning"] == [EXEMPTION]


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_json_of_the_example_docx_validates(lang: str) -> None:
    result = CliRunner().invoke(
        cli,
        ["check", "--format", "json", "--lang", lang, str(ROOT / "tests" / "fixtures" / "docx" / "plan_tabeller.docx")],
    )
    assert result.exit_code == 1
    assert_valid("report", json.loads(result.stdout))


def test_json_report_has_one_passage_on_a_line() -> None:
    result = CliRunner().invoke(
        cli, ["check", "--format", "json", str(ROOT / "examples" / "verksamhetsplan-2026.docx")]
    )
    report = json.loads(result.stdout)
    lines = {line.strip().rstrip(",") for line in result.stdout.splitlines()}
    passages = [e for c in report["files"][0]["concepts"] for e in c["evidence"]]
    assert len(passages) > 50
    assert all(json.dumps(e, ensure_ascii=False, separators=(", ", ": ")) in lines for e in passages)
    assert '"concepts": [' in lines and '"version": 1' in lines  # the levels above stay indented


def test_json_keeps_every_value_and_escapes_what_hides_text() -> None:
    data = {"a": [{"b": {"c": [{"d": {"e": {"f": ["x\u202ey", "\udcff", "\x85"]}}}]}}], "n": {1: None, None: []}}
    text = inert_json(data)
    assert json.loads(text) == json.loads(json.dumps(data).replace("\\udcff", "\\ufffd"))
    assert not {"\u202e", "\x85", "\udcff"} & set(text)
    assert '{"f": ["x\\u202ey", "\ufffd", "\\u0085"]}' in text


def test_json_schema_rejects_a_broken_report(reports) -> None:
    root, _ = reports
    report = json.loads((root / "report.json").read_text(encoding="utf-8"))
    report["files"][0]["concepts"][0]["status"] = "bra"
    del report["summary"]["exit_code"]
    assert len(list(validator("report").iter_errors(report))) == 2


def test_sarif_rules_results_and_locations(reports) -> None:
    root, _ = reports
    log = json.loads((root / "report.sarif").read_text(encoding="utf-8"))
    assert log["version"] == "2.1.0"
    run = log["runs"][0]
    driver = run["tool"]["driver"]
    pack = load_pack()
    assert driver["name"] == "planlint" and [r["id"] for r in driver["rules"]] == [r.id for r in pack.rules]
    helps = {d["id"]: d["help"]["text"] for d in driver["rules"]}
    assert helps["vision-koppling"] == (
        "vision-koppling\n"
        "Sort: reference   Allvarlighetsgrad: info   Fil: vision-koppling.yaml\n"
        "\n"
        "Målbild 2027 är en hållplats på vägen mot Vision Helsingborg 2035 (FAQ om målbilden, fråga 3). En\n"
        "plan som visar den långa riktningen gör det lättare att förstå varför målen för 2027 är valda.\n"
        "\n"
        "Exempel som klarar regeln:\n"
        "    Målbild 2027 är ett steg på vägen mot Vision Helsingborg 2035.\n"
        "\n"
        "Exempel som inte klarar regeln:\n"
        "    Förvaltningen ansvarar för stadens bibliotek och kulturhus."
    )
    for descriptor, rule in zip(driver["rules"], pack.rules):
        severity = {"error": "fel", "warning": "varning", "info": "info"}[rule.severity]
        head = f"{rule.id}\nSort: {rule.extends}   Allvarlighetsgrad: {severity}   Fil: {rule.id}.yaml\n\n"
        assert descriptor["help"]["text"].startswith(head)
        help_file = Path(urlparse(descriptor["helpUri"]).path)
        assert help_file == rule.source.resolve() and help_file.is_file()
        assert (
            descriptor["defaultConfiguration"]["level"]
            == {"error": "error", "warning": "warning", "info": "note"}[rule.severity]
        )
    results = run["results"]
    assert len(results) == sum(
        len(json.loads((root / "report.json").read_text())["files"][i]["findings"]) for i in range(4)
    )
    for result in results:
        assert driver["rules"][result["ruleIndex"]]["id"] == result["ruleId"]
        assert result["partialFingerprints"]["planlint/v1"].startswith(result["ruleId"] + "|")
        artifact = result["locations"][0]["physicalLocation"]["artifactLocation"]
        assert artifact["uriBaseId"] == "%SRCROOT%" and artifact["uri"].startswith("planer/")
    by_file = lambda suffix: [
        r for r in results if r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"].endswith(suffix)
    ]
    stale = next(r for r in by_file("kultur.md") if r["ruleId"] == "inaktuell-malbild")
    assert stale["locations"][0]["physicalLocation"]["region"] == {"startLine": 7}
    assert "Plats: rad 7, »Inledning«." in stale["message"]["text"]
    assert stale["locations"][0]["logicalLocations"][-1] == {
        "name": "Inledning",
        "fullyQualifiedName": "Inledning",  # the title opens no section
        "kind": "module",
    }
    word = [r for r in by_file("bibliotek.docx") if "Plats:" in r["message"]["text"]]
    assert word and all("region" not in r["locations"][0]["physicalLocation"] for r in word)
    assert any("stycke" in r["message"]["text"] for r in word)
    missing = next(r for r in by_file("skola.txt") if r["ruleId"] == "saknat-begrepp")
    assert (
        missing["level"] == "error"
        and {"name": "trygghet", "fullyQualifiedName": "Trygghet", "kind": "member"}
        in missing["locations"][0]["logicalLocations"]
    )
    exempt = next(r for r in by_file("vatten.md") if r["ruleId"] == "saknat-begrepp")
    assert exempt["suppressions"] == [{"kind": "external", "status": "accepted", "justification": EXEMPTION}]
    assert all("baselineState" not in r for r in results)  # no baseline in this run
    invocation = run["invocations"][0]
    assert invocation["executionSuccessful"] is False
    [notification] = invocation["toolExecutionNotifications"]
    assert notification["level"] == "error" and "trasig.docx" in notification["message"]["text"]


@pytest.mark.slow
def test_sarif_passes_the_official_validator(reports, tmp_path: Path) -> None:
    if not MULTITOOL.exists():
        reason = "the SARIF Multitool is not installed: npm install --prefix tests/sarif"
        if os.environ.get("CI"):
            pytest.fail(reason)
        pytest.skip(reason)
    root, _ = reports
    sarif = tmp_path / "planlint.sarif"  # a plain path: the npm wrapper runs the tool through a shell
    shutil.copy(root / "report.sarif", sarif)
    checked = tmp_path / "validation.sarif"
    process = subprocess.run(
        [str(MULTITOOL), "validate", str(sarif), "--output", str(checked)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert process.returncode == 0, process.stdout + process.stderr
    validation = json.loads(checked.read_text(encoding="utf-8-sig"))
    problems = [r for run in validation["runs"] for r in run.get("results", [])]
    errors = [f"{r['ruleId']}: {r['message']}" for r in problems if r.get("level", "warning") == "error"]
    assert not errors, errors
    notifications = [
        n
        for run in validation["runs"]
        for i in run.get("invocations", [])
        for n in i.get("toolExecutionNotifications", []) + i.get("toolConfigurationNotifications", [])
    ]
    assert not [n for n in notifications if n.get("level") == "error"], notifications


def test_every_sarif_log_is_checked_against_the_vendored_schema(reports) -> None:
    """conftest validates each SARIF log a test renders against schemas/sarif-2.1.0.json; that check can fail."""
    root, _ = reports
    log = json.loads((root / "report.sarif").read_text(encoding="utf-8"))
    validate_sarif(log)
    log["runs"][0]["results"][0]["level"] = "fatal"
    with pytest.raises(jsonschema.ValidationError, match="fatal"):
        validate_sarif(log)


@pytest.mark.slow
def test_sarif_validator_catches_a_broken_log(reports, tmp_path: Path) -> None:
    """The validation above can fail: a result pointing at a rule that does not exist is an error."""
    if not MULTITOOL.exists():
        pytest.skip("the SARIF Multitool is not installed")
    root, _ = reports
    log = json.loads((root / "report.sarif").read_text(encoding="utf-8"))
    log["runs"][0]["results"][0]["ruleIndex"] = 99
    sarif = tmp_path / "broken.sarif"
    sarif.write_text(json.dumps(log), encoding="utf-8")
    checked = tmp_path / "validation.sarif"
    subprocess.run(
        [str(MULTITOOL), "validate", str(sarif), "--output", str(checked)],
        capture_output=True,
        timeout=120,
        check=False,
    )
    validation = json.loads(checked.read_text(encoding="utf-8-sig"))
    assert any(r.get("level") == "error" for run in validation["runs"] for r in run.get("results", []))


def test_junit_is_read_back_by_junitparser(reports) -> None:
    root, _ = reports
    suites = {suite.name: suite for suite in JUnitXml.fromfile(str(root / "report.xml"))}
    assert set(suites) == {
        f"planer/{p}" for p in ("kultur.md", "skola.txt", "bolag/vatten.md", "bibliotek.docx", "trasig.docx")
    }
    concepts = [c.id for c in load_pack().concepts]
    plan_rules = [r.id for r in load_pack().rules if r.extends != "coverage"]
    skola = {case.name: case for case in suites["planer/skola.txt"]}
    assert list(skola) == concepts + plan_rules
    assert all(case.classname == "planer/skola.txt" for case in skola.values())
    [failure] = skola["trygghet"].result
    assert isinstance(failure, Failure) and failure.type == "saknat-begrepp" and "Trygghet saknas" in failure.message
    assert not any(skola[c].result for c in concepts if c != "trygghet")
    assert suites["planer/skola.txt"].failures == 1 and suites["planer/skola.txt"].tests == len(concepts + plan_rules)
    kultur = {case.name: case for case in suites["planer/kultur.md"]}
    assert not kultur["inaktuell-malbild"].result  # a warning is below --fail-on error: no failure …
    assert "inaktuellt mål" in kultur["inaktuell-malbild"].system_out  # … but it is in the output
    [skipped] = {case.name: case for case in suites["planer/bolag/vatten.md"]}["sysselsattning"].result
    assert isinstance(skipped, Skipped) and EXEMPTION in skipped.message
    [case] = list(suites["planer/trasig.docx"])
    assert isinstance(case.result[0], Error) and case.result[0].type == "corrupt"


def test_junit_failures_follow_fail_on(tmp_path: Path) -> None:
    plan = write_plan(tmp_path / "kultur.md", UNITS[1], stale=True)
    result = CliRunner().invoke(cli, ["check", str(plan), "--fail-on", "warning", "--format", "junit"])
    assert result.exit_code == 1
    xml = tmp_path / "junit.xml"
    xml.write_text(result.stdout, encoding="utf-8")
    [suite] = JUnitXml.fromfile(str(xml))
    failed = {case.name for case in suite if case.result and isinstance(case.result[0], Failure)}
    assert failed == {"inaktuell-malbild"}


def test_github_annotations(reports) -> None:
    root, _ = reports
    lines = (root / "annotations.txt").read_text(encoding="utf-8").splitlines()
    assert (
        "::error file=planer/skola.txt,title=planlint [saknat-begrepp]::Trygghet saknas: planen tar inte upp det någonstans."
        in lines
    )
    assert any(
        line.startswith("::warning file=planer/kultur.md,line=7,title=planlint [inaktuell-malbild]::") for line in lines
    )
    assert not any("vatten.md" in line and "saknat-begrepp" in line for line in lines)  # exempt: left out
    assert lines[-1].startswith("::error file=planer/trasig.docx,title=planlint::")
    assert all(line.startswith(("::error ", "::warning ", "::notice ")) for line in lines)


def test_github_escaping_follows_the_workflow_command_rules() -> None:
    assert escape_data("100 %\r\nnästa") == "100 %25%0D%0Anästa"
    assert escape_property("a:b,c%\n") == "a%3Ab%2Cc%25%0A"
    assert (
        command("warning", "rad 1\nrad 2: slut", file="planer/a,b.md", line=3, title="planlint [x]")
        == "::warning file=planer/a%2Cb.md,line=3,title=planlint [x]::rad 1%0Arad 2: slut"
    )


def test_markdown_summary(reports) -> None:
    root, _ = reports
    text = (root / "report.md").read_text(encoding="utf-8")
    lines = text.splitlines()
    assert lines[0].startswith("## planlint")
    header = next(line for line in lines if line.startswith("| Plan |"))
    assert "Trygghet" in header and "Poäng" in header
    row = next(line for line in lines if line.startswith("| `planer/skola.txt` |"))
    assert row.count("|") == header.count("|") and "✗" in row
    assert "| `planer/trasig.docx` | – | kunde inte läsas |" in text
    assert "- ✗ **fel** `saknat-begrepp`: Trygghet saknas" in text
    assert "4 planer granskade, 1 kunde inte läsas" in lines[-1]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--output", "a.json", "--output", "b.json", "--format", "json"], "--output b.json har inget --format"),
        (["--format", "json", "--format", "sarif"], "bara ett format kan skrivas till standard ut"),
        (["--format", "json", "-o", "x.json", "--format", "sarif", "-o", "x.json"], "samma fil x.json"),
    ],
)
def test_usage_errors_exit_2_in_swedish(tmp_path: Path, args: list[str], message: str, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    plan = write_plan(tmp_path / "a.md", UNITS[0])
    result = CliRunner().invoke(cli, ["check", str(plan), *args])
    assert result.exit_code == 2
    assert result.stderr.startswith("Fel: ") and message in result.stderr
    assert not list(tmp_path.glob("*.json"))


def test_usage_error_in_english(tmp_path: Path) -> None:
    plan = write_plan(tmp_path / "a.md", UNITS[0])
    result = CliRunner().invoke(cli, ["check", str(plan), "--format", "json", "--format", "text", "--lang", "en"])
    assert result.exit_code == 2 and "only one format can go to standard output" in result.stderr


def test_output_alone_writes_text(tmp_path: Path) -> None:
    plan = write_plan(tmp_path / "a.md", UNITS[0])
    result = CliRunner().invoke(cli, ["check", str(plan), "-o", str(tmp_path / "rapport.txt")])
    assert result.exit_code == 0 and result.stdout == ""
    assert (tmp_path / "rapport.txt").read_text(encoding="utf-8").startswith("Plan: ")


def test_markdown_makes_plan_text_inert(tmp_path: Path) -> None:
    plan = tmp_path / "fientlig.txt"
    plan.write_text(
        "Mål\n\nVårt mål är att bli en av Europas mest innovativa städer 2022, se [här](javascript:alert(1)) "
        "och <img src=x onerror=alert(1)> | **fet**.\n",
        encoding="utf-8",
    )
    text = CliRunner().invoke(cli, ["check", "--format", "markdown", "--fail-on", "never", str(plan)]).output
    assert "<img" not in text and "&lt;img src\\=x onerror\\=alert\\(1\\)&gt;" in text
    assert "\\[här\\]\\(javascript\\:" in text and "[här](" not in text
