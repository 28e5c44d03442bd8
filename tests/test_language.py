"""Swedish processing: segmentation, compiled inflected forms, and the language check."""

from __future__ import annotations

from pathlib import Path

from planlint.analysis.tokens import segment
from planlint.document.language import guess_language
from planlint.rulepack.lexicon import compile_forms, load_forms


def test_sentences_keep_abbreviations_and_offsets() -> None:
    text = "Vi testar bl.a. nya arbetssätt, t.ex. digitala lås. Nästa mening börjar här!"
    (sentences,) = segment([text])
    assert [s.text for s in sentences] == [
        "Vi testar bl.a. nya arbetssätt, t.ex. digitala lås.",
        "Nästa mening börjar här!",
    ]
    assert all(text[s.start : s.end] == s.text for s in sentences)
    assert "bl.a." in sentences[0].words and "klimat-" in next(segment(["klimat- och energiplan"]))[0].words


def test_shipped_lexicon_has_inflections() -> None:
    from planlint.rulepack.pack import load_pack

    pack = load_pack()
    forms = load_forms(pack.root, pack.lemmas)
    assert {"tryggheten", "trygghetens"} <= forms["trygghet"]
    assert {"innovationer", "innovationerna"} <= forms["innovation"]


def test_missing_lemmas_are_compiled_and_cached(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    pack_root = tmp_path / "pack"
    pack_root.mkdir()
    forms = load_forms(pack_root, frozenset({"gatuljus"}))
    assert "gatuljuset" in forms["gatuljus"]
    assert list((tmp_path / "cache" / "planlint").glob("lexicon-*.json"))


def test_fallback_endings_without_a_dictionary() -> None:
    forms = compile_forms(["zzyxbibliotek"])["zzyxbibliotek"]
    assert {"zzyxbibliotek", "zzyxbiblioteket", "zzyxbiblioteken"} <= set(forms)


def test_guess_language() -> None:
    assert guess_language("Förvaltningen ska öka tryggheten och vi samverkar med föreningar i staden.")[0] == "sv"
    assert guess_language("The department will increase safety and we work with the associations.")[0] == "en"
