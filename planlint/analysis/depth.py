"""How far a passage carries a part: context only, a commitment of the plan's own, or a commitment followed up
by a measure (GUIDELINES, "Depth").

A passage is judged by what it commits to and where it stands:
- restating the city's framework (the målbild, its building blocks, the inriktningar, Vision 2035) is context;
- text under a context heading (a foreword, Inledning, Omvärldsanalys, Ekonomi, Risker …) is context;
- a commitment is a goal or an activity of the plan's own ("ska", "vi inför", a line under a goal heading);
  an aspiration ("vi vill") or a description of how things are is not;
- a measured commitment (a value with a target: "ska öka från 14 till 25", "Målvärde 2027: minst 80 %") is
  followed up, and counts wherever it stands;
- a row of a goals or indicator table is judged as a unit, read by its column headers: followed up when its
  own target cell holds a value, a commitment when its indicator or target is still to come ("Tas fram", "–").

Every judgement carries the reason the next level was not reached, and the plan's words it points at.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from planlint.analysis.matching import Hit
from planlint.analysis.phrases import PhraseIndex, PhraseSet, WordSet
from planlint.analysis.tokens import Sentence
from planlint.document.model import Block, BlockKind, Document
from planlint.result import Evidence, Reason, Status
from planlint.rulepack.pack import LanguageCues

# A token that can be a value: it has a digit, and is not a bare year, a date or a span of years.
YEAR = re.compile(r"^\(?(?:19|20)\d\d\)?[.,:;]?$")
DATE_OR_SPAN = re.compile(r"^(?:19|20)\d\d[-–/](?:\d\d[-–/]\d\d|(?:19|20)?\d\d)$")
DIGIT = re.compile(r"\d")
# The number of a heading or a list ("3.2", "4.", "2)") at the start of a text.
LEADING_NUMBER = re.compile(r"^\s*\d+(?:[.)]\d*)*[.)]?\s")
# Empty, or only dashes, dots and the like: a cell nobody has filled in.
SENTENCE_END = re.compile(r"(?<=[.!?])\s+")
WORD = re.compile(r"\w+|%")
BLANK = re.compile(r"^[\s\-–—.…/*x?]*$", re.IGNORECASE)
# Punctuation that joins goals' numbers ("mål 1, 2") or stands between an ordinal word and its number ("mål: 3").
JOIN_MARKS = (",", "–", "-")
FILLER_MARKS = (":", "(")
CONTEXT_ROLES = ("foreword", "context")
COMMITMENT_ROLES = ("goal", "activity", "indicator")
DETAIL_CHARS = 80
# What a word is to the count of values (DepthJudge._kind).
NUMBER, NUMBER_WORD, YEAR_OR_DATE, JOIN, OTHER = "number", "number word", "year or date", "join", "other"


# The reasons a commitment is not followed up, the most precise (what to fill in) first.
MEASURE_REASONS = ("not_developed", "no_target", "header_only", "direction_only", "no_measure")


def precision(reason: Reason | None) -> int:
    """How precisely a reason says what is missing: higher for an indicator still to come than for no measure."""
    if reason is None or reason.key not in MEASURE_REASONS:
        return 0
    return len(MEASURE_REASONS) - MEASURE_REASONS.index(reason.key)


@dataclass(frozen=True, slots=True)
class Judgement:
    """The status of a passage, and why it did not reach the next level (None at the top)."""

    status: Status
    reason: Reason | None = None

    @property
    def rank(self) -> tuple[Status, int]:
        """Stronger first; of equal status, the one whose reason says most precisely what is missing."""
        return self.status, precision(self.reason)


@dataclass(frozen=True, slots=True)
class _Column:
    role: str | None  # goal, activity, indicator, baseline, target, or None
    header: str


class DepthJudge:
    """Judges passages of one document; tables are read once, row by row, by their column headers."""

    def __init__(self, cues: LanguageCues, document: Document) -> None:
        self._indicator = PhraseSet(cues.indicator_cues)
        self._target = PhraseSet(cues.target_markers)
        self._pending = PhraseSet(cues.pending_cues)
        self._framework_parts = WordSet(cues.framework_parts)
        self._number_words = WordSet(cues.number_words)
        self._ordinal_words = WordSet(cues.ordinal_words)
        self._ordinal_fillers = WordSet([*cues.ordinal_fillers, *FILLER_MARKS])
        self._ordinal_joins = WordSet([*cues.ordinal_joins, *JOIN_MARKS])
        self._listing = cues.framework_listing
        self._money = WordSet(cues.money_words)
        self._hedges = PhraseSet(cues.hedges)
        self._sections = {role: PhraseSet(words) for role, words in cues.sections.items()}
        self._columns = {role: PhraseSet(words) for role, words in cues.table_columns.items()}
        # every kind of cue a passage is judged by, found in one pass over a sentence (see _cues)
        kinds = {
            "goal": cues.goal_cues,
            "activity": cues.activity_cues,
            "aspiration": cues.aspiration_cues,
            "description": cues.description_cues,
            "indicator": cues.indicator_cues,
            "measure": cues.target_cues,
            "target": cues.target_markers,
            "direction": cues.direction_cues,
            "pending": cues.pending_cues,
            "framework": cues.framework_cues,
            "own_voice": cues.own_voice,
            "hedge": cues.hedges,
        }
        self._cue_index = PhraseIndex([(p, kind) for kind, phrases in kinds.items() for p in phrases if p.strip()])
        self._cues_of: dict[tuple[str, ...], frozenset[str]] = {}
        self._role_cache: dict[tuple[str, ...], tuple[str, str] | None] = {}
        self._kinds: dict[str, str] = {}
        self._measured: dict[tuple[str, ...], bool] = {}
        self._pending_sentences: dict[int, tuple[list[str], str] | None] = {}
        self._cells: dict[int, Judgement] = {}
        self._blocks = document.blocks
        self._read_tables(document)

    # --- passages -------------------------------------------------------------------------------------------

    def judge(self, block: Block, words: list[str], text: str) -> Judgement:
        """The status of a sentence of `block` (its lower-case words and its text)."""
        cell = self._cells.get(block.index)
        if cell is not None:
            return cell
        place = self._place(block.section)
        measured = self.measured(words)
        cues = self._cues(words)
        activity = "activity" in cues
        lists = self._framework_parts.count_in(words) >= self._listing
        own = activity and "own_voice" in cues  # "för att nå målbilden inför vi …": the plan's own
        if lists or ("framework" in cues and not own):
            return Judgement(Status.UPPFOLJD) if measured else Judgement(Status.NAMND, Reason("framework"))
        if place is not None and place[0] in CONTEXT_ROLES:
            if measured:
                return Judgement(Status.UPPFOLJD)
            return Judgement(Status.NAMND, Reason(place[0], place[1]))
        if self.hedged(words):
            return Judgement(Status.NAMND, Reason("hedged", self._hedge_words(words)))
        if measured:
            return Judgement(Status.UPPFOLJD)
        if not activity and "aspiration" in cues:  # "vi vill att alla ska …": a wish, whatever it says
            return Judgement(Status.NAMND, Reason("aspiration"))
        describes = "description" in cues
        committed = (
            activity
            or "goal" in cues
            or "target" in cues
            or ("indicator" in cues and not describes)  # "Indikator: andel …", not "enkäten visar"
        )
        role = place[0] if place else None
        if block.kind is BlockKind.HEADING and not committed:
            return Judgement(Status.NAMND, Reason("topic_heading", text))
        goal_line = block.kind is BlockKind.LIST_ITEM  # an item listed under a goal heading states a goal
        if not committed and (role not in COMMITMENT_ROLES or (describes and not goal_line)):
            return Judgement(Status.NAMND, Reason("no_commitment"))
        return Judgement(Status.KONKRETISERAD, self._missing_measure(block, words, text))

    @staticmethod
    def parts_named(hits: list[Hit], words: list[str]) -> set[str]:
        """The parts a sentence is about: a match that holds a year ("Målvärde 2027") dates a measure, it does
        not make the sentence about another part."""
        return {h.concept for h in hits if not any(YEAR.match(w) for w in words[h.first : h.last])}

    def goal_followed_up(
        self, evidence: Evidence, sentences: list[list[Sentence]], hits: Callable[[list[str]], list[Hit]]
    ) -> bool:
        """Whether a goal heading that carries a part ("Mål 1: Fler ska ta del av kultur som ger livskvalitet")
        is followed up by a measure in the text under it that names no other part ("Indikator: andel invånare
        som besöker biblioteket, 48 % (2024), målvärde 2026: 55 %")."""
        heading = self._blocks[evidence.block]
        if heading.kind is not BlockKind.HEADING or evidence.status is not Status.KONKRETISERAD:
            return False
        path = (*heading.section, heading.text)
        for block in self._blocks[heading.index + 1 :]:
            if block.section[: len(path)] != path:
                return False
            if block.kind is BlockKind.TABLE_CELL:
                continue  # a table row is judged as a unit, with its own words
            for sentence in sentences[block.index]:
                if self.measured(sentence.words):
                    named = self.parts_named(hits(sentence.words), sentence.words)
                    if named <= {evidence.concept}:
                        return True
        return False

    def tied_measure(self, block: Block, judgement: Judgement, sentences: list[list[str]]) -> Judgement:
        """A commitment followed up in another sentence of its own paragraph ("Indikator: andel trygga.
        Målvärde 2027: 88 %.") is followed up; `sentences` are those that name no other part."""
        if judgement.status is Status.KONKRETISERAD and any(self.measured(words) for words in sentences):
            return Judgement(Status.UPPFOLJD)
        return judgement

    def hedged(self, words: list[str]) -> bool:
        return "hedge" in self._cues(words)

    def _cues(self, words: list[str]) -> frozenset[str]:
        """The kinds of cue a sentence holds (goal, activity, target …): one pass over it, once per distinct
        sentence (the judge serves one document)."""
        key = tuple(words)
        found = self._cues_of.get(key)
        if found is None:
            found = self._cues_of[key] = frozenset(kind for _, _, kind in self._cue_index.find(words))
        return found

    def _hedge_words(self, words: list[str]) -> str:
        start, end = self._hedges.spans(words)[0]
        return " ".join(words[start:end])

    def measured(self, words: list[str]) -> bool:
        """A value with a target: "ska öka från 14 till 25", "Målvärde 2027: minst 80 %", "mål 2026: 75 %".
        Each distinct sentence is judged once (the judge serves one document)."""
        key = tuple(words)
        found = self._measured.get(key)
        if found is None:
            found = self._measured[key] = self._measured_uncached(words)
        return found

    def _measured_uncached(self, words: list[str]) -> bool:
        values = self._values(words)
        if not values:  # most sentences: no number, and no need to look for cues
            return False
        cues = self._cues(words)
        if "pending" in cues and "target" not in cues:
            return False
        return "target" in cues and (values > 1 or "measure" in cues or "indicator" in cues)

    def _missing_measure(self, block: Block, words: list[str], text: str) -> Reason:
        """Why a commitment is not followed up: its indicator or target value is still to come (said here or
        elsewhere in the paragraph), a value is missing, or a direction ("ska öka") has no number."""
        cues = self._cues(words)
        if "pending" in cues:
            return self._pending_reason(words, text)
        pending = self._pending_sentence(block)
        if pending is not None:
            return self._pending_reason(*pending)
        if self._values(words) and "indicator" in cues:  # an outcome without a target
            return Reason("no_target", _short(text))
        if "direction" in cues:
            return Reason("direction_only")
        return Reason("no_measure")

    def _pending_sentence(self, block: Block) -> tuple[list[str], str] | None:
        """The words and text of the paragraph's first sentence that says an indicator or target is still to
        come (found once per paragraph)."""
        if block.index not in self._pending_sentences:
            # a phrase in one of the paragraph's sentences is among the paragraph's words (most have none)
            said = self._pending.any_in(WORD.findall(block.text.lower()))
            self._pending_sentences[block.index] = (
                next(
                    (
                        (later, sentence)
                        for sentence in SENTENCE_END.split(block.text)
                        if self._pending.any_in(later := WORD.findall(sentence.lower()))
                        and (self._indicator.any_in(later) or self._target.any_in(later))
                    ),
                    None,
                )
                if said
                else None
            )
        return self._pending_sentences[block.index]

    def _pending_reason(self, words: list[str], text: str) -> Reason:
        """A target value still to come ("målvärde tas fram") lacks a target; anything else an indicator."""
        target = "target" in self._columns and self._columns["target"].any_in(words)
        return Reason("no_target" if target else "not_developed", _short(text))

    def _has_value(self, words: list[str]) -> bool:
        return self._values(words) > 0

    def _values(self, words: list[str]) -> int:
        """How many numbers the words hold that can measure: not a year, a date, the number of a goal, a heading
        or a report ("mål 1 och 2", "3.2"), or an amount of money (a budget is not a measure of a part)."""
        kinds = [self._kinds.get(word) or self._kind(word) for word in words]
        if NUMBER not in kinds and NUMBER_WORD not in kinds:  # most sentences: no number at all
            return 0
        count, ordinal = 0, False
        for i, kind in enumerate(kinds):
            if kind is OTHER or kind is JOIN:
                ordinal = ordinal and kind is JOIN
                continue
            if kind is YEAR_OR_DATE:
                continue
            before = next((w for w in reversed(words[:i]) if w not in self._ordinal_fillers), "")
            after = words[i + 1] if i + 1 < len(words) else ""
            ordinal = (
                ordinal
                or before in self._ordinal_words
                or (i == 0 and after in (".", ")"))
                or (kind is NUMBER_WORD and after in self._ordinal_words)
            )
            if not ordinal and after not in self._money:
                count += 1
        return count

    def _kind(self, word: str) -> str:
        """What a word is to _values (once per distinct word): a number, a number word, a year or date, a word
        that joins goals' numbers, or another word."""
        if not (DIGIT.search(word) or word in self._number_words):
            kind = JOIN if word in self._ordinal_joins else OTHER
        elif YEAR.match(word) or DATE_OR_SPAN.match(word):
            kind = YEAR_OR_DATE
        else:
            kind = NUMBER_WORD if word in self._number_words else NUMBER
        self._kinds[word] = kind
        return kind

    # --- sections -------------------------------------------------------------------------------------------

    def section_role(self, section: tuple[str, ...]) -> str | None:
        """The role (goal, activity, indicator, foreword, context) of the innermost heading that has one."""
        place = self._place(section)
        return place[0] if place else None

    def _place(self, section: tuple[str, ...]) -> tuple[str, str] | None:
        """The role of the innermost heading that has one, and that heading."""
        if section not in self._role_cache:
            self._role_cache[section] = next(
                ((role, heading) for heading in reversed(section) if (role := self._heading_role(heading))), None
            )
        return self._role_cache[section]

    def _heading_role(self, heading: str) -> str | None:
        words = LEADING_NUMBER.sub("", heading + " ").lower().split()
        return next((role for role, phrases in self._sections.items() if phrases.any_in(words)), None)

    # --- tables ---------------------------------------------------------------------------------------------

    def _read_tables(self, document: Document) -> None:
        """Judge every cell of a goals or indicator table by its row (its own goal, indicator and values)."""
        tables: dict[int, dict[int, dict[int, Block]]] = {}
        for block in document.blocks:
            loc = block.location
            if block.kind is BlockKind.TABLE_CELL and loc.table is not None and loc.row and loc.column:
                tables.setdefault(loc.table, {}).setdefault(loc.row, {})[loc.column] = block
        for rows in tables.values():
            header_row = min(rows)
            columns = {n: self._column(cell.text) for n, cell in rows[header_row].items()}
            roles = {c.role for c in columns.values()}
            if not roles & {"goal", "activity", "indicator", "target"}:
                continue  # not a goals or indicator table: its cells are read as text
            filled = {n for n, c in columns.items() if c.role == "target" and self._filled_column(rows, n, header_row)}
            for n, cell in rows[header_row].items():
                reason = None if n in filled else Reason("header_only", cell.text.strip())
                self._cells[cell.index] = Judgement(Status.UPPFOLJD if n in filled else Status.NAMND, reason)
            for number, row in rows.items():
                if number != header_row:
                    judgement = self._row(row, columns)
                    for cell in row.values():
                        self._cells[cell.index] = self._in_place(cell, judgement)

    def _column(self, header: str) -> _Column:
        words = header.lower().split()
        for role in ("target", "baseline", "indicator", "activity", "goal"):
            if role in self._columns and self._columns[role].any_in(words):
                return _Column(role, header.strip())
        return _Column(None, header.strip())

    def _value_cell(self, text: str) -> bool:
        return not self._unfilled(text) and self._has_value(text.lower().split())

    def _filled_column(self, rows: dict[int, dict[int, Block]], column: int, header_row: int) -> bool:
        return any(n != header_row and column in row and self._value_cell(row[column].text) for n, row in rows.items())

    def _row(self, row: dict[int, Block], columns: dict[int, _Column]) -> Judgement:
        """A row as a unit: followed up when a target cell holds a value; otherwise a commitment, with the cell
        that keeps it from being followed up (an indicator still to come, an empty target)."""
        cells = {n: row[n].text.strip() if n in row else "" for n in columns}
        targets = [n for n, c in columns.items() if c.role == "target"]
        if any(self._value_cell(cells[n]) for n in targets):
            return Judgement(Status.UPPFOLJD)
        for n, column in columns.items():
            if column.role == "indicator" and self._unfilled(cells[n]):
                return Judgement(Status.KONKRETISERAD, Reason("not_developed", cells[n] or "–"))
        if targets:
            n = targets[-1]
            return Judgement(Status.KONKRETISERAD, Reason("no_target", f"{columns[n].header}: {cells[n] or '–'}"))
        return Judgement(Status.KONKRETISERAD, Reason("no_measure"))

    def _unfilled(self, text: str) -> bool:
        return BLANK.match(text) is not None or self._pending.any_in(text.lower().split())

    def _in_place(self, cell: Block, judgement: Judgement) -> Judgement:
        """A row under a context heading (an omvärldsanalys table of today's figures) is context unless it sets a
        target."""
        place = self._place(cell.section)
        if place is not None and place[0] in CONTEXT_ROLES and judgement.status < Status.UPPFOLJD:
            return Judgement(Status.NAMND, Reason(place[0], place[1]))
        return judgement


def _short(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= DETAIL_CHARS else text[: DETAIL_CHARS - 1].rstrip() + "…"
