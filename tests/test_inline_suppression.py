"""Suppression written in the plan by its writer: Word comments and Markdown HTML comments, with a reason."""

from __future__ import annotations

import json
from pathlib import Path

import docx
from conftest import EXAMPLE_DOCX, run_cli

TRYGGHET = "Våra bibliotek, fritidsgårdar och idrottsplatser ska också vara trygga mötesplatser"
REASON = "trygghetsarbetet konkretiseras i nämndens egen trygghetsplan"


def _commented(tmp_path: Path, text: str, starts: str | None = TRYGGHET, author: str = "Anna Andersson") -> Path:
    """The example plan with one Word comment on the paragraph starting with `starts` (None: the title)."""
    plan = docx.Document(str(EXAMPLE_DOCX))
    paragraphs = [p for p in plan.paragraphs if p.text.strip()]
    paragraph = paragraphs[0] if starts is None else next(p for p in paragraphs if p.text.startswith(starts))
    plan.add_comment(paragraph.runs, text=text, author=author)
    path = tmp_path / "plan.docx"
    plan.save(str(path))
    return path


def _findings(*args) -> tuple[dict, int]:
    result = run_cli("check", "--format", "json", *args)
    entry = json.loads(result.stdout)["files"][0]
    return entry, result.exit_code


def test_word_comment_on_a_paragraph_suppresses_that_finding_with_its_reason(tmp_path: Path) -> None:
    plan = _commented(tmp_path, f"planlint: ignorera konkretisering – {REASON}")
    entry, _ = _findings(plan)
    by_concept = {(f["rule"], f["concept"]): f["suppressed"] for f in entry["findings"]}
    assert by_concept[("konkretisering", "trygghet")] == REASON
    assert by_concept[("konkretisering", "klimatneutralitet-2030")] is None  # its evidence is elsewhere
    text = run_cli("check", plan).stdout
    to_fix, exempt = text.split("Att åtgärda", 1)[1].split("Undantaget (räknas inte)")
    assert "Trygghet nämns" not in to_fix and "Trygghet nämns" in exempt and REASON in exempt


def test_word_comment_on_the_title_covers_the_whole_plan_and_exempts_a_concept(tmp_path: Path) -> None:
    plan = _commented(
        tmp_path, "planlint: ignorera sysselsättning – förvaltningen har inget arbetsmarknadsuppdrag", None
    )
    entry, code = _findings(plan)
    concept = next(c for c in entry["concepts"] if c["id"] == "sysselsattning")
    assert concept["exempt"] == "förvaltningen har inget arbetsmarknadsuppdrag"
    assert code == 0  # the only error-level finding is suppressed
    assert entry["score"] == 80  # the exempt part leaves the mean: (4×100 + 2×40) / 6


def test_planlints_own_comments_and_other_comments_are_not_suppressions(tmp_path: Path) -> None:
    plan = _commented(tmp_path, f"planlint: ignorera konkretisering – {REASON}", author="planlint")
    entry, _ = _findings(plan)
    assert all(f["suppressed"] is None for f in entry["findings"])


def test_no_inline_suppression_reports_it_anyway(tmp_path: Path) -> None:
    plan = _commented(tmp_path, f"planlint: ignorera konkretisering – {REASON}")
    entry, _ = _findings("--no-inline-suppression", plan)
    assert all(f["suppressed"] is None for f in entry["findings"])


def test_a_suppression_without_reason_or_with_an_unknown_name_is_an_input_error(tmp_path: Path) -> None:
    plan = _commented(tmp_path, "planlint: ignorera konkretisering")
    result = run_cli("check", plan)
    assert result.exit_code == 2 and "saknar skäl" in result.stderr and "Traceback" not in result.stderr
    (tmp_path / "plan.docx").unlink()
    plan = _commented(tmp_path, f"planlint: ignorera konkretisiering – {REASON}")
    result = run_cli("check", "--lang", "en", plan)
    assert result.exit_code == 2 and "Did you mean 'konkretisering'?" in result.stderr


def test_markdown_html_comment_covers_the_next_block_or_the_whole_plan(tmp_path: Path) -> None:
    plan = tmp_path / "plan.md"
    plan.write_text(
        "<!-- planlint: ignorera vision-koppling – visionen finns i stadens gemensamma miljöprogram -->\n"
        "# Verksamhetsplan 2026\n\n"
        "Vi bidrar till målbild 2027 genom att minska utsläppen.\n\n"
        "<!-- planlint: ignore trygghet, uppfoljning: the safety work is planned in the board's own plan -->\n"
        "Vi ska öka tryggheten i parkerna med ny belysning.\n\n"
        "Vi samverkar med föreningar och testar nya digitala lösningar i en pilot.\n",
        encoding="utf-8",
    )
    entry, _ = _findings("--fail-on", "never", plan)
    suppressed = {(f["rule"], f["concept"]): f["suppressed"] for f in entry["findings"]}
    assert suppressed[("vision-koppling", None)] == "visionen finns i stadens gemensamma miljöprogram"
    assert suppressed[("uppfoljning", "trygghet")] == "the safety work is planned in the board's own plan"
    assert suppressed[("uppfoljning", "samspel")] is None  # not in the commented block
