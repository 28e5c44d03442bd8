"""planlint's tokenizer and sentences equal spaCy's Swedish tokenizer and sentencizer, the reference."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

import pytest

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
