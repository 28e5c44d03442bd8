"""The rule pack is data: it loads, it is validated with errors naming file and field, and --rules swaps it."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from conftest import run_cli

from planlint.errors import PackError
from planlint.rulepack.pack import default_pack_dir, load_pack


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
    (pack / "rules" / "uppfoljning.yaml").write_text("id: uppfoljning\nextends: okänd\n", encoding="utf-8")
    plan = tmp_path / "plan.txt"
    plan.write_text("Vi samverkar med föreningslivet.\n", encoding="utf-8")
    result = run_cli("check", "--rules", pack, plan)
    assert result.exit_code == 2
    assert "uppfoljning.yaml" in result.output and "extends" in result.output and "Traceback" not in result.output


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
