"""Another municipality's framework is data alone: with the fictional Exempelby kommun's pack (tests/packs/exempelby),
every command and every output format speaks of its goals, and none of Helsingborg's."""

from __future__ import annotations

import json
import re
import zipfile
from pathlib import Path

import docx
import pytest
from conftest import run_cli

from planlint.checks import validate_rules
from planlint.rulepack.pack import load_pack

PACK = Path(__file__).resolve().parent / "packs" / "exempelby"
HELSINGBORG = re.compile(r"helsingborg|målbild|malbild|inriktning|vision 2035|h22|2023–2026", re.IGNORECASE)
PLAN = [
    ("Verksamhetsplan 2026 för kultur- och fritidsförvaltningen", 0),
    ("Inledning", 1),
    ("Förvaltningen arbetar för en trygg uppväxt för barn och unga i hela kommunen.", None),
    ("Mål", 1),
    ("Andelen barn och unga som besöker fritidsgårdarna ska öka till 40 procent under 2026.", None),
    ("Vi inför torghandel varje lördag för att skapa ett levande centrum.", None),
    ("Prioriteringar", 1),
    ("Framtidsplan 2020 styr förvaltningens prioriteringar.", None),
]


@pytest.fixture(scope="module")
def plans(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """The plan as Markdown and as Word."""
    folder = tmp_path_factory.mktemp("exempelby")
    markdown = folder / "plan.md"
    markdown.write_text(
        "\n\n".join(f"{'#' * (level + 1)} {text}" if level is not None else text for text, level in PLAN) + "\n",
        encoding="utf-8",
    )
    word = docx.Document()
    for text, level in PLAN:
        word.add_heading(text, level) if level is not None else word.add_paragraph(text)
    word.save(folder / "plan.docx")
    return markdown, folder / "plan.docx"


def _clean(text: str) -> str:
    found = HELSINGBORG.findall(text)
    assert not found, found
    return text


@pytest.mark.parametrize("fmt", ["text", "json", "sarif", "junit", "github", "markdown", "html"])
@pytest.mark.parametrize("lang", ["sv", "en"])
def test_every_format_speaks_of_the_packs_goals_only(plans, fmt, lang):
    result = run_cli("check", "--rules", PACK, "--format", fmt, "--lang", lang, plans[0], plans[1])
    assert result.exit_code == 1, result.output
    output = _clean(result.stdout)
    assert "gron-omstallning" in output or "Grön omställning" in output or "Green transition" in output
    assert "Exempelby" in output or fmt in ("junit", "github", "json", "sarif")


def test_json_carries_the_packs_concepts_frameworks_and_findings(plans):
    report = json.loads(run_cli("check", "--rules", PACK, "--format", "json", plans[0]).stdout)
    entry = report["files"][0]
    assert entry["pack"]["name"] == "exempelby-2040"
    statuses = {c["id"]: (c["status"], c["framework"]) for c in entry["concepts"]}
    assert statuses == {
        "gron-omstallning": ("saknas", ["mal"]),
        "trygg-uppvaxt": ("konkretiserad", ["mal"]),
        "levande-centrum": ("konkretiserad", ["mal"]),
    }
    assert sorted(f["rule"] for f in entry["findings"]) == ["gammal-plan", "saknat-mal", "vision-lank"]


def test_the_html_report_puts_findings_in_the_packs_sections(plans, tmp_path):
    output = tmp_path / "rapport.html"
    result = run_cli("report", "--rules", PACK, plans[0], plans[1], "-o", output)
    assert result.exit_code == 0, result.output
    page = _clean(output.read_text(encoding="utf-8"))
    assert "planlint · granskning mot Exempelbys kommunmål" in page
    assert "Kommunmålen 2025–2028" in page and "Djup per del av kommunmålen" in page
    vision = page.index("Koppling till Vision Exempelby 2040")
    old = page.index("Gamla planer")
    assert page.index("Planen nämner inte Vision Exempelby 2040.", vision) < old
    assert page.index("Planen hänvisar till en avslutad plan som om den gällde", old)
    assert "2 av 2 planer styrs av Framtidsplan 2020." in page  # the section's shared gap


def test_rules_explain_diff_baseline_and_annotate_with_the_pack(plans, tmp_path):
    outputs = [run_cli("rules", "--rules", PACK).stdout]
    for name in ("saknat-mal", "vision-lank", "gammal-plan", "trygg-uppvaxt"):
        outputs.append(run_cli("explain", name, "--rules", PACK).stdout)
    assert "Del av: kommunmål 2025–2028" in outputs[-1]
    outputs.append(run_cli("diff", "--rules", PACK, plans[0], plans[1]).stdout)
    baseline = tmp_path / "baslinje.json"
    assert run_cli("baseline", "--rules", PACK, plans[0], "-o", baseline).exit_code == 0
    outputs.append(baseline.read_text(encoding="utf-8"))
    copy = tmp_path / "plan-granskad.docx"
    assert run_cli("annotate", "--rules", PACK, plans[1], "-o", copy).exit_code == 0
    with zipfile.ZipFile(copy) as archive:
        comments = archive.read("word/comments.xml").decode("utf-8")
    assert "Grön omställning" in comments
    outputs.append(comments)
    for output in outputs:
        _clean(output)


@pytest.mark.parametrize("rule", load_pack(PACK).rules, ids=lambda r: r.id)
def test_the_packs_own_examples_pass_and_fail(rule, tmp_path):
    validate_rules(load_pack(PACK))
    findings = {}
    for example in ("pass", "fail"):
        plan = tmp_path / f"{example}.txt"
        plan.write_text(rule.docs[example] + "\n", encoding="utf-8")
        report = json.loads(run_cli("check", "--rules", PACK, "--format", "json", plan).stdout)
        concept = rule.docs.get("example_concept")
        findings[example] = [
            f for f in report["files"][0]["findings"] if f["rule"] == rule.id and concept in (None, f["concept"])
        ]
    assert findings["pass"] == [] and findings["fail"] != []


def test_the_web_pages_speak_of_the_packs_goals_only(plans, tmp_path):
    from serve_process import Server

    server = Server(tmp_path, "--rules", str(PACK))
    try:
        client = server.client
        for lang in ("sv", "en"):
            for address in ("/", "/jamfor", "/saknas"):
                _clean(client.get(address, params={"lang": lang}).text)
            with plans[1].open("rb") as plan:
                report = client.post("/granska", params={"lang": lang}, files={"plan": ("plan.docx", plan)})
            assert report.status_code == 200 and "Exempelby" in report.text
            _clean(report.text)
        with plans[0].open("rb") as old, plans[0].open("rb") as new:
            files = [("old", ("plan.md", old)), ("new", ("plan-2.md", new))]
            _clean(client.post("/jamfor", files=files).text)
    finally:
        server.stop()
