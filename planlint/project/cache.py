"""The result cache: a plan is not checked again while nothing its result depends on has changed.

A result is kept under a key made of the plan's path and content hash, the rule pack's content hash (its
version is in pack.yaml), the resolved configuration and planlint's version and code. The rule pack itself is
kept too, so that a run over unchanged plans neither parses YAML nor builds the matcher. Entries are written
to a temporary file and renamed, so parallel workers never see half an entry; an unreadable entry is a miss,
and a cache that cannot be written only costs the check again. The folder follows the platform's
conventions, or PLANLINT_CACHE_DIR.
"""

from __future__ import annotations

import dataclasses
import gc
import hashlib
import io
import os
import pickle
import sys
import tempfile
from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import cast

import planlint
from planlint.document.model import Block, Document
from planlint.result import PlanResult
from planlint.rulepack.pack import Pack, default_pack_dir, load_pack

CACHE_ENV = "PLANLINT_CACHE_DIR"
LAYOUT = "v3"  # the entries' format; a new one starts a new folder
TAG = "Signature: 8a477f597d28d172789f06886806bc55\n# planlint's result cache; safe to delete.\n"


def cache_dir() -> Path:
    """PLANLINT_CACHE_DIR, else the platform's cache folder for planlint."""
    if os.environ.get(CACHE_ENV):
        return Path(os.environ[CACHE_ENV])
    if sys.platform == "win32":
        base = Path(os.environ.get("LOCALAPPDATA") or Path.home() / "AppData" / "Local")
        return base / "planlint" / "Cache"
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Caches" / "planlint"
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "planlint"


class ResultCache:
    """Results and compiled packs on disk, under keys of everything they depend on."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self._root = folder / LAYOUT
        self._packs: dict[str, Pack] = {}
        self._fingerprints: dict[Path | None, str] = {}

    def key(self, plan: Path, pack_path: Path | None, settings: object) -> str:
        """The key of a plan's result under `settings` (the resolved configuration and the run's options that
        change results); reads the plan's bytes to hash them (OSError when it cannot)."""
        digest = hashlib.blake2b(digest_size=20)
        for part in (code_fingerprint(), str(plan), _file_hash(plan), self.pack_fingerprint(pack_path), repr(settings)):
            digest.update(part.encode("utf-8", "surrogatepass") + b"\0")
        return digest.hexdigest()

    def get(self, key: str, pack_path: Path | None) -> PlanResult | None:
        """The cached result, or None."""
        try:
            return unpack_result(self._entry("results", key).read_bytes(), lambda: self.pack(pack_path))
        except Exception:  # missing, half-written by another version, or damaged: check the plan again
            return None

    def put(self, key: str, result: PlanResult) -> None:
        self._write(self._entry("results", key), pack_result(result))

    def pack(self, pack_path: Path | None) -> Pack:
        """The rule pack, from the cache while its files are unchanged (no YAML is parsed then)."""
        fingerprint = self.pack_fingerprint(pack_path)
        if fingerprint in self._packs:
            return self._packs[fingerprint]
        path = self._entry("packs", fingerprint)
        try:
            pack = pickle.loads(path.read_bytes())
        except Exception:
            pack = load_pack(pack_path)
            self._write(path, pickle.dumps(pack, protocol=pickle.HIGHEST_PROTOCOL))
        self._packs[fingerprint] = pack
        return pack

    def pack_fingerprint(self, pack_path: Path | None) -> str:
        """A hash of every file of the rule pack and of its folder, computed once per run."""
        if pack_path not in self._fingerprints:
            self._fingerprints[pack_path] = _pack_fingerprint(pack_path)
        return self._fingerprints[pack_path]

    def _write(self, path: Path, data: bytes) -> None:
        """Write to a temporary file beside `path`, then rename it; a cache that cannot be written is skipped."""
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            tag = self.folder / "CACHEDIR.TAG"  # backup tools leave a folder with this tag out
            if not tag.exists():
                tag.write_text(TAG, encoding="utf-8")
            with tempfile.NamedTemporaryFile(dir=path.parent, prefix=".tmp-", delete=False) as file:
                file.write(data)
            os.replace(file.name, path)
        except OSError:
            return

    def _entry(self, kind: str, key: str) -> Path:
        return self._root / kind / key[:2] / f"{key}.pickle"


def pack_result(result: PlanResult) -> bytes:
    """A result as bytes, for the cache or from a worker: without its rule pack (the reader has it), its blocks
    packed."""
    return _dumps(tuple(getattr(result, name) for name in _RESULT_FIELDS))


def unpack_result(data: bytes, pack: Callable[[], Pack]) -> PlanResult:
    """The result `pack_result` made, with the rule pack `pack()` gives."""
    collecting = gc.isenabled()
    gc.disable()  # thousands of new objects, none of them garbage: the collector would only walk them
    try:
        values = pickle.loads(data)
    finally:
        if collecting:
            gc.enable()
    if not (isinstance(values, tuple) and len(values) == len(_RESULT_FIELDS)):
        raise pickle.UnpicklingError("not a result")
    return PlanResult(pack=pack(), **dict(zip(_RESULT_FIELDS, values)))


_RESULT_FIELDS = tuple(f.name for f in dataclasses.fields(PlanResult) if f.name != "pack")


