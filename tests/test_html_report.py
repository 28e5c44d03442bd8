"""The HTML report (`planlint report`, `planlint check --format html`).

Content, escaping, the Content-Security-Policy and the page structure are checked with a real HTML parser
(lxml). Then Debian's Chromium opens the reports of the example plan and of a folder of plans: its DOM,
axe-core (WCAG 2.0/2.1 A and AA, through tests/html/axe_check.mjs), printing to an A4 PDF and a screenshot of
the overview (saved to tests/output/html-overview.png, to be looked at).

The browser tests need /usr/bin/chromium (Debian's `chromium`) and `npm ci --prefix tests/html`. Locally they
are skipped with the reason when either is missing; in CI (CI=true) a missing browser or module fails.
"""

from __future__ import annotations

import itertools
import json
import os
import re
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

import pypdfium2 as pdfium
import pytest
from click.testing import CliRunner
from lxml import html as lxml_html
from PIL import Image

from planlint.cli.main import cli
from planlint.project.runner import RunOptions, run
from planlint.reporters.labels import status_word
from planlint.result import PlanResult

TESTS = Path(__file__).resolve().parent
EXAMPLE = TESTS.parent / "examples" / "verksamhetsplan-2026.docx"
NODE_DIR = TESTS / "html"
SCREENSHOT = TESTS / "output" / "html-overview.png"
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--hide-scrollbars",
]
CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'"
A4 = (595, 842)  # points, portrait

SCRIPT = "<script>alert(1)</script>"
ATTRIBUTE = '"><img src=x onerror=alert(1)>'
JS_LINK = "[länk](javascript:alert(1))"
HOSTILE_FILE = f"bolag-{ATTRIBUTE}.txt"
PLANS = {
    "miljoforvaltningen.md": """\
# Verksamhetsplan 2026 – Miljöförvaltningen

Miljöförvaltningen, Helsingborgs stad. Fastställd av förvaltningschefen i oktober 2025.

## Inledning

Förvaltningens mål utgår från stadens målbild 2027 och bidrar till att Helsingborg blir en av de bästa städerna
att leva och verka i. Målbild 2027 är en hållplats på vägen mot Vision Helsingborg 2035.

Vi vill att invånarna ska känna sig trygga i våra naturområden och parker.

## Mål och aktiviteter

### Innovation

Vi testar sensorer som mäter luftkvaliteten vid skolor och förskolor, och vi prövar en digital tjänst för
anmälan av miljöstörningar.

Andelen tillsynsärenden som handläggs helt digitalt ska öka från 40 % år 2024 till 80 % år 2027.

### Samspel

Vi samverkar med föreningar, företag och skolor i projektet Rena stränder, där invånare städar stränderna
tillsammans med oss.

### Livskvalitet

Vi förbättrar tillgången till natur och friluftsliv i stadsdelarna med sämst tillgång till grönområden.

### Klimatneutralitet 2030

Vi ställer om förvaltningens fordon till fossilfria drivmedel och ger energirådgivning till hushåll och
företag, så att Helsingborg kan bli klimatneutralt 2030.

Utsläppen av växthusgaser från förvaltningens transporter ska minska med 70 % till 2027 jämfört med 2019.
""",
    "vard-och-omsorg.txt": """\
Verksamhetsplan 2026 – Vård- och omsorgsförvaltningen

Inledning

Vård- och omsorgsförvaltningen ger stöd, service och omvårdnad till äldre och till personer med
funktionsnedsättning. Planen beskriver hur verksamheten bidrar till stadens målbild 2027.

Äldre ska kunna leva ett tryggt och självständigt liv i sitt eget hem så länge som möjligt.

Mål och aktiviteter

Vi inför digital tillsyn nattetid för de brukare som önskar det, och vi testar robotar som påminner om
medicinering.

Vi samarbetar med civilsamhället och frivilligorganisationer om aktiviteter mot ofrivillig ensamhet, till
exempel träffpunkter och promenadgrupper.

Andelen brukare i hemtjänsten som är nöjda med sin livskvalitet ska öka från 78 % år 2024 till 85 % år 2027.

Vi erbjuder praktikplatser och språkstöd för invånare som står långt från arbetsmarknaden, i samarbete med
arbetsmarknadsförvaltningen.
""",
    HOSTILE_FILE: f"""\
Verksamhetsplan 2026 {SCRIPT} Testbolaget

Inledning

Bolaget förvaltar bostäder och lokaler i hela Helsingborg. Vi bidrar till stadens målbild 2027 genom att
utveckla trygga och hållbara bostadsområden.

Mål och aktiviteter

Vi genomför trygghetsvandringar {SCRIPT} tillsammans med hyresgäster i två stadsdelar under 2026.

Vi testar nya digitala lösningar för felanmälan {ATTRIBUTE} i alla bostadsområden.

Vi samverkar med föreningar och hyresgästföreningen om aktiviteter på gårdarna, se {JS_LINK} för mer
information.

Antalet sommarjobb för ungdomar i våra bostadsområden ska öka från 30 till 50 till 2027.
""",
}


