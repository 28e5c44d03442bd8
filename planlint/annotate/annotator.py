"""`planlint annotate`: a copy of a Word plan with planlint's findings, suggestions and summary as Word comments.

The plan is checked as by `planlint check`, from the blocks the .docx reader finds in the very document
python-docx opened, so every block knows the w:p it came from. Each anchor paragraph gets at most one comment
(author "planlint", initials "PL", the mark that lets a later run replace them): the summary on the first
paragraph, each finding with its suggestion on the paragraph it concerns (a missing part on the heading of
the section where it belongs), and, only when asked for (`evidence`), the strongest evidence per concept and
section on its paragraph. No comment is anchored on a line of the table of contents. The input is never
written; the copy is written atomically.
"""

from __future__ import annotations

import datetime as dt
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path

import docx
from lxml import etree

from planlint.analysis.depth import DepthJudge
from planlint.annotate.comments import Note, add_comments, remove_comments
from planlint.document.docx import open_word, read_word
from planlint.document.limits import DEFAULT_LIMITS, Limits
from planlint.document.model import BlockKind, Document
from planlint.document.reader import SUPPORTED_SUFFIXES, accept, reader_for
from planlint.errors import PlanlintError
from planlint.i18n import Catalog, pick
from planlint.os_errors import os_reason
from planlint.project.runner import RunOptions, check_document, settings_for
from planlint.reporters import labels
from planlint.reporters.why import reason_text, why_text
from planlint.result import Evidence, Finding, PlanResult, Status, evidence_rank

AUTHOR, INITIALS = "planlint", "PL"
PREFIX = "planlint: "
OUTPUT_SUFFIX = "-granskad"
WORD_SUFFIX = ".docx"
NO_FOLDER = ("mappen finns inte", "the folder does not exist")
# Where to add what a concept lacks: the section role (in the pack's language.yaml) of the next step.
NEXT_ROLE = {Status.SAKNAS: "goal", Status.NAMND: "goal", Status.KONKRETISERAD: "indicator"}

T = Catalog(
    {
        "score": (
            "Sammanvägt {score}/100 (regelpaket {name} {version})",
            "Overall {score}/100 (rule pack {name} {version})",
        ),
        "concept": ("{symbol} {name}: {status}", "{symbol} {name}: {status}"),
        "findings": (
            "{n} anmärkningar att åtgärda, se kommentarerna i planen.",
            "{n} findings to fix, see the comments in the plan.",
        ),
        "finding": (
            "1 anmärkning att åtgärda, se kommentarerna i planen.",
            "1 finding to fix, see the comments in the plan.",
        ),
        "evidence": ("{name} – {status}", "{name} – {status}"),
        "terms": ("{evidence} (ord: {terms})", "{evidence} (words: {terms})"),
        "why": ("{line} – {why}", "{line} – {why}"),
        "because": ("Varför: {why}", "Why: {why}"),
        "reason": ("{line}; här {reason}", "{line}; here {reason}"),
        "not_word": (
            (
                "planlint annotate skriver kommentarer i Word-dokument (.docx) och kan inte kommentera {suffix}. "
                "Skriv en HTML-rapport i stället: planlint report {plan} -o rapport.html"
            ),
            (
                "planlint annotate writes comments into Word documents (.docx) and cannot comment {suffix}. "
                "Write an HTML report instead: planlint report {plan} -o report.html"
            ),
        ),
        "output_not_word": (
            "den kommenterade kopian är ett Word-dokument och måste sluta på .docx.",
            "the annotated copy is a Word document and must end in .docx.",
        ),
        "same_file": (
            "kopian skulle skriva över planen själv. planlint ändrar aldrig planen; välj ett annat namn med -o.",
            "the copy would overwrite the plan itself. planlint never changes the plan; choose another name with -o.",
        ),
    }
)


class AnnotateError(PlanlintError):
    """An input or output that `annotate` cannot use, told with this module's messages (exit status 2)."""

    def message(self, lang: str = "sv") -> str:
        text = T(self.key, lang, **self.params)
        return f"{self.path}: {text}" if self.path is not None else text


@dataclass(frozen=True)
class Annotated:
    """What `annotate` wrote."""

    path: Path
    comments: int  # planlint comments in the copy
    replaced: int  # earlier planlint comments removed


