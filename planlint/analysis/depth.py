"""How concretely a sentence speaks: only a mention, a goal or an activity, or followed up by an indicator.

The role of the section a block stands in (found from its headings) sets a floor; the sentence's own words
("ska öka", "vi inför", "målvärde", a percentage) can raise it. Indicator tables (a header row with
Utfall/Målvärde …) make every row followed up.
"""

from __future__ import annotations

import re

from planlint.analysis.phrases import PhraseSet, WordSet
from planlint.document.model import Block, BlockKind, Document
from planlint.result import Status
from planlint.rulepack.pack import LanguageCues

# A number that can be a value: digits, but not a bare year ("2026" dates a sentence, it measures nothing).
VALUE = re.compile(r"^(?!(?:19|20)\d\d$)\D*\d")
HEADING_NUMBER = re.compile(r"^[\d.\s]+")
ROLE_STATUS = {"goal": Status.KONKRETISERAD, "activity": Status.KONKRETISERAD, "indicator": Status.UPPFOLJD}


class DepthJudge:
    """Judges the status of evidence from the sentence and where its block stands."""

    def __init__(self, cues: LanguageCues, document: Document) -> None:
        self._goal = PhraseSet(cues.goal_cues + cues.activity_cues)
        self._indicator = PhraseSet(cues.indicator_cues)
        self._target = PhraseSet(cues.target_cues)
        self._number_words = WordSet(cues.number_words)
        self._hedges = PhraseSet(cues.hedges)
        self._sections = {role: PhraseSet(words) for role, words in cues.sections.items()}
        self._table_headers = PhraseSet(cues.indicator_table_headers)
        self._indicator_tables = self._find_indicator_tables(document)
        self._role_cache: dict[tuple[str, ...], str | None] = {}

    def status(self, block: Block, words: list[str]) -> Status:
        """The status of a sentence of `block` with these words.

        Text under a "mention" heading (Inledning, Förvaltningschefen har ordet, Omvärldsanalys, Ekonomi …)
        only mentions: a promise in the introduction is not a goal until the plan's goals carry it.
        """
        if block.kind is BlockKind.TABLE_CELL and block.location.table in self._indicator_tables:
            return Status.UPPFOLJD
        role = self.section_role(block.section)
        if role == "mention":
            return Status.NAMND
        has_number = any(VALUE.match(w) or w in self._number_words for w in words)
        indicator = self._indicator.any_in(words)
        if has_number and (indicator or self._target.any_in(words)):
            return Status.UPPFOLJD
        if indicator and role == "indicator":
            return Status.UPPFOLJD
        floor = ROLE_STATUS.get(role, Status.NAMND)
        if indicator or self._goal.any_in(words):
            return max(floor, Status.KONKRETISERAD)
        return floor

    def hedged(self, words: list[str]) -> bool:
        return self._hedges.any_in(words)

    def section_role(self, section: tuple[str, ...]) -> str | None:
        """The role (goal, activity, indicator, mention) of the innermost heading that has one."""
        if section not in self._role_cache:
            self._role_cache[section] = next(
                (role for heading in reversed(section) if (role := self._heading_role(heading))), None
            )
        return self._role_cache[section]

    def _heading_role(self, heading: str) -> str | None:
        words = HEADING_NUMBER.sub("", heading).lower().split()
        return next((role for role, phrases in self._sections.items() if phrases.any_in(words)), None)

    def _find_indicator_tables(self, document: Document) -> set[int]:
        tables = set()
        for block in document.blocks:
            loc = block.location
            if block.kind is BlockKind.TABLE_CELL and loc.row == 1 and loc.table is not None:
                if self._table_headers.any_in(block.text.lower().split()):
                    tables.add(loc.table)
        return tables
