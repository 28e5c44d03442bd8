"""Inflected forms of the pack's lemmas, compiled once per pack rather than loaded on every run.

The forms come from simplemma's Swedish dictionary (form → lemma, inverted for the pack's lemmas only).
A pack ships its compiled `lexicon.json`; when the pack's lemmas change, planlint compiles the missing
ones again (with simplemma when it is installed, else with regular Swedish endings) and caches the result.

Run `python -m planlint.rulepack.lexicon [PACK_DIR]` to rebuild a pack's lexicon.json.
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
from pathlib import Path

from planlint.errors import PackError

LEXICON_FILE = "lexicon.json"
# The key of lexicon.json that lists Swedish words one typo away from the pack's vocabulary ("inflyttande",
# "kräkning"): they are words of their own, never typos. Without it planlint corrects no typos.
LOOKALIKES = "#lookalikes"
# Regular Swedish endings, used only when simplemma is not installed to compile a new lemma.
FALLBACK_ENDINGS = (
    "",
    "s",
    "n",
    "ns",
    "en",
    "ens",
    "et",
    "ets",
    "er",
    "ers",
    "erna",
    "ernas",
    "ar",
    "arna",
    "or",
    "orna",
    "a",
    "as",
    "t",
    "e",
    "r",
    "de",
    "d",
    "ade",
    "ades",
    "at",
    "ats",
    "as",
    "are",
    "ast",
)


def load_forms(pack_root: Path, lemmas: frozenset[str]) -> dict[str, frozenset[str]]:
    """Forms for each lemma: from the pack's lexicon.json, completed (and cached) for lemmas it lacks."""
    shipped = _read(pack_root / LEXICON_FILE, shipped=True)
    missing = sorted(lemmas - shipped.keys())
    if missing:
        cache = _cache_dir() / f"lexicon-{_digest(missing)}.json"
        extra = _read(cache)
        if set(missing) - extra.keys():
            extra = compile_forms(missing)
            try:
                _write(cache, extra)
            except OSError:
                pass  # a read-only cache only costs the compilation again on the next run
        shipped = {**shipped, **extra}
    return {lemma: frozenset(shipped[lemma]) | {lemma} for lemma in lemmas}


def load_lookalikes(pack_root: Path) -> frozenset[str]:
    """The Swedish words that look like typos of the pack's vocabulary (empty: no typo correction)."""
    return frozenset(_read(pack_root / LEXICON_FILE, shipped=True).get(LOOKALIKES, ()))


def compile_forms(lemmas: list[str]) -> dict[str, list[str]]:
    """Inflected forms of each lemma, from simplemma's Swedish dictionary when it is installed."""
    try:
        from simplemma.strategies.dictionaries.dictionary_factory import (
            DefaultDictionaryFactory,
        )
    except ImportError:
        return {lemma: sorted({lemma + e for e in FALLBACK_ENDINGS}) for lemma in lemmas}
    dictionary = DefaultDictionaryFactory().get_dictionary("sv")
    wanted = set(lemmas)
    forms: dict[str, set[str]] = {lemma: {lemma} for lemma in lemmas}
    for form, lemma in dictionary.items():
        lemma = lemma.decode() if isinstance(lemma, bytes) else lemma
        if lemma in wanted:
            forms[lemma].add(form.lower())
    for lemma, found in forms.items():
        if found == {lemma}:  # not in the dictionary: regular endings
            found.update(lemma + e for e in FALLBACK_ENDINGS)
    return {lemma: sorted(found) for lemma, found in forms.items()}


def build_pack_lexicon(pack_root: Path) -> Path:
    """Write the pack's lexicon.json for all its lemmas."""
    from planlint.rulepack.pack import load_pack

    pack = load_pack(pack_root)
    target = pack.root / LEXICON_FILE
    forms = compile_forms(sorted(pack.lemmas))
    _write(target, {**forms, LOOKALIKES: compile_lookalikes(pack, forms)})
    return target


def compile_lookalikes(pack, forms: dict[str, list[str]]) -> list[str]:
    """The typos planlint would correct that simplemma's Swedish dictionary knows as words."""
    from simplemma.strategies.dictionaries.dictionary_factory import DefaultDictionaryFactory

    from planlint.analysis.matching import ConceptIndex

    known = {form.lower() for form in DefaultDictionaryFactory().get_dictionary("sv")}
    index = ConceptIndex(pack, {lemma: frozenset(found) | {lemma} for lemma, found in forms.items()})
    return sorted(index.typo_keys() & known)


def _read(path: Path, shipped: bool = False) -> dict[str, list[str]]:
    """A lexicon: word → list of forms. A pack's own (`shipped`) that is broken is an error naming the file and
    the key; a broken cache is just compiled again."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return {}
    except (OSError, ValueError, RecursionError):
        if shipped:
            raise PackError(
                path, ("lexikonet går inte att läsa som JSON", "the lexicon cannot be read as JSON")
            ) from None
        return {}
    wrong = _wrong_key(data)
    if wrong is None:
        return data
    if shipped:
        raise PackError(
            path,
            (
                f"lexikonet ska vara ord → lista med ordformer (text), men {wrong} är det inte",
                f"the lexicon must map each word to a list of forms (text), but {wrong} does not",
            ),
        )
    return {}


def _wrong_key(data: object) -> str | None:
    """The first key whose value is not a list of texts (or "(filen)" when the whole is no mapping)."""
    if not isinstance(data, dict):
        return "(filen)"
    return next(
        (repr(k) for k, v in data.items() if not isinstance(v, list) or not all(isinstance(w, str) for w in v)), None
    )


def _write(path: Path, data: dict[str, list[str]]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(data, ensure_ascii=False, indent=0, sort_keys=True) + "\n", encoding="utf-8")


def _cache_dir() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "planlint"


def _digest(lemmas: list[str]) -> str:
    return hashlib.sha256("\n".join(lemmas).encode()).hexdigest()[:16]


if __name__ == "__main__":
    from planlint.rulepack.pack import default_pack_dir

    print(build_pack_lexicon(Path(sys.argv[1]) if len(sys.argv) > 1 else default_pack_dir()))