def output_for(plan: Path, output: Path | None, force: bool) -> Path:
    """The path of the copy (`<name>-granskad.docx` beside the plan by default), or raise when it cannot be used."""
    if plan.suffix.lower() != WORD_SUFFIX:
        if plan.suffix.lower() not in SUPPORTED_SUFFIXES:
            reader_for(plan)  # a missing file, .doc or other format gets the reader's own message
        raise AnnotateError(plan, "not_word", suffix=plan.suffix or plan.name, plan=plan)
    target = output or plan.with_name(f"{plan.stem}{OUTPUT_SUFFIX}{WORD_SUFFIX}")
    if target.suffix.lower() != WORD_SUFFIX:
        raise AnnotateError(target, "output_not_word")
    if target.resolve() == plan.resolve() or (target.exists() and plan.exists() and target.samefile(plan)):
        raise AnnotateError(target, "same_file")
    if target.exists() and not force:
        raise PlanlintError(target, "exists")
    if not target.parent.is_dir():
        raise PlanlintError(target, "output", reason=NO_FOLDER)
    return target


def annotate(
    plan: Path,
    target: Path,
    options: RunOptions,
    lang: str,
    limits: Limits = DEFAULT_LIMITS,
    evidence: bool = False,
) -> Annotated:
    """Check `plan` and write a copy with planlint's comments to `target` (see `output_for`)."""
    settings = settings_for(plan, options)
    reader_for(plan, limits)  # the checks every command makes before reading: format, size
    word = open_word(plan, limits)
    elements: dict[int, etree._Element] = {}
    document = accept(read_word(word, plan, limits, elements))  # and after: text, language
    result = check_document(document, settings, options)
    replaced = remove_comments(word, AUTHOR, plan)
    notes = notes_for(result, elements, lang, evidence)
    add_comments(word, notes, AUTHOR, INITIALS, dt.datetime.now(dt.UTC))
    save(word, target)
    return Annotated(target, len(notes), replaced)


def notes_for(result: PlanResult, elements: dict[int, etree._Element], lang: str, evidence: bool = False) -> list[Note]:
    """The comments to write, one per anchor paragraph in document order: summary, then findings, then (with
    `evidence`) the strongest evidence."""
    notes = _Notes(elements, result.document)
    notes.add(0, summary(result, lang))
    headings = role_headings(result.document, DepthJudge(result.pack.language, result.document))
    for finding in result.findings:
        if not finding.suppressed:
            notes.add(gap_block(finding, result, headings), gap_lines(finding, result, lang))
    if not evidence:
        return notes.comments()
    noted: set[tuple[etree._Element, str]] = set()  # one line per concept and paragraph
    for passage in strongest_evidence(result):
        anchor = (elements[passage.block], passage.concept)
        if anchor not in noted:
            noted.add(anchor)
            notes.add(passage.block, [evidence_line(result, passage, lang)])
    return notes.comments()


class _Notes:
    """Comment paragraphs gathered per anchor paragraph, so that each paragraph gets one comment."""

    def __init__(self, elements: dict[int, etree._Element], document: Document) -> None:
        self._elements = elements
        self._document = document
        self._lines: dict[etree._Element, list[str]] = {}
        self._first: dict[etree._Element, int] = {}  # the first block anchored on each paragraph

    def add(self, block: int, lines: list[str]) -> None:
        block = body_block(self._document, block)
        element = self._elements[block]
        self._lines.setdefault(element, []).extend(lines)
        self._first[element] = min(self._first.get(element, block), block)

    def comments(self) -> list[Note]:
        ordered = sorted(self._lines.items(), key=lambda item: self._first[item[0]])
        return [(element, [PREFIX + lines[0], *lines[1:]]) for element, lines in ordered]


def summary(result: PlanResult, lang: str) -> list[str]:
    """The overall score, a line per concept with symbol and status word, and the number of findings."""
    pack = result.pack
    lines = [T("score", lang, score=result.score, name=pack.name, version=pack.version)]
    for concept in result.concepts:
        name = pick(pack.concept(concept.concept_id).name, lang)
        if concept.exempt is not None:
            lines.append(T("concept", lang, symbol=labels.EXEMPT_SYMBOL, name=name, status=labels.T("exempt", lang)))
        else:
            symbol, status = labels.STATUS_SYMBOLS[concept.status], labels.status_word(concept.status, lang)
            line = T("concept", lang, symbol=symbol, name=name, status=status)
            why = why_text(concept, lang)
            lines.append(T("why", lang, line=line, why=why) if why else line)
    active = sum(1 for f in result.findings if not f.suppressed)
    lines.append(
        T("findings", lang, n=active) if active > 1 else T("finding", lang) if active else labels.T("no_findings", lang)
    )
    return lines


