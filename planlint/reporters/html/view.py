"""The HTML report's view of a run: plain data for the templates, every text already in the reader's language.

The templates only lay this data out; they escape every value (Jinja2 autoescape), so plan text can never
become markup.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from planlint.document.model import Document
from planlint.i18n import Catalog, pick
from planlint.reporters import labels
from planlint.reporters.labels import (
    EXEMPT_SYMBOL,
    SEVERITY_SYMBOLS,
    STATUS_SYMBOLS,
    evidence_word,
    plan_organisation,
    severity_word,
    status_symbol,
    status_word,
    where,
)
from planlint.reporters.summary import score_meaning
from planlint.reporters.why import reason_text, why_text
from planlint.result import ConceptResult, Evidence, Finding, PlanResult, RunResult, Status
from planlint.rulepack.pack import Pack

T = Catalog(
    {
        "missing_saknas": (
            "Planen tar inte upp {concept} någonstans.",
            "The plan does not address {concept} anywhere.",
        ),
        "missing_namnd": (
            "{concept} nämns, men finns inte i något mål, någon aktivitet eller indikator.",
            "{concept} is mentioned, but is in no goal, activity or indicator.",
        ),
        "missing_konkretiserad": (
            "Det finns mål eller aktiviteter, men ingen indikator eller inget målvärde följer upp dem.",
            "There are goals or activities, but no indicator or target value follows them up.",
        ),
        "add_indicator": (
            "Knyt målen till en indikator med utfall och målvärde{until}.",
            "Tie the goals to an indicator with an outcome and a target value{until}.",
        ),
        "verdict": (
            "{followed} av {total} delar följs upp med indikator eller målvärde.",
            "{followed} of {total} parts are followed up with an indicator or target value.",
        ),
        "verdict_thin": ("Tunt: {names}.", "Thin: {names}."),
        "verdict_missing": ("Saknas: {names}.", "Missing: {names}."),
        "verdict_none": ("Alla delar följs upp.", "Every part is followed up."),
        "plan_of": ("Plan {n} av {total}", "Plan {n} of {total}"),
        "none_addresses": ("Ingen plan tar upp {concept}.", "No plan addresses {concept}."),
        "none_follows": (
            "Ingen plan följer upp {concept} med en indikator eller ett målvärde",
            "No plan follows up {concept} with an indicator or a target value",
        ),
        "many_not_followed": (
            "{n} av {total} planer följer inte upp {concept} med en indikator eller ett målvärde",
            "{n} of {total} plans do not follow up {concept} with an indicator or a target value",
        ),
        "absent_too": ("; i {n} av dem saknas {concept} helt", "; {n} of them do not address {concept} at all"),
        "common_rule": ("{n} av {total} planer: {message}", "{n} of {total} plans: {message}"),
        "common_rule_all": ("Alla planer: {message}", "All plans: {message}"),
        "until": (" för {year}", " for {year}"),
        "applies_to": ("Gäller: {names}.", "Applies to: {names}."),
    }
)
SHOWN_EVIDENCE = 3  # quotes shown at once per concept; the rest sit in a <details>
TOP_ACTIONS = 3
ACTION_CHARS = 120
STATUS_ORDER = (Status.UPPFOLJD, Status.KONKRETISERAD, Status.NAMND, Status.SAKNAS)
SLUG = re.compile(r"[^a-z0-9-]+")


@dataclass
class Quote:
    text: str
    where: str
    status: str  # in words
    level: int  # 1–3
    hedged: bool
    reason: str | None  # why this passage does not reach the next status


@dataclass
class Note:
    """A finding, ready to show."""

    rule: str
    severity: str  # key, for CSS
    severity_word: str
    symbol: str
    message: str
    quote: str | None  # shown only when the message does not already hold it
    where: str
    suggestion: str | None
    suppressed: str | None
    target: str  # anchor of the part of the report that explains it


@dataclass
class FindingSection:
    """A report section of the pack (`report:` of a rule), with its findings."""

    title: str
    none: str  # said when it has no finding
    notes: list[Note]


@dataclass
class ConceptView:
    id: str
    anchor: str
    name: str
    description: str
    frameworks: list[str]
    status: str  # key, for CSS, or "exempt"
    status_word: str
    symbol: str
    level: int  # 0–3, the depth drawn in the chart
    exempt: str | None
    quotes: list[Quote]
    why: str | None  # why the part does not reach the next status, with the plan's words
    missing: str | None
    suggestion: str | None
    examples: list[str]
    notes: list[Note]

    @property
    def shown(self) -> list[Quote]:
        return self.quotes[:SHOWN_EVIDENCE]

    @property
    def more(self) -> list[Quote]:
        return self.quotes[SHOWN_EVIDENCE:]


@dataclass
class StatusCount:
    status: str
    status_word: str
    symbol: str
    count: int


@dataclass
class PlanView:
    number: int
    anchor: str
    name: str
    path: str
    organisation: str | None
    pack: str
    pack_title: str
    score: int
    score_meaning: str  # what the score means, and the cap a missing part puts on it
    counts: list[StatusCount]
    verdict: list[str]
    actions: list[Note]
    concepts: list[ConceptView]
    framework_title: str  # the pack's heading over the concepts
    whole: str  # what the plan is to carry, in the pack's words
    sections: list[FindingSection]  # the pack's report sections, with the findings of the rules that name them
    others: list[Note]  # findings that neither a concept nor a section carries
    exemptions: list[tuple[str, str]]  # (concept name, reason)
    suppressed: list[Note]
    label: str | None = None  # "Plan 2 av 3" in a portfolio
    period: str | None = None  # the year or years the plan covers

    def concept(self, concept_id: str) -> ConceptView | None:
        return next((c for c in self.concepts if c.id == concept_id), None)


@dataclass
class CommonGap:
    text: str
    plans: str | None  # the plans it applies to, when not all
    share: float = 0.0  # how widely and how badly it is shared, for the order of the list


@dataclass
class ReportView:
    plans: list[PlanView]
    errors: list[str]
    subject: str | None = None  # what the plans are reviewed against, in the (first) pack's words
    columns: list[tuple[str, str]] = field(default_factory=list)  # (concept id, name) of the heatmap
    common: list[CommonGap] = field(default_factory=list)
    mean_score: int | None = None

    @property
    def portfolio(self) -> bool:
        return len(self.plans) > 1


def build(outcome: RunResult, lang: str) -> ReportView:
    """The whole report: one view per plan and, for several plans, the portfolio across them."""
    total = len(outcome.results)
    plans = [plan_view(result, n, total, lang) for n, result in enumerate(outcome.results, 1)]
    view = ReportView(plans=plans, errors=[e.message(lang) for e in outcome.errors])
    if outcome.results:
        view.subject = pick(outcome.results[0].pack.report.subject, lang)
    if plans:
        view.mean_score = round(sum(p.score for p in plans) / len(plans))
    if view.portfolio:
        view.columns = heatmap_columns(plans)
        view.common = common_gaps(outcome.results, plans, lang)
    return view


def plan_name(result: PlanResult) -> str:
    """The plan's title, else its first top heading (never the contents heading), else its file name."""
    doc = result.document
    heading = next((b.text for b in doc.blocks if b.level == 1 and not b.toc), None)
    return doc.title or heading or doc.path.name


