"""Configuration from `planlint.toml` or `[tool.planlint]` in `pyproject.toml`, found upward from the plan.

[tool.planlint]
rules = "../regler/min-kommun"     # another rule pack (relative to the config file)
fail-on = "warning"                # error (default), warning, info or never
select = ["saknat-begrepp"]        # only these rules
ignore = ["vision-koppling"]       # not these rules
[tool.planlint.severity]
uppfoljning = "info"
[tool.planlint.exempt]
sysselsattning = "VA-bolaget har inget arbetsmarknadsuppdrag."   # a written reason is required
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from planlint.errors import ConfigError

FAIL_ON = ("error", "warning", "info", "never")
SEVERITIES = ("info", "warning", "error")


@dataclass(frozen=True)
class Config:
    path: Path | None = None
    rules: Path | None = None
    fail_on: str | None = None
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    severity: dict[str, str] = field(default_factory=dict)
    exempt: dict[str, str] = field(default_factory=dict)


def find_config(start: Path) -> Path | None:
    """The nearest planlint.toml, or pyproject.toml with a [tool.planlint] table, from `start` upward."""
    folder = start if start.is_dir() else start.parent
    for directory in [folder.resolve(), *folder.resolve().parents]:
        candidate = directory / "planlint.toml"
        if candidate.is_file():
            return candidate
        pyproject = directory / "pyproject.toml"
        if pyproject.is_file() and "planlint" in _read(pyproject).get("tool", {}):
            return pyproject
    return None


def load_config(path: Path | None) -> Config:
    """Read and validate a configuration file; None gives the defaults."""
    if path is None:
        return Config()
    data = _read(path)
    table = data.get("tool", {}).get("planlint", {}) if path.name == "pyproject.toml" else data
    known = {"rules", "fail-on", "select", "ignore", "severity", "exempt"}
    unknown = set(table) - known
    if unknown:
        raise ConfigError(
            path,
            (
                f"okänd nyckel {sorted(unknown)[0]!r} (giltiga: {', '.join(sorted(known))})",
                f"unknown key {sorted(unknown)[0]!r} (valid: {', '.join(sorted(known))})",
            ),
        )
    fail_on = table.get("fail-on")
    if fail_on is not None and fail_on not in FAIL_ON:
        raise ConfigError(
            path, (f"fail-on måste vara ett av {', '.join(FAIL_ON)}", f"fail-on must be one of {', '.join(FAIL_ON)}")
        )
    severity = _mapping(path, table, "severity")
    for rule, value in severity.items():
        if value not in SEVERITIES:
            raise ConfigError(
                path,
                (
                    f"severity.{rule} måste vara info, warning eller error",
                    f"severity.{rule} must be info, warning or error",
                ),
            )
    exempt = _mapping(path, table, "exempt")
    for concept, reason in exempt.items():
        if not isinstance(reason, str) or len(reason.split()) < 3:
            raise ConfigError(
                path,
                (
                    f"undantaget för {concept} behöver ett skrivet skäl (minst några ord)",
                    f"the exemption for {concept} needs a written reason (a few words at least)",
                ),
            )
    rules = table.get("rules")
    return Config(
        path=path,
        rules=(path.parent / rules).resolve() if isinstance(rules, str) else None,
        fail_on=fail_on,
        select=tuple(_strings(path, table, "select")),
        ignore=tuple(_strings(path, table, "ignore")),
        severity=severity,
        exempt={k: " ".join(v.split()) for k, v in exempt.items()},
    )


def check_against_pack(config: Config, rule_ids: set[str], concept_ids: set[str]) -> None:
    """Names in the configuration must exist in the pack, so that a typo does not silently do nothing."""
    for name in (*config.select, *config.ignore, *config.severity):
        if name not in rule_ids:
            raise ConfigError(
                config.path,
                (
                    f"regeln {name!r} finns inte (se `planlint rules`)",
                    f"the rule {name!r} does not exist (see `planlint rules`)",
                ),
            )
    for name in config.exempt:
        if name not in concept_ids:
            raise ConfigError(
                config.path,
                (f"begreppet {name!r} finns inte i regelpaketet", f"the concept {name!r} is not in the rule pack"),
            )


def _read(path: Path) -> dict:
    """A TOML file's contents, parsed once per version of the file (a run over many plans in one folder
    looks up the same files for every plan)."""
    try:
        stat = path.stat()
    except OSError as exc:
        raise ConfigError(
            path, (f"filen går inte att läsa: {exc.strerror}", f"the file cannot be read: {exc.strerror}")
        ) from None
    return _parse(path.resolve(), stat.st_mtime_ns, stat.st_size)


@lru_cache(maxsize=64)
def _parse(path: Path, mtime_ns: int, size: int) -> dict:
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise ConfigError(
            path, (f"filen går inte att läsa som TOML: {exc}", f"the file is not valid TOML: {exc}")
        ) from None


def _mapping(path: Path, table: dict, key: str) -> dict:
    value = table.get(key, {})
    if not isinstance(value, dict):
        raise ConfigError(path, (f"{key} måste vara en tabell", f"{key} must be a table"))
    return value


def _strings(path: Path, table: dict, key: str) -> list[str]:
    value = table.get(key, [])
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ConfigError(path, (f"{key} måste vara en lista med regel-id", f"{key} must be a list of rule ids"))
    return value
