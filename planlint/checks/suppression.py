"""Suppression written in the plan itself, as `# noqa` in code: the writer's own comment with a reason.

    planlint: ignorera konkretisering – skälet med några ord        (English: planlint: ignore … – reason)

In a .docx it is a Word comment by anyone but planlint; in Markdown an HTML comment `<!-- planlint: … -->`.
The names are rule or concept ids (with or without å/ä/ö, several separated by commas). Scope: a comment on
the title (or before it in Markdown) covers the whole plan; on a heading, that heading's section; on any
other paragraph (in Markdown: the block after the comment, or the one it stands in), that paragraph. A
finding about a concept is covered when the concept has evidence there. A reason of a few words is required.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from planlint.document.model import Block, BlockKind, Document
from planlint.errors import PlanInputError
from planlint.i18n import Catalog
from planlint.names import did_you_mean, resolve
from planlint.result import Finding, PlanResult, overall_score

OWN_AUTHOR = "planlint"  # the author of the comments `planlint annotate` writes
DIRECTIVE = re.compile(r"^\s*planlint\s*:\s*(?:ignorera|ignore)\b\s*(?P<rest>.*)$", re.I | re.S)
SEPARATOR = re.compile(r"\s[–—-]\s|[–—:]")
REASON_LABEL = re.compile(r"^(?:skäl|reason)\s*[:–—-]?\s*", re.I)
MIN_REASON_WORDS = 3
SNIPPET_WORDS = 8

T = Catalog(
    {
        "no_reason": (
            "kommentaren »{comment}« vid »{where}« saknar skäl. Skriv varför efter ett tankstreck: "
            "planlint: ignorera {ids} – skälet med några ord.",
            "the comment “{comment}” at “{where}” gives no reason. Write why after a dash: "
            "planlint: ignore {ids} – the reason in a few words.",
        ),
        "unknown_id": (
            "kommentaren »{comment}« vid »{where}« nämner {name!r}, som varken är en regel eller ett begrepp."
            "{hint} Se `planlint rules`.",
            "the comment “{comment}” at “{where}” names {name!r}, which is neither a rule nor a concept."
            "{hint} See `planlint rules`.",
        ),
        "title": ("planens titel", "the plan's title"),
    }
)


class SuppressionError(PlanInputError):
    """An inline suppression that cannot be applied: no reason, or a name the pack does not have."""

    def message(self, lang: str = "sv") -> str:
        params = {k: (v[1] if lang == "en" else v[0]) if isinstance(v, tuple) else v for k, v in self.params.items()}
        return f"{self.path}: {T(self.key, lang, **params)}"


@dataclass(frozen=True)
class Suppression:
    ids: frozenset[str]  # rule and concept ids
    reason: str
    blocks: frozenset[int] | None  # None: the whole plan


def read_suppressions(document: Document, rule_ids: set[str], concept_ids: set[str]) -> list[Suppression]:
    """The suppressions the plan's writer put in the plan's comments."""
    placed = [
        (c.text, document.blocks[c.block]) for c in document.comments if c.author != OWN_AUTHOR and c.block is not None
    ]
    found = []
    for comment, block in placed:
        directive = DIRECTIVE.match(comment)
        if directive:
            found.append(_parse(document, " ".join(comment.split()), directive["rest"], block, rule_ids | concept_ids))
    return found


def apply_suppressions(result: PlanResult, suppressions: list[Suppression]) -> None:
    """Mark the findings the suppressions cover with their reason; a concept suppressed for the whole plan is
    exempt, like an exemption in the configuration, and leaves the score."""
    for suppression in suppressions:
        for finding in result.findings:
            if not finding.suppressed and _covers(suppression, finding, result):
                finding.suppression = suppression.reason
        if suppression.blocks is None:
            for concept in result.concepts:
                if concept.concept_id in suppression.ids and concept.exempt is None:
                    concept.exempt = suppression.reason
    result.score = overall_score(result.concepts)


def _covers(suppression: Suppression, finding: Finding, result: PlanResult) -> bool:
    if finding.rule not in suppression.ids and finding.concept not in suppression.ids:
        return False
    if suppression.blocks is None:
        return True
    if finding.block in suppression.blocks:
        return True
    if finding.concept is None:
        return False
    concept = result.concept(finding.concept)
    return any(e.counts and e.block in suppression.blocks for e in concept.evidence)


def _parse(document: Document, comment: str, rest: str, block: Block, known: set[str]) -> Suppression:
    where = _where(document, block)
    parts = SEPARATOR.split(rest, maxsplit=1)
    names = [n for n in re.split(r"[,\s]+", parts[0]) if n and n.lower() not in ("och", "and")]
    reason = REASON_LABEL.sub("", " ".join(parts[1].split())) if len(parts) > 1 else ""
    ids = set()
    for name in names:
        found = resolve(name, sorted(known))
        if found is None:
            hint = did_you_mean(name, sorted(known))
            raise SuppressionError(document.path, "unknown_id", comment=comment, where=where, name=name, hint=hint)
        ids.add(found)
    if not ids or len(reason.split()) < MIN_REASON_WORDS:
        raise SuppressionError(document.path, "no_reason", comment=comment, where=where, ids=", ".join(names) or "…")
    return Suppression(frozenset(ids), reason, None if _is_title(document, block) else _scope(document, block))


def _where(document: Document, block: Block) -> tuple[str, str] | str:
    if _is_title(document, block):
        return T("title", "sv"), T("title", "en")
    words = block.text.split()
    return " ".join(words[:SNIPPET_WORDS]) + (" …" if len(words) > SNIPPET_WORDS else "")


def _is_title(document: Document, block: Block) -> bool:
    return block.index == 0 or (document.title is not None and block.text == document.title and block.index < 3)


def _scope(document: Document, block: Block) -> frozenset[int]:
    """A paragraph alone; a heading with the section under it."""
    if block.kind is not BlockKind.HEADING:
        return frozenset({block.index})
    scope = {block.index}
    for later in document.blocks[block.index + 1 :]:
        if later.kind is BlockKind.HEADING and (later.level or 1) <= (block.level or 1):
            break
        scope.add(later.index)
    return frozenset(scope)
