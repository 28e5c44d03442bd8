"""Generated documentation: the README's rule table from the default pack, and rules/README.md's table of
check kinds from the options each kind declares. A test fails while a table is stale.

    python -m planlint.checks.docs --write    rewrite the tables in place
    python -m planlint.checks.docs            list the stale tables; exit status 1 if any
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

from planlint.checks import KINDS
from planlint.checks.kind import Option
from planlint.i18n import pick
from planlint.rulepack.docs import first_sentence
from planlint.rulepack.pack import Pack, load_pack

ROOT = Path(__file__).resolve().parents[2]
BEGIN = "<!-- begin generated: {name} (python -m planlint.checks.docs --write) -->"
END = "<!-- end generated: {name} -->"


def rule_table(pack: Pack) -> str:
    """The README's table: each rule of the pack, its default severity and when it fires."""
    rows = ["| regel | sort | standard | slår till när |", "|---|---|---|---|"]
    for rule in pack.rules:
        when = pick(rule.summary, "sv") if rule.summary else first_sentence(pick(rule.docs, "sv"))
        rows.append(f"| `{rule.id}` | `{rule.extends}` | {rule.severity} | {when} |")
    return "\n".join(rows)


def kind_table() -> str:
    """rules/README.md's table: each check kind, what it does and the options it declares."""
    rows = ["| sort | vad den gör | fält |", "|---|---|---|"]
    for kind in KINDS.values():
        options = "<br>".join(_option(option) for option in kind.options)
        rows.append(f"| `{kind.name}` | {kind.doc[0]} | {options} |")
    return "\n".join(rows)


def _option(option: Option) -> str:
    need = " (krävs)" if option.required else f" (krävs med `{option.needed_with}`)" if option.needed_with else ""
    return f"`{option.name}`{need}: {option.doc[0]}; {option.type.words[0]}"


TABLES: dict[str, tuple[Path, Callable[[], str]]] = {
    "rules": (ROOT / "README.md", lambda: rule_table(load_pack())),
    "kinds": (ROOT / "rules" / "README.md", kind_table),
}


def refreshed(text: str, name: str, table: str) -> str:
    """`text` with the generated block `name` replaced by `table`."""
    begin, end = BEGIN.format(name=name), END.format(name=name)
    head, found, rest = text.partition(begin)
    if not found or end not in rest:
        raise ValueError(f"no {begin} … {end} block")
    return f"{head}{begin}\n{table}\n{end}{rest.partition(end)[2]}"


def stale() -> list[str]:
    """The names of the tables whose file differs from what would be generated."""
    return [
        name
        for name, (path, make) in TABLES.items()
        if refreshed(path.read_text(encoding="utf-8"), name, make()) != path.read_text(encoding="utf-8")
    ]


def write() -> None:
    for name, (path, make) in TABLES.items():
        path.write_text(refreshed(path.read_text(encoding="utf-8"), name, make()), encoding="utf-8")


if __name__ == "__main__":
    if "--write" in sys.argv[1:]:
        write()
    elif outdated := stale():
        print(f"inaktuella tabeller: {', '.join(outdated)}; kör python -m planlint.checks.docs --write")
        raise SystemExit(1)
