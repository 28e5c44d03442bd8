"""User-facing messages: the compiled Swedish catalogue for click is up to date (Babel compiles it), and no
message is written twice in planlint's catalogues (a shared word lives in one place, e.g. reporters/labels)."""

from __future__ import annotations

import importlib
import io
import pkgutil
from collections import defaultdict
from pathlib import Path

import pytest

import planlint
from planlint.i18n import LOCALE_DIR, Catalog

babel_mofile = pytest.importorskip("babel.messages.mofile")
babel_pofile = pytest.importorskip("babel.messages.pofile")


@pytest.mark.parametrize("po", sorted(LOCALE_DIR.glob("*/LC_MESSAGES/*.po")), ids=lambda p: p.parts[-3])
def test_committed_mo_holds_what_babel_compiles_from_the_po(po: Path) -> None:
    with po.open("rb") as source:
        catalog = babel_pofile.read_po(source)
    compiled = io.BytesIO()
    babel_mofile.write_mo(compiled, catalog)
    compiled.seek(0)
    with po.with_suffix(".mo").open("rb") as committed:
        assert _messages(babel_mofile.read_mo(committed)) == _messages(babel_mofile.read_mo(compiled)), (
            "run: pybabel compile -d planlint/locale -D planlint"
        )
    assert len(catalog) > 10


def _messages(catalog) -> dict:
    """Every message but the header (whose Generated-By names the Babel version)."""
    return {str(m.id): m.string for m in catalog if m.id}


def test_no_message_is_said_twice() -> None:
    places = defaultdict(set)
    for module in pkgutil.walk_packages(planlint.__path__, "planlint."):
        if module.name.endswith("__main__"):
            continue
        for name, value in vars(importlib.import_module(module.name)).items():
            if isinstance(value, Catalog):
                for key, pair in value._messages.items():
                    places[pair].add((id(value), f"{module.name}.{name}[{key}]"))
    repeated = {
        pair[0]: sorted(n for _, n in found) for pair, found in places.items() if len({i for i, _ in found}) > 1
    }
    assert not repeated, repeated
