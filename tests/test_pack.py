"""The rule pack is data: it loads, it is validated with errors naming file and field, and --rules swaps it."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from conftest import run_cli

from planlint.checks import validate_rules
from planlint.errors import PackError
from planlint.rulepack.pack import SECTION_ROLES, default_pack_dir, load_pack


def _copy(tmp_path: Path) -> Path:
    target = tmp_path / "pack"
    shutil.copytree(default_pack_dir(), target)
    return target


def test_default_pack_loads_with_every_concept() -> None:
    pack = load_pack()
    assert [c.id for c in pack.concepts] == [
        "innovation",
        "samspel",
        "livskvalitet",
        "tidshorisont-2027",
        "trygghet",
        "sysselsattning",
        "klimatneutralitet-2030",
    ]
    assert {"malbild-koppling", "inaktuell-malbild", "uppfoljning"} <= {r.id for r in pack.rules}
    for concept in pack.concepts:
        assert concept.name["sv"] and concept.name["en"] and concept.gap["sv"] and concept.gap["en"]


def test_broken_field_names_file_and_field(tmp_path: Path) -> None:
    pack = _copy(tmp_path)
    path = pack / "concepts" / "trygghet.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("weight: 0.5", "weight: mycket", 1), encoding="utf-8")
    with pytest.raises(PackError) as error:
        load_pack(pack)
    message = error.value.message("sv")
    assert "trygghet.yaml" in message and "weight" in message and "terms[" in message


def test_broken_pack_on_command_line_exits_2(tmp_path: Path) -> None:
    pack = _copy(tmp_path)
    _edit(pack / "rules" / "uppfoljning.yaml", "extends: coverage", "extends: covrage")
    plan = tmp_path / "plan.txt"
    plan.write_text("Vi samverkar med föreningslivet.\n", encoding="utf-8")
    result = run_cli("check", "--rules", pack, plan)
    assert result.exit_code == 2
    assert "uppfoljning.yaml" in result.output and "'extends'" in result.output and "Traceback" not in result.output
    assert "menade du 'coverage'?" in result.output


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


@pytest.mark.parametrize(
    ("file", "old", "key", "nearest"),
    [
        ("concepts/trygghet.yaml", "{lemma: polis, compound: none, weight:", "terms[", "weight"),
        ("concepts/innovation.yaml", "\nexclude:", "", "exclude"),
        ("concepts/trygghet.yaml", "\nsuggestions:", "", "suggestions"),
        ("rules/malbild-koppling.yaml", "\nsuggestion:", "", "suggestion"),
        ("rules/konkretisering.yaml", "\nwhen:", "", "when"),
        ("rules/konkretisering.yaml", "\n  pass:", "docs.", "pass"),
        ("language.yaml", "\n  foreword:", "sections.", "foreword"),
        ("language.yaml", "\ngoal_cues:", "", "goal_cues"),
        ("pack.yaml", "\nstatus_scores:", "", "status_scores"),
    ],
)
def test_a_misspelt_key_names_the_file_the_key_and_the_nearest_valid_key(tmp_path, file, old, key, nearest):
    """A typo (two letters swapped) is an error, never a default silently taken."""
    i = next(i for i in range(1, len(nearest)) if nearest[i] != nearest[i + 1])
    typo = nearest[:i] + nearest[i + 1] + nearest[i] + nearest[i + 2 :]
    pack = _copy(tmp_path)
    _edit(pack / file, old, old.replace(nearest, typo))
    with pytest.raises(PackError) as error:
        validate_rules(load_pack(pack))
    prefix = key if key.endswith(".") else ""
    if key == "terms[":
        prefix = re.search(r"field '(terms\[\d+\]\.)", error.value.message("en")).group(1)
    assert error.value.path.name == Path(file).name
    message = error.value.message("en")
    assert message.endswith(f"the field '{prefix}{typo}' is unknown; did you mean '{prefix}{nearest}'?")


def test_a_kind_option_of_the_wrong_type_names_what_it_must_be(tmp_path):
    pack = _copy(tmp_path)
    _edit(pack / "rules" / "konkretisering.yaml", "when: [namnd]", "when: [nämnd]")
    with pytest.raises(PackError) as error:
        validate_rules(load_pack(pack))
    assert "field 'when' must be a list of statuses (saknas, namnd, konkretiserad, uppfoljd)" in error.value.message(
        "en"
    )


def test_another_pack_changes_vocabulary_without_code(tmp_path: Path) -> None:
    pack = _copy(tmp_path)
    concept = pack / "concepts" / "trygghet.yaml"
    text = concept.read_text(encoding="utf-8").replace("terms:\n", "terms:\n  - lemma: gatuljus\n", 1)
    concept.write_text(text, encoding="utf-8")
    plan = tmp_path / "plan.txt"
    plan.write_text("Vi byter alla gatuljusen i centrum under året.\n", encoding="utf-8")
    default = run_cli("check", "--format", "json", "--fail-on", "never", plan)
    custom = run_cli("check", "--format", "json", "--fail-on", "never", "--rules", pack, plan)
    assert '"trygghet"' in default.stdout and '"status": "saknas"' in default.stdout
    import json

    status = {c["id"]: c["status"] for c in json.loads(custom.stdout)["files"][0]["concepts"]}
    assert status["trygghet"] != "saknas"


def test_the_roles_a_pack_may_name_are_those_the_analysis_reads():
    from planlint.analysis import depth

    assert set(SECTION_ROLES) == {*depth.CONTEXT_ROLES, *depth.COMMITMENT_ROLES}
    assert set(load_pack().language.sections) <= set(SECTION_ROLES)
