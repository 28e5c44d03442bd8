"""The .txt and .md readers, and `planlint outline` on them."""

from __future__ import annotations

import json
from pathlib import Path

from conftest import run_cli

from planlint.document.model import BlockKind
from planlint.document.reader import read_plan

MARKDOWN = """# Verksamhetsplan 2026

Inledande text om förvaltningens uppdrag
som fortsätter på en andra rad.

## Mål och indikatorer

- Tryggheten ska **öka** i [parkerna](https://example.org).
- Fler unga ska få feriejobb.

| Indikator | Utfall 2024 | Målvärde 2027 |
|---|---|---|
| Andel trygga besökare | 70 % | 80 % |

### Aktiviteter

1. Vi genomför trygghetsvandringar.
"""

TEXT = """1 Inledning

Förvaltningen ansvarar för stadens parker
och torg.

1.1 Mål

- Tryggheten ska öka i parkerna.
"""


def test_markdown_blocks_sections_and_locations(tmp_path: Path) -> None:
    path = tmp_path / "plan.md"
    path.write_text(MARKDOWN, encoding="utf-8")
    doc = read_plan(path, require_swedish=False)
    kinds = [(b.kind, b.text) for b in doc.blocks]
    assert kinds[:5] == [
        (BlockKind.TITLE, "Verksamhetsplan 2026"),
        (BlockKind.PARAGRAPH, "Inledande text om förvaltningens uppdrag som fortsätter på en andra rad."),
        (BlockKind.HEADING, "Mål och indikatorer"),
        (BlockKind.LIST_ITEM, "Tryggheten ska öka i parkerna."),
        (BlockKind.LIST_ITEM, "Fler unga ska få feriejobb."),
    ]
    cells = [b for b in doc.blocks if b.kind is BlockKind.TABLE_CELL]
    assert [c.text for c in cells] == [
        "Indikator",
        "Utfall 2024",
        "Målvärde 2027",
        "Andel trygga besökare",
        "70 %",
        "80 %",
    ]
    assert (cells[4].location.table, cells[4].location.row, cells[4].location.column) == (1, 2, 2)
    last = doc.blocks[-1]
    assert last.kind is BlockKind.LIST_ITEM and last.section == ("Mål och indikatorer", "Aktiviteter")
    assert doc.title == "Verksamhetsplan 2026" and doc.period == "2026"
    assert doc.blocks[1].location.line == 3


def test_text_blocks_are_runs_of_lines_with_numbered_headings(tmp_path: Path) -> None:
    path = tmp_path / "plan.txt"
    path.write_text(TEXT, encoding="utf-8")
    doc = read_plan(path, require_swedish=False)
    assert [(b.kind, b.text, b.level) for b in doc.blocks] == [
        (BlockKind.HEADING, "1 Inledning", 1),
        (BlockKind.PARAGRAPH, "Förvaltningen ansvarar för stadens parker och torg.", None),
        (BlockKind.HEADING, "1.1 Mål", 2),
        (BlockKind.LIST_ITEM, "Tryggheten ska öka i parkerna.", None),
    ]
    assert doc.blocks[3].section == ("1 Inledning", "1.1 Mål")
    assert [b.location.line for b in doc.blocks] == [1, 3, 6, 8]


def test_a_numbered_line_with_a_full_stop_alone_is_a_heading_and_a_list_stays_a_list(tmp_path: Path) -> None:
    path = tmp_path / "plan.txt"
    path.write_text(
        "1. Förvaltningsdirektören har ordet\n\n"
        "Vi vill att alla ska känna sig trygga i staden och i våra verksamheter under året.\n\n"
        "2. Aktiviteter\n\n"
        "1. Vi inför trygghetsvandringar.\n2. Vi anställer fler fältassistenter.\n",
        encoding="utf-8",
    )
    blocks = read_plan(path).blocks
    assert [(b.kind, b.text) for b in blocks if b.kind is BlockKind.HEADING] == [
        (BlockKind.HEADING, "1. Förvaltningsdirektören har ordet"),
        (BlockKind.HEADING, "2. Aktiviteter"),
    ]
    assert blocks[1].section == ("1. Förvaltningsdirektören har ordet",)
    assert blocks[-1].kind is BlockKind.LIST_ITEM and blocks[-1].section == ("2. Aktiviteter",)


def test_windows_1252_text_is_read(tmp_path: Path) -> None:
    path = tmp_path / "plan.txt"
    path.write_bytes("Förvaltningen ska öka tryggheten i våra parker.\n".encode("cp1252"))
    assert read_plan(path, require_swedish=False).blocks[0].text == "Förvaltningen ska öka tryggheten i våra parker."


def test_outline_json_and_text(tmp_path: Path) -> None:
    path = tmp_path / "plan.md"
    path.write_text(MARKDOWN, encoding="utf-8")
    data = json.loads(run_cli("outline", "--format", "json", path).stdout)
    assert data["format"] == "md" and data["blocks"][0] == {
        "block": 0,
        "kind": "title",
        "text": "Verksamhetsplan 2026",
        "section": [],
        "location": {"line": 1},
        "cue": "markup",
    }
    text = run_cli("outline", path).stdout
    assert "Avsnitt" in text and "  Mål och indikatorer" in text and "tabell 1, rad 2, kolumn 3" in text


def test_control_characters_never_reach_a_report(tmp_path: Path) -> None:
    path = tmp_path / "plan.txt"
    path.write_text("Tryggheten ska öka \x1b[2J\x1b]0;titel\x07i parkerna.\n", encoding="utf-8")
    output = run_cli("check", "--fail-on", "never", path).output
    assert "\x1b" not in output and "\x07" not in output and "Tryggheten ska öka" in output