class _Pickler(pickle.Pickler):
    """Dataclasses with slots are kept as their field values (pickle's own way looks the fields up again for
    each of the thousands of blocks and passages, which made reading a result slower than checking a small
    plan). A rule pack is never copied into a result: `pack_result` leaves it out. (No persistent_id: pickle
    would call it for every string and number, a third of the time of a 100-page plan's result.)"""

    def reducer_override(self, obj: object):
        if type(obj) is Pack:
            raise pickle.PicklingError("a rule pack is kept by the cache itself, never inside a result")
        if type(obj) is Document:
            fields = tuple(getattr(obj, name) for name in _DOCUMENT_FIELDS)
            texts = [block.text for block in obj.blocks]
            return _cached_document, (fields, _dumps(obj.blocks), obj.word_count, _dumps(texts))
        cls: type = type(obj)
        names = _slot_fields(cls)
        if names is None:
            return NotImplemented
        values = tuple(getattr(obj, name) for name in names)
        if cls not in _BY_INIT:
            _BY_INIT[cls] = _init_rebuilds(cls, values, obj)
        return (cls, values) if _BY_INIT[cls] else (_rebuild, (cls, values))


@cache
def _slot_fields(cls: type) -> tuple[str, ...] | None:
    """The field names of a frozen dataclass with slots (which dataclasses pickle in Python), else None."""
    if not (dataclasses.is_dataclass(cls) and "__slots__" in cls.__dict__ and "__setstate__" in cls.__dict__):
        return None  # other dataclasses with slots are restored by pickle itself, in C
    return tuple(f.name for f in dataclasses.fields(cls))


_BY_INIT: dict[type, bool] = {}  # whether a class's own __init__ rebuilds its objects from their field values


def _init_rebuilds(cls: type, values: tuple, obj: object) -> bool:
    """Whether calling the class with the field values makes an equal object (a dataclass's own __init__,
    faster than setting the fields one by one); tried once per class."""
    if hasattr(cls, "__post_init__") or not all(f.init for f in dataclasses.fields(cls)):
        return False
    try:
        return cls(*values) == obj
    except TypeError:
        return False


_BLOCKS = Document.__dict__["blocks"]  # the slot that holds a Document's blocks
_DOCUMENT_FIELDS = tuple(f.name for f in dataclasses.fields(Document) if f.name != "blocks")


class _CachedDocument(Document):
    """A plan's Document from the cache, whose blocks are unpickled when first used: reports of unchanged plans
    mostly need the statuses and findings, which carry their own quotes and places, and the first words of a
    few paragraphs to say where they are, which come from the blocks' texts alone (a tenth of the blocks)."""

    __slots__ = ("_packed", "_words", "_texts")
    _packed: bytes | None
    _words: int | None
    _texts: bytes | list[str] | None

    @property
    def blocks(self) -> list[Block]:
        if self._packed is not None:
            _BLOCKS.__set__(self, pickle.loads(self._packed))
            self._packed = self._texts = None
        return _BLOCKS.__get__(self)

    @blocks.setter
    def blocks(self, value: list[Block]) -> None:
        _BLOCKS.__set__(self, value)
        self._packed = self._words = self._texts = None

    @property
    def word_count(self) -> int:
        return self._words if self._words is not None else super().word_count

    @property
    def block_count(self) -> int:
        return len(self._block_texts()) if self._texts is not None else super().block_count

    def block_text(self, index: int | None) -> str | None:
        if self._texts is None:
            return super().block_text(index)
        texts = self._block_texts()
        return texts[index] if index is not None and 0 <= index < len(texts) else None

    def _block_texts(self) -> list[str]:
        if isinstance(self._texts, bytes):
            self._texts = pickle.loads(self._texts)
        return cast(list[str], self._texts)


def _cached_document(fields: tuple, packed: bytes, words: int, texts: bytes) -> _CachedDocument:
    document = object.__new__(_CachedDocument)
    for name, value in zip(_DOCUMENT_FIELDS, fields):
        object.__setattr__(document, name, value)
    document._packed, document._words, document._texts = packed, words, texts
    return document


def _rebuild(cls: type, values: tuple) -> object:
    obj: object = object.__new__(cls)
    for name, value in zip(_slot_fields(cls) or (), values):
        object.__setattr__(obj, name, value)  # frozen ones too
    return obj


def _dumps(obj: object) -> bytes:
    buffer = io.BytesIO()
    _Pickler(buffer, protocol=pickle.HIGHEST_PROTOCOL).dump(obj)
    return buffer.getvalue()


def _file_hash(path: Path) -> str:
    return hashlib.blake2b(path.read_bytes(), digest_size=20).hexdigest()


def _pack_fingerprint(pack_path: Path | None) -> str:
    root = Path(pack_path) if pack_path else default_pack_dir()
    root = (root.parent if root.is_file() else root).resolve()
    digest = hashlib.blake2b(str(root).encode("utf-8", "surrogatepass"), digest_size=20)
    for file in sorted(p for p in root.rglob("*") if p.is_file()):
        digest.update(b"\0" + file.relative_to(root).as_posix().encode("utf-8", "surrogatepass") + b"\0")
        digest.update(file.read_bytes())
    return digest.hexdigest()


@cache
def code_fingerprint() -> str:
    """planlint's version and the size and time of each of its files (a reinstall or an edit changes it)."""
    root = Path(planlint.__file__).parent
    parts = [planlint.__version__, LAYOUT]
    for folder, folders, files in os.walk(root):
        folders[:] = sorted(f for f in folders if f != "__pycache__")
        for name in sorted(files):
            stat = os.stat(os.path.join(folder, name))
            parts.append(f"{os.path.relpath(os.path.join(folder, name), root)}:{stat.st_size}:{stat.st_mtime_ns}")
    return hashlib.blake2b("\n".join(parts).encode("utf-8", "surrogatepass"), digest_size=20).hexdigest()
