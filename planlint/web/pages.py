"""The server's pages: upload, compare, the report with a way back, and the error pages.

Templates are rendered by Jinja2 with autoescape on, so every name and sentence from a plan is escaped. The
report itself is `planlint report`'s page, unchanged but for a navigation strip put in front of its masthead.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib import resources

from jinja2 import Environment, PackageLoader, StrictUndefined

from planlint import __version__
from planlint.i18n import LANGUAGES, Catalog, pick
from planlint.project.diff import PlanDiff
from planlint.project.diff import T as DIFF
from planlint.reporters.html.render import T as REPORT
from planlint.reporters.html.render import render as render_report
from planlint.reporters.html.view import plan_name
from planlint.reporters.labels import (
    EXEMPT_SYMBOL,
    SEVERITY_SYMBOLS,
    STATUS_SYMBOLS,
    severity_word,
    status_legend,
    status_word,
    where,
)
from planlint.reporters.labels import T as LABELS
from planlint.result import Finding, RunResult
from planlint.rulepack.pack import ReportTexts
from planlint.web.limits import ServeLimits

REPORT_MASTHEAD = '<header class="masthead">'
ACCEPT = ".docx,.pdf,.md,.markdown,.txt"

T = Catalog(
    {
        "nav": ("Webbplatsen", "The site"),
        "nav_check": ("Granska planer", "Check plans"),
        "nav_compare": ("Jämför två versioner", "Compare two versions"),
        "other_language": ("English", "Svenska"),
        "upload_title": ("Granska verksamhetsplaner", "Check operational plans"),
        "upload_intro": (
            "Ladda upp en eller flera verksamhetsplaner. Du ser hur varje plan bär {whole}, med belägg ur "
            "planen och förslag på vad som saknas. Flera planer ger "
            "först en portfölj med alla planer sida vid sida.",
            "Upload one or more operational plans. You see how each plan carries {whole}, with evidence "
            "from the plan and suggestions for what is missing. "
            "Several plans first give a portfolio with all plans side by side.",
        ),
        "plans_label": ("Planer (.docx, .pdf, .md eller .txt)", "Plans (.docx, .pdf, .md or .txt)"),
        "plans_hint": (
            "Välj en eller flera filer. Högst {files} filer, {file_mb} MB per fil och {request_mb} MB tillsammans.",
            "Choose one or more files. At most {files} files, {file_mb} MB per file and {request_mb} MB in all.",
        ),
        "drop": ("Du kan också dra filerna hit.", "You can also drag the files here."),
        "chosen": ("Valda filer", "Chosen files"),
        "show_report": ("Visa rapporten", "Show the report"),
        "downloads": ("Eller ladda ner", "Or download"),
        "downloads_hint": (
            "Kopian av en Word-plan har planlints belägg och brister som Word-kommentarer. Flera planer ger en "
            "zip-fil.",
            "The copy of a Word plan has planlint's evidence and gaps as Word comments. Several plans give a zip file.",
        ),
        "docx": ("Kommenterad Word-kopia (.docx)", "Commented Word copy (.docx)"),
        "json": ("JSON", "JSON"),
        "sarif": ("SARIF", "SARIF"),
        "working": (
            "Granskar … det tar oftast några sekunder per plan.",
            "Checking … it usually takes a few seconds per plan.",
        ),
        "statuses_title": ("Så läser du rapporten", "How to read the report"),
        "statuses_intro": (
            "Varje del av {whole} får en status, alltid i ord och med symbol:",
            "Each part of {whole} gets a status, always in words and with a symbol:",
        ),
        "privacy_title": ("Dina filer", "Your files"),
        "privacy": (
            "Planerna granskas i en tillfällig mapp som tas bort när svaret har skickats. Ingenting sparas och "
            "ingenting skickas vidare.",
            "The plans are checked in a temporary folder that is deleted when the answer has been sent. Nothing "
            "is stored and nothing is passed on.",
        ),
        "compare_title": ("Jämför två versioner av en plan", "Compare two versions of a plan"),
        "compare_intro": (
            "Välj förra årets och årets version av samma plan. Du ser vilka delar som bärs längre eller kortare "
            "än förut, och vilka anmärkningar som är nya eller åtgärdade.",
            "Choose last year's and this year's version of the same plan. You see which parts are carried "
            "further or less far than before, and which findings are new or resolved.",
        ),
        "old_label": ("Förra versionen", "The earlier version"),
        "new_label": ("Nya versionen", "The new version"),
        "file_hint": ("En fil, högst {file_mb} MB.", "One file, at most {file_mb} MB."),
        "compare": ("Jämför", "Compare"),
        "compare_json": ("Ladda ner som JSON", "Download as JSON"),
        "diff_title": ("Jämförelse", "Comparison"),
        "diff_heading": ("{old} → {new}", "{old} → {new}"),
        "old": ("Förra", "Earlier"),
        "new": ("Nya", "New"),
        "score_change": (
            "Sammanvägt {old} → {new} av 100 ({delta}).",
            "Overall {old} → {new} out of 100 ({delta}).",
        ),
        "parts_caption": ("Delarna i båda versionerna", "The parts in both versions"),
        "col_change": ("Förändring", "Change"),
        "exempt_now": ("undantagen i nya versionen", "exempt in the new version"),
        "files": ("Filer", "Files"),
        "back": ("Granska fler planer", "Check more plans"),
        "back_compare": ("Jämför igen", "Compare again"),
        "report_nav": ("Granskningen", "The review"),
        "report_note": (
            "Planen sparas inte. Vill du ha den kommenterade Word-kopian, JSON eller SARIF väljer du det när "
            "du laddar upp planen.",
            "The plan is not stored. If you want the commented Word copy, JSON or SARIF, choose it when you "
            "upload the plan.",
        ),
        "error_title": ("Planen kunde inte granskas", "The plan could not be checked"),
        "errors_title": ("Planerna kunde inte granskas", "The plans could not be checked"),
        "try_again": ("Försök igen", "Try again"),
        "too_large_title": ("För stor uppladdning", "Upload too large"),
        "too_large_file": (
            "En av filerna är större än {file_mb} MB. Dela upp planen eller ta bort stora bilder och bilagor, och "
            "försök igen.",
            "One of the files is larger than {file_mb} MB. Split the plan or remove large images and appendices, "
            "and try again.",
        ),
        "too_large_request": (
            "Allt du skickar på en gång får vara högst {request_mb} MB. Skicka färre planer i taget.",
            "Everything sent at once may be at most {request_mb} MB. Send fewer plans at a time.",
        ),
        "too_large_files": (
            "Du kan skicka högst {files} planer på en gång. Skicka färre planer i taget.",
            "You can send at most {files} plans at once. Send fewer plans at a time.",
        ),
        "busy_title": ("Tjänsten är upptagen", "The service is busy"),
        "busy": (
            "Många granskningar pågår just nu. Försök igen om {seconds} sekunder.",
            "Many reviews are running just now. Try again in {seconds} seconds.",
        ),
        "bad_request_title": ("Ingen plan att granska", "No plan to check"),
        "no_plan": (
            "Välj minst en plan (.docx, .pdf, .md eller .txt) innan du skickar.",
            "Choose at least one plan (.docx, .pdf, .md or .txt) before sending.",
        ),
        "no_pair": (
            "Välj både den förra och den nya versionen av planen, en fil var.",
            "Choose both the earlier and the new version of the plan, one file each.",
        ),
        "bad_form": (
            "Formuläret kom inte fram som det skulle. Ladda om sidan och försök igen.",
            "The form did not arrive as it should. Reload the page and try again.",
        ),
        "not_found_title": ("Sidan finns inte", "Page not found"),
        "not_found": (
            "Det finns ingen sida på den adressen. Börja om från startsidan.",
            "There is no page at that address. Start again from the front page.",
        ),
        "method_title": ("Fel sätt att öppna sidan", "Wrong way to open the page"),
        "method": (
            "Sidan tar emot planer från formuläret på startsidan. Börja om därifrån.",
            "The page takes plans from the form on the front page. Start again from there.",
        ),
        "server_error_title": ("Något gick fel", "Something went wrong"),
        "server_error": (
            "Ett oväntat fel inträffade och granskningen avbröts. Försök igen; kvarstår felet, kontakta den som "
            "driver tjänsten.",
            "An unexpected error occurred and the review was stopped. Try again; if the error remains, contact "
            "the people who run the service.",
        ),
        "footer": (
            "planlint {version}. Ingenting du laddar upp sparas.",
            "planlint {version}. Nothing you upload is stored.",
        ),
    }
)


def say(key: str, lang: str, **params: object) -> str:
    """A text of the site's own, else one the report or the comparison already words (said in one place)."""
    return next(c for c in (T, REPORT, DIFF) if key in c)(key, lang, **params)