@dataclass
class Report:
    path: Path
    results: list[PlanResult]
    exit_code: int

    @property
    def tree(self):
        return lxml_html.fromstring(self.path.read_bytes())


def planlint(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, list(args))
    return result.exit_code, result.output


def make_plans(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in PLANS.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def write_report(out: Path, plans: Path) -> Report:
    """The report of `plans` from the command line, with the results the page should show."""
    code, output = planlint("report", str(plans), "-o", str(out))
    assert out.is_file(), output
    return Report(out, run([str(plans)], RunOptions()).results, code)


@pytest.fixture(scope="module")
def example(tmp_path_factory) -> Report:
    return write_report(tmp_path_factory.mktemp("example") / "rapport.html", EXAMPLE)


@pytest.fixture(scope="module")
def portfolio(tmp_path_factory) -> Report:
    plans = make_plans(tmp_path_factory.mktemp("portfolio") / "planer")
    return write_report(plans.parent / "rapport.html", plans)


def text_of(element) -> str:
    return " ".join(element.text_content().split())


def by_xpath(tree, xpath: str, **params):
    return tree.xpath(xpath, **params)


def concept_section(tree, plan: int, concept: str):
    found = by_xpath(tree, "//section[@id=$id]", id=f"plan-{plan}-{concept}")
    assert len(found) == 1, f"no section for {concept} in plan {plan}"
    return found[0]


def assert_concepts_shown(tree, results: list[PlanResult]) -> None:
    """Every concept of every plan: its status in data and in words, and every counted evidence sentence."""
    for number, result in enumerate(results, 1):
        for concept in result.concepts:
            section = concept_section(tree, number, concept.concept_id)
            text = text_of(section)
            assert section.get("data-status") == concept.status.key
            assert status_word(concept.status, "sv") in text
            for evidence in concept.evidence:
                if evidence.counts:
                    assert " ".join(evidence.sentence.split()) in text, evidence.sentence


# --- The report as HTML --------------------------------------------------------------------------------------


def test_the_report_command_writes_one_plan_and_exits_0(example):
    assert example.exit_code == 0
    tree = example.tree
    assert tree.get("lang") == "sv"
    header = text_of(by_xpath(tree, "//header[contains(@class, 'masthead')]")[0])
    assert "Verksamhetsplan 2026" in header
    assert "Fritids- och kulturförvaltningen" in header
    assert "helsingborg-2027 2026.1" in header
    assert re.search(r"\d{4}-\d{2}-\d{2}", header)


def test_every_concept_has_its_status_and_evidence(example):
    assert_concepts_shown(example.tree, example.results)


def test_at_a_glance_gives_score_counts_and_what_to_add_first(example):
    glance = text_of(by_xpath(example.tree, "//section[contains(@class, 'glance')]")[0])
    result = example.results[0]
    assert f"{result.score} av 100" in glance
    assert "4 av 7 delar följs upp" in glance
    assert "Saknas: Sysselsättning." in glance
    actions = by_xpath(example.tree, "//ol[contains(@class, 'actions')]/li")
    assert 2 <= len(actions) <= 3
    assert "Sysselsättning saknas" in text_of(actions[0])
    assert actions[0].xpath(".//a/@href") == ["#plan-1-sysselsattning"]


def test_missing_parts_say_what_is_missing_and_what_to_add(example):
    section = text_of(concept_section(example.tree, 1, "sysselsattning"))
    assert "Det som saknas" in section and "Planen tar inte upp sysselsättning någonstans." in section
    assert "Förslag" in section and "feriejobb" in section
    followed = text_of(concept_section(example.tree, 1, "innovation"))
    assert "Inget saknas" in followed and "Förslag" not in followed


def test_findings_show_the_malbild_link_and_stale_references(example):
    findings = text_of(by_xpath(example.tree, "//section[@id='plan-1-findings']")[0])
    plan_level = [f for f in example.results[0].findings if f.concept is None]
    assert {f.rule for f in plan_level} >= {"inaktuell-malbild"}
    for finding in plan_level:
        assert finding.message["sv"][:60] in findings
    assert "Europas mest innovativa städer 2022" in findings
    assert "stycket som börjar ”Förvaltningens utvecklingsarbete utgår fortsatt från stadens …”" in findings
    assert "»Omvärldsanalys › Helsingborg i jämförelse«" in findings  # the heading path
    assert "Inga delar är undantagna." in findings


def test_the_chart_has_a_text_alternative(example):
    svg = by_xpath(example.tree, "//*[local-name()='svg']")
    assert len(svg) == 1
    assert svg[0].get("role") == "img"
    labels = [by_xpath(example.tree, "//*[@id=$id]", id=i) for i in svg[0].get("aria-labelledby").split()]
    assert [len(found) for found in labels] == [1, 1]
    desc = text_of(labels[1][0])
    for concept in example.results[0].pack.concepts:
        assert concept.name["sv"] in desc
    assert "Sysselsättning: saknas" in desc


def test_status_is_never_colour_alone(example):
    for label in by_xpath(example.tree, "//span[contains(concat(' ', @class, ' '), ' status ')]"):
        symbol = label.xpath("./span[@aria-hidden='true']")
        assert symbol and symbol[0].text in "●◐○✗–"
        assert text_of(label).split(" ", 1)[1] in {"uppföljd", "konkretiserad", "nämnd", "saknas", "undantagen"}


def test_the_page_is_self_contained_with_a_strict_csp(example, portfolio):
    for report in (example, portfolio):
        tree = report.tree
        csp = by_xpath(tree, "//meta[@http-equiv='Content-Security-Policy']/@content")
        assert csp == [CSP]
        assert "script-src" not in csp[0]
        assert not by_xpath(tree, "//script | //link | //iframe | //object | //embed | //img | //form")
        hrefs = by_xpath(tree, "//@href")
        assert hrefs and all(h.startswith("#") for h in hrefs)
        ids = by_xpath(tree, "//@id")
        assert len(ids) == len(set(ids)), "ids are unique"
        assert {h[1:] for h in hrefs} <= set(ids), "every link has its target"
        assert not by_xpath(tree, "//@src | //@style[contains(., 'url(')]")
        assert "url(" not in "".join(by_xpath(tree, "//style/text()"))


def test_headings_and_table_headers_are_in_order(example, portfolio):
    for report in (example, portfolio):
        tree = report.tree
        levels = [int(h.tag[1]) for h in tree.iter("h1", "h2", "h3", "h4", "h5", "h6")]
        assert levels.count(1) == 1 and levels[0] == 1
        assert all(b - a <= 1 for a, b in itertools.pairwise(levels)), levels
        assert all(th.get("scope") in ("col", "row") for th in tree.iter("th"))
        assert by_xpath(tree, "//a[@class='skip-link' and @href='#main']") and by_xpath(tree, "//main[@id='main']")


def test_a_hostile_plan_is_shown_as_text(portfolio):
    raw = portfolio.path.read_text(encoding="utf-8")
    assert SCRIPT not in raw and "<img" not in raw
    tree = portfolio.tree
    assert not by_xpath(tree, "//script | //img")
    assert not [a for a in by_xpath(tree, "//@*") if a.attrname.lower().startswith("on")]
    assert not by_xpath(tree, "//@href[contains(., 'javascript')]")
    text = text_of(tree.body)
    for hostile in (SCRIPT, ATTRIBUTE, JS_LINK, f"Verksamhetsplan 2026 {SCRIPT} Testbolaget", HOSTILE_FILE):
        assert hostile in text, hostile
    assert by_xpath(tree, "//title")[0].text == "Alla planer mot målbild 2027"


def test_the_portfolio_comes_first_with_a_heatmap_linking_each_plan(portfolio):
    tree = portfolio.tree
    main = by_xpath(tree, "//main/div")[0]
    sections = [child.get("id") for child in main]
    assert sections == ["portfolio", "plan-1", "plan-2", "plan-3"]
    rows = by_xpath(tree, "//table[contains(@class, 'heatmap')]/tbody/tr")
    assert [r.xpath("./th/a/@href") for r in rows] == [["#plan-1"], ["#plan-2"], ["#plan-3"]]
    for row, result in zip(rows, portfolio.results):
        cells = row.xpath("./td[@data-concept]")
        assert [c.get("data-concept") for c in cells] == [c.concept_id for c in result.concepts]
        for cell, concept in zip(cells, result.concepts):
            assert cell.get("data-status") == concept.status.key
            assert text_of(cell).endswith(status_word(concept.status, "sv"))
    assert_concepts_shown(tree, portfolio.results)


def test_gaps_common_to_many_plans_are_named(portfolio):
    common = [text_of(li) for li in by_xpath(portfolio.tree, "//ul[contains(@class, 'common')]/li")]
    assert "Ingen plan följer upp trygghet med en indikator eller ett målvärde." in common
    assert "Ingen plan följer upp samspel med en indikator eller ett målvärde." in common
    climate = next(c for c in common if "klimatneutralitet 2030" in c)
    assert climate.startswith("2 av 3 planer följer inte upp klimatneutralitet 2030")
    assert "i 2 av dem saknas klimatneutralitet 2030 helt" in climate
    assert "Gäller: " in climate


def test_an_exempt_concept_shows_its_reason(tmp_path):
    plans = make_plans(tmp_path / "planer")
    reason = "Miljöförvaltningen har inget arbetsmarknadsuppdrag enligt reglementet."
    (plans / "planlint.toml").write_text(f'[exempt]\nsysselsattning = "{reason}"\n', encoding="utf-8")
    out = tmp_path / "rapport.html"
    code, output = planlint("report", str(plans / "miljoforvaltningen.md"), "-o", str(out))
    assert code == 0, output
    tree = lxml_html.fromstring(out.read_bytes())
    section = concept_section(tree, 1, "sysselsattning")
    assert section.get("data-status") == "exempt"
    assert "undantagen" in text_of(section) and reason in text_of(section)
    findings = text_of(by_xpath(tree, "//section[@id='plan-1-findings']")[0])
    assert f"Sysselsättning: {reason}" in findings
    assert f"Räknas inte: {reason}" in findings
    assert "Sysselsättning" not in text_of(by_xpath(tree, "//ol[contains(@class, 'actions')]")[0])


def test_unreadable_plans_are_listed_and_exit_2(tmp_path):
    plans = make_plans(tmp_path / "planer")
    out = tmp_path / "rapport.html"
    code, output = planlint("report", str(plans / "vard-och-omsorg.txt"), str(tmp_path / "saknas.docx"), "-o", str(out))
    assert code == 2
    assert "1 plan kunde inte läsas" in output
    errors = text_of(by_xpath(lxml_html.fromstring(out.read_bytes()), "//section[@id='errors']")[0])
    assert "saknas.docx: filen finns inte" in errors
    nothing = tmp_path / "inget.html"
    code, output = planlint("report", str(tmp_path / "saknas.docx"), "-o", str(nothing))
    assert code == 2 and not nothing.exists()
    assert "ingen rapport skrevs" in output


def test_english_with_lang_en(tmp_path):
    out = tmp_path / "report.html"
    code, output = planlint("report", str(EXAMPLE), "--lang", "en", "-o", str(out))
    assert code == 0, output
    tree = lxml_html.fromstring(out.read_bytes())
    assert tree.get("lang") == "en"
    text = text_of(tree.body)
    assert "At a glance" in text and "followed up" in text and "What is missing" in text
    assert "I korthet" not in text


def test_check_writes_the_same_report_with_format_html(tmp_path, example):
    out = tmp_path / "check.html"
    code, _ = planlint("check", "--format", "html", "-o", str(out), str(EXAMPLE))
    assert code == 1  # check keeps its own exit status: the example has errors
    assert_concepts_shown(lxml_html.fromstring(out.read_bytes()), example.results)


# --- In Debian's Chromium -------------------------------------------------------------------------------------


def require(available: bool, reason: str) -> None:
    """Skip locally when a browser tool is missing; in CI that is a failure, never a pass."""
    if available:
        return
    if os.environ.get("CI") == "true":
        pytest.fail(f"{reason} (CI must install it: see tests/html/package.json and the module docstring)")
    pytest.skip(reason)


def chromium(profile: Path, *args: str) -> subprocess.CompletedProcess:
    require(
        Path(CHROMIUM).is_file() and os.access(CHROMIUM, os.X_OK), f"{CHROMIUM} is missing (apt-get install chromium)"
    )
    return subprocess.run(
        [CHROMIUM, *CHROMIUM_FLAGS, f"--user-data-dir={profile}", *args],
        capture_output=True,
        text=True,
        timeout=90,
        check=True,
    )


@pytest.mark.browser
def test_the_browser_dom_holds_every_status_and_the_hostile_text_as_text(example, portfolio, tmp_path):
    trees = []
    for report in (example, portfolio):
        trees.append(lxml_html.fromstring(chromium(tmp_path / "profile", "--dump-dom", report.path.as_uri()).stdout))
        assert_concepts_shown(trees[-1], report.results)
        assert not by_xpath(trees[-1], "//script | //img")
    text = text_of(trees[-1].body)
    assert SCRIPT in text and ATTRIBUTE in text and JS_LINK in text


@pytest.mark.browser
def test_axe_core_finds_no_wcag_21_a_or_aa_violation(example, portfolio):
    node = shutil.which("node")
    require(node is not None, "node is missing (apt-get install nodejs npm)")
    modules = NODE_DIR / "node_modules"
    require(
        (modules / "axe-core").is_dir() and (modules / "playwright-core").is_dir(),
        "axe-core and playwright-core are missing (npm ci --prefix tests/html)",
    )
    require(Path(CHROMIUM).is_file(), f"{CHROMIUM} is missing (apt-get install chromium)")
    files = [str(example.path), str(portfolio.path)]
    done = subprocess.run(
        [node, str(NODE_DIR / "axe_check.mjs"), *files],
        capture_output=True,
        text=True,
        timeout=90,
        env={**os.environ, "CHROMIUM": CHROMIUM},
        check=False,
    )
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout)
    assert set(report["results"]) == set(files)
    for result in report["results"].values():
        assert result["violations"] == [], json.dumps(result["violations"], indent=2, ensure_ascii=False)
        assert result["passes"] > 10
    assert set(report["requests"]) == {Path(f).as_uri() for f in files}, "the pages requested nothing else"


