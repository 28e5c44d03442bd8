"""The command line's own words in the user's language: --help texts, metavars and usage lines.

The commands are written with their Swedish help texts, as gettext source strings; `ENGLISH` holds each one's
translation, keyed by the Swedish text with white space collapsed. `localize` sets every command, option and
argument to one language before the command line is parsed (click's own words, such as "Usage:", come from
the gettext catalogue in planlint/locale). A test makes sure every help text has its translation.
"""

from __future__ import annotations

import click

from planlint.i18n import Catalog

T = Catalog(
    {
        "options": ("[FLAGGOR]", "[OPTIONS]"),
        "subcommand": ("KOMMANDO [ARGUMENT]...", "COMMAND [ARGS]..."),
        "file": ("FIL", "FILE"),
        "path": ("SÖKVÄG", "PATH"),
        "text": ("TEXT", "TEXT"),
        "number": ("N", "N"),
        "name": ("NAMN", "NAME"),
        "plans": ("PLANER", "PLANS"),
        "plan": ("PLAN", "PLAN"),
        "old": ("FÖRRA", "OLD"),
        "new": ("NY", "NEW"),
        "identifier": ("ID", "ID"),
    }
)
ARGUMENTS = ("plans", "plan", "old", "new", "identifier")
OWN_METAVARS: dict[click.Parameter, str | None] = {}  # the metavar a parameter was declared with


def key(text: str) -> str:
    return " ".join(text.split())


