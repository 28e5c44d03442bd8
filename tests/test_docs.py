"""The rule table in README.md and the kinds table in rules/README.md are generated; they must be current."""

from __future__ import annotations

from pathlib import Path

from planlint.checks import docs
from planlint.rulepack.pack import load_pack


def test_generated_tables_are_current() -> None:
    assert docs.stale() == [], "run: python -m planlint.checks.docs --write"


def test_a_table_is_replaced_between_its_marks_only() -> None:
    text = f"före\n{docs.BEGIN.format(name='x')}\ngammal\n{docs.END.format(name='x')}\nefter\n"
    assert docs.refreshed(text, "x", "| ny |") == (
        f"före\n{docs.BEGIN.format(name='x')}\n| ny |\n{docs.END.format(name='x')}\nefter\n"
    )


def test_the_rule_table_of_another_pack_is_its_own() -> None:
    table = docs.rule_table(load_pack(Path(__file__).parent / "packs" / "exempelby"))
    assert table.splitlines()[2] == "| `bara-namnt` | `coverage` | warning | ett kommunmål bara nämns |"
    assert "| `vision-lank` | `reference` | info | planen inte nämner visionen |" in table