def language(value: str | None, default: str) -> str:
    return value if value in LANGUAGES else default


@cache
def environment() -> Environment:
    """Jinja2 with autoescape for every template, and undefined names as errors rather than blanks."""
    return Environment(
        loader=PackageLoader("planlint.web", "templates"),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )


def page(template: str, lang: str, path: str, words: ReportTexts, **context: object) -> str:
    """A page of the site; `path` is the page's own address, for the language switch, and `words` the rule
    pack's names for its framework (what plans are reviewed against), which no page writes itself."""
    other = LANGUAGES[1 - LANGUAGES.index(lang)]
    framework = {name: pick(getattr(words, name), lang) for name in ("title", "subject", "whole")}
    return (
        environment()
        .get_template(template)
        .render(
            lang=lang,
            other=other,
            path=path,
            t=lambda key, **params: say(key, lang, **params),
            version=__version__,
            framework=framework,
            **context,
        )
    )


def upload_page(lang: str, limits: ServeLimits, words: ReportTexts) -> str:
    legend = status_legend(lang)
    return page("upload.html.j2", lang, "/", words, limits=limits, accept=ACCEPT, legend=legend)


def compare_page(lang: str, limits: ServeLimits, words: ReportTexts) -> str:
    return page("compare.html.j2", lang, "/jamfor", words, limits=limits, accept=ACCEPT)


