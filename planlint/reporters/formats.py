"""The report formats of `planlint check --format`: name → module with `render(outcome, lang) -> str`."""

from __future__ import annotations

import importlib

FORMATS = {
    "text": "planlint.reporters.text",
    "json": "planlint.reporters.json_report",
    "sarif": "planlint.reporters.sarif",
    "junit": "planlint.reporters.junit",
    "github": "planlint.reporters.github",
    "markdown": "planlint.reporters.markdown",
    "html": "planlint.reporters.html.render",
}


def render(fmt: str, outcome, lang: str) -> str:
    return importlib.import_module(FORMATS[fmt]).render(outcome, lang)
