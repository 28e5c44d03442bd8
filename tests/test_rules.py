"""Every rule's documented Swedish examples: the passing one passes, the failing one fails (as `explain` shows)."""

from __future__ import annotations

import pytest
from conftest import check_text, run_cli

from planlint.rulepack.pack import load_pack

PACK = load_pack()


def _findings(rule, text: str):
    result = check_text(text)
    concept = rule.docs.get("example_concept")
    return [f for f in result.findings if f.rule == rule.id and (concept is None or f.concept == concept)]


@pytest.mark.parametrize("rule", PACK.rules, ids=[r.id for r in PACK.rules])
def test_passing_example_passes(rule) -> None:
    assert _findings(rule, rule.docs["pass"]) == []


@pytest.mark.parametrize("rule", PACK.rules, ids=[r.id for r in PACK.rules])
def test_failing_example_fails(rule) -> None:
    assert _findings(rule, rule.docs["fail"]) != []


@pytest.mark.parametrize("rule", PACK.rules, ids=[r.id for r in PACK.rules])
def test_explain_prints_both_examples(rule) -> None:
    result = run_cli("explain", rule.id)
    assert result.exit_code == 0
    assert " ".join(rule.docs["pass"].split()[:6]) in " ".join(result.output.split())
    assert " ".join(rule.docs["fail"].split()[:6]) in " ".join(result.output.split())


def test_rules_lists_every_rule_and_concept() -> None:
    result = run_cli("rules")
    assert result.exit_code == 0
    for rule in PACK.rules:
        assert rule.id in result.output
    for concept in PACK.concepts:
        assert concept.id in result.output


def test_explain_unknown_rule_exits_2_in_swedish() -> None:
    result = run_cli("explain", "finns-inte")
    assert result.exit_code == 2
    assert "varken en regel eller ett begrepp" in result.stderr


def test_stale_reference_and_history() -> None:
    stale = check_text("Vårt mål är att Helsingborg ska bli en av Europas mest innovativa städer 2022.")
    assert [f.rule for f in stale.findings if f.rule == "inaktuell-malbild"] == ["inaktuell-malbild"]
    history = check_text("Den förra målbilden, att bli en av Europas mest innovativa städer 2022, har löpt ut.")
    assert not [f for f in history.findings if f.rule == "inaktuell-malbild"]
    climate = check_text("Helsingborg ska vara klimatneutralt till 2035 enligt vår miljöplan.")
    assert [f.rule for f in climate.findings if f.rule == "inaktuell-malbild"] == ["inaktuell-malbild"]
    vision = check_text("Vision Helsingborg 2035 pekar ut riktningen för hela staden.")
    assert not [f for f in vision.findings if f.rule == "inaktuell-malbild"]


def test_malbild_named_without_contribution_is_weak() -> None:
    result = check_text("Stadens målbild 2027 beskriver en stad för alla.")
    (finding,) = [f for f in result.findings if f.rule == "malbild-koppling"]
    assert "bidrar" in finding.message["sv"] and finding.block == 0
