"""The plan's identity: title, organisation and period from labelled fields (front matter, a report header such
as "Enhet: …" and "Period: 2026"), the document properties and the title page. The first value found is kept."""

from __future__ import annotations

import re
from collections.abc import Callable

from planlint.document.model import Document, normalize_space
from planlint.document.structure import period

# field label (lower case, as front matter or a planning system's report header writes it) -> identity field
LABELS = {
    "title": "title",
    "titel": "title",
    "rubrik": "title",
    "rapport": "title",
    "organisation": "organisation",
    "organization": "organisation",
    "förvaltning": "organisation",
    "nämnd": "organisation",
    "bolag": "organisation",
    "enhet": "organisation",
    "verksamhet": "organisation",
    "department": "organisation",
    "period": "period",
    "planperiod": "period",
    "år": "period",
    "year": "period",
}
LABELLED_LINE = re.compile(r"^\s*([^\W\d_][\w ]{0,20}?)\s*:\s*(\S.{0,150})$")
MAX_VALUE_CHARS = 150
MAX_ORGANISATION_WORDS = 6
TITLE_PARTS = re.compile(r"\s[–—-]\s|:\s")  # "Verksamhetsplan 2026 – Kulturförvaltningen"
# A document property that only names the file or the template it was made from is no title.
FILE_NAME_TITLE = re.compile(r"^(?:microsoft word - )|\.(?:docx?|pdf|odt|indd|pages)$", re.I)


def labelled(document: Document, label: str, value: object) -> bool:
    """Set the identity field that `label` names from `value`, unless it is set already; True if the label names one."""
    field = LABELS.get(label.strip().lower())
    if field is None or value is None or isinstance(value, (dict, list)):
        return False
    text = normalize_space(str(value))[:MAX_VALUE_CHARS]
    if not text:
        return True
    if field == "period":
        text = period(text) or text
    if getattr(document, field) is None:
        setattr(document, field, text)
    return True


def labelled_line(document: Document, line: str) -> bool:
    """Read a "Label: value" line of a report header into the identity; True if its label names a field."""
    match = LABELLED_LINE.match(line)
    return match is not None and labelled(document, match.group(1), match.group(2))


def labelled_front(document: Document) -> None:
    """Read the "Label: value" lines of the title page (a planning system's report header) into the identity."""
    for line in document.front:
        labelled_line(document, line)


def is_labelled(line: str) -> bool:
    """Whether a line is a "Label: value" field of the identity."""
    match = LABELLED_LINE.match(line)
    return match is not None and match.group(1).strip().lower() in LABELS


def property_title(text: str | None) -> str | None:
    """A title from the document properties, unless it only names a file."""
    text = normalize_space(text or "")
    return text if text and not FILE_NAME_TITLE.search(text) else None


def organisation(document: Document, names_organisation: Callable[[str], bool]) -> str | None:
    """The förvaltning, nämnd or bolag the plan belongs to: a labelled field, else a short line of the title page
    (or a part of the title, or the author field) with a word that `names_organisation` accepts."""
    if document.organisation:
        return document.organisation
    title = document.title or ""
    candidates = [line for line in document.front if line != title]
    candidates += [part.strip() for part in TITLE_PARTS.split(title)[1:]]
    candidates.append(document.author or "")
    for line in candidates:
        words = re.findall(r"\w+", line.lower())
        if 0 < len(words) <= MAX_ORGANISATION_WORDS and not any(c.isdigit() for c in line):
            if any(names_organisation(word) for word in words):
                return line
    return None