@pytest.mark.browser
def test_printing_gives_a4_pages_with_each_plan_on_its_own_pages(portfolio, tmp_path):
    pdf_path = tmp_path / "rapport.pdf"
    chromium(tmp_path / "profile", "--no-pdf-header-footer", f"--print-to-pdf={pdf_path}", portfolio.path.as_uri())
    pages = []
    for page in pdfium.PdfDocument(str(pdf_path)):
        size = tuple(sorted(round(v) for v in page.get_size()))
        assert size == A4, f"page size {size} is not A4"
        pages.append(" ".join(page.get_textpage().get_text_range().split()))
    total = len(portfolio.results)
    starts = []
    for n in range(1, total + 1):
        found = [i for i, text in enumerate(pages) if text.startswith(f"Plan {n} av {total}")]
        assert found, f"no page starts with 'Plan {n} av {total}': every plan must begin on a new page"
        starts.append(found[0])
    assert starts == sorted(starts) and starts[0] > 0, "the portfolio comes first, then the plans in order"
    assert "Alla planer" in pages[0] and "Gemensamma brister" in " ".join(pages[: starts[0]])
    groups = [pages[a:b] for a, b in zip(starts, [*starts[1:], len(pages)])]
    for n, group in enumerate(groups, 1):
        others = [f"Plan {k} av {total}" for k in range(1, total + 1) if k != n]
        assert not any(o in text for o in others for text in group), f"plan {n} shares a page with another plan"
        assert "Del för del" in " ".join(group)


