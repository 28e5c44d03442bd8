"""Configuration from `planlint.toml` (keys at top level) or `[tool.planlint]` in `pyproject.toml`, found upward
from the plan. In pyproject.toml every key below sits under `[tool.planlint]`; in planlint.toml at the top:

rules = "../regler/min-kommun"     # another rule pack (relative to the config file)
fail-on = "warning"                # error (default), warning, info or never
select = ["saknat-begrepp"]        # only these rules
ignore = ["vision-koppling"]       # not these rules
exclude = [...]                    # replaces the default exclusions; extend-exclude adds to them
extend-exclude = ["utkast/"]
[severity]
uppfoljning = "info"
[exempt]
sysselsattning = "VA-bolaget har inget arbetsmarknadsuppdrag."   # a concept or a rule; a written reason is required
[[overrides]]                      # settings for the plans matching `files` only
files = ["nsva*.docx"]
exempt = {sysselsattning = "…"}
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field, replace
from fnmatch import fnmatch
from functools import lru_cache
from pathlib import Path
from stat import S_ISREG

from planlint.errors import ConfigError
from planlint.i18n import Catalog
from planlint.names import did_you_mean, resolve
from planlint.os_errors import os_reason

MAX_BYTES = 1024 * 1024  # no configuration is larger
FAIL_ON = ("error", "warning", "info", "never")
SEVERITIES = ("info", "warning", "error")
KEYS = ("rules", "fail-on", "select", "ignore", "severity", "exempt", "exclude", "extend-exclude", "overrides")
OVERRIDE_KEYS = ("files", "select", "ignore", "severity", "exempt")
# Never plans: documentation beside the plans, planlint's own outputs, version control and environments.
DEFAULT_EXCLUDE = (
    "README*",
    "CHANGELOG*",
    "CONTRIBUTING*",
    "LICENSE*",
    "*-granskad.docx",
    "*-annotated.docx",
    ".git",
    ".hg",
    ".svn",
    ".venv",
    "venv",
    ".tox",
    "node_modules",
    "__pycache__",
    "site-packages",
)

T = Catalog(
    {
        "unknown_key": ("okänd nyckel {key!r}.{hint} Giltiga: {valid}.", "unknown key {key!r}.{hint} Valid: {valid}."),
        "tool_table": (
            "okänd nyckel 'tool': i planlint.toml står nycklarna överst, utan [tool.planlint] "
            "(den tabellen hör hemma i pyproject.toml).",
            "unknown key 'tool': in planlint.toml the keys stand at the top, without [tool.planlint] "
            "(that table belongs in pyproject.toml).",
        ),
        "fail_on": ("fail-on måste vara ett av {values}", "fail-on must be one of {values}"),
        "severity": (
            "severity.{rule} måste vara info, warning eller error",
            "severity.{rule} must be info, warning or error",
        ),
        "reason": (
            "undantaget för {concept} behöver ett skrivet skäl (minst några ord)",
            "the exemption for {concept} needs a written reason (a few words at least)",
        ),
        "table": ("{key} måste vara en tabell", "{key} must be a table"),
        "rule_list": ("{key} måste vara en lista med regel-id", "{key} must be a list of rule ids"),
        "glob_list": ("{key} måste vara en lista med filmönster", "{key} must be a list of file patterns"),
        "overrides": (
            "overrides måste vara en lista av tabeller ([[overrides]]), var och en med files = [...]",
            "overrides must be a list of tables ([[overrides]]), each with files = [...]",
        ),
        "no_rule": (
            "regeln {name!r} finns inte.{hint} Se `planlint rules`.",
            "the rule {name!r} does not exist.{hint} See `planlint rules`.",
        ),
        "no_concept": (
            "{name!r} är varken ett begrepp eller en regel i regelpaketet.{hint} Se `planlint rules`.",
            "{name!r} is neither a concept nor a rule of the rule pack.{hint} See `planlint rules`.",
        ),
        "unreadable": ("filen går inte att läsa: {reason}", "the file cannot be read: {reason}"),
        "not_a_file": (
            "är inte en vanlig fil (en mapp, en enhet eller ett rör); ange en TOML-fil",
            "is not a regular file (a folder, a device or a pipe); give a TOML file",
        ),
        "too_big": (
            "filen är större än {limit} kB, mer än någon konfiguration behöver",
            "the file is larger than {limit} kB, more than any configuration needs",
        ),
        "too_deep": ("filen är för djupt nästlad för att läsas", "the file is nested too deeply to be read"),
        "path_text": (
            "{key} måste vara en sökväg skriven som text, utan NUL-tecken",
            "{key} must be a path written as text, without NUL characters",
        ),
        "not_utf8": ("filen är inte sparad som UTF-8", "the file is not saved as UTF-8"),
        "toml": ("felaktig TOML på {where}: {what}", "invalid TOML at {where}: {what}"),
        "at": ("rad {line}, kolumn {column}", "line {line}, column {column}"),
        "at_end": ("slutet av filen", "the end of the file"),
        "toml_other": ("filen går inte att tolka som TOML", "the file cannot be parsed as TOML"),
        "toml_key_letter": (
            'en nyckel med å, ä eller ö måste stå inom citattecken ("sysselsättning" = …) eller skrivas '
            "utan dem (sysselsattning = …)",
            'a key with å, ä or ö must be quoted ("sysselsättning" = …) or written without them (sysselsattning = …)',
        ),
    }
)
# tomllib's messages, in words a plan writer can act on
TOML_MESSAGES = {
    "Expected '=' after a key in a key/value pair": (
        "ett likhetstecken (=) saknas efter nyckeln, eller nyckeln har mellanslag eller tecken som kräver citattecken",
        "an equals sign (=) is missing after the key, or the key has spaces or characters that need quotes",
    ),
    "Invalid value": (
        "värdet är ogiltigt: text skrivs inom citattecken, listor inom [ ]",
        "the value is invalid: text goes in quotes, lists in [ ]",
    ),
    "Invalid statement": (
        "raden är varken nyckel = värde eller [tabell]",
        "the line is neither key = value nor [table]",
    ),
    "Cannot overwrite a value": ("nyckeln står två gånger", "the key is given twice"),
    "Cannot declare": ("tabellen står två gånger", "the table is given twice"),
    "Unterminated string": ("en text saknar sitt avslutande citattecken", "a string lacks its closing quote"),
    "Illegal character": ("en text saknar sitt avslutande citattecken", "a string lacks its closing quote"),
    "Unclosed array": ("en lista saknar sin avslutande ]", "a list lacks its closing ]"),
    "Unclosed inline table": ("en tabell på en rad saknar sin avslutande }", "an inline table lacks its closing }"),
    "Expected ']' at the end of a table declaration": (
        "en tabellrubrik saknar sin avslutande ]",
        "a table heading lacks its closing ]",
    ),
    "Invalid initial character for a key part": (
        "nyckeln börjar med ett tecken som inte är tillåtet utan citattecken",
        "the key starts with a character not allowed without quotes",
    ),
}


@dataclass(frozen=True)
class Override:
    """Settings for the plans whose path matches one of `files` (relative to the configuration's folder)."""

    files: tuple[str, ...]
    select: tuple[str, ...] | None = None
    ignore: tuple[str, ...] = ()
    severity: dict[str, str] = field(default_factory=dict)
    exempt: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Config:
    path: Path | None = None
    rules: Path | None = None
    fail_on: str | None = None
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    severity: dict[str, str] = field(default_factory=dict)
    exempt: dict[str, str] = field(default_factory=dict)
    exclude: tuple[str, ...] = DEFAULT_EXCLUDE
    overrides: tuple[Override, ...] = ()

    @property
    def root(self) -> Path:
        """The folder patterns are relative to: the configuration's, else the working directory."""
        return self.path.parent.resolve() if self.path else Path.cwd()

    def excludes(self, path: Path) -> bool:
        """Whether `path` matches one of the exclusion patterns."""
        relative = _relative(path, self.root)  # once for all the patterns
        return any(_matches(pattern, relative) for pattern in self.exclude)

    def for_plan(self, plan: Path) -> Config:
        """The settings for one plan: the overrides whose `files` match it applied in order (`select` replaces,
        `ignore` adds, `severity` and `exempt` merge)."""
        config = replace(self, overrides=())
        for override in self.overrides:
            if any(matches(pattern, plan, self.root) for pattern in override.files):
                config = replace(
                    config,
                    select=override.select if override.select is not None else config.select,
                    ignore=(*config.ignore, *override.ignore),
                    severity={**config.severity, **override.severity},
                    exempt={**config.exempt, **override.exempt},
                )
        return config

    def as_dict(self) -> dict:
        """The settings as the configuration file would write them (for --show-settings)."""
        return {
            "config": str(self.path) if self.path else None,
            "rules": str(self.rules) if self.rules else None,
            "fail-on": self.fail_on or "error",
            "select": list(self.select),
            "ignore": list(self.ignore),
            "severity": dict(self.severity),
            "exempt": dict(self.exempt),
            "exclude": list(self.exclude),
        }


def matches(pattern: str, path: Path, root: Path) -> bool:
    """A pattern without a slash matches any part of the path (a file or folder name, as `.git` or `README*`);
    one with a slash matches the path relative to `root` (a trailing slash: everything under that folder)."""
    return _matches(pattern, _relative(path, root))


def _relative(path: Path, root: Path) -> str:
    absolute = path.resolve() if _looks(path, Path.exists) else Path.cwd() / path
    try:
        return absolute.relative_to(root).as_posix()
    except ValueError:
        return path.as_posix()


def _matches(pattern: str, relative: str) -> bool:
    pattern = pattern.strip()
    if "/" not in pattern.rstrip("/"):
        name = pattern.rstrip("/")
        return any(fnmatch(part, name) for part in Path(relative).parts)
    pattern = pattern.removeprefix("./")
    if pattern.endswith("/"):
        return fnmatch(relative, pattern + "*")
    return fnmatch(relative, pattern) or fnmatch(relative, pattern.replace("**/", ""))


def find_config(start: Path) -> Path | None:
    """The nearest planlint.toml, or pyproject.toml with a [tool.planlint] table, from `start` upward."""
    folder = start if _looks(start, Path.is_dir) else start.parent
    for directory in [folder.resolve(), *folder.resolve().parents]:
        candidate = directory / "planlint.toml"
        if _looks(candidate, Path.is_file):
            return candidate
        pyproject = directory / "pyproject.toml"
        if _looks(pyproject, Path.is_file) and _names_planlint(pyproject):
            return pyproject
    return None


def _looks(path: Path, test) -> bool:
    """`test(path)` (is it a file, a folder …), False for a path that cannot be looked at: the plan's reader
    tells the user why."""
    try:
        return test(path)
    except OSError:
        return False


def _names_planlint(pyproject: Path) -> bool:
    """Whether a pyproject.toml is planlint's to read: it has a [tool.planlint] table, or (when it does not
    parse, or its `tool` is no table) it mentions planlint at all. Another project's broken file is ignored."""
    try:
        tool = _read(pyproject).get("tool")
    except ConfigError:
        return "tool.planlint" in _text(pyproject)
    return "planlint" in tool if isinstance(tool, dict) else "planlint" in _text(pyproject)


def _text(path: Path) -> str:
    try:
        return path.read_bytes()[:MAX_BYTES].decode("utf-8", "replace")
    except OSError:
        return ""


def _tool_table(path: Path, data: dict) -> dict:
    """The [tool.planlint] table of a pyproject.toml, which must be a table inside a table."""
    tool = data.get("tool", {})
    if not isinstance(tool, dict):
        raise ConfigError(path, _pair("table", key="tool"))
    table = tool.get("planlint", {})
    if not isinstance(table, dict):
        raise ConfigError(path, _pair("table", key="tool.planlint"))
    return table


def load_config(path: Path | None) -> Config:
    """Read and validate a configuration file; None gives the defaults."""
    if path is None:
        return Config()
    data = _read(path)
    table = _tool_table(path, data) if path.name == "pyproject.toml" else data
    if path.name != "pyproject.toml" and "tool" in table and "planlint" in (table["tool"] or {}):
        raise ConfigError(path, _pair("tool_table"))
    _known_keys(path, table, KEYS)
    fail_on = table.get("fail-on")
    if fail_on is not None and fail_on not in FAIL_ON:
        raise ConfigError(path, _pair("fail_on", values=", ".join(FAIL_ON)))
    exclude = tuple(_strings(path, table, "exclude", "glob_list", list(DEFAULT_EXCLUDE)))
    rules = table.get("rules")
    if rules is not None and (not isinstance(rules, str) or "\0" in rules):
        raise ConfigError(path, _pair("path_text", key="rules"))
    return Config(
        path=path,
        rules=(path.parent / rules).resolve() if isinstance(rules, str) else None,
        fail_on=fail_on,
        select=tuple(_strings(path, table, "select")),
        ignore=tuple(_strings(path, table, "ignore")),
        severity=_severity(path, table),
        exempt=_exempt(path, table),
        exclude=exclude + tuple(_strings(path, table, "extend-exclude", "glob_list")),
        overrides=tuple(_override(path, entry) for entry in _override_tables(path, table)),
    )


def _override_tables(path: Path, table: dict) -> list[dict]:
    entries = table.get("overrides", [])
    if not isinstance(entries, list) or not all(isinstance(e, dict) and "files" in e for e in entries):
        raise ConfigError(path, _pair("overrides"))
    return entries


def _override(path: Path, entry: dict) -> Override:
    _known_keys(path, entry, OVERRIDE_KEYS)
    return Override(
        files=tuple(_strings(path, entry, "files", "glob_list")),
        select=tuple(_strings(path, entry, "select")) if "select" in entry else None,
        ignore=tuple(_strings(path, entry, "ignore")),
        severity=_severity(path, entry),
        exempt=_exempt(path, entry),
    )


def check_against_pack(config: Config, rule_ids: set[str], concept_ids: set[str]) -> Config:
    """The configuration with its rule and concept names resolved against the pack (written with or without
    å/ä/ö); a name the pack does not have is an error with the nearest name, so that a typo does not silently
    do nothing."""

    def rule(name: str) -> str:
        return _resolve(config.path, name, rule_ids, "no_rule")

    return replace(
        config,
        select=tuple(rule(n) for n in config.select),
        ignore=tuple(rule(n) for n in config.ignore),
        severity={rule(n): v for n, v in config.severity.items()},
        exempt={_resolve(config.path, n, concept_ids | rule_ids, "no_concept"): v for n, v in config.exempt.items()},
    )


def _resolve(path: Path | None, name: str, known: set[str], key: str) -> str:
    found = resolve(name, sorted(known))
    if found is None:
        raise ConfigError(path, _pair(key, name=name, hint=_hint(name, known)))
    return found


def _known_keys(path: Path, table: dict, known: tuple[str, ...]) -> None:
    unknown = [k for k in table if k not in known]
    if unknown:
        key = unknown[0]
        raise ConfigError(path, _pair("unknown_key", key=key, hint=_hint(key, known), valid=", ".join(known)))


def _hint(name: str, known) -> tuple[str, str]:
    return did_you_mean(name, sorted(known))


def _pair(message: str, /, **params) -> tuple[str, str]:
    """A reason in both languages; a parameter given as a (Swedish, English) pair is picked by language."""
    sv, en = (
        T(message, lang, **{k: (v[i] if isinstance(v, tuple) else v) for k, v in params.items()})
        for i, lang in enumerate(("sv", "en"))
    )
    return sv, en


def _severity(path: Path, table: dict) -> dict[str, str]:
    severity = _mapping(path, table, "severity")
    for rule, value in severity.items():
        if value not in SEVERITIES:
            raise ConfigError(path, _pair("severity", rule=rule))
    return severity


def _exempt(path: Path, table: dict) -> dict[str, str]:
    exempt = _mapping(path, table, "exempt")
    for concept, reason in exempt.items():
        if not isinstance(reason, str) or len(reason.split()) < 3:
            raise ConfigError(path, _pair("reason", concept=concept))
    return {k: " ".join(v.split()) for k, v in exempt.items()}


def _read(path: Path) -> dict:
    """A TOML file's contents, parsed once per version of the file (a run over many plans in one folder
    looks up the same files for every plan)."""
    try:
        stat = path.stat()
    except OSError as exc:
        raise ConfigError(path, _pair("unreadable", reason=os_reason(exc))) from None
    if not S_ISREG(stat.st_mode):  # /dev/zero never ends, a pipe may never answer
        raise ConfigError(path, _pair("not_a_file"))
    if stat.st_size > MAX_BYTES:
        raise ConfigError(path, _pair("too_big", limit=MAX_BYTES // 1024))
    return _parse(path.resolve(), stat.st_mtime_ns, stat.st_size)


@lru_cache(maxsize=64)
def _parse(path: Path, mtime_ns: int, size: int) -> dict:
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        raise ConfigError(path, _pair("not_utf8")) from None
    except OSError as exc:
        raise ConfigError(path, _pair("unreadable", reason=os_reason(exc))) from None
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(path, _toml_reason(str(exc), text)) from None
    except RecursionError:
        raise ConfigError(path, _pair("too_deep")) from None


def _toml_reason(message: str, text: str) -> tuple[str, str]:
    """tomllib's English message as a Swedish (and plainer English) reason with its line and column."""
    found = re.search(r"\(at line (\d+), column (\d+)\)", message)
    if found:
        line, column = int(found[1]), int(found[2])
        where = _pair("at", line=line, column=column)
        lines = text.splitlines()
        char = lines[line - 1][column - 1 : column] if line <= len(lines) else ""
        if char and not char.isascii() and char.isalpha():
            return _pair("toml", where=where, what=_pair("toml_key_letter"))
    else:
        where = _pair("at_end")
    what = next((pair for start, pair in TOML_MESSAGES.items() if message.startswith(start)), _pair("toml_other"))
    return _pair("toml", where=where, what=what)


def _mapping(path: Path, table: dict, key: str) -> dict:
    value = table.get(key, {})
    if not isinstance(value, dict):
        raise ConfigError(path, _pair("table", key=key))
    return value


def _strings(path: Path, table: dict, key: str, message: str = "rule_list", default: list | None = None) -> list[str]:
    value = table.get(key, default if default is not None else [])
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ConfigError(path, _pair(message, key=key))
    return value