def body_block(document: Document, block: int) -> int:
    """`block`, or the first block after it that is no line of the table of contents."""
    blocks = document.blocks
    following = (b.index for b in blocks[block:] if not b.toc)
    return next(following, block)


def role_headings(document: Document, judge: DepthJudge) -> dict[str, int]:
    """For each section role, the block of the first outermost heading that has that role itself."""
    found: dict[str, int] = {}
    blocks = document.blocks
    for block in blocks:
        role = judge.section_role((block.text,)) if block.kind is BlockKind.HEADING and not block.toc else None
        if role is not None and (role not in found or (block.level or 0) < (blocks[found[role]].level or 0)):
            found[role] = block.index
    return found


def gap_block(finding: Finding, result: PlanResult, headings: dict[str, int]) -> int:
    """Where a finding goes: on the paragraph it concerns (a concept only mentioned, an out-of-date goal …);
    a part the plan lacks on the heading of the section that should carry it; anything else at the start."""
    if finding.block is not None:
        return finding.block
    if finding.concept is not None:
        role = NEXT_ROLE.get(result.concept(finding.concept).status, "goal")
        return headings.get(role, 0)
    return 0


def gap_lines(finding: Finding, result: PlanResult, lang: str) -> list[str]:
    """A finding's message, why the part stands where it does, and the suggestion."""
    lines = [pick(finding.message, lang)]
    why = why_text(result.concept(finding.concept), lang) if finding.concept else None
    if why:
        lines.append(T("because", lang, why=why))
    if finding.suggestion:
        lines.append(labels.T("suggestion", lang, text=pick(finding.suggestion, lang)))
    return lines


def strongest_evidence(result: PlanResult) -> list[Evidence]:
    """The strongest counted evidence per concept and section, concepts in pack order, strongest first."""
    best: dict[tuple[str, tuple[str, ...]], Evidence] = {}
    for concept in result.concepts:
        for evidence in concept.evidence:
            key = (evidence.concept, evidence.section)
            if evidence.counts and (key not in best or evidence_rank(evidence) > evidence_rank(best[key])):
                best[key] = evidence
    order = {c.concept_id: i for i, c in enumerate(result.concepts)}
    ranked = sorted(best.values(), key=evidence_rank, reverse=True)
    return sorted(ranked, key=lambda e: order[e.concept])


def evidence_line(result: PlanResult, evidence: Evidence, lang: str) -> str:
    name = pick(result.pack.concept(evidence.concept).name, lang)
    line = T("evidence", lang, name=name, status=labels.evidence_word(evidence.status, lang))
    terms = list(dict.fromkeys(term.lower() for term in evidence.terms))
    line = T("terms", lang, evidence=line, terms=", ".join(terms)) if terms else line
    return T("reason", lang, line=line, reason=reason_text(evidence.reason, lang)) if evidence.reason else line


def save(word: docx.document.Document, target: Path) -> None:
    """Write atomically: a temporary file in the target's folder, then renamed over it."""
    try:
        handle, temporary = tempfile.mkstemp(prefix=f".{target.stem}-", suffix=WORD_SUFFIX, dir=target.parent)
        os.close(handle)
    except OSError as exc:
        raise PlanlintError(target, "output", reason=os_reason(exc)) from None
    try:
        word.save(temporary)
        os.chmod(temporary, _file_mode(target))
        os.replace(temporary, target)
    except OSError as exc:
        raise PlanlintError(target, "output", reason=os_reason(exc)) from None
    finally:
        if os.path.exists(temporary):
            os.unlink(temporary)


def _file_mode(target: Path) -> int:
    """The mode of the file replaced, else that of a new file (mkstemp makes it private to the owner)."""
    if target.exists():
        return target.stat().st_mode & 0o777
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask
