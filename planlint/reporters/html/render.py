"""The HTML report: one self-contained page (inline CSS and SVG, no script, no request elsewhere) for one plan,
or a portfolio page across several plans followed by each plan's section.

Templates live in planlint/templates/ and are rendered by Jinja2 with autoescape on, so every piece of plan
text is escaped without the template having to remember it. A Content-Security-Policy meta tag forbids
scripts and any load from another address; links in plan text are shown as text, never made clickable.
"""

from __future__ import annotations

import datetime as dt
from functools import cache

from jinja2 import Environment, PackageLoader, StrictUndefined
from markupsafe import Markup

from planlint import __version__
from planlint.i18n import Catalog
from planlint.inert import visible
from planlint.reporters import labels
from planlint.reporters.html.charts import depth_chart
from planlint.reporters.html.view import build
from planlint.result import RunResult

CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'"

T = Catalog(
    {
        "skip": ("Hoppa till innehållet", "Skip to the content"),
        "brand": ("planlint · granskning mot {subject}", "planlint · review against {subject}"),
        "doc_title": ("{name} – täckning av {subject}", "{name} – coverage of {subject}"),
        "portfolio_title": ("Alla planer mot {subject}", "All plans against {subject}"),
        "portfolio_h1": ("{n} planer mot {subject}", "{n} plans against {subject}"),
        "empty_title": ("planlint-rapport", "planlint report"),
        "organisation": ("Förvaltning", "Department"),
        "period": ("Period", "Period"),
        "file": ("Fil", "File"),
        "date": ("Rapportdatum", "Report date"),
        "pack": ("Regelpaket", "Rule pack"),
        "glance": ("I korthet", "At a glance"),
        "score": ("Sammanvägt", "Overall"),
        "score_column": ("Samman\u00advägt", "Overall"),  # may break as "Samman-vägt" in a narrow column
        "of_100": ("av 100", "out of 100"),
        "statuses": ("Delarna", "The parts"),
        "actions": ("Det viktigaste att lägga till", "The most important things to add"),
        "no_actions": (
            "Inga anmärkningar: planen bär {whole}.",
            "No findings: the plan carries {whole}.",
        ),
        "overview_intro": (
            (
                "Hur långt planen bär varje del: nämnd, konkretiserad i mål eller aktiviteter, eller uppföljd med "
                "indikator eller målvärde."
            ),
            (
                "How far the plan carries each part: mentioned, made concrete in goals or activities, or followed up "
                "with an indicator or target value."
            ),
        ),
        "table_caption": ("Delarna i tabellform", "The parts as a table"),
        "col_part": ("Del", "Part"),
        "col_framework": ("Ingår i", "Belongs to"),
        "col_status": ("Status", "Status"),
        "col_places": ("Ställen i planen", "Places in the plan"),
        "details": ("Del för del", "Part by part"),
        "evidence": ("Belägg ur planen", "Evidence from the plan"),
        "no_evidence": ("Planen tar inte upp delen någonstans.", "The plan does not address this part anywhere."),
        "more_evidence": ("Visa {n} ställen till", "Show {n} more places"),
        "hedged": ("vagt formulerat", "hedged"),
        "missing": ("Det som saknas", "What is missing"),
        "why": ("Varför", "Why"),
        "suggestion": ("Förslag", "Suggestion"),
        "examples": ("Till exempel", "For example"),
        "followed": (
            "Delen följs upp med indikator eller målvärde. Inget saknas.",
            "The part is followed up with an indicator or target value. Nothing is missing.",
        ),
        "exempt_reason": ("Undantagen: {reason}", "Exempt: {reason}"),
        "rule": ("regel {rule}", "rule {rule}"),
        "findings": ("Anmärkningar utanför delarna, och undantag", "Findings outside the parts, and exemptions"),
        "others": ("Övriga anmärkningar", "Other findings"),
        "exemptions": ("Undantag", "Exemptions"),
        "no_exemptions": ("Inga delar är undantagna.", "No part is exempt."),
        "not_counted": ("Räknas inte: {reason}", "Not counted: {reason}"),
        "portfolio": ("Alla planer", "All plans"),
        "portfolio_intro": (
            "{n} planer granskade, i genomsnitt {score} av 100.",
            "{n} plans checked, {score} out of 100 on average.",
        ),
        "heatmap_caption": (
            "Planer och delar: status i varje ruta. Välj en plan för att gå till den.",
            "Plans and parts: the status in each cell. Choose a plan to go to it.",
        ),
        "not_in_pack": ("ingår inte", "not included"),
        "common": ("Gemensamma brister", "Common gaps"),
        "no_common": (
            "Ingen brist är gemensam för hälften av planerna eller fler.",
            "No gap is shared by half of the plans or more.",
        ),
        "errors": ("Planer som inte kunde läsas", "Plans that could not be read"),
        "footer": (
            "Skapad av planlint {version} den {date}. Citaten är planens egna ord.",
            "Made by planlint {version} on {date}. The quotations are the plan's own words.",
        ),
    }
)


@cache
def environment() -> Environment:
    """Jinja2 with autoescape for every template, and undefined names as errors rather than blanks."""
    return Environment(
        loader=PackageLoader("planlint.reporters.html", "templates"),
        autoescape=True,
        undefined=StrictUndefined,
        finalize=_shown,
        trim_blocks=True,
        lstrip_blocks=True,
    )


def _shown(value: object) -> object:
    """Every text from a plan or a file name with its control and bidi characters shown, not obeyed (markup
    planlint made itself, as the charts, is left as it is)."""
    if isinstance(value, str) and not isinstance(value, Markup):
        return "\n".join(visible(line) for line in value.split("\n"))
    return value


def render(outcome: RunResult, lang: str = "sv") -> str:
    view = build(outcome, lang)
    charts = {p.anchor: depth_chart(p.concepts, f"{p.anchor}-chart", lang, p.whole) for p in view.plans}
    return (
        environment()
        .get_template("report.html.j2")
        .render(
            view=view,
            charts=charts,
            lang=lang,
            t=lambda key, **params: (T if key in T else labels.T)(key, lang, **params),
            csp=CSP,
            version=__version__,
            date=dt.date.today().isoformat(),
        )
    )
