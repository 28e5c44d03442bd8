"""Why a part has its status, in words: the passage that decided it and, below the top, what kept it from the
next level, so that a writer sees what to move or add. Every report (text, JSON, HTML, Word comments) says it
with these words."""

from __future__ import annotations

from planlint.i18n import Catalog
from planlint.reporters.labels import status_word
from planlint.result import ConceptResult, Reason, Status

T = Catalog(
    {
        "framework": (
            "återger de övergripande målen, inget eget åtagande",
            "restates the overarching goals, no commitment of the plan's own",
        ),
        "foreword": (
            "står i inledningen (»{detail}«): inget mål och ingen aktivitet i planen bär det som sägs",
            "stands in the introduction (“{detail}”): no goal or activity of the plan carries what it says",
        ),
        "context": (
            "står under »{detail}«: beskriver läget, inget åtagande",
            "stands under “{detail}”: describes the situation, no commitment",
        ),
        "hedged": (
            "villkorat (”{detail}”): räknas bara som nämnt",
            "conditional (“{detail}”): counts only as a mention",
        ),
        "aspiration": (
            "en förhoppning, inget åtagande: inget mål och ingen aktivitet",
            "a hope, not a commitment: no goal and no activity",
        ),
        "topic_heading": (
            "en rubrik (»{detail}«) utan mål eller aktivitet",
            "a heading (“{detail}”) without a goal or an activity",
        ),
        "no_commitment": (
            "beskriver, men lovar inget: inget mål och ingen aktivitet",
            "describes, but promises nothing: no goal and no activity",
        ),
        "header_only": (
            "bara en kolumnrubrik (»{detail}«), inga ifyllda värden under den",
            "only a column header (“{detail}”), no values filled in below it",
        ),
        "not_developed": (
            "indikatorn är inte framtagen ({detail})",
            "the indicator has not been worked out ({detail})",
        ),
        "no_target": ("inget målvärde ({detail})", "no target value ({detail})"),
        "direction_only": (
            "en riktning (”ska öka”) utan tal: inget målvärde eller utgångsvärde",
            "a direction (“ska öka”) without a number: no target or baseline value",
        ),
        "no_measure": (
            "ingen indikator med målvärde knuten till målet eller aktiviteten",
            "no indicator with a target value tied to the goal or activity",
        ),
        "only_negated": (
            "planen tar bara upp delen nekande (”inte”, ”saknar”)",
            "the plan only addresses the part in the negative (“inte”, “saknar”)",
        ),
        "absent": ("planen tar inte upp delen någonstans", "the plan does not address the part anywhere"),
        "not_next": ("inte {status}: {reason}", "not {status}: {reason}"),
    }
)


def reason_text(reason: Reason, lang: str) -> str:
    return T(reason.key, lang, detail=reason.detail or "")


def why_text(concept: ConceptResult, lang: str) -> str | None:
    """ "inte uppföljd: indikatorn är inte framtagen (Tas fram under 2026)"; None at the top level."""
    if concept.reason is None or concept.status is Status.UPPFOLJD:
        return None
    if concept.status is Status.SAKNAS:
        return reason_text(concept.reason, lang)
    following = status_word(Status(concept.status + 1), lang)
    return T("not_next", lang, status=following, reason=reason_text(concept.reason, lang))


def why_dict(concept: ConceptResult, lang: str) -> dict:
    """The JSON form: the deciding passage, the next level and the reason it was not reached."""
    best = concept.best
    top = concept.status is Status.UPPFOLJD
    return {
        "evidence": None if best is None else {"block": best.block, "text": best.sentence, "status": best.status.key},
        "next": None if top else Status(concept.status + 1).key,
        "reason": None if concept.reason is None else concept.reason.key,
        "detail": None if concept.reason is None else concept.reason.detail,
        "text": why_text(concept, lang),
    }
