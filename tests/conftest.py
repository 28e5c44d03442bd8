"""Shared helpers for the tests: run planlint's CLI in-process and check plan text with the default pack."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

import pytest
from click.testing import CliRunner

from planlint.cli.main import cli
from planlint.document.model import BlockKind, DocumentBuilder, Location
from planlint.project.runner import engine_for

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE_DOCX = ROOT / "examples" / "verksamhetsplan-2026.docx"
EXAMPLE_PDF = ROOT / "examples" / "verksamhetsplan-2026.pdf"
SARIF_SCHEMA = ROOT / "schemas" / "sarif-2.1.0.json"  # OASIS SARIF 2.1.0, as npm's @microsoft/sarif-multitool ships it


@cache
def _sarif_validator():
    import jsonschema

    schema = json.loads(SARIF_SCHEMA.read_text(encoding="utf-8"))
    return jsonschema.Draft202012Validator(schema, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER)


def validate_sarif(log: dict) -> None:
    """Raise jsonschema.ValidationError unless `log` is valid SARIF 2.1.0."""
    _sarif_validator().validate(log)


@pytest.fixture(autouse=True)
def every_sarif_log_is_valid(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every SARIF log a test makes in-process is validated against the vendored schema as it is rendered."""
    from planlint.reporters import sarif

    render = sarif.render

    def validated(outcome, lang):
        text = render(outcome, lang)
        validate_sarif(json.loads(text))
        return text

    monkeypatch.setattr(sarif, "render", validated)


def run_cli(*args: str):
    """Invoke planlint in-process; returns click's Result (exit_code, stdout, stderr)."""
    return CliRunner().invoke(cli, [str(a) for a in args], catch_exceptions=False)


def check_text(*paragraphs: str, headings: tuple[str, ...] = ()):
    """Check paragraphs as one plan (optionally under a chain of headings) with the default pack."""
    builder = DocumentBuilder(Path("plan.txt"), "txt", 10_000)
    for level, heading in enumerate(headings, 1):
        builder.heading(heading, level, Location(line=level))
    for i, text in enumerate(paragraphs):
        builder.add(BlockKind.PARAGRAPH, text, Location(line=100 + i))
    return engine_for(None).check(builder.document)


def concepts_in(text: str) -> set[str]:
    """The concepts a single paragraph counts as evidence for."""
    result = check_text(text)
    return {c.concept_id for c in result.concepts if any(e.counts for e in c.evidence)}


@pytest.fixture(autouse=True)
def own_cache(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Each test has its own empty result cache, never the user's."""
    folder = tmp_path_factory.mktemp("cache")
    monkeypatch.setenv("PLANLINT_CACHE_DIR", str(folder))
    return folder


@pytest.fixture
def example_docx() -> Path:
    return EXAMPLE_DOCX