def organisation(result: PlanResult) -> str | None:
    """The förvaltning, nämnd or bolag: a labelled field, the title page, the title or the author field."""
    return plan_organisation(result)


def slug(text: str) -> str:
    return SLUG.sub("-", text.lower()).strip("-") or "x"


def plan_view(result: PlanResult, number: int, total: int, lang: str) -> PlanView:
    pack = result.pack
    anchor = f"plan-{number}"
    concepts = [concept_view(c, result, anchor, lang) for c in result.concepts]
    active = [f for f in result.findings if not f.suppressed]
    placed: dict[str | None, list[Note]] = {s.id: [] for s in pack.report.sections}
    others = []
    for finding in active:
        rule = pack.rule(finding.rule)
        if rule is not None and rule.report in placed:
            placed[rule.report].append(note(finding, anchor, lang, result.document))
        elif finding.concept is None:
            others.append(note(finding, anchor, lang, result.document))
    return PlanView(
        number=number,
        anchor=anchor,
        name=plan_name(result),
        path=str(result.document.path),
        organisation=organisation(result),
        period=result.document.period,
        pack=f"{pack.name} {pack.version}",
        pack_title=pick(pack.title, lang),
        score=result.score,
        score_meaning=score_meaning(result, lang),
        counts=status_counts(result.concepts, lang),
        verdict=verdict(concepts, lang),
        actions=top_actions(active, result, anchor, lang),
        concepts=concepts,
        framework_title=pick(pack.report.title, lang),
        whole=pick(pack.report.whole, lang),
        sections=[FindingSection(pick(s.title, lang), pick(s.none, lang), placed[s.id]) for s in pack.report.sections],
        others=others,
        exemptions=[(pick(pack.concept(c.concept_id).name, lang), c.exempt) for c in result.concepts if c.exempt],
        suppressed=[note(f, anchor, lang, result.document) for f in result.findings if f.suppressed],
        label=T("plan_of", lang, n=number, total=total) if total > 1 else None,
    )


