"""Load and validate a rule pack: the concepts, their vocabulary, the rule instances and the language cues.

A pack is a folder with `pack.yaml`, `language.yaml`, `concepts/<id>.yaml` and `rules/<id>.yaml`. Every
error names the file and the field, so that a city can edit its goals without reading code.
"""

from __future__ import annotations

import datetime as dt
import difflib
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from string import Formatter
from typing import Any, NoReturn

from planlint.errors import PackError
from planlint.i18n import LANGUAGES
from planlint.os_errors import os_reason

NO_ALIASES = (
    "YAML-alias (*namn) används inte i regelpaket; skriv ut värdet där det behövs",
    "YAML aliases (*name) are not used in rule packs; write the value out where it is needed",
)
MESSAGE_FIELDS = ("concept", "quote")
DEFAULT_PACK = "helsingborg-2027"
COMPOUND_MODES = ("none", "first", "last", "any")
STATUSES = ("saknas", "namnd", "konkretiserad", "uppfoljd")
SEVERITIES = ("info", "warning", "error")
DEPTH_CUES = (
    "aspiration_cues",
    "description_cues",
    "target_markers",
    "direction_cues",
    "pending_cues",
    "framework_cues",
    "framework_parts",
    "own_voice",
    "ordinal_words",
    "ordinal_fillers",
    "ordinal_joins",
    "money_words",
)
# What a heading tells of the text under it, and what a table column holds (the analysis reads these roles).
SECTION_ROLES = ("goal", "activity", "indicator", "foreword", "context")
COLUMN_ROLES = ("goal", "activity", "indicator", "baseline", "target")
# Every rule may have these; its kind declares the rest.
RULE_FIELDS = ("id", "extends", "severity", "summary", "message", "docs", "report", "examples")
DOCS_FIELDS = ("sv", "en", "pass", "fail", "example_concept")


@dataclass(frozen=True)
class Term:
    """One entry of a concept's vocabulary: a lemma (inflected and compounded), a word glob or a phrase."""

    kind: str  # "lemma", "word" or "phrase"
    value: str
    compound: str = "any"
    weight: float = 1.0
    group: str | None = None
    requires: tuple[str, ...] = ()  # context names or words, one of which must be in the sentence
    unless: tuple[str, ...] = ()  # words that cancel the term in the sentence


@dataclass(frozen=True)
class Sense:
    """Another sense of some of a concept's words: a word of `words` with a word of `before` (up to `within`
    words earlier in its clause) or of `after` (up to `within` words later) does not carry the concept."""

    words: tuple[str, ...]
    before: tuple[str, ...] = ()
    after: tuple[str, ...] = ()
    within: int = 3


@dataclass(frozen=True)
class Example:
    """A paragraph that does (counts) or does not count as evidence for a concept, and why."""

    text: str
    counts: bool
    why: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Concept:
    id: str
    name: dict[str, str]
    framework: tuple[str, ...]
    description: dict[str, str]
    terms: tuple[Term, ...]
    gap: dict[str, str]
    suggestions: dict[str, tuple[str, ...]]
    exclude: tuple[str, ...] = ()
    exclude_phrases: tuple[str, ...] = ()
    veto: tuple[str, ...] = ()  # context names that cancel the concept in a sentence
    unless_sentence: tuple[str, ...] = ()  # words that cancel the concept in a sentence
    senses: tuple[Sense, ...] = ()  # where its words mean something else
    examples: tuple[Example, ...] = ()
    source: Path | None = None


@dataclass(frozen=True)
class RuleSpec:
    """A rule instance: an id, the check kind it extends, its severity, messages, docs and options."""

    id: str
    extends: str
    severity: str
    message: dict[str, str]
    docs: dict[str, Any]
    options: dict[str, Any]
    source: Path
    report: str | None = None  # the report section its findings belong in; None: with their concept, or "other"
    examples: tuple[RuleExample, ...] = ()
    summary: dict[str, str] = field(default_factory=dict)  # when it fires, in a few words (the rule tables)


@dataclass(frozen=True)
class RuleExample:
    """A passage (under headings, if any) for which a rule does or does not fire for a concept, and why: one
    per principle the rule rests on. `reason` is the key of planlint's own reason for the concept's status."""

    text: str
    concept: str
    passes: bool
    why: dict[str, str]
    headings: tuple[str, ...] = ()
    reason: str | None = None


