"""GitHub Actions workflow commands: one `::error`, `::warning` or `::notice` annotation per finding.

Exempt findings are left out; findings known from the baseline become notices. Values are escaped by the rules
of workflow commands: `%`, CR and LF everywhere, and also `:` and `,` in properties.
"""

from __future__ import annotations

from pathlib import Path

from planlint.i18n import pick
from planlint.inert import visible
from planlint.reporters import labels
from planlint.reporters.labels import where
from planlint.reporters.sarif import artifact_path
from planlint.result import Finding, PlanResult, RunResult, Severity

COMMANDS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def render(outcome: RunResult, lang: str) -> str:
    lines = [_annotation(f, r, lang) for r in outcome.results for f in r.findings if not f.suppressed]
    lines += [
        command("error", error.message(lang), file=_file(error.path), title="planlint") for error in outcome.errors
    ]
    return "\n".join(lines)


def command(name: str, message: str, **properties: str | int | None) -> str:
    """`::name key=value,…::message` with every part escaped, and control and bidi characters shown."""
    props = ",".join(
        f"{key}={visible(escape_property(str(value)))}" for key, value in properties.items() if value is not None
    )
    return f"::{name}{' ' + props if props else ''}::{visible(escape_data(message))}"


def escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def _annotation(finding: Finding, result: PlanResult, lang: str) -> str:
    place = where(finding.location, finding.section, lang, finding.block, result.document)
    message = pick(finding.message, lang) + (f" ({place})" if place else "")
    if finding.baselined:
        message = f"{message} [{labels.T('known', lang)}]"
    line = finding.location.line if finding.location is not None else None
    return command(
        "notice" if finding.baselined else COMMANDS[finding.severity],
        message,
        file=_file(result.document.path),
        line=line,
        title=f"planlint [{finding.rule}]",
    )


def _file(path: Path | None) -> str | None:
    if path is None:
        return None
    return artifact_path(path) or path.resolve().as_posix()