def concept_view(result: ConceptResult, plan: PlanResult, plan_anchor: str, lang: str) -> ConceptView:
    concept = plan.pack.concept(result.concept_id)
    name = pick(concept.name, lang)
    exempt = result.exempt is not None
    missing, suggestion, examples = (
        (None, None, []) if exempt else gap(result.status, plan.pack, result.concept_id, lang)
    )
    notes = [
        note(f, plan_anchor, lang, plan.document)
        for f in plan.findings
        if f.concept == result.concept_id and not f.suppressed
    ]
    return ConceptView(
        id=result.concept_id,
        anchor=f"{plan_anchor}-{slug(result.concept_id)}",
        name=name,
        description=pick(concept.description, lang),
        frameworks=[pick(plan.pack.frameworks[f], lang) for f in concept.framework],
        status="exempt" if exempt else result.status.key,
        status_word=labels.T("exempt", lang) if exempt else status_word(result.status, lang),
        symbol=status_symbol(result),
        level=int(result.status),
        exempt=result.exempt,
        quotes=[quote(e, lang, plan.document) for e in result.ranked()],
        why=None if exempt else why_text(result, lang),
        missing=missing,
        suggestion=suggestion,
        examples=examples,
        notes=notes,
    )


def quote(evidence: Evidence, lang: str, document: Document | None = None) -> Quote:
    return Quote(
        text=evidence.sentence,
        where=where(evidence.location, evidence.section, lang, evidence.block, document),
        status=evidence_word(evidence.status, lang),
        level=int(evidence.status),
        hedged=evidence.hedged,
        reason=reason_text(evidence.reason, lang) if evidence.reason else None,
    )


def gap(status: Status, pack: Pack, concept_id: str, lang: str) -> tuple[str | None, str | None, list[str]]:
    """What is missing for a concept at this status, what to do, and the pack's examples of what to write."""
    if status is Status.UPPFOLJD:
        return None, None, []
    concept = pack.concept(concept_id)
    name = running_text(pick(concept.name, lang))
    missing = T(f"missing_{status.key}", lang, concept=name)
    missing = missing[:1].upper() + missing[1:]
    until = T("until", lang, year=pack.valid_to.year) if pack.valid_to else ""
    advice = T("add_indicator", lang, until=until) if status is Status.KONKRETISERAD else pick(concept.gap, lang)
    examples = list(concept.suggestions.get(lang) or concept.suggestions.get("sv") or ())
    return missing, advice, examples


def running_text(name: str) -> str:
    """A concept name inside a sentence: "Trygghet" → "trygghet", but "IT-säkerhet" stays."""
    return name[:1].lower() + name[1:] if name[1:2].islower() else name


def note(finding: Finding, plan_anchor: str, lang: str, document: Document | None = None) -> Note:
    message = pick(finding.message, lang)
    target = f"{plan_anchor}-{slug(finding.concept)}" if finding.concept else f"{plan_anchor}-findings"
    return Note(
        rule=finding.rule,
        severity=finding.severity.key,
        severity_word=severity_word(finding.severity, lang),
        symbol=SEVERITY_SYMBOLS[finding.severity],
        message=message,
        quote=finding.quote if finding.quote and finding.quote not in message else None,
        where=where(finding.location, finding.section, lang, finding.block, document),
        suggestion=pick(finding.suggestion, lang) if finding.suggestion else None,
        suppressed=finding.suppression,
        target=target,
    )


def short(text: str, limit: int = ACTION_CHARS) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def top_actions(active: list[Finding], result: PlanResult, plan_anchor: str, lang: str) -> list[Note]:
    """The most important things to add: the gravest findings, and among equals the thinnest concept first."""

    def weight(item: tuple[int, Finding]) -> tuple:
        index, finding = item
        status = result.concept(finding.concept).status if finding.concept else Status.NAMND
        return (-finding.severity, status, index)

    chosen = sorted(enumerate(active), key=weight)[:TOP_ACTIONS]
    notes = [note(f, plan_anchor, lang, result.document) for _, f in chosen]
    for n in notes:
        n.message = short(n.message)
    return notes