@dataclass(frozen=True)
class ReportSection:
    """A part of the reports for findings that belong to no concept (e.g. the link to a vision)."""

    id: str
    title: dict[str, str]
    none: dict[str, str]  # said when the section has no finding
    common: dict[str, str] | None = None  # across plans, its findings are one shared gap, said with {n} and {total}


@dataclass(frozen=True)
class ReportTexts:
    """The words reports use for the pack's framework as a whole, so that no municipality is written in code."""

    title: dict[str, str]  # the heading over the concepts
    subject: dict[str, str]  # what a plan is reviewed against
    whole: dict[str, str]  # what a plan carries
    sections: tuple[ReportSection, ...] = ()

    def section(self, section_id: str | None) -> ReportSection | None:
        return next((s for s in self.sections if s.id == section_id), None)


@dataclass(frozen=True)
class LanguageCues:
    negation: tuple[str, ...]
    negation_exceptions: tuple[str, ...]
    clause_breaks: tuple[str, ...]
    hedges: tuple[str, ...]
    goal_cues: tuple[str, ...]
    activity_cues: tuple[str, ...]
    indicator_cues: tuple[str, ...]
    target_cues: tuple[str, ...]
    number_words: tuple[str, ...]
    organisation_words: tuple[str, ...]
    sections: dict[str, tuple[str, ...]]
    table_columns: dict[str, tuple[str, ...]]
    contexts: dict[str, tuple[str, ...]]
    privative: tuple[str, ...] = ()  # "utan samverkan": negates the words that follow, to the clause's end
    titles: dict[str, tuple[str, ...]] = field(default_factory=dict)  # heads, verbs: a sentence that is a title
    # Depth (GUIDELINES "Depth"): what a commitment, an aspiration, a description, a measure and the city's
    # framework look like.
    aspiration_cues: tuple[str, ...] = ()
    description_cues: tuple[str, ...] = ()
    target_markers: tuple[str, ...] = ()
    direction_cues: tuple[str, ...] = ()
    pending_cues: tuple[str, ...] = ()
    framework_cues: tuple[str, ...] = ()
    framework_parts: tuple[str, ...] = ()
    own_voice: tuple[str, ...] = ()
    ordinal_words: tuple[str, ...] = ()
    money_words: tuple[str, ...] = ()
    ordinal_fillers: tuple[str, ...] = ()  # "mål nr 3": words between an ordinal word and its number
    ordinal_joins: tuple[str, ...] = ()  # "mål 1 och 2": words joining the numbers of goals
    framework_listing: int = 3  # a sentence naming this many framework parts lists the framework


@dataclass(frozen=True)
class Pack:
    name: str
    version: str
    title: dict[str, str]
    valid_from: dt.date | None
    valid_to: dt.date | None
    sources: tuple[str, ...]
    concepts: tuple[Concept, ...]
    rules: tuple[RuleSpec, ...]
    language: LanguageCues
    root: Path
    frameworks: dict[str, dict[str, str]]  # id -> name, {"sv": …, "en": …}
    report: ReportTexts
    status_scores: dict[str, int] = field(default_factory=dict)
    lemmas: frozenset[str] = field(default=frozenset())

    def concept(self, concept_id: str) -> Concept:
        return next(c for c in self.concepts if c.id == concept_id)

    def rule(self, rule_id: str) -> RuleSpec | None:
        return next((r for r in self.rules if r.id == rule_id), None)


def default_pack_dir() -> Path:
    """The pack shipped with planlint: inside the wheel, or `rules/` of a source checkout."""
    installed = Path(str(resources.files("planlint"))) / "_rules" / DEFAULT_PACK
    if installed.is_dir():
        return installed
    return Path(__file__).resolve().parents[2] / "rules" / DEFAULT_PACK


