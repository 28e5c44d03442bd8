"""Configuration: discovery upward from the plan, select/ignore, severities, exemptions with reasons."""

from __future__ import annotations

import json
from pathlib import Path

from conftest import run_cli

PLAN = (
    "Verksamhetsplan för VA-bolaget\n\n"
    "Vi samverkar med kommunerna i regionen och testar nya digitala lösningar i en pilot.\n\n"
    "Utsläppen av växthusgaser ska minska med 40 % till 2027 jämfört med 2019.\n"
)


def _plan(tmp_path: Path) -> Path:
    folder = tmp_path / "planer" / "2026"
    folder.mkdir(parents=True)
    plan = folder / "plan.txt"
    plan.write_text(PLAN, encoding="utf-8")
    return plan


def _report(*args) -> dict:
    result = run_cli("check", "--format", "json", *args)
    return json.loads(result.stdout)


def test_exemption_found_upward_in_pyproject(tmp_path: Path) -> None:
    plan = _plan(tmp_path)
    (tmp_path / "pyproject.toml").write_text(
        '[tool.planlint.exempt]\nsysselsattning = "VA-bolaget har inget uppdrag inom arbetsmarknad."\n',
        encoding="utf-8",
    )
    entry = _report(plan)["files"][0]
    concept = next(c for c in entry["concepts"] if c["id"] == "sysselsattning")
    assert concept["exempt"] == "VA-bolaget har inget uppdrag inom arbetsmarknad."
    finding = next(f for f in entry["findings"] if f["concept"] == "sysselsattning")
    assert finding["suppressed"] == concept["exempt"]
    text = run_cli("check", plan).output
    assert "undantagen: VA-bolaget har inget uppdrag inom arbetsmarknad." in text


def test_an_exemption_may_name_a_rule_of_any_kind(tmp_path: Path) -> None:
    plan = _plan(tmp_path)
    (tmp_path / "planlint.toml").write_text(
        '[exempt]\nvision-koppling = "Bolagets plan följer ägardirektivet, inte visionen."\n', encoding="utf-8"
    )
    result = run_cli("check", "--format", "json", "--fail-on", "info", plan)
    findings = {f["rule"]: f for f in json.loads(result.stdout)["files"][0]["findings"]}
    assert findings["vision-koppling"]["suppressed"] == "Bolagets plan följer ägardirektivet, inte visionen."
    assert findings["malbild-koppling"]["suppressed"] is None


def test_planlint_toml_select_ignore_and_severity(tmp_path: Path) -> None:
    plan = _plan(tmp_path)
    (plan.parent / "planlint.toml").write_text(
        'ignore = ["vision-koppling"]\nfail-on = "never"\n[severity]\nsaknat-begrepp = "info"\n', encoding="utf-8"
    )
    result = run_cli("check", "--format", "json", plan)
    entry = json.loads(result.stdout)["files"][0]
    rules = {f["rule"] for f in entry["findings"]}
    assert "vision-koppling" not in rules
    assert {f["severity"] for f in entry["findings"] if f["rule"] == "saknat-begrepp"} == {"info"}
    assert result.exit_code == 0


def test_exemption_without_reason_is_an_error(tmp_path: Path) -> None:
    plan = _plan(tmp_path)
    config = tmp_path / "planlint.toml"
    config.write_text('[exempt]\nsysselsattning = ""\n', encoding="utf-8")
    result = run_cli("check", "--config", config, plan)
    assert result.exit_code == 2
    assert "skrivet skäl" in result.output and "planlint.toml" in result.output


def test_unknown_rule_in_config_is_an_error(tmp_path: Path) -> None:
    plan = _plan(tmp_path)
    (tmp_path / "planlint.toml").write_text('ignore = ["finns-inte"]\n', encoding="utf-8")
    result = run_cli("check", plan)
    assert result.exit_code == 2 and "finns-inte" in result.output


def test_fail_on_sets_exit_status(tmp_path: Path) -> None:
    plan = _plan(tmp_path)
    assert run_cli("check", plan).exit_code == 1  # saknat-begrepp is an error
    assert run_cli("check", "--fail-on", "never", plan).exit_code == 0


def test_fail_on_across_configurations_is_the_strictest_whatever_the_order(tmp_path: Path) -> None:
    """--fail-on on the command line decides; else the strictest level the plans' configurations set."""
    plans = []
    for name, level in (("utkast", "never"), ("fastställd", "warning")):
        folder = tmp_path / name
        folder.mkdir()
        (folder / "planlint.toml").write_text(f'fail-on = "{level}"\n', encoding="utf-8")
        plans.append(folder / "plan.txt")
        plans[-1].write_text(PLAN, encoding="utf-8")
    for order in (plans, plans[::-1]):
        assert _report(*order)["summary"]["fail_on"] == "warning"
        assert _report("--fail-on", "never", *order)["summary"]["fail_on"] == "never"
    assert _report(plans[0])["summary"]["fail_on"] == "never"
