"""A run over a folder like a real plan repository (tests/fixtures/make_plan_repo.py): README, several plans,
an annotated copy, a draft folder, a per-plan exemption and inline suppressions give exactly these plans and
findings."""

from __future__ import annotations

import json
from pathlib import Path

from conftest import run_cli

REPO = Path(__file__).resolve().parent / "fixtures" / "plan-repo"
TRYGGHET_REASON = "trygghetsarbetet konkretiseras i nämndens egen trygghetsplan som antas i mars."
VARD_REASON = "Vård och omsorg har inget arbetsmarknadsuppdrag; det ligger hos arbetsmarknadsförvaltningen."
VISION_REASON = "miljöplanen hänvisar till visionen i stadens gemensamma miljöprogram."

# plan -> {(rule, concept): the reason it does not count, or None}
EXPECTED = {
    "kultur-och-fritid.docx": {
        ("saknat-begrepp", "sysselsattning"): None,
        ("konkretisering", "klimatneutralitet-2030"): None,
        ("konkretisering", "trygghet"): TRYGGHET_REASON,  # the writer's Word comment on the paragraph
        ("inaktuell-malbild", None): None,
    },
    "miljo.md": {
        ("saknat-begrepp", "livskvalitet"): None,
        ("saknat-begrepp", "trygghet"): None,
        ("saknat-begrepp", "sysselsattning"): None,
        ("uppfoljning", "innovation"): None,
        ("uppfoljning", "samspel"): None,
        ("vision-koppling", None): VISION_REASON,  # the HTML comment above the title
    },
    "vard-och-omsorg.docx": {
        ("saknat-begrepp", "sysselsattning"): VARD_REASON,  # the override for this plan only
        ("konkretisering", "klimatneutralitet-2030"): None,
        ("konkretisering", "trygghet"): None,
        ("inaktuell-malbild", None): None,
    },
}


def test_folder_run_checks_exactly_the_plans_with_exactly_these_findings(monkeypatch) -> None:
    monkeypatch.chdir(REPO)
    assert run_cli("check", "--show-files", ".").stdout.split() == sorted(EXPECTED)
    result = run_cli("check", "--format", "json", ".")
    report = json.loads(result.stdout)
    found = {
        entry["path"]: {(f["rule"], f["concept"]): f["suppressed"] for f in entry["findings"]}
        for entry in report["files"]
    }
    assert found == EXPECTED
    assert report["errors"] == [] and result.exit_code == 1
    exempt = {e["path"]: [c["id"] for c in e["concepts"] if c["exempt"]] for e in report["files"]}
    assert exempt == {"kultur-och-fritid.docx": [], "miljo.md": [], "vard-och-omsorg.docx": ["sysselsattning"]}


def test_folder_run_in_text_ends_with_the_counts(monkeypatch) -> None:
    monkeypatch.chdir(REPO)
    out = run_cli("check", ".").stdout
    assert out.strip().splitlines()[-1] == "3 planer granskade: 11 anmärkningar (4 fel, 7 varningar), 3 undantagna."
    assert "README" not in out and "granskad.docx" not in out and "utkast" not in out