ENGLISH = {
    key(sv): en
    for sv, en in [
        (
            "planlint granskar hur en verksamhetsplan konkretiserar målbild 2027 och inriktningarna 2023–2026. "
            "Kör `planlint PLAN` för en granskning (samma som `planlint check PLAN`). Slutstatus 3 betyder ett "
            "internt fel i planlint; kör då med --debug för att se hela felspåret.",
            "planlint checks how a verksamhetsplan makes målbild 2027 and the political directions 2023–2026 "
            "concrete.\n\nRun `planlint PLAN` for a check (the same as `planlint check PLAN`). Exit status 3 "
            "means an internal error in planlint; then run with --debug to see the whole traceback.",
        ),
        ("Visa versionen och avsluta.", "Show the version and exit."),
        (
            "Skriv en kopia av Word-planen PLAN med planlints anmärkningar och förslag som Word-kommentarer. "
            "Varje anmärkning står med sitt förslag på stycket den gäller (en del som saknas på rubriken där den "
            "hör hemma), och första stycket får en sammanfattning; med --evidence kommenteras också beläggen. "
            "Inga kommentarer hamnar i innehållsförteckningen. Planen själv ändras aldrig; kör du om kommandot "
            "på en kommenterad kopia ersätts planlints kommentarer. Slutstatus: 0 kopian skrevs, 2 fel i indata "
            "eller användning.",
            "Write a copy of the Word plan PLAN with planlint's findings and suggestions as Word comments.\n\n"
            "Each finding stands with its suggestion on the paragraph it concerns (a missing part on the heading "
            "where it belongs), and the first paragraph gets a summary; with --evidence the evidence is commented "
            "too. No comment goes into the table of contents. The plan itself is never changed; run the command "
            "on an annotated copy and planlint's comments are replaced. Exit status: 0 the copy was written, "
            "2 error in input or usage.",
        ),
        (
            "Kopian som skrivs (standard: PLAN-granskad.docx bredvid planen).",
            "The copy to write (default: PLAN-granskad.docx beside the plan).",
        ),
        ("Skriv över kopian om den redan finns.", "Overwrite the copy if it exists."),
        (
            "Kommentera också beläggen: var planen tar upp varje del, och hur konkret.",
            "Comment the evidence too: where the plan takes up each part, and how concretely.",
        ),
        (
            "Konfigurationsfil (annars letas planlint.toml eller pyproject.toml uppåt från planen).",
            "Configuration file (otherwise planlint.toml or pyproject.toml is looked for upward from the plan).",
        ),
        (
            "Använd ett annat regelpaket (en mapp med pack.yaml).",
            "Use another rule pack (a folder with pack.yaml).",
        ),
        (
            "Språk för rapporten och meddelandena (sv eller en; även miljövariabeln PLANLINT_LANG).",
            "Language of the report and the messages (sv or en; also the environment variable PLANLINT_LANG).",
        ),
        (
            "Spara anmärkningarna som PLANER har i dag, så att `planlint check --baseline FIL` bara fäller på "
            "nya. Lägg baslinjefilen bredvid planerna och checka in den. Slutstatus: 0 sparad, 2 om någon plan "
            "inte kunde läsas (baslinjen sparas ändå för de andra).",
            "Save the findings PLANS have today, so that `planlint check --baseline FILE` fails only on new "
            "ones.\n\nPut the baseline file beside the plans and commit it. Exit status: 0 saved, 2 if a plan "
            "could not be read (the baseline is saved for the others all the same).",
        ),
        ("Baslinjefilen som skrivs.", "The baseline file to write."),
        ("Skriv över en befintlig baslinjefil.", "Overwrite an existing baseline file."),
        ("Granska planerna i så här många processer samtidigt.", "Check the plans in this many processes at once."),
        (
            "Granska hur PLANER konkretiserar målbild 2027 och inriktningarna (standardkommandot). PLANER är filer "
            "(.docx, .pdf, .md, .txt), mappar eller mönster. Slutstatus: 0 inga anmärkningar på nivån --fail-on "
            "(utöver dem i --baseline), 1 minst en sådan, 2 fel i indata eller användning.",
            "Check how PLANS make målbild 2027 and the political directions concrete (the default command).\n\n"
            "PLANS are files (.docx, .pdf, .md, .txt), folders or patterns. Exit status: 0 no findings at the "
            "--fail-on level (beyond those in --baseline), 1 at least one, 2 error in input or usage.",
        ),
        (
            "Rapportens format (text om inget anges). Upprepa tillsammans med --output för flera rapporter: "
            "--format sarif --output planlint.sarif --format text.",
            "The report's format (text if none is given). Repeat together with --output for several reports: "
            "--format sarif --output planlint.sarif --format text.",
        ),
        (
            "Skriv rapporten i formatet på samma plats i ordningen till FIL. Ett format utan --output (det "
            "sista) skrivs till standard ut.",
            "Write the report in the format at the same place in the order to FILE. A format without --output "
            "(the last) goes to standard output.",
        ),
        (
            "Baslinjefil från `planlint baseline`: anmärkningar som finns i den visas som kända och påverkar "
            "inte slutstatus.",
            "Baseline file from `planlint baseline`: findings in it are shown as known and do not affect the "
            "exit status.",
        ),
        (
            "Lägsta allvarlighetsgrad som ger slutstatus 1 (standard: error).",
            "The lowest severity that gives exit status 1 (default: error).",
        ),
        (
            "Låt konfigurationens exclude gälla även filer som anges direkt på kommandoraden.",
            "Apply the configuration's exclude to files named on the command line too.",
        ),
        (
            "Rapportera också det som planens egna kommentarer (planlint: ignorera …) undantar.",
            "Report also what the plan's own comments (planlint: ignore …) suppress.",
        ),
        (
            "Namnet på planen som läses från standard in (`-`): bestämmer formatet, konfigurationen och namnet "
            "i rapporten.",
            "The name of the plan read from standard input (`-`): decides its format, its configuration and "
            "its name in the report.",
        ),
        ("Lista planerna som skulle granskas, och avsluta.", "List the plans that would be checked, and exit."),
        (
            "Visa inställningarna som gäller för varje plan (konfigurationsfil, undantag, regler), och avsluta.",
            "Show the settings that apply to each plan (configuration file, exemptions, rules), and exit.",
        ),
        ("Skriv bara anmärkningarna och sammanfattningsraden.", "Print only the findings and the summary line."),
        (
            "Räkna anmärkningarna per regel i stället för att lista dem.",
            "Count the findings by rule instead of listing them.",
        ),
        (
            "Granska alla planer på nytt, utan att läsa eller spara resultat i cachen (annars granskas en "
            "oförändrad plan inte igen; cachen ligger i PLANLINT_CACHE_DIR eller plattformens cachemapp).",
            "Check every plan anew, without reading or saving results in the cache (otherwise an unchanged plan "
            "is not checked again; the cache lives in PLANLINT_CACHE_DIR or the platform's cache folder).",
        ),
        (
            "Visa vad som ändrats i täckningen från FÖRRA till NY (till exempel förra årets plan och årets). Per "
            "begrepp status före och efter, poängen och vilka anmärkningar som tillkommit eller försvunnit. "
            "Slutstatus: 0 inget begrepp har blivit sämre, 1 minst ett har det, 2 fel i indata.",
            "Show what changed in the coverage from OLD to NEW (for example last year's plan and this year's).\n\n"
            "Per concept the status before and after, the score, and which findings were added or removed. "
            "Exit status: 0 no concept got worse, 1 at least one did, 2 error in input.",
        ),
        ("Jämförelsens format.", "The comparison's format."),
        ("Skriv jämförelsen till FIL.", "Write the comparison to FILE."),
        (
            "Förklara en regel (eller ett begrepp) med exempel som klarar och inte klarar den.",
            "Explain a rule (or a concept) with examples that pass and fail it.",
        ),
        ("Ett annat regelpaket.", "Another rule pack."),
        (
            "Visa hur planlint läste PLAN: avsnitten och varje textblock med sort och plats.",
            "Show how planlint read PLAN: the sections and every text block with its kind and place.",
        ),
        (
            "Skriv en HTML-rapport om hur PLANER bär målbild 2027 och inriktningarna. En plan ger en sida med "
            "överblick, belägg och förslag; flera planer ger först en portfölj (planer × delar och gemensamma "
            "brister) och sedan varje plan. Filen är fristående, kräver inget nätverk och kan skrivas ut till "
            "PDF. Slutstatus: 0 rapporten skrevs, 2 fel i indata eller användning. Planer som inte kunde läsas "
            "listas i rapporten (och ger slutstatus 2); kunde ingen plan läsas skrivs ingen rapport.",
            "Write an HTML report on how PLANS carry målbild 2027 and the political directions.\n\nOne plan "
            "gives a page with an overview, evidence and suggestions; several plans first give a portfolio "
            "(plans × parts and common gaps) and then each plan. The file is self-contained, needs no network "
            "and can be printed to PDF. Exit status: 0 the report was written, 2 error in input or usage. Plans "
            "that could not be read are listed in the report (and give exit status 2); if no plan could be read, "
            "no report is written.",
        ),
        ("HTML-filen som rapporten skrivs till.", "The HTML file the report is written to."),
        (
            "Skriv över utfilen även om den inte är en tidigare planlint-rapport.",
            "Overwrite the output file even if it is no earlier planlint report.",
        ),
        ("Lista regelpaketets regler och begrepp.", "List the rule pack's rules and concepts."),
        (
            "Starta en webbsida där planer laddas upp och granskas, och ett JSON-API (POST /api/check, GET "
            "/healthz). Sidorna är på svenska (engelska med ?lang=en eller --lang en) och fungerar utan "
            "JavaScript. Konfigurationen och regelpaketet läses en gång när servern startar: --config, annars "
            "planlint.toml (eller pyproject.toml med [tool.planlint]) i mappen där servern startas eller ovanför. "
            "Uppladdade planer granskas i en tillfällig mapp som tas bort när svaret har skickats. Slutstatus: 0 "
            "servern avslutades, 2 fel i konfiguration eller adress.",
            "Start a web page where plans are uploaded and checked, and a JSON API (POST /api/check, GET "
            "/healthz).\n\nThe pages are in Swedish (English with ?lang=en or --lang en) and work without "
            "JavaScript. The configuration and the rule pack are read once when the server starts: --config, "
            "else planlint.toml (or pyproject.toml with [tool.planlint]) in the folder where the server starts or "
            "above. Uploaded plans are checked in a temporary folder that is removed once the answer is sent. "
            "Exit status: 0 the server ended, 2 error in the configuration or the address.",
        ),
        ("Adressen servern lyssnar på.", "The address the server listens on."),
        ("Porten (0: valfri ledig).", "The port (0: any free one)."),
        (
            "Arbetsprocesser som granskar planer (standard: kärnorna, högst 4).",
            "Worker processes that check plans (default: the cores, at most 4).",
        ),
        (
            "Planer som får vänta på en arbetsprocess; fler ger svar 503.",
            "Plans that may wait for a worker process; more get the answer 503.",
        ),
        ("Sekunder för att granska en plan.", "Seconds to check one plan."),
        ("Största fil som tas emot, MB.", "The largest file accepted, in MB."),
        ("Största uppladdning på en gång, MB.", "The largest upload at once, in MB."),
        ("Flest planer i en uppladdning.", "The most plans in one upload."),
    ]
}


