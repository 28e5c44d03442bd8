"""Senses, references and the vocabulary of real plans: each principle as pack data and as engine behaviour.

The pack's own examples (shown by `planlint explain`) are run here; the other tests take one principle at a
time with paragraphs written for these tests.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from conftest import check_text, concepts_in, run_cli

from planlint.analysis.negation import Negation
from planlint.errors import PackError
from planlint.project.runner import engine_for
from planlint.rulepack.pack import default_pack_dir, load_pack

PACK = load_pack()
EXAMPLES = [(c.id, e) for c in PACK.concepts for e in c.examples]


@pytest.mark.parametrize(("concept", "example"), EXAMPLES, ids=[f"{c}:{e.text[:30]}" for c, e in EXAMPLES])
def test_pack_examples_count_as_stated(concept, example) -> None:
    assert (concept in concepts_in(example.text)) is example.counts


def test_every_concept_has_examples_both_ways() -> None:
    for concept in PACK.concepts:
        assert {e.counts for e in concept.examples} == {True, False}, concept.id
        assert all(e.why for e in concept.examples if not e.counts), concept.id


def test_explain_shows_the_examples_with_reasons() -> None:
    result = run_cli("explain", "trygghet")
    text = " ".join(result.output.split())
    assert "Exempel som inte räknas:" in text
    assert "En trygg och stabil ekonomi ger utrymme" in text and "(Trygg om ekonomin är inte trygghet.)" in text
    english = " ".join(run_cli("explain", "trygghet", "--lang", "en").output.split())
    assert "Examples that do not count:" in english and "(Secure finances are not safety.)" in english


# Senses: a sense is a window of words around the term, in its clause.
def test_sense_window_stops_at_a_clause_break() -> None:
    assert concepts_in("Barnen ska känna sig trygga i skolan, och ekonomin ska vara i balans.") == {"trygghet"}
    assert concepts_in("Förvaltningen har en trygg ekonomi.") == set()
    assert concepts_in("Inköpen hanteras på ett effektivt och tryggt sätt.") == set()


def test_a_piece_of_work_is_not_a_job() -> None:
    assert concepts_in("Vi har inlett ett arbete med att ta fram nya riktlinjer.") == set()
    assert "sysselsattning" in concepts_in("Målet är att deltagarna ska få ett arbete inom ett år.")


def test_staff_matters_are_not_the_concepts() -> None:
    assert concepts_in("Arbetsmiljöfrågor hanteras i samverkan med de fackliga organisationerna.") == set()
    assert concepts_in("Som arbetsgivare erbjuder vi anställning med goda villkor.") == set()


def test_introducing_technology_is_innovation_but_the_preposition_is_not() -> None:
    assert "innovation" in concepts_in("Under året inför vi en app för felanmälan.")
    assert "innovation" in concepts_in("En digital plattform för medborgarförslag införs.")
    assert concepts_in("Inför sommaren uppdateras de digitala kanalerna.") == set()


def test_joint_work_without_the_word_samverkan() -> None:
    assert "samspel" in concepts_in("Vi bygger parken ihop med föreningarna i området.")
    assert concepts_in("Planen hänger ihop med stadens styrning.") == set()
    assert concepts_in("Ansvar: Fritid och mötesplatser.") == set()


def test_readiness_counts_only_beside_a_crisis() -> None:
    assert "trygghet" in concepts_in("Räddningstjänsten stärker sin beredskap inför översvämningar och skyfall.")
    assert "trygghet" not in concepts_in("Vi har god planberedskap för 800 nya bostäder per år.")
    assert "trygghet" not in concepts_in("Skolan har beredskap att ta emot fler elever i höst.")


def test_climate_compounds_of_other_kinds_do_not_count() -> None:
    assert concepts_in("Näringslivsklimatet och samtalsklimatet har förbättrats.") == set()
    assert concepts_in("Klimatförändringarna ger fler skyfall som staden måste hantera.") == set()
    assert "klimatneutralitet-2030" in concepts_in("Vi ställer klimatkrav när vi köper in fordon.")


# References: a title is short, headed by a document, programme, room or project noun, and has no verb.
def test_a_title_refers_but_a_sentence_about_it_works() -> None:
    assert concepts_in("Program för trygghet och säkerhet,") == set()
    assert "trygghet" in concepts_in("Planen för trygghet togs fram utan medverkan av polisen.")
    assert concepts_in("Innovationsrummet") == set()
    assert "trygghet" in concepts_in("Programmet för trygghet och säkerhet revideras under året.")
    assert "trygghet" in concepts_in("Vi genomför programmet för trygghet i alla stadsdelar.")


# Negation: privative "utan".
def test_privative_utan_negates_to_the_end_of_its_clause() -> None:
    negation = Negation(PACK.language)
    words = "projektet genomfördes utan samverkan med andra , men med stöd av regionen".split()
    assert negation.negated_clauses(words) == [(3, 6)]
    contrastive = "vi gör det inte ensamma , utan i samverkan med andra".split()
    assert all(not (a <= 8 < b) for a, b in negation.negated_clauses(contrastive))


def test_not_only_but_also_is_no_negation() -> None:
    assert "sysselsattning" in concepts_in("Det gäller inte bara antalet sjuka, utan även ökningen av arbetslösa.")


def test_privative_negation_is_reported_as_negated() -> None:
    samspel = check_text("Planen togs fram utan dialog med invånarna.").concept("samspel")
    assert samspel.evidence and all(e.negated for e in samspel.evidence)


# History: the old målbild in the past tense is history, not a stale goal.
def test_past_tense_makes_the_old_malbild_history() -> None:
    history = check_text("Sensorerna prövades i samband med H22 och används i dag i fyrtio byggnader.")
    assert not [f for f in history.findings if f.rule == "inaktuell-malbild"]
    current = check_text("Vi arbetar i linje med H22 och stadens mål att bli Europas mest innovativa stad.")
    assert [f.rule for f in current.findings if f.rule == "inaktuell-malbild"] == ["inaktuell-malbild"]


# Vocabulary of real plans: indicator names and ordinary wording.
@pytest.mark.parametrize(
    ("text", "concept"),
    [
        ("Antal anmälda inbrott per 1 000 invånare ska minska.", "trygghet"),
        ("Andelen elever som utsatts för kränkande behandling ska minska.", "trygghet"),
        ("Andelen unga som varken arbetar eller studerar ska halveras.", "sysselsattning"),
        ("Fler ska gå från försörjningsstöd till egen försörjning.", "sysselsattning"),
        ("Gemensamt med fastighetsägarna tar vi fram en plan för belysning.", "samspel"),
        ("Vi har ett idéburet offentligt partnerskap med Stadsmissionen.", "samspel"),
        ("Den psykiska ohälsan bland unga ska minska genom tidiga insatser.", "livskvalitet"),
        ("Tjänsteresor med flyg ersätts med tåg och resfria möten.", "klimatneutralitet-2030"),
        ("Vi installerar solceller på alla nya förskolor.", "klimatneutralitet-2030"),
        ("Digitaliseringen av servicen fortsätter med digitala tjänster i kontaktcenter.", "innovation"),
    ],
)
def test_words_of_real_plans(text: str, concept: str) -> None:
    assert concept in concepts_in(text)


# Typos: dropped, doubled or swapped letters in long words, when unambiguous and not a word of its own.
def test_typos_are_corrected_only_when_unambiguous() -> None:
    index = engine_for(None).index
    assert index.meant("sammverkan") == "samverkan"  # doubled
    assert index.meant("växthusgaer") == "växthusgaser"  # dropped
    assert index.meant("samverkna") == "samverkan"  # swapped
    assert index.meant("tryghetsvandringar") == "trygghetsvandringar"  # in the first part of a compound
    assert index.meant("samverka") is None  # a form of the vocabulary is not a typo
    assert concepts_in("Inflyttande i de nya bostäderna sker i maj.") == set()  # a word of its own
    assert concepts_in("Kräkningar och magsjuka sprids på förskolorna.") == set()


def test_dropped_letters_are_found_as_the_table_of_every_such_typo_lists_them() -> None:
    """The halves index a check uses finds for every string the words the full table (typo_keys' list) gives:
    the pack's typos, and strings a letter or two away from its words that are no such typo."""
    from planlint.analysis.matching import _dropped_table, _DroppedLetter

    index = engine_for(None).index
    for words, last in ((list(index._exact), True), (list(index._first), False)):
        table, halves = _dropped_table(words, last), _DroppedLetter(words, last)
        probes = set(table)
        for word in words:
            for i in range(len(word)):
                probes |= {word[:i] + word[i + 2 :], word[:i] + "e" + word[i:], word[:i] + word[i + 1 :] + "s"}
        assert len(table) > 3000 and len(probes) > 2 * len(table)
        assert [p for p in sorted(probes) if halves.words(p) != set(table.get(p, ()))] == []


def test_without_lookalikes_no_typo_is_corrected(tmp_path: Path) -> None:
    target = tmp_path / "pack"
    shutil.copytree(default_pack_dir(), target)
    lexicon = target / "lexicon.json"
    lexicon.write_text(lexicon.read_text(encoding="utf-8").replace('"#lookalikes"', '"#unused"'), encoding="utf-8")
    result = run_cli("check", "--rules", target, "--format", "json", _plan(tmp_path, "Sammverkan ska öka."))
    assert '"samspel"' in result.output and '"status": "saknas"' in _concept_json(result.output, "samspel")


def test_a_sense_without_context_names_file_and_field(tmp_path: Path) -> None:
    target = tmp_path / "pack"
    shutil.copytree(default_pack_dir(), target)
    path = target / "concepts" / "sysselsattning.yaml"
    text = path.read_text(encoding="utf-8")
    start = text.index("    before: [meningsfull*")
    end = text.index("    within: 3", start)
    path.write_text(text[:start] + text[end:], encoding="utf-8")
    with pytest.raises(PackError) as error:
        load_pack(target)
    assert "sysselsattning.yaml" in str(error.value) and "senses[0].before" in str(error.value)


def _plan(tmp_path: Path, text: str) -> Path:
    plan = tmp_path / "plan.txt"
    plan.write_text(text + "\n", encoding="utf-8")
    return plan


def _concept_json(output: str, concept: str) -> str:
    import json

    (entry,) = json.loads(output)["files"]
    return json.dumps(next(c for c in entry["concepts"] if c["id"] == concept))


def test_word_globs_match_as_their_regular_expressions() -> None:
    """A beginning or an ending glob is tested without its regular expression, and takes the same words."""
    import re

    from planlint.analysis.phrases import GlobList, WordSet, glob_regex

    patterns = ["trygg*", "*nämnd", "*", "*förvaltning*", "20??", "tid*s*", "a*\nb", "x\n*", "*\ny"]
    words = ["trygg", "tryggheten", "otrygg", "nämnd", "kulturnämnd", "nämnden", "", "2026", "20266", "tidens"]
    words += ["trygg\nhet", "kultur\nnämnd", "a\nb", "a\nxb", "x\n", "x\nyz", "\ny", "q\ny", "förvaltningen"]
    for pattern in patterns:
        for word in words:
            expected = re.match(glob_regex(pattern), word) is not None
            assert (word in WordSet([pattern])) is expected, (pattern, word)
            assert GlobList([(pattern, 1)]).matches(word) == ([1] if expected else []), (pattern, word)
    both = WordSet(patterns[:3] + ["ord"])
    assert both.count_in(["trygghet", "nämnd", "ord", "ord", "x\ny"]) == 3 and not WordSet(["trygg*"]).any_in(["x"])