def status_counts(concepts: list[ConceptResult], lang: str) -> list[StatusCount]:
    counted = [c for c in concepts if c.exempt is None]
    counts = [
        StatusCount(s.key, status_word(s, lang), STATUS_SYMBOLS[s], sum(c.status is s for c in counted))
        for s in STATUS_ORDER
    ]
    exempt = len(concepts) - len(counted)
    if exempt:
        counts.append(StatusCount("exempt", labels.T("exempt", lang), EXEMPT_SYMBOL, exempt))
    return counts


def verdict(concepts: list[ConceptView], lang: str) -> list[str]:
    """Two or three short sentences: how many parts are followed up, which are thin, which are missing."""
    counted = [c for c in concepts if c.exempt is None]
    followed = [c for c in counted if c.level == Status.UPPFOLJD]
    thin = [c.name for c in counted if c.level in (Status.NAMND, Status.KONKRETISERAD)]
    missing = [c.name for c in counted if c.level == Status.SAKNAS]
    lines = [T("verdict", lang, followed=len(followed), total=len(counted))]
    if thin:
        lines.append(T("verdict_thin", lang, names=", ".join(thin)))
    if missing:
        lines.append(T("verdict_missing", lang, names=", ".join(missing)))
    if not thin and not missing:
        lines.append(T("verdict_none", lang))
    return lines


def heatmap_columns(plans: list[PlanView]) -> list[tuple[str, str]]:
    """The concepts of every plan's pack, in the order they first appear."""
    columns: dict[str, str] = {}
    for plan in plans:
        for concept in plan.concepts:
            columns.setdefault(concept.id, concept.name)
    return list(columns.items())


def common_gaps(results: list[PlanResult], plans: list[PlanView], lang: str) -> list[CommonGap]:
    """Gaps in at least half of the plans: concepts not followed up or missing, then shared findings."""
    gaps = [g for cid, _ in heatmap_columns(plans) if (g := concept_gap(cid, plans, lang)) is not None]
    return sorted(gaps, key=lambda g: -g.share) + rule_gaps(results, plans, lang)


def concept_gap(concept_id: str, plans: list[PlanView], lang: str) -> CommonGap | None:
    having = [(p, c) for p in plans if (c := p.concept(concept_id)) is not None and c.exempt is None]
    total = len(having)
    weak = [p for p, c in having if c.level < Status.UPPFOLJD]
    absent = [p for p, c in having if c.level == Status.SAKNAS]
    if total < 2 or len(weak) * 2 < total:
        return None
    name = running_text(having[0][1].name)
    share = (len(weak) + len(absent)) / total
    if len(absent) == total:
        return CommonGap(T("none_addresses", lang, concept=name), None, share)
    text = (
        T("none_follows", lang, concept=name)
        if len(weak) == total
        else T("many_not_followed", lang, n=len(weak), total=total, concept=name)
    )
    if absent:
        text += T("absent_too", lang, n=len(absent), concept=name)
    return CommonGap(text + ".", applies_to(weak, total, lang), share)


def rule_gaps(results: list[PlanResult], plans: list[PlanView], lang: str) -> list[CommonGap]:
    """Findings outside the concepts (a missing link, out-of-date references) that at least half the plans share.
    The findings of a report section with a `common` text count as one gap, said with that text."""
    groups: dict[tuple[str, str], list[PlanView]] = {}
    commons: dict[tuple[str, str], str] = {}
    for result, plan in zip(results, plans):
        for finding in result.findings:
            if finding.suppressed or finding.concept is not None:
                continue
            rule = result.pack.rule(finding.rule)
            section = result.pack.report.section(rule.report if rule else None)
            if section is not None and section.common:
                key = (f"section:{section.id}", "")
                commons[key] = pick(section.common, lang)
            else:
                key = (finding.rule, pick(finding.message, lang))
            members = groups.setdefault(key, [])
            if plan not in members:
                members.append(plan)
    total = len(plans)
    gaps = []
    for key, members in groups.items():
        n = len(members)
        if n * 2 < total:
            continue
        if key in commons:
            text = commons[key].format(n=n, total=total)
        else:
            text = (
                T("common_rule_all", lang, message=key[1])
                if n == total
                else T("common_rule", lang, n=n, total=total, message=key[1])
            )
        gaps.append(CommonGap(text, applies_to(members, total, lang)))
    return gaps


def applies_to(plans: list[PlanView], total: int, lang: str) -> str | None:
    return None if len(plans) == total else T("applies_to", lang, names=", ".join(p.name for p in plans))