def localize(command: click.Command, lang: str) -> None:
    """Set `command`, its options and arguments, to `lang` (sv or en); a group's commands as they are loaded."""
    _text(command, "help", lang)
    command.options_metavar = T("options", lang)
    if hasattr(command, "_help_option"):
        command._help_option = None  # click keeps the --help option once made: make it anew in `lang`
    if isinstance(command, click.Group):
        command.subcommand_metavar = T("subcommand", lang)  # its commands are localized as they are loaded
    for param in command.params:
        if isinstance(param, click.Option):
            _text(param, "help", lang)
        _metavar(param, lang)


def missing(command: click.Command) -> list[str]:
    """The help texts of `command` and its subcommands that have no English translation."""
    texts = [getattr(command, "_sv_help", command.help)]
    texts += [getattr(p, "_sv_help", getattr(p, "help", None)) for p in command.params]
    found = [t for t in texts if t and key(t) not in ENGLISH]
    if isinstance(command, click.Group):
        context = click.Context(command)
        for name in command.list_commands(context):
            sub = command.get_command(context, name)
            found += missing(sub) if sub is not None else [name]
    return found


def _text(thing, attribute: str, lang: str) -> None:
    """Set a help text, keeping the Swedish original to return to."""
    original = f"_sv_{attribute}"
    if not hasattr(thing, original):
        setattr(thing, original, getattr(thing, attribute))
    swedish = getattr(thing, original)
    setattr(thing, attribute, ENGLISH.get(key(swedish), swedish) if lang == "en" and swedish else swedish)


def _metavar(param: click.Parameter, lang: str) -> None:
    """The metavar in `lang`: the argument's name, or what the option takes (a file, a number, a name …)."""
    own = OWN_METAVARS.setdefault(param, param.metavar)
    if isinstance(param, click.Argument) and param.name in ARGUMENTS:
        param.metavar = T(param.name, lang) + ("..." if param.nargs != 1 else "")
    elif own in ("NAMN", "NAME"):
        param.metavar = T("name", lang)
    elif own is not None or getattr(param, "is_flag", False) or isinstance(param.type, click.Choice):
        return
    elif isinstance(param.type, click.Path):
        param.metavar = T("file" if not param.type.dir_okay else "path", lang)
    elif isinstance(param.type, (click.types.IntParamType, click.IntRange)):
        param.metavar = T("number", lang)
    elif isinstance(param, click.Option):
        param.metavar = T("text", lang)