def load_pack(path: Path | None = None) -> Pack:
    """Load the pack at `path` (a pack folder or its pack.yaml), or the default pack."""
    root = Path(path) if path else default_pack_dir()
    if root.is_file():
        root = root.parent
    if not (root / "pack.yaml").is_file():
        raise PackError(root, ("mappen saknar pack.yaml", "the folder has no pack.yaml"))
    meta = _Fields(root / "pack.yaml")
    language = _load_language(_Fields(root / "language.yaml"))
    frameworks = meta.mapping("frameworks", required=True)
    names = meta.sub(frameworks, "frameworks")
    frameworks = {str(fid): names.texts(fid, required=True) for fid in frameworks}
    report = _load_report(meta.sub(meta.mapping("report", required=True), "report"))
    concepts = tuple(
        _load_concept(_Fields(root / "concepts" / f"{cid}.yaml"), cid, language, tuple(frameworks))
        for cid in meta.list_of_str("concepts", required=True)
    )
    rule_files = sorted((root / "rules").glob("*.yaml")) if (root / "rules").is_dir() else []
    sections = tuple(s.id for s in report.sections)
    rules = tuple(_load_rule(_Fields(p), sections) for p in rule_files)
    if not rules:
        raise PackError(
            root / "rules",
            (
                "regelpaketet definierar inga regler: lägg minst en regelfil (*.yaml) i mappen rules/",
                "the rule pack defines no rules: put at least one rule file (*.yaml) in the folder rules/",
            ),
        )
    _unique(root / "rules", [r.id for r in rules])
    valid = meta.sub(meta.mapping("valid"), "valid").only(("from", "to")).data
    lemmas = frozenset(t.value for c in concepts for t in c.terms if t.kind == "lemma")
    scores = meta.sub(meta.mapping("status_scores", required=True), "status_scores").only(STATUSES).data
    for status in STATUSES:
        if not isinstance(scores.get(status), int) or not 0 <= scores[status] <= 100:
            meta.sub(scores, "status_scores").fail(
                status, "måste vara ett heltal 0–100", "must be a whole number 0–100"
            )
    pack = Pack(
        name=meta.need("name"),
        version=str(meta.get("version", required=True)),
        title=meta.texts("title", required=True),
        valid_from=valid.get("from"),
        valid_to=valid.get("to"),
        sources=tuple(meta.list_of_str("sources", lower=False)),
        concepts=concepts,
        rules=rules,
        language=language,
        root=root,
        frameworks=frameworks,
        report=report,
        status_scores={k: scores[k] for k in STATUSES},
        lemmas=lemmas,
    )
    meta.close()
    return pack


def nearest(word: str, valid: tuple[str, ...] | list[str]) -> str | None:
    """The valid word closest to a misspelt one, if any is close."""
    return next(iter(difflib.get_close_matches(word, list(valid), n=1, cutoff=0.6)), None)


def unknown_key(path: Path, key: str, valid: tuple[str, ...] | list[str], prefix: str = "") -> PackError:
    """The error for a key no reader knows: a typo must not silently change what a rule does."""
    where = f"{prefix}{key}"
    guess = nearest(str(key), valid)
    if guess is not None:
        return PackError(
            path,
            (
                f"fältet '{where}' är okänt; menade du '{prefix}{guess}'?",
                f"the field '{where}' is unknown; did you mean '{prefix}{guess}'?",
            ),
        )
    listed = ", ".join(valid)
    return PackError(
        path, (f"fältet '{where}' är okänt (giltiga: {listed})", f"the field '{where}' is unknown (valid: {listed})")
    )


def unknown_value(path: Path, field: str, value: object, valid: tuple[str, ...]) -> PackError:
    """The error for a value outside a fixed set, with the nearest valid one."""
    guess = nearest(str(value), valid)
    hint_sv = f"; menade du '{guess}'?" if guess else f" (giltiga: {', '.join(valid)})"
    hint_en = f"; did you mean '{guess}'?" if guess else f" (valid: {', '.join(valid)})"
    return PackError(
        path,
        (
            f"fältet '{field}' har det okända värdet '{value}'{hint_sv}",
            f"field '{field}' has the unknown value '{value}'{hint_en}",
        ),
    )


