"""planlint's tokenizer and sentences equal spaCy's Swedish tokenizer and sentencizer, the reference."""

from __future__ import annotations

import json
import re
from functools import cache
from pathlib import Path

import pytest

from planlint.analysis.charclasses import CATEGORY, class_spans, complement
from planlint.analysis.tokenizer import ARTEFACT, Tokenizer
from planlint.analysis.tokenizer_build import compile_rules
from planlint.analysis.tokens import segment
from planlint.document.reader import read_plan

ROOT = Path(__file__).resolve().parent.parent
EVAL = ROOT.parent / "shared" / "eval"
PLANS = [
    ROOT / "examples" / "verksamhetsplan-2026.docx",
    ROOT / "examples" / "verksamhetsplan-2026.pdf",
    *sorted((ROOT / "tests" / "fixtures" / "docx").glob("*.docx")),
    *sorted((ROOT / "tests" / "fixtures" / "pdf").glob("*.pdf")),
]
HARD = [
    "Vi testar bl.a. nya arbetssätt, t.ex. digitala lås (jan./feb. 2026) och (t.ex.) fler.",
    "Se https://helsingborg.se/malbild-2027/, eller info@helsingborg.se. Klart!",
    "Temperaturen 5 °C. i.  Slut.\n) Nästa\u00a0mening... »Citat.« Och: 12,5 %; 3-4 st; klimat- och energiplan.",
    "Glad :) eller ledsen :( – (o:  <3 ... jan. / feb. sep./okt. Ph.d. m/s 100km/h it-stöd.",
    '  Inleds med mellanrum.\tTabb\n\nRad? Ja! Nej!! (Kanske.) "Citat." Nästa.',
    # rare scripts (spaCy's own expressions) beside common text (the rewritten ones), and symbols, emoji, a
    # private-use bullet from a Word symbol font
    "東京の会議（テスト）、決定。한국어 문장! (עברית), «عربي». Ελλάδα/Россия ✓ \uf0b7 Punkt 🙂. ㈱x ﬁn. Slut…",
    "Mål:漢字 (t.ex.한) 3-4км/ч it-stöd–東京 www.例え.jp/a?b info@exempel.se. Ärende—klart: 5 ¥.",
    "",
    "   ",
]


@cache
def _spacy():
    spacy = pytest.importorskip("spacy")
    nlp = spacy.blank("sv")
    nlp.add_pipe("sentencizer")
    return nlp


def _texts() -> list[str]:
    texts = list(HARD)
    plans = list(PLANS)
    if EVAL.is_dir():
        plans += sorted((EVAL / "plans").glob("ds-*"))
        rows = [json.loads(line) for line in (EVAL / "dev.jsonl").read_text(encoding="utf-8").splitlines() if line]
        texts += [row["text"] for row in rows]
    for plan in plans:
        texts += [block.text for block in read_plan(plan).blocks]
    return texts


def test_the_compiled_rules_are_spacys_current_rules() -> None:
    pytest.importorskip("spacy")
    assert json.loads(ARTEFACT.read_text(encoding="utf-8")) == json.loads(json.dumps(compile_rules()))


def test_the_rewritten_classes_match_spacys_outside_the_rare_scripts() -> None:
    """Each class of the affix expressions for common text matches the same characters as spaCy's own, on
    every code point outside the rare scripts (those above U+2FFFF are unassigned or rare ideographs)."""
    rules = json.loads(ARTEFACT.read_text(encoding="utf-8"))
    common = complement([(low, high) for low, high in rules["common"]["rare"]])
    text = "".join(chr(c) for low, high in common for c in range(low, min(high, 0x2FFFF) + 1))
    rewritten = 0
    for name in ("prefix", "suffix", "infix", "url_match"):
        original, fast, flags = rules[name]["pattern"], rules["common"][name]["pattern"], rules[name]["flags"]
        for (a, b), (c, d) in zip(class_spans(original), class_spans(fast), strict=True):
            if CATEGORY.search(original[a:b]):  # a class with a category is kept as it is
                assert fast[c:d] == original[a:b]
                continue
            theirs, ours = re.compile(original[a:b], flags), re.compile(fast[c:d], flags)
            assert ours.findall(text) == theirs.findall(text), original[a:b]
            rewritten += fast[c:d] != original[a:b]
    assert rewritten, "no class was rewritten"


def test_tokens_equal_spacys() -> None:
    nlp, tokenizer = _spacy(), Tokenizer.load()
    texts = _texts()
    assert len(texts) > 1500  # the example, the fixtures, the five plans and the dev set
    for text in texts:
        expected = [(t.idx, t.idx + len(t), t.is_punct) for t in nlp.tokenizer(text) if not t.is_space]
        assert [token[:3] for token in tokenizer.tokens(text)] == expected, text


def test_sentences_equal_spacys() -> None:
    nlp = _spacy()
    texts = _texts()
    for text, sentences in zip(texts, segment(texts)):
        expected = [[(t.idx, t.idx + len(t)) for t in s if not t.is_space] for s in nlp(text).sents]
        assert [s.spans for s in sentences] == [spans for spans in expected if spans], text


def test_a_run_does_not_import_spacy() -> None:
    import subprocess
    import sys

    code = (
        "import sys; from planlint.analysis.tokens import segment; list(segment(['Vi inför t.ex. lås.']));"
        "print('spacy' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT)
    assert out.stdout.strip() == "False"


def test_plain_letters_are_those_no_affix_can_take() -> None:
    from planlint.analysis.plainletters import plain_letters

    def letters(pattern: str) -> set[str]:
        return {
            chr(c) for low, high in plain_letters([{"pattern": pattern, "flags": 32}]) for c in range(low, high + 1)
        }

    # "ab" at the end is a suffix of letters; "c" after a digit and "d" before "!" never match a word of letters
    found = letters(r"ab$|(?<=[0-9])c$|d!")
    assert {"a", "b"}.isdisjoint(found) and {"c", "d", "e", "å", "Ö"} <= found
    assert "ö" not in letters(r"[^x]y|(?<=y)z")  # what a negated class takes is taken
    assert letters(r"(?=x)") == set()  # a match that takes nothing: no letter is safe