def message_page(lang: str, title: str, messages: list[str], words: ReportTexts, back: str = "/") -> str:
    """An error or notice: a title and its messages, with a way back."""
    return page("message.html.j2", lang, back, words, title=title, messages=messages, back=back)


def report_page(outcome: RunResult, lang: str) -> str:
    """`planlint report`'s page for the outcome, with a strip in front of it that leads back to the upload
    (its style goes inline, as the report's own does, so the report's Content-Security-Policy still holds)."""
    report = render_report(outcome, lang)
    head, masthead = report.index("</head>"), report.index(REPORT_MASTHEAD)
    style = f"<style>\n{_strip_css()}</style>\n"
    strip = page("report_strip.html.j2", lang, "/", outcome.results[0].pack.report)
    return report[:head] + style + report[head:masthead] + strip + report[masthead:]


@cache
def _strip_css() -> str:
    return resources.files("planlint.web").joinpath("static/strip.css").read_text(encoding="utf-8")


@dataclass(frozen=True)
class StatusView:
    key: str
    symbol: str
    word: str


@dataclass(frozen=True)
class ChangeRow:
    name: str
    old: StatusView
    new: StatusView
    change: str
    change_word: str
    delta: int
    exempt: bool


@dataclass(frozen=True)
class FindingLine:
    severity: str
    symbol: str
    severity_word: str
    rule: str
    message: str
    place: str


def diff_page(diff: PlanDiff, lang: str) -> str:
    old, new = diff.old, diff.new
    rows = []
    for c in diff.concepts:
        name = pick(new.pack.concept(c.concept_id).name, lang)
        before = StatusView(c.old.key, STATUS_SYMBOLS[c.old], status_word(c.old, lang))
        after = (
            StatusView("exempt", EXEMPT_SYMBOL, LABELS("exempt", lang))
            if c.exempt
            else StatusView(c.new.key, STATUS_SYMBOLS[c.new], status_word(c.new, lang))
        )
        rows.append(
            ChangeRow(name, before, after, c.change, say(c.change, lang), c.new_score - c.old_score, bool(c.exempt))
        )
    return page(
        "diff.html.j2",
        lang,
        "/jamfor",
        new.pack.report,
        old_name=plan_name(old),
        new_name=plan_name(new),
        old_file=old.document.path.name,
        new_file=new.document.path.name,
        old_score=old.score,
        new_score=new.score,
        delta=signed(new.score - old.score),
        rows=rows,
        added=[finding_line(f, lang) for f in diff.added],
        removed=[finding_line(f, lang) for f in diff.removed],
    )


def finding_line(finding: Finding, lang: str) -> FindingLine:
    return FindingLine(
        finding.severity.key,
        SEVERITY_SYMBOLS[finding.severity],
        severity_word(finding.severity, lang),
        finding.rule,
        pick(finding.message, lang),
        where(finding.location, finding.section, lang, finding.block),
    )


def signed(n: int) -> str:
    return f"+{n}" if n > 0 else f"−{-n}" if n < 0 else "±0"
