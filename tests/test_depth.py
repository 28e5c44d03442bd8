"""A part's status comes from the plan's own commitments (GUIDELINES "Depth"), and every report says why.

Whole plans in house styles of their own (tests/fixtures/depth/, statuses by a careful reading in expected.json)
and one test per principle: restating the framework, context sections, aspirations, measures and their values,
table rows read as units, and the reason in each report.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import docx
import pytest
from conftest import check_text, run_cli

from planlint.document.model import BlockKind, DocumentBuilder, Location
from planlint.document.reader import read_plan
from planlint.project.runner import engine_for
from planlint.result import Status

DEPTH = Path(__file__).resolve().parent / "fixtures" / "depth"
EXPECTED = json.loads((DEPTH / "expected.json").read_text(encoding="utf-8"))
STATUS = {s.key: s for s in Status}


def check_plan(name: str):
    return engine_for(None).check(read_plan(DEPTH / name))


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_plan_statuses_as_a_careful_reader_sees_them(name: str) -> None:
    result = check_plan(name)
    got = {c.concept_id: c.status.key for c in result.concepts}
    assert got == EXPECTED[name]["concepts"]


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_plan_reasons_name_what_is_missing(name: str) -> None:
    result = check_plan(name)
    for concept, (key, detail) in EXPECTED[name]["reasons"].items():
        reason = result.concept(concept).reason
        assert (reason.key, reason.detail) == (key, detail), concept


def status_of(result, concept: str) -> Status:
    return result.concept(concept).status


# --- restating the framework -------------------------------------------------------------------------------


@pytest.mark.parametrize("headings", [(), ("Verksamhetsmål",), ("Aktiviteter 2026",)])
def test_restating_the_framework_is_context_wherever_it_stands(headings) -> None:
    result = check_text(
        "Stadens målbild 2027 vilar på innovation, samspel och livskvalitet på vägen mot Vision Helsingborg 2035.",
        "Kommunfullmäktige har beslutat om inriktningarna trygghet, sysselsättning och klimatneutralitet 2030.",
        headings=headings,
    )
    for concept in ("innovation", "samspel", "livskvalitet", "trygghet", "sysselsattning"):
        assert status_of(result, concept) is Status.NAMND, concept
        assert result.concept(concept).reason.key == "framework"


def test_the_plans_own_activity_beside_the_malbild_counts() -> None:
    own = check_text("För att bidra till målbilden inför vi trygghetsvandringar i alla stadsdelar under 2026.")
    assert status_of(own, "trygghet") is Status.KONKRETISERAD
    city = check_text("Kommunfullmäktiges inriktningar ska styra stadens insatser för trygghet.")
    assert status_of(city, "trygghet") is Status.NAMND


def test_a_measured_commitment_beside_the_malbild_counts() -> None:
    result = check_text("För att nå målbilden ska andelen trygga besökare öka från 70 % till 80 % till 2027.")
    assert status_of(result, "trygghet") is Status.UPPFOLJD


# --- context sections --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "heading",
    [
        "Förord",
        "VD har ordet",
        "Förvaltningsdirektören har ordet",
        "Inledning",
        "Sammanfattning",
        "Bakgrund",
        "Uppdrag",
        "Verksamhetsbeskrivning",
        "Omvärldsanalys",
        "Utmaningar",
        "Ekonomi",
        "Medarbetare",
        "Risker",
        "Intern kontroll",
    ],
)
def test_context_sections_only_mention(heading: str) -> None:
    result = check_text("Under 2026 inför vi trygghetsvandringar i alla stadsdelar.", headings=(heading,))
    assert status_of(result, "trygghet") is Status.NAMND
    reason = result.concept("trygghet").reason
    assert reason.key in ("foreword", "context") and reason.detail == heading


def test_assignments_are_activities_but_the_mission_is_context() -> None:
    text = "Nämnden har fått i uppdrag att ta fram en handlingsplan mot våld i nära relationer."
    assert status_of(check_text(text, headings=("Uppdrag från kommunfullmäktige",)), "trygghet") is Status.KONKRETISERAD
    assert status_of(check_text(text, headings=("Uppdrag och organisation",)), "trygghet") is Status.NAMND


def test_a_measured_commitment_counts_in_a_foreword() -> None:
    result = check_text(
        "Vi ska minska förvaltningens utsläpp av växthusgaser med 50 procent till 2027.", headings=("VD har ordet",)
    )
    assert status_of(result, "klimatneutralitet-2030") is Status.UPPFOLJD


def test_a_statistic_of_today_in_the_world_section_is_context() -> None:
    result = check_text("Enkäten visar att 84 procent av eleverna känner sig trygga i skolan.", headings=("Omvärld",))
    assert status_of(result, "trygghet") is Status.NAMND


# --- commitments -------------------------------------------------------------------------------------------


def test_an_aspiration_under_a_goal_heading_is_still_mentioned() -> None:
    for text in ("Vi vill bidra till stadens klimatarbete där vi kan.", "Vi vill att alla ska känna sig trygga."):
        result = check_text(text, headings=("Mål 2026",))
        concept = next(c for c in result.concepts if c.evidence)
        assert concept.status is Status.NAMND and concept.reason.key == "aspiration", text


def test_a_wish_with_a_concrete_activity_is_a_commitment() -> None:
    result = check_text("Vi vill införa trygghetsvandringar i alla stadsdelar under 2026.")
    assert status_of(result, "trygghet") is Status.KONKRETISERAD


def test_a_description_under_a_goal_heading_is_mentioned() -> None:
    result = check_text("Digitaliseringen förändrar hur invånarna söker bygglov.", headings=("Mål", "Innovation"))
    assert status_of(result, "innovation") is Status.NAMND


def test_an_item_listed_under_a_goal_heading_is_a_goal() -> None:
    builder = DocumentBuilder(Path("plan.md"), "md", 100)
    builder.heading("Nämndmål", 1, Location(line=1))
    builder.add(BlockKind.LIST_ITEM, "Alla barn är trygga i förskolan.", Location(line=3))
    result = engine_for(None).check(builder.finish())
    assert status_of(result, "trygghet") is Status.KONKRETISERAD


def test_a_topic_heading_alone_is_mentioned() -> None:
    builder = DocumentBuilder(Path("plan.txt"), "txt", 100)
    builder.heading("Mål", 1, Location(line=1))
    builder.heading("Trygghet", 2, Location(line=3))
    builder.add(BlockKind.PARAGRAPH, "Budgeten är oförändrad.", Location(line=5))
    result = engine_for(None).check(builder.finish())
    assert status_of(result, "trygghet") is Status.NAMND
    assert result.concept("trygghet").reason.key == "topic_heading"


# --- measures ----------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("Tryggheten i parkerna ska öka.", "direction_only"),
        ("Mål 3: Tryggheten i parkerna ska öka.", "direction_only"),
        ("Vi genomför trygghetsvandringar i parkerna senast 2027.", "no_measure"),
        ("Vi genomför trygghetsvandringar. Indikatorer tas fram under året.", "not_developed"),
        ("Vi genomför trygghetsvandringar. Indikatorn är ny och målvärdet tas fram under 2026.", "no_target"),
        ("Vi genomför trygghetsvandringar för 3 mnkr under 2026.", "no_measure"),
        ("Tryggheten i parkerna ska öka. Utfall 2024: 71 %.", "direction_only"),
    ],
)
def test_no_value_no_follow_up(text: str, reason: str) -> None:
    result = check_text(text, headings=("Verksamhetsmål",))
    assert status_of(result, "trygghet") is Status.KONKRETISERAD
    assert result.concept("trygghet").reason.key == reason


@pytest.mark.parametrize(
    "text",
    [
        "Andelen besökare som känner sig trygga ska öka från 70 % till 80 % till 2027.",
        "Indikator: andel besökare som känner sig trygga. Utfall 2024: 71 %. Målvärde 2027: minst 80 %.",
        "Vi genomför trygghetsvandringar, och antalet ska vara minst tolv per år.",
    ],
)
def test_a_target_value_follows_up(text: str) -> None:
    assert status_of(check_text(text), "trygghet") is Status.UPPFOLJD


def test_a_target_of_another_part_in_the_paragraph_does_not_follow_up() -> None:
    result = check_text(
        "Vi genomför trygghetsvandringar. Antalet föreningar vi samverkar med ska öka från 4 till 8 till 2027."
    )
    assert status_of(result, "trygghet") is Status.KONKRETISERAD


def goal_plan(goal: str, *paragraphs: str):
    builder = DocumentBuilder(Path("plan.txt"), "txt", 100)
    builder.heading("Mål 2026", 1, Location(line=1))
    builder.heading(goal, 2, Location(line=3))
    for i, text in enumerate(paragraphs):
        builder.add(BlockKind.PARAGRAPH, text, Location(line=5 + 2 * i))
    builder.heading("Ekonomi", 1, Location(line=20))
    builder.add(BlockKind.PARAGRAPH, "Antalet besökare ska öka från 400 till 500 per dag.", Location(line=22))
    return engine_for(None).check(builder.finish())


def test_a_goal_heading_is_followed_up_by_a_measure_under_it() -> None:
    goal = "Mål 1: Fler helsingborgare ska ta del av kultur som ger livskvalitet"
    measured = goal_plan(
        goal, "Indikator: andel invånare som besökt biblioteket. Utfall 2024: 48 %. Målvärde 2026: 55 %."
    )
    assert status_of(measured, "livskvalitet") is Status.UPPFOLJD
    other = goal_plan(goal, "Andelen föreningar vi samverkar med ska öka från 40 % till 60 % till 2027.")
    assert status_of(other, "livskvalitet") is Status.KONKRETISERAD
    elsewhere = goal_plan(goal, "Vi erbjuder fler kvällsöppna bibliotek.")
    assert status_of(elsewhere, "livskvalitet") is Status.KONKRETISERAD


# --- tables ------------------------------------------------------------------------------------------------


def table_plan(rows: list[list[str]], heading: str = "Nämndmål och indikatorer"):
    builder = DocumentBuilder(Path("plan.md"), "md", 1000)
    builder.heading(heading, 1, Location(line=1))
    for r, row in enumerate(rows, 1):
        for c, text in enumerate(row, 1):
            builder.add(BlockKind.TABLE_CELL, text, Location(line=2 + r, table=1, row=r, column=c))
    return engine_for(None).check(builder.finish())


HEADER = ["Nämndmål", "Indikator", "Utfall 2024", "Målvärde 2026", "Målvärde 2027", "Aktiviteter", "Status"]


def test_a_row_with_its_own_target_value_is_followed_up() -> None:
    result = table_plan(
        [
            HEADER,
            ["Tryggheten i parkerna ska öka", "Andel trygga besökare", "71 %", "75 %", "80 %", "Vandringar", "Pågår"],
        ]
    )
    assert status_of(result, "trygghet") is Status.UPPFOLJD
    assert status_of(result, "tidshorisont-2027") is Status.UPPFOLJD


def test_a_row_is_judged_alone_not_with_the_header_or_other_rows() -> None:
    result = table_plan(
        [
            HEADER,
            ["Samverkan med föreningar ska öka", "Tas fram under 2026", "–", "–", "", "Gemensamma lovdagar", "Pågår"],
            ["Fler elever ska klara kunskapskraven", "Andel behöriga", "82 %", "85 %", "88 %", "Läxhjälp", "Pågår"],
        ]
    )
    assert status_of(result, "samspel") is Status.KONKRETISERAD
    assert result.concept("samspel").reason.key == "not_developed"
    assert result.concept("samspel").reason.detail == "Tas fram under 2026"


def test_a_header_cell_alone_is_not_a_target() -> None:
    result = table_plan([HEADER, ["Trygga parker", "Andel trygga besökare", "71 %", "–", "", "Vandringar", "Pågår"]])
    assert status_of(result, "tidshorisont-2027") is Status.NAMND
    assert result.concept("tidshorisont-2027").reason.key == "header_only"
    assert status_of(result, "trygghet") is Status.KONKRETISERAD
    assert result.concept("trygghet").reason.key == "no_target"


def test_a_table_of_todays_figures_in_the_world_section_is_context() -> None:
    result = table_plan([["Indikator", "Utfall 2023", "Utfall 2024"], ["Andel trygga", "70 %", "71 %"]], "Omvärld")
    assert status_of(result, "trygghet") is Status.NAMND


# --- the reason in every report ----------------------------------------------------------------------------

STADSBYGGNAD = DEPTH / "stadsbyggnad_vp2026.md"


def test_text_report_says_why_in_swedish_and_english() -> None:
    sv = " ".join(run_cli(STADSBYGGNAD).output.split())
    assert "↳ inte uppföljd: indikatorn är inte framtagen (Tas fram)" in sv
    assert "inte konkretiserad: återger de övergripande målen, inget eget åtagande" in sv
    en = " ".join(run_cli("--lang", "en", STADSBYGGNAD).output.split())
    assert "not followed up: the indicator has not been worked out (Tas fram)" in en


def test_json_report_has_why_per_concept() -> None:
    report = json.loads(run_cli("check", "--format", "json", STADSBYGGNAD).output)
    why = {c["id"]: c["why"] for c in report["files"][0]["concepts"]}
    assert why["trygghet"]["next"] == "uppfoljd"
    assert (why["trygghet"]["reason"], why["trygghet"]["detail"]) == ("not_developed", "Tas fram")
    assert why["trygghet"]["evidence"]["text"] == "Trygga offentliga miljöer i nya detaljplaner"
    assert why["livskvalitet"]["text"] == "inte konkretiserad: återger de övergripande målen, inget eget åtagande"


def test_html_report_says_why(tmp_path: Path) -> None:
    target = tmp_path / "rapport.html"
    assert run_cli("report", STADSBYGGNAD, "-o", target).exit_code in (0, 1)
    page = target.read_text(encoding="utf-8")
    assert "indikatorn är inte framtagen (Tas fram)" in page
    assert "återger de övergripande målen, inget eget åtagande" in page


def test_word_comments_say_why(tmp_path: Path) -> None:
    plan = tmp_path / "plan.docx"
    shutil.copy(DEPTH / "hamnbolaget_affarsplan_2026.docx", plan)
    assert run_cli("annotate", plan).exit_code == 0
    texts = " ".join(" ".join(c.text.split()) for c in docx.Document(str(tmp_path / "plan-granskad.docx")).comments)
    assert "inte uppföljd: inget målvärde (Målnivå 2027: Tas fram)" in texts
    assert "står under »Omvärld«: beskriver läget, inget åtagande" in texts


# --- the rules' examples, one per principle (as `planlint explain` shows them) -----------------------------

PACK_EXAMPLES = [(rule, example) for rule in engine_for(None).pack.rules for example in rule.examples]


@pytest.mark.parametrize(
    ("rule", "example"), PACK_EXAMPLES, ids=[f"{r.id}-{e.concept}-{e.text[:30]}" for r, e in PACK_EXAMPLES]
)
def test_rule_examples_pass_or_fail_as_stated(rule, example) -> None:
    result = check_text(example.text, headings=example.headings)
    fired = [f for f in result.findings if f.rule == rule.id and f.concept == example.concept]
    assert (not fired) is example.passes
    if example.reason is not None:
        assert result.concept(example.concept).reason.key == example.reason


def test_depth_rules_have_examples_both_ways() -> None:
    for rule_id in ("konkretisering", "uppfoljning"):
        rule = next(r for r in engine_for(None).pack.rules if r.id == rule_id)
        assert {e.passes for e in rule.examples} == {True, False}
        shown = " ".join(run_cli("explain", rule_id).output.split())
        assert all(e.text in shown for e in rule.examples)
