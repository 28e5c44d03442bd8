"""File selection and per-plan settings as in ruff: exclude / extend-exclude, --force-exclude, [[overrides]],
--show-files and --show-settings; configuration errors with a did-you-mean, in the user's words."""

from __future__ import annotations

import json
from pathlib import Path

from conftest import run_cli

PLAN = (
    "Verksamhetsplan för VA-bolaget\n\n"
    "Vi samverkar med kommunerna i regionen och testar nya digitala lösningar i en pilot.\n\n"
    "Utsläppen av växthusgaser ska minska med 40 % till 2027 jämfört med 2019.\n"
)


def _folder(tmp_path: Path) -> Path:
    for name in ("nsva.txt", "kultur.txt", "README.md", "CHANGELOG.md", "kultur-granskad.docx", "utkast/gammal.txt"):
        path = tmp_path / name
        path.parent.mkdir(exist_ok=True)
        path.write_text(PLAN, encoding="utf-8")
    (tmp_path / ".venv" / "lib").mkdir(parents=True)
    (tmp_path / ".venv" / "lib" / "plan.md").write_text(PLAN, encoding="utf-8")
    return tmp_path


def _files(*args) -> list[str]:
    result = run_cli("check", "--show-files", *args)
    assert result.exit_code == 0, result.output
    return [Path(line).name for line in result.stdout.splitlines()]


def test_default_exclusions_leave_out_readme_changelog_outputs_and_environments(tmp_path: Path) -> None:
    folder = _folder(tmp_path)
    assert _files(folder) == ["kultur.txt", "nsva.txt", "gammal.txt"]


def test_extend_exclude_adds_and_exclude_replaces(tmp_path: Path) -> None:
    folder = _folder(tmp_path)
    (folder / "planlint.toml").write_text('extend-exclude = ["utkast/", "kultur*"]\n', encoding="utf-8")
    assert _files(folder) == ["nsva.txt"]
    (folder / "planlint.toml").write_text('exclude = ["utkast"]\n', encoding="utf-8")
    assert "README.md" in _files(folder) and "gammal.txt" not in _files(folder)


def test_named_file_is_checked_unless_force_exclude(tmp_path: Path) -> None:
    folder = _folder(tmp_path)
    readme = folder / "README.md"
    assert _files(readme) == ["README.md"]
    result = run_cli("check", "--show-files", "--force-exclude", readme)
    assert result.stdout.strip() == ""


def test_overrides_apply_to_matching_plans_only(tmp_path: Path) -> None:
    folder = _folder(tmp_path)
    (folder / "planlint.toml").write_text(
        'ignore = ["vision-koppling"]\n'
        "[[overrides]]\n"
        'files = ["nsva.txt"]\n'
        'ignore = ["uppfoljning"]\n'
        '[overrides.exempt]\n"sysselsättning" = "VA-bolaget har inget uppdrag inom arbetsmarknad."\n',
        encoding="utf-8",
    )
    report = json.loads(run_cli("check", "--format", "json", folder).stdout)
    by_name = {Path(f["path"]).name: f for f in report["files"]}
    assert set(by_name) == {"kultur.txt", "nsva.txt", "gammal.txt"}
    nsva = {c["id"]: c["exempt"] for c in by_name["nsva.txt"]["concepts"]}
    kultur = {c["id"]: c["exempt"] for c in by_name["kultur.txt"]["concepts"]}
    assert nsva["sysselsattning"] == "VA-bolaget har inget uppdrag inom arbetsmarknad."
    assert kultur["sysselsattning"] is None
    nsva_rules = {f["rule"] for f in by_name["nsva.txt"]["findings"]}
    kultur_rules = {f["rule"] for f in by_name["kultur.txt"]["findings"]}
    assert "uppfoljning" not in nsva_rules and "uppfoljning" in kultur_rules
    assert "vision-koppling" not in nsva_rules | kultur_rules


def test_show_settings_prints_each_plans_resolved_settings(tmp_path: Path) -> None:
    folder = _folder(tmp_path)
    (folder / "planlint.toml").write_text(
        '[[overrides]]\nfiles = ["nsva.txt"]\nseverity = {uppfoljning = "info"}\n', encoding="utf-8"
    )
    out = run_cli("check", "--show-settings", folder / "nsva.txt", folder / "kultur.txt").stdout
    nsva, kultur = out.split(str(folder / "kultur.txt"))
    assert 'severity = {"uppfoljning": "info"}' in nsva and "severity = {}" in kultur
    assert f'config = "{folder / "planlint.toml"}"' in nsva


def test_readme_configuration_example_pastes_into_planlint_toml(tmp_path: Path) -> None:
    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
    block = readme.split("```toml\n", 1)[1].split("```", 1)[0]
    folder = _folder(tmp_path)
    (folder / "planlint.toml").write_text(block, encoding="utf-8")
    result = run_cli("check", "--show-settings", folder / "nsva.txt")
    assert result.exit_code == 0, result.output


def test_tool_table_in_planlint_toml_explains_where_keys_go(tmp_path: Path) -> None:
    folder = _folder(tmp_path)
    (folder / "planlint.toml").write_text('[tool.planlint]\nfail-on = "warning"\n', encoding="utf-8")
    result = run_cli("check", folder / "nsva.txt")
    assert result.exit_code == 2
    assert "i planlint.toml står nycklarna överst" in result.stderr


def test_config_key_typo_gets_did_you_mean(tmp_path: Path) -> None:
    folder = _folder(tmp_path)
    (folder / "planlint.toml").write_text('ignor = ["vision-koppling"]\n', encoding="utf-8")
    assert "okänd nyckel 'ignor'. Menade du 'ignore'?" in run_cli("check", folder / "nsva.txt").stderr
    (folder / "planlint.toml").write_text('ignore = ["vison-koppling"]\n', encoding="utf-8")
    assert "Menade du 'vision-koppling'?" in run_cli("check", folder / "nsva.txt").stderr
    (folder / "planlint.toml").write_text('[exempt]\nsyselsattning = "Inget uppdrag inom arbetsmarknad."\n')
    assert "Menade du 'sysselsattning'?" in run_cli("check", folder / "nsva.txt").stderr


def test_toml_errors_are_translated(tmp_path: Path) -> None:
    folder = _folder(tmp_path)
    (folder / "planlint.toml").write_text('[exempt]\nsysselsättning = "VA har inget uppdrag."\n', encoding="utf-8")
    result = run_cli("check", folder / "nsva.txt")
    assert result.exit_code == 2
    assert "rad 2, kolumn 8" in result.stderr and "citattecken" in result.stderr
    (folder / "planlint.toml").write_text("fail-on = warning\n", encoding="utf-8")
    result = run_cli("check", "--lang", "en", folder / "nsva.txt")
    assert "line 1, column 11: the value is invalid: text goes in quotes" in result.stderr
    assert "Invalid value" not in result.stderr
