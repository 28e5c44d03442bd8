"""Receive an upload: stream a multipart request straight into a private folder, within the size limits.

Nothing is held in memory or spooled elsewhere: each file part is written as it arrives to the request's own
folder under a safe name (the user's file name without any folder, control characters or leading dots), and
the request stops with `TooLarge` as soon as it passes a limit. The content is checked, not the name: a file
named as text must hold text (a Word file or PDF has its signature checked by the reader).
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO

from python_multipart.exceptions import MultipartParseError
from python_multipart.multipart import MultipartParser, parse_options_header
from starlette.requests import Request

from planlint.document.reader import READERS
from planlint.errors import PlanInputError
from planlint.web.limits import ServeLimits

if TYPE_CHECKING:
    from python_multipart.multipart import MultipartCallbacks

MAX_FIELDS, MAX_FIELD_BYTES = 16, 1024  # form fields that are not files (the button pressed, the language)
MAX_NAME = 120  # characters kept of a file name
SNIFF_BYTES = 8192


class TooLarge(Exception):
    """A file, the request or the number of files is over its limit (`what`: file, request or files)."""

    def __init__(self, what: str) -> None:
        super().__init__(what)
        self.what = what


class BadUpload(Exception):
    """The request is not a readable multipart form."""


@dataclass
class Upload:
    fields: dict[str, str] = field(default_factory=dict)
    files: dict[str, list[str]] = field(default_factory=dict)  # form field -> names of the files saved

    def plans(self, name: str) -> list[str]:
        return self.files.get(name, [])


def declared_too_large(request: Request, limits: ServeLimits) -> bool:
    """The request says up front that it is larger than allowed."""
    length = request.headers.get("content-length", "")
    return length.isdigit() and int(length) > limits.request_bytes


async def receive(request: Request, folder: Path, limits: ServeLimits) -> Upload:
    """Parse the request's form into `folder`, or raise TooLarge or BadUpload."""
    kind, params = parse_options_header(request.headers.get("content-type", ""))
    if kind != b"multipart/form-data" or not params.get(b"boundary"):
        raise BadUpload
    receiver = _Receiver(folder, limits)
    parser = MultipartParser(params[b"boundary"], receiver.callbacks())
    total = 0
    try:
        async for chunk in request.stream():
            total += len(chunk)
            if total > limits.request_bytes:
                raise TooLarge("request")
            parser.write(chunk)
        parser.finalize()
    except MultipartParseError:
        raise BadUpload from None
    finally:
        receiver.close()
    if receiver.over is not None:
        raise TooLarge(receiver.over)
    return receiver.upload


class _Receiver:
    """The parser's callbacks: headers of each part, then its data to a file or a small field."""

    def __init__(self, folder: Path, limits: ServeLimits) -> None:
        self.folder, self.limits = folder, limits
        self.upload = Upload()
        self.over: str | None = None  # the first limit passed; the rest of the request is read and dropped
        self._header, self._value = b"", b""
        self._disposition = b""
        self._field: str | None = None
        self._data = bytearray()
        self._file: BinaryIO | None = None
        self._size = 0
        self._count = 0

    def callbacks(self) -> MultipartCallbacks:
        return {
            "on_part_begin": self._begin,
            "on_header_field": lambda data, start, end: self._grow("_header", data[start:end]),
            "on_header_value": lambda data, start, end: self._grow("_value", data[start:end]),
            "on_header_end": self._header_end,
            "on_headers_finished": self._headers_finished,
            "on_part_data": self._part_data,
            "on_part_end": self._part_end,
        }

    def _grow(self, name: str, data: bytes) -> None:
        value = getattr(self, name) + data
        if len(value) > MAX_FIELD_BYTES:
            raise BadUpload
        setattr(self, name, value)

    def _begin(self) -> None:
        self._disposition, self._field, self._file, self._size = b"", None, None, 0
        self._data.clear()

    def _header_end(self) -> None:
        if self._header.lower() == b"content-disposition":
            self._disposition = self._value
        self._header, self._value = b"", b""

    def _headers_finished(self) -> None:
        _, options = parse_options_header(self._disposition)
        if b"name" not in options:
            raise BadUpload
        self._field = _text(options[b"name"])
        filename = options.get(b"filename")
        if filename is None:
            if len(self.upload.fields) >= MAX_FIELDS:
                raise BadUpload
            return
        if not filename:
            self._field = None  # a file input left empty
            return
        self._count += 1
        if self._count > self.limits.files:
            self.over = self.over or "files"
        if self.over is not None:
            self._field = None
            return
        name = safe_name(_text(filename), {n for names in self.upload.files.values() for n in names})
        self._file = (self.folder / name).open("xb")
        self.upload.files.setdefault(self._field, []).append(name)

    def _part_data(self, data: bytes, start: int, end: int) -> None:
        if self._field is None:
            return
        if self._file is None:
            self._data += data[start:end]
            if len(self._data) > MAX_FIELD_BYTES:
                raise BadUpload
            return
        self._size += end - start
        if self._size > self.limits.file_bytes:
            self.over = self.over or "file"
            self.close()
            self._field = None
            return
        self._file.write(data[start:end])

    def _part_end(self) -> None:
        if self._file is not None:
            self.close()
        elif self._field is not None:
            self.upload.fields[self._field] = _text(bytes(self._data))

    def close(self) -> None:
        if self._file is not None:
            self._file.close()
            self._file = None


def _text(raw: bytes) -> str:
    return raw.decode("utf-8", errors="replace")


def safe_name(raw: str, taken: set[str]) -> str:
    """The file's own name, fit to save and show: no folders, no control characters, no leading dots, not too
    long, and not the same as a name already taken in the request ("plan (2).docx")."""
    name = unicodedata.normalize("NFC", raw.replace("\\", "/").rsplit("/", 1)[-1])
    name = "".join(ch for ch in name if ch.isprintable()).strip().lstrip(".").strip() or "plan"
    path = Path(name)
    stem, suffix = (path.stem, path.suffix) if len(path.suffix) <= 10 else (name, "")
    stem = stem[: MAX_NAME - len(suffix)]
    candidate, n = f"{stem}{suffix}", 1
    while candidate in taken:
        n += 1
        candidate = f"{stem} ({n}){suffix}"
    return candidate


def check_content(folder: Path, name: str) -> None:
    """A file named as text (.txt, .md) must hold text, not a Word file, a PDF or other binary data; the
    reader checks the signature of the other formats itself. Raises the command line's message."""
    suffix = Path(name).suffix.lower()
    if suffix not in READERS or READERS[suffix][1] is not None:
        return
    with (folder / name).open("rb") as f:
        head = f.read(SNIFF_BYTES)
    controls = sum(1 for b in head if b < 9 or 13 < b < 32)
    if b"\x00" in head or controls > len(head) // 100:
        raise PlanInputError(Path(name), "wrong_content", suffix=suffix, expected=READERS[suffix][2])