class _Fields:
    """One YAML mapping from a pack file, with typed access that reports the file and field on error."""

    def __init__(self, path: Path, data: Any = None, prefix: str = "") -> None:
        self.path = path
        self.prefix = prefix
        self.read: list[str] = []  # the fields asked for, known or not
        if data is None:
            data = _read_yaml(path)
        if not isinstance(data, dict):
            self.fail(prefix or "(filen)", "måste vara en mappning (nyckel: värde)", "must be a mapping (key: value)")
        self.data = data

    def close(self) -> None:
        """No fields but those the loader read: an unknown key (a typo) is an error naming the nearest one."""
        self.only(tuple(self.read))

    def only(self, valid: tuple[str, ...]) -> _Fields:
        """These fields, and no others: an unknown key is an error naming the nearest valid one."""
        for key in self.data:
            if key not in valid:
                raise unknown_key(self.path, key, valid, self.prefix)
        return self

    def fail(self, name: str, sv: str, en: str) -> NoReturn:
        where = f"{self.prefix}{name}" if name else self.prefix.rstrip(".")
        raise PackError(self.path, (f"fältet '{where}' {sv}", f"field '{where}' {en}"))

    def get(self, name: str, default: Any = None, required: bool = False) -> Any:
        self.read.append(name)
        if name not in self.data or self.data[name] is None:
            if required:
                typo = nearest(name, [str(key) for key in self.data])
                if typo is not None and typo != name:
                    raise unknown_key(self.path, typo, (name,), self.prefix)
                self.fail(name, "saknas", "is missing")
            return default
        return self.data[name]

    def string(self, name: str, default: str | None = None, required: bool = False) -> str | None:
        value = self.get(name, default, required)
        if value is not None and not isinstance(value, str):
            self.fail(name, "måste vara text", "must be text")
        return value

    def need(self, name: str) -> str:
        """A text that must be there."""
        value = self.string(name, required=True)
        assert value is not None  # `get` fails on a missing required field
        return value

    def number(self, name: str, default: float) -> float:
        value = self.get(name, default)
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            self.fail(name, "måste vara ett tal", "must be a number")
        return float(value)

    def list_of_str(self, name: str, required: bool = False, lower: bool = True) -> list[str]:
        """A list of texts; vocabulary is lower-cased, prose (lower=False) is kept as written."""
        value = self.get(name, [], required)
        if not isinstance(value, list) or not all(isinstance(v, (str, int)) for v in value):
            self.fail(name, "måste vara en lista med texter", "must be a list of texts")
        return [str(v).lower() if lower else " ".join(str(v).split()) for v in value]

    def mapping(self, name: str, required: bool = False) -> dict:
        value = self.get(name, {}, required)
        if not isinstance(value, dict):
            self.fail(name, "måste vara en mappning", "must be a mapping")
        return value

    def texts(self, name: str, required: bool = False) -> dict[str, str]:
        """A {"sv": …, "en": …} mapping; Swedish is required."""
        value = self.mapping(name, required)
        self.sub(value, name).only(LANGUAGES)
        if value and not isinstance(value.get("sv"), str):
            self.fail(f"{name}.sv", "saknas eller är inte text", "is missing or not text")
        return {k: " ".join(str(v).split()) for k, v in value.items()}

    def choice(self, name: str, choices: tuple[str, ...], default: str | None = None) -> str:
        value = self.string(name, default, required=default is None)
        if value is None or value not in choices:
            raise unknown_value(self.path, f"{self.prefix}{name}", value, choices)
        return value

    def sub(self, data: Any, name: str) -> _Fields:
        return _Fields(self.path, data, f"{self.prefix}{name}.")


def _read_yaml(path: Path) -> Any:
    if not path.is_file():
        raise PackError(path, ("filen saknas", "the file is missing"))
    import yaml  # here: a run whose pack comes from the result cache parses no YAML; libyaml where built in

    try:
        loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
        text = path.read_text(encoding="utf-8")
        if "&" in text and any(isinstance(event, yaml.AliasEvent) for event in yaml.parse(text, Loader=loader)):
            raise PackError(path, NO_ALIASES)  # an alias can repeat a value billions of times: none in a pack
        return yaml.load(text, Loader=loader)
    except (yaml.YAMLError, UnicodeDecodeError) as exc:
        raise PackError(path, (f"ogiltig YAML: {exc}", f"invalid YAML: {exc}")) from None
    except RecursionError:
        raise PackError(path, ("YAML-strukturen är för djupt nästlad", "the YAML is nested too deeply")) from None
    except OSError as exc:
        sv, en = os_reason(exc)
        raise PackError(path, (f"filen går inte att läsa ({sv})", f"the file cannot be read ({en})")) from None


def _load_language(f: _Fields) -> LanguageCues:
    sections = f.sub(f.mapping("sections"), "sections").only(SECTION_ROLES).data
    columns = f.sub(f.mapping("table_columns"), "table_columns").only(COLUMN_ROLES).data
    contexts = f.mapping("contexts")
    titles = f.mapping("titles")
    cues = LanguageCues(
        negation=tuple(f.list_of_str("negation", required=True)),
        negation_exceptions=tuple(f.list_of_str("negation_exceptions")),
        clause_breaks=tuple(f.list_of_str("clause_breaks")),
        hedges=tuple(f.list_of_str("hedges")),
        goal_cues=tuple(f.list_of_str("goal_cues", required=True)),
        activity_cues=tuple(f.list_of_str("activity_cues", required=True)),
        indicator_cues=tuple(f.list_of_str("indicator_cues", required=True)),
        target_cues=tuple(f.list_of_str("target_cues")),
        number_words=tuple(f.list_of_str("number_words")),
        organisation_words=tuple(f.list_of_str("organisation_words")),
        sections={role: tuple(f.sub(sections, "sections").list_of_str(role)) for role in sections},
        table_columns={role: tuple(f.sub(columns, "table_columns").list_of_str(role)) for role in columns},
        contexts={name: tuple(f.sub(contexts, "contexts").list_of_str(name)) for name in contexts},
        privative=tuple(f.list_of_str("negation_privative")),
        titles={key: tuple(f.sub(titles, "titles").list_of_str(key)) for key in titles},
        framework_listing=int(f.number("framework_listing", 3)),
        **{key: tuple(f.list_of_str(key)) for key in DEPTH_CUES},
    )
    f.close()
    return cues


