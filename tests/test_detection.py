"""Concept detection on paragraphs written for these tests, one trap or sense at a time (GUIDELINES.md)."""

from __future__ import annotations

import pytest
from conftest import check_text, concepts_in

from planlint.result import Status

CASES = [
    # innovation
    (
        "Vi startar en pilot med digitala nycklar till föreningslokalerna och utvärderar den efter ett halvår.",
        {"innovation"},
    ),
    ("Förvaltningen har inte prioriterat innovationsarbete under året.", set()),
    ("Vi utvecklar rutinerna för ekonomisk uppföljning och tar fram nya mallar.", set()),
    ("Utvecklings- och innovationsarbetet samlas i ett gemensamt program för hela förvaltningen.", {"innovation"}),
    # samspel
    ("Insatsen genomförs i samverkan med Region Skåne och civilsamhällets organisationer.", {"samspel"}),
    ("Vi saknar i dag ett fungerande samarbete med näringslivet.", set()),
    ("Verksamheten vänder sig till barn, unga, föreningar och företag.", set()),
    ("Avgiften för samverkansavtalet uppgår till 0,4 mnkr per år.", set()),
    ("Brukarmedverkan är en självklar del av hur vi utvecklar omsorgen.", {"samspel"}),
    # livskvalitet
    ("Parkerna ska ge alla invånare en god livsmiljö med plats för lek, vila och möten.", {"livskvalitet"}),
    ("Personalens välmående följs upp i medarbetarenkäten och sjukfrånvaron ska minska.", set()),
    ("Kvaliteten i handläggningen ska höjas genom fler stickprov.", set()),
    # tidshorisont
    ("Senast 2027 ska alla elever ha tillgång till en egen lärplattform.", {"tidshorisont-2027"}),
    ("Ramen för 2027 är preliminär och uppgår till 52 mnkr.", set()),
    ("Helsingborg ska 2027 vara en av Sveriges bästa skolkommuner.", {"tidshorisont-2027"}),
    ("Nästa revision av planen görs vid nämndens möte den 12 mars 2027.", set()),
    # trygghet
    ("Fler ordningsvakter och bättre belysning ska minska otryggheten kring stationen.", {"trygghet"}),
    ("Informationssäkerheten stärks genom nya behörighetsrutiner i alla system.", set()),
    ("Vi är säkra på att den nya organisationen blir bättre.", set()),
    ("Trygghetslarmen i hemtjänsten byts ut under våren.", set()),
    ("Den ekonomiska tryggheten för förvaltningen beror på statsbidragen.", set()),
    # sysselsättning
    ("Genom feriejobb och praktikplatser får fler unga sin första kontakt med arbetslivet.", {"sysselsattning"}),
    ("Vårt arbete med att förbättra arkivet fortsätter under året.", set()),
    ("Kompetensförsörjningen säkras genom att vi rekryterar fler sjuksköterskor till förvaltningen.", set()),
    (
        "Arbetslösheten bland unga vuxna ska minska, och fler ska gå vidare till arbete eller studier.",
        {"sysselsattning"},
    ),
    # klimatneutralitet
    (
        "Vi byter till fossilfria drivmedel och minskar utsläppen av växthusgaser från våra transporter.",
        {"klimatneutralitet-2030"},
    ),
    ("Skyfallsplanen visar var vatten kan ledas undan vid kraftiga regn.", set()),
    ("Företagsklimatet i Helsingborg har förbättrats enligt Svenskt Näringslivs ranking.", set()),
    ("Reningsverket ska minska utsläppen av kväve och fosfor till Öresund.", set()),
    ("Verksamheten ska vara långsiktigt hållbar och ha en ekonomi i balans.", set()),
]


@pytest.mark.parametrize(("text", "expected"), CASES, ids=[c[0][:40] for c in CASES])
def test_concepts_of_a_paragraph(text: str, expected: set[str]) -> None:
    assert concepts_in(text) == expected


def test_negated_evidence_is_reported_as_negated() -> None:
    result = check_text("Förvaltningen har inte prioriterat innovationsarbete under året.")
    evidence = result.concept("innovation").evidence
    assert evidence and all(e.negated for e in evidence)
    assert result.concept("innovation").status is Status.SAKNAS


def test_depth_from_text_and_sections() -> None:
    mention = check_text("Trygghet är viktigt för oss.")
    assert mention.concept("trygghet").status is Status.NAMND
    goal = check_text("Vi ska genomföra trygghetsvandringar i alla stadsdelar.")
    assert goal.concept("trygghet").status is Status.KONKRETISERAD
    indicator = check_text("Andelen besökare som känner sig trygga ska öka från 70 % till 80 %.")
    assert indicator.concept("trygghet").status is Status.UPPFOLJD


def test_introduction_only_mentions() -> None:
    result = check_text("Vi ska bidra till att Helsingborg blir klimatneutralt 2030.", headings=("Inledning",))
    best = result.concept("klimatneutralitet-2030").best
    assert best is not None and best.status is Status.NAMND


def test_goal_section_makes_concrete() -> None:
    result = check_text("Trygga mötesplatser för unga i alla stadsdelar.", headings=("Verksamhetsmål",))
    assert result.concept("trygghet").status is Status.KONKRETISERAD


def test_evidence_quotes_the_sentence_with_offsets() -> None:
    text = "Budgeten är oförändrad. Vi genomför trygghetsvandringar med polisen. Lokalerna renoveras."
    result = check_text(text)
    evidence = result.concept("trygghet").best
    assert evidence.sentence == "Vi genomför trygghetsvandringar med polisen."
    assert text[evidence.start : evidence.end] == evidence.sentence
    assert "trygghetsvandringar" in evidence.terms


def test_contrastive_negation_keeps_the_subject() -> None:
    assert "livskvalitet" in concepts_in(
        "Jämlika livschanser är inte något vi når med en enskild insats, utan genom hela verksamheten."
    )
    assert concepts_in("Vi har inte startat något samarbete med föreningarna, utan väntar på beslut.") == set()


def test_a_year_is_not_a_target_value() -> None:
    result = check_text("Planen för 2026 beskriver våra mål och indikatorer för innovation.")
    assert result.concept("innovation").status is Status.KONKRETISERAD


def test_economy_section_only_mentions() -> None:
    result = check_text("Intäkterna från partnerskap med föreningar ska öka med 3 mnkr.", headings=("Ekonomi",))
    assert result.concept("samspel").status is Status.NAMND


def test_hedged_evidence_only_mentions() -> None:
    result = check_text("Om medel finns ska vi genomföra trygghetsvandringar i alla stadsdelar.")
    best = result.concept("trygghet").best
    assert best is not None and best.hedged and best.status is Status.NAMND


def test_suspended_compound_counts_for_its_first_part() -> None:
    result = check_text("Förvaltningen tar fram en ny klimat- och energiplan för verksamheten.")
    assert "klimat-" in result.concept("klimatneutralitet-2030").best.terms