@pytest.mark.browser
def test_a_screenshot_of_the_overview(example, tmp_path):
    SCREENSHOT.parent.mkdir(parents=True, exist_ok=True)
    SCREENSHOT.unlink(missing_ok=True)
    chromium(tmp_path / "profile", f"--screenshot={SCREENSHOT}", "--window-size=1280,1600", example.path.as_uri())
    image = Image.open(SCREENSHOT).convert("RGB")
    assert image.size == (1280, 1600)
    colours = {colour for _, colour in image.getcolors(maxcolors=image.width * image.height)}
    for hex_colour in ("0b3954", "067647", "b54708"):  # masthead, an uppföljd bar, a nämnd bar
        assert tuple(int(hex_colour[i : i + 2], 16) for i in (0, 2, 4)) in colours, hex_colour


def test_the_score_states_its_meaning_and_cap(example):
    card = text_of(by_xpath(example.tree, "//div[contains(@class, 'score-card')]")[0])
    assert "Poängen är medelvärdet av delarnas status" in card
    assert "1 del saknas helt, så planen kan som mest få 86/100" in card


def test_report_overwrites_only_an_earlier_planlint_report(tmp_path, example):
    plans = make_plans(tmp_path / "planer")
    notes = tmp_path / "anteckningar.html"
    notes.write_text("<p>Mina anteckningar</p>", encoding="utf-8")
    result = CliRunner().invoke(cli, ["report", str(plans), "-o", str(notes)])
    assert result.exit_code == 2 and "ingen tidigare rapport från planlint" in result.stderr
    assert notes.read_text(encoding="utf-8") == "<p>Mina anteckningar</p>"
    earlier = tmp_path / "rapport.html"
    earlier.write_bytes(example.path.read_bytes())
    assert CliRunner().invoke(cli, ["report", str(plans), "-o", str(earlier)]).exit_code == 0
    assert "miljoforvaltningen" in earlier.read_text(encoding="utf-8")
    assert CliRunner().invoke(cli, ["report", str(plans), "-o", str(notes), "--force"]).exit_code == 0