def _load_report(f: _Fields) -> ReportTexts:
    raw = f.get("sections", [])
    if not isinstance(raw, list):
        f.fail("sections", "måste vara en lista", "must be a list")
    sections = []
    for i, entry in enumerate(raw):
        s = f.sub(entry, f"sections[{i}]")
        section = ReportSection(
            id=s.need("id"),
            title=s.texts("title", required=True),
            none=s.texts("none", required=True),
            common=s.texts("common") or None,
        )
        s.close()
        sections.append(section)
    _unique(f.path, [s.id for s in sections])
    texts = ReportTexts(
        title=f.texts("title", required=True),
        subject=f.texts("subject", required=True),
        whole=f.texts("whole", required=True),
        sections=tuple(sections),
    )
    f.close()
    return texts


def _load_concept(f: _Fields, expected_id: str, language: LanguageCues, frameworks: tuple[str, ...]) -> Concept:
    cid = f.need("id")
    if cid != expected_id:
        f.fail("id", f"är '{cid}' men filen heter {expected_id}.yaml", f"is '{cid}' but the file is {expected_id}.yaml")
    raw_terms = f.get("terms", required=True)
    if not isinstance(raw_terms, list) or not raw_terms:
        f.fail("terms", "måste vara en lista med minst ett ord", "must be a non-empty list")
    terms = tuple(_load_term(f, raw, i, language) for i, raw in enumerate(raw_terms))
    veto = tuple(f.list_of_str("veto"))
    for name in veto:
        if name not in language.contexts:
            f.fail(
                "veto",
                f"nämner sammanhanget '{name}' som inte finns i language.yaml",
                f"names the context '{name}' that language.yaml does not define",
            )
    framework = tuple(f.list_of_str("framework", required=True))
    for part in framework:
        if part not in frameworks:
            raise unknown_value(f.path, "framework", part, frameworks)
    suggestions = f.sub(f.mapping("suggestions"), "suggestions").only(LANGUAGES).data
    concept = Concept(
        id=cid,
        name=f.texts("name", required=True),
        framework=framework,
        description=f.texts("description", required=True),
        terms=terms,
        gap=f.texts("gap", required=True),
        suggestions={
            lang: tuple(f.sub(suggestions, "suggestions").list_of_str(lang, lower=False)) for lang in suggestions
        },
        exclude=tuple(f.list_of_str("exclude")),
        exclude_phrases=tuple(f.list_of_str("exclude_phrases")),
        veto=veto,
        unless_sentence=tuple(f.list_of_str("unless_sentence")),
        senses=tuple(_load_sense(f.sub(raw, f"senses[{i}]")) for i, raw in enumerate(f.get("senses", []))),
        examples=tuple(_load_example(f.sub(raw, f"examples[{i}]")) for i, raw in enumerate(f.get("examples", []))),
        source=f.path,
    )
    f.close()
    return concept


def _load_sense(f: _Fields) -> Sense:
    sense = Sense(
        words=tuple(f.list_of_str("words", required=True)),
        before=tuple(f.list_of_str("before")),
        after=tuple(f.list_of_str("after")),
        within=int(f.number("within", 3)),
    )
    if not sense.before and not sense.after:
        f.fail("before", "eller 'after' behövs", "or 'after' is needed")
    f.close()
    return sense


def _load_example(f: _Fields) -> Example:
    counts = f.get("counts", required=True)
    if not isinstance(counts, bool):
        f.fail("counts", "måste vara true eller false", "must be true or false")
    example = Example(text=f.need("text"), counts=counts, why=f.texts("why"))
    f.close()
    return example


