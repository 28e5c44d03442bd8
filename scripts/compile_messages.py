"""Compile planlint's gettext catalogues (.po → .mo) with the standard library only.

    python scripts/compile_messages.py

The .mo files are committed, so installing planlint needs no gettext tools.
"""

from __future__ import annotations

import ast
import struct
from pathlib import Path

LOCALE = Path(__file__).resolve().parent.parent / "planlint" / "locale"


def parse_po(text: str) -> dict[str, str]:
    """msgid → msgstr; a plural entry becomes "singular\\0plural" → "form0\\0form1", as .mo files store it."""
    entries: dict[str, str] = {}
    fields: dict[str, str] = {}
    current = None

    def flush() -> None:
        if "msgid" in fields:
            key = fields["msgid"] + ("\0" + fields["msgid_plural"] if "msgid_plural" in fields else "")
            forms = sorted(k for k in fields if k.startswith("msgstr["))
            value = "\0".join(fields[k] for k in forms) if forms else fields.get("msgstr", "")
            if value:
                entries[key] = value
        fields.clear()

    for line in text.splitlines() + [""]:
        line = line.strip()
        if not line or line.startswith("#"):
            if not line:
                flush()
            continue
        if line.startswith('"'):
            fields[current] += ast.literal_eval(line)
            continue
        current, _, value = line.partition(" ")
        fields[current] = ast.literal_eval(value)
    return entries


def write_mo(entries: dict[str, str], path: Path) -> None:
    """Write a GNU .mo file (little-endian, no hash table)."""
    keys = sorted(entries)
    ids = [k.encode() for k in keys]
    strs = [entries[k].encode() for k in keys]
    header_size = 7 * 4
    table_size = len(keys) * 8
    data_start = header_size + 2 * table_size
    id_offsets, offset, blob = [], data_start, b""
    for raw in ids:
        id_offsets.append((len(raw), offset))
        blob += raw + b"\0"
        offset += len(raw) + 1
    str_offsets = []
    for raw in strs:
        str_offsets.append((len(raw), offset))
        blob += raw + b"\0"
        offset += len(raw) + 1
    header = struct.pack("<7I", 0x950412DE, 0, len(keys), header_size, header_size + table_size, 0, 0)
    tables = b"".join(struct.pack("<2I", *pair) for pair in id_offsets + str_offsets)
    path.write_bytes(header + tables + blob)


if __name__ == "__main__":
    for po in sorted(LOCALE.glob("*/LC_MESSAGES/*.po")):
        mo = po.with_suffix(".mo")
        write_mo(parse_po(po.read_text(encoding="utf-8")), mo)
        print(mo)
