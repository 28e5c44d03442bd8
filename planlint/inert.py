"""Text from plans, file names and metadata made inert before it reaches a terminal, a CI log or a report.

Control characters are shown as Unicode control pictures (ESC as ␛, CR as ␍), and bidi controls, line
separators and noncharacters as ⟨U+202E⟩, so that nothing moves the cursor, opens a hyperlink or reorders
a line. A file name that is not valid UTF-8 is shown with U+FFFD in place of the bad bytes.

GitHub's runner runs a workflow command from any line of a job's output that starts with `::` after its
leading white space, and a legacy command from `##[` anywhere in a line; `no_commands` breaks both with a
full-width sign, which reads the same to people and is never a command.
"""

from __future__ import annotations

import json
import re

BIDI = "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
SEPARATORS = "\u2028\u2029\u0085"
# C0 and C1 controls, DEL, bidi controls, line separators, lone surrogates and the noncharacters XML forbids.
_HIDDEN = re.compile(f"[\x00-\x1f\x7f-\x9f{BIDI}{SEPARATORS}\ud800-\udfff\ufdd0-\ufdef\ufffe\uffff]")
_SURROGATE = re.compile("[\ud800-\udfff]")
# what JSON must not carry raw (json escapes C0 itself): lone surrogates, DEL and C1, bidi, separators, nonchars
_IN_JSON = re.compile(f"[\ud800-\udfff\x7f-\x9f{BIDI}{SEPARATORS}\ufdd0-\ufdef\ufffe\uffff]")
# containers deeper than this are written on one line: in a report, one passage or one location per line
JSON_LEVELS = 6
_ONE_LINE = json.JSONEncoder(ensure_ascii=False, separators=(", ", ": "))
_COMMAND_START = re.compile(r"^([^\S\n]*):(?=:)", re.MULTILINE)
_LEGACY_COMMAND = "##["


def shown(text: str) -> str:
    """`text` with the bytes of a file name that are not UTF-8 (kept by Python as lone surrogates) as U+FFFD."""
    return _SURROGATE.sub("\ufffd", text)


def visible(text: str) -> str:
    """One line of text with every control, bidi and separator character shown rather than obeyed."""
    return _HIDDEN.sub(_picture, shown(text))


def no_commands(text: str) -> str:
    """No line of `text` can be taken by GitHub's runner as a workflow command."""
    text = _COMMAND_START.sub("\\1\uff1a", text)
    return text.replace(_LEGACY_COMMAND, "#\uff03[")


def inert_lines(text: str) -> str:
    """A whole report for a terminal or a CI log: each line visible, none a workflow command."""
    return no_commands("\n".join(visible(line) for line in text.split("\n")))


def inert_json(data: object) -> str:
    """JSON for a report: valid UTF-8 (file names repaired), and the characters that could reorder or
    hide text escaped as \\uXXXX, so that the values stay exact while the bytes stay inert.

    Objects and arrays are indented by two spaces down to JSON_LEVELS levels, and each deeper one is written on
    one line by json's C encoder: indenting every level takes json's Python encoder, five times slower on the
    thousands of passages of a long plan, and a passage per line reads and diffs as well."""
    return _IN_JSON.sub(_json_escape, _indented(data, JSON_LEVELS, ""))


def _indented(value: object, levels: int, indent: str) -> str:
    if not (levels and value and isinstance(value, (dict, list, tuple))):
        return _ONE_LINE.encode(value)
    inner = indent + "  "
    if isinstance(value, dict):
        items = [f"{_ONE_LINE.encode(_key(k))}: {_indented(v, levels - 1, inner)}" for k, v in value.items()]
        return "{\n" + ",\n".join(inner + item for item in items) + f"\n{indent}}}"
    items = [_indented(v, levels - 1, inner) for v in value]
    return "[\n" + ",\n".join(inner + item for item in items) + f"\n{indent}]"


def _key(key: object) -> str:
    """An object key as json writes it (a number, true, false or null as its JSON text)."""
    return key if isinstance(key, str) else _ONE_LINE.encode(key)


def _json_escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    return "\ufffd" if 0xD800 <= code <= 0xDFFF else f"\\u{code:04x}"


def _picture(match: re.Match[str]) -> str:
    code = ord(match.group())
    if code < 0x20:
        return chr(0x2400 + code)
    if code == 0x7F:
        return "\u2421"
    if 0xD800 <= code <= 0xDFFF:
        return "\ufffd"
    return f"⟨U+{code:04X}⟩"