def _load_term(f: _Fields, raw: Any, index: int, language: LanguageCues) -> Term:
    t = f.sub(raw if isinstance(raw, dict) else {}, f"terms[{index}]")
    if not isinstance(raw, dict):
        t.fail(
            "", "måste vara en mappning med lemma, word eller phrase", "must be a mapping with lemma, word or phrase"
        )
    kinds = [k for k in ("lemma", "word", "phrase") if k in raw]
    if len(kinds) != 1:
        t.fail("", "måste ha exakt ett av lemma, word och phrase", "must have exactly one of lemma, word and phrase")
    kind = kinds[0]
    value = (t.string(kind, required=True) or "").lower().strip()
    if not value.replace("*", "").replace("?", "").strip():
        t.fail(kind, "får inte vara tom (eller bara * och ?)", "must not be empty (or only * and ?)")
    requires = tuple(t.list_of_str("requires"))
    t.read += ["lemma", "word", "phrase"]
    term = Term(
        kind=kind,
        value=value,
        compound=t.choice("compound", COMPOUND_MODES, "any" if kind == "lemma" else "none"),
        weight=t.number("weight", 1.0),
        group=t.string("group"),
        requires=requires,
        unless=tuple(t.list_of_str("unless")),
    )
    t.close()
    return term


def _load_rule(f: _Fields, sections: tuple[str, ...]) -> RuleSpec:
    """A rule instance; its kind and the options the kind declares are checked by `planlint.checks`."""
    rid = f.need("id")
    if f.path.stem != rid:
        f.fail("id", f"är '{rid}' men filen heter {f.path.name}", f"is '{rid}' but the file is {f.path.name}")
    extends = f.need("extends")
    docs = f.sub(f.mapping("docs", required=True), "docs").only(DOCS_FIELDS).data
    for key in ("sv", "pass", "fail"):
        if not isinstance(docs.get(key), str):
            f.sub(docs, "docs").fail(key, "saknas eller är inte text", "is missing or not text")
    options = {k: v for k, v in f.data.items() if k not in RULE_FIELDS}
    report = f.string("report")
    if report is not None and report not in sections:
        raise unknown_value(f.path, "report", report, sections)
    raw_examples = f.get("examples", [])
    if not isinstance(raw_examples, list):
        f.fail("examples", "måste vara en lista", "must be a list")
    examples = tuple(_load_rule_example(f.sub(raw, f"examples[{i}]")) for i, raw in enumerate(raw_examples))
    return RuleSpec(
        id=rid,
        extends=extends,
        severity=f.choice("severity", SEVERITIES),
        message=_message(f),
        docs={k: " ".join(str(v).split()) for k, v in docs.items()},
        options=options,
        source=f.path,
        report=report,
        examples=examples,
        summary=f.texts("summary"),
    )


def _load_rule_example(f: _Fields) -> RuleExample:
    passes = f.get("passes", required=True)
    if not isinstance(passes, bool):
        f.fail("passes", "måste vara true eller false", "must be true or false")
    example = RuleExample(
        text=" ".join(f.need("text").split()),
        concept=f.need("concept"),
        passes=passes,
        why=f.texts("why", required=True),
        headings=tuple(f.list_of_str("headings", lower=False)),
        reason=f.string("reason"),
    )
    f.close()
    return example


def _message(f: _Fields) -> dict[str, str]:
    """A rule's message: its placeholders are names the checks fill in ({concept}, {quote}), nothing more, as
    anything else ({x[0]}, {concept.__class__}) would fail or reach into planlint's objects."""
    messages = f.texts("message", required=True)
    for lang, text in messages.items():
        try:
            fields = [(name, spec, conv) for _, name, spec, conv in Formatter().parse(text) if name is not None]
        except ValueError:  # a lone { or }
            fields = [("", "", None)]
        wrong = next((name for name, spec, conv in fields if name not in MESSAGE_FIELDS or spec or conv), None)
        if wrong is not None:
            f.sub(messages, "message").fail(
                lang,
                f"har platshållaren {{{wrong}…}}; bara {{concept}} och {{quote}} finns (klamrar skrivs {{{{ }}}})",
                f"has the placeholder {{{wrong}…}}; only {{concept}} and {{quote}} exist (braces are {{{{ }}}})",
            )
    return messages


def _unique(path: Path, ids: list[str]) -> None:
    seen = set()
    for rid in ids:
        if rid in seen:
            raise PackError(path, (f"'{rid}' finns två gånger", f"'{rid}' appears twice"))
        seen.add(rid)
