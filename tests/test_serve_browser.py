"""`planlint serve` in a real browser: Debian's Chromium driven by playwright-core (tests/html/serve_check.mjs).

One run of the driver uploads the example plan, three plans, a damaged file and a file over the size limit,
downloads the commented .docx, drops a file on the upload field, compares two versions, switches to English and
repeats an upload with JavaScript turned off; here its findings are checked. Every page must have no WCAG 2.1
A/AA violation by axe-core, no console or CSP error, and no request to anywhere but the server. Screenshots at
1280 and 390 px go to tests/output/serve/ (the ones in docs/screenshots/ come from there).

Needs /usr/bin/chromium and `npm ci --prefix tests/html`: skipped locally with the reason when missing, a failure
in CI (CI=true).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import docx
import pytest
from conftest import run_cli
from lxml import html as lxml_html
from PIL import Image
from serve_process import Server

from planlint.project.diff import compare
from planlint.project.runner import RunOptions, run
from planlint.web.limits import ServeLimits

pytestmark = pytest.mark.browser  # drives Chromium with axe-core

TESTS = Path(__file__).resolve().parent
NODE_DIR = TESTS / "html"
SHOTS = TESTS / "output" / "serve"
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
EXAMPLE = TESTS.parent / "examples" / "verksamhetsplan-2026.docx"
PLANS = [EXAMPLE, TESTS / "fixtures" / "pdf" / "plan_enkel.pdf", TESTS / "fixtures" / "docx" / "plan_normal.docx"]
DAMAGED = TESTS / "fixtures" / "bad" / "skadad.docx"

OLD = """\
# Verksamhetsplan 2025 – Stadsbyggnadsförvaltningen

## Inledning

Förvaltningen planerar staden och prövar bygglov. Planen utgår från stadens målbild 2027.

## Mål och aktiviteter

Vi vill vara en innovativ förvaltning och prövar nya digitala tjänster för bygglov.
"""
NEW = """\
# Verksamhetsplan 2026 – Stadsbyggnadsförvaltningen

## Inledning

Förvaltningen planerar staden och prövar bygglov. Planen utgår från stadens målbild 2027 och beskriver hur
förvaltningen bidrar till att Helsingborg blir en av de bästa städerna att leva och verka i.

## Mål och aktiviteter

Vi inför en digital tjänst för bygglov med automatiserad handläggning av enkla ärenden.

Andelen bygglovsärenden som handläggs helt digitalt ska öka från 30 % år 2024 till 80 % år 2027.

Vi samverkar med näringslivet och civilsamhället i stadsdelarnas utvecklingsarbete.

Vi planerar för trygga och gröna stadsmiljöer som främjar livskvalitet och hälsa.
"""
DROPPED = """\
# Verksamhetsplan 2026 – Kulturförvaltningen

## Inledning

Kulturförvaltningen bidrar till stadens målbild 2027 genom att göra kulturen tillgänglig för alla invånare.

## Mål och aktiviteter

Vi samverkar med föreningar och skolor om sommarlovsaktiviteter i alla stadsdelar.

Antalet besök på stadens bibliotek ska öka från 900 000 år 2024 till 1 000 000 år 2027.
"""


def require(available: bool, reason: str) -> None:
    """Skip locally when a browser tool is missing; in CI that is a failure, never a pass."""
    if available:
        return
    if os.environ.get("CI") == "true":
        pytest.fail(f"{reason} (CI must install it: see scripts/setup-test-env.sh)")
    pytest.skip(reason)


@pytest.fixture(scope="module")
def browsed(tmp_path_factory):
    """The driver's findings, the server that answered it and the files it used."""
    node = shutil.which("node")
    require(node is not None, "node is missing (apt-get install nodejs npm)")
    modules = NODE_DIR / "node_modules"
    require((modules / "playwright-core").is_dir() and (modules / "axe-core").is_dir(), "npm ci --prefix tests/html")
    require(
        Path(CHROMIUM).is_file() and os.access(CHROMIUM, os.X_OK), f"{CHROMIUM} is missing (apt-get install chromium)"
    )
    folder = tmp_path_factory.mktemp("browser")
    files = folder / "files"
    files.mkdir()
    (files / "plan-2025.md").write_text(OLD, encoding="utf-8")
    (files / "plan-2026.md").write_text(NEW, encoding="utf-8")
    (files / "kultur.md").write_text(DROPPED, encoding="utf-8")
    too_large = files / "stor-plan.pdf"
    too_large.write_bytes(b"%PDF-1.7\n" + bytes(ServeLimits().file_bytes + 1024))
    downloads = folder / "downloads"
    downloads.mkdir()
    SHOTS.mkdir(parents=True, exist_ok=True)
    spec = {
        "example": str(EXAMPLE),
        "plans": [str(p) for p in PLANS],
        "damaged": str(DAMAGED),
        "too_large": str(too_large),
        "dropped": {"name": "kultur.md", "path": str(files / "kultur.md")},
        "old": str(files / "plan-2025.md"),
        "new": str(files / "plan-2026.md"),
        "downloads": str(downloads),
        "screenshots": str(SHOTS),
    }
    server = Server(folder / "server", "--workers", "2")
    try:
        spec["base"] = server.url
        (folder / "spec.json").write_text(json.dumps(spec), encoding="utf-8")
        done = subprocess.run(
            [node, str(NODE_DIR / "serve_check.mjs"), str(folder / "spec.json")],
            capture_output=True,
            text=True,
            timeout=300,
            env={**os.environ, "CHROMIUM": CHROMIUM},
            check=False,
        )
        assert done.returncode == 0, done.stderr
        leftovers = server.leftovers()
    finally:
        stderr = server.stop()
    return json.loads(done.stdout), server, leftovers, stderr


def statuses_of(plan: Path) -> list[list[str]]:
    """The statuses the report must show for a plan: section id and status, as the command line finds them."""
    result = run([str(plan)], RunOptions()).results[0]
    return [[f"plan-1-{c.concept_id}", "exempt" if c.exempt else c.status.key] for c in result.concepts]


def test_the_upload_page(browsed):
    page = browsed[0]["pages"]["upload"]
    assert page["status"] == 200 and page["lang"] == "sv"
    assert page["h1"] == "Granska verksamhetsplaner"
    assert "Ingenting sparas" in page["text"]


def test_uploading_the_example_shows_its_statuses(browsed):
    page = browsed[0]["pages"]["report"]
    assert page["status"] == 200
    assert page["statuses"] == statuses_of(EXAMPLE)
    assert "sysselsattning" in {s[0].removeprefix("plan-1-") for s in page["statuses"] if s[1] == "saknas"}
    assert "Sysselsättning saknas" in page["text"] and "Granska fler planer" in page["text"]


def test_three_plans_give_the_portfolio(browsed):
    page = browsed[0]["pages"]["portfolio"]
    assert page["status"] == 200
    assert len(page["heatmap"]) == 3
    results = run([str(p) for p in PLANS], RunOptions()).results
    for row, result in zip(page["heatmap"], results):
        assert row["cells"] == [[c.concept_id, "exempt" if c.exempt else c.status.key] for c in result.concepts]
    assert "Gemensamma brister" in page["text"]


def planlint_comments(path: Path) -> list[str]:
    return [c.text for c in docx.Document(str(path)).comments if c.author == "planlint"]


def test_the_commented_docx_has_planlints_comments(browsed, tmp_path):
    download = browsed[0]["downloads"]["docx"]
    assert download["name"] == "verksamhetsplan-2026-granskad.docx"
    comments = planlint_comments(Path(download["path"]))
    assert comments[0].startswith("planlint: Sammanvägt ")
    assert any("Sysselsättning saknas" in c for c in comments)
    assert run_cli("annotate", EXAMPLE, "-o", tmp_path / "cli.docx").exit_code == 0
    assert comments == planlint_comments(tmp_path / "cli.docx"), "the same comments as planlint annotate writes"


def test_a_damaged_file_gets_the_command_lines_message(browsed):
    page = browsed[0]["pages"]["damaged"]
    assert page["status"] == 422 and page["h1"] == "Planen kunde inte granskas"
    assert len(page["messages"]) == 1
    assert page["messages"][0].startswith("✗ skadad.docx: filen är skadad eller ofullständig")
    assert "tmp" not in page["text"] and "/" not in page["messages"][0]


def test_a_file_over_the_limit_gets_the_413_page(browsed):
    page = browsed[0]["pages"]["too_large"]
    assert page["status"] == 413 and page["h1"] == "För stor uppladdning"
    assert f"större än {ServeLimits().file_mb} MB" in page["text"]


def test_a_dropped_file_is_sent_as_if_chosen(browsed):
    page = browsed[0]["pages"]["dropped"]
    assert page["status"] == 200 and page["statuses"]
    assert "Kulturförvaltningen" in page["h1"]


def test_the_compare_page_shows_what_changed(browsed, tmp_path):
    page = browsed[0]["pages"]["diff"]
    assert page["status"] == 200
    (tmp_path / "old.md").write_text(OLD, encoding="utf-8")
    (tmp_path / "new.md").write_text(NEW, encoding="utf-8")
    expected = compare(*run([str(tmp_path / "old.md"), str(tmp_path / "new.md")], RunOptions()).results)
    assert [row["change"] for row in page["changes"]] == [c.change for c in expected.concepts]
    assert "better" in [row["change"] for row in page["changes"]]
    assert f"Åtgärdade anmärkningar ({len(expected.removed)})" in page["text"]


def test_english_pages_and_report(browsed):
    pages = browsed[0]["pages"]
    assert pages["english"]["lang"] == "en" and pages["english"]["h1"] == "Check operational plans"
    assert pages["english_report"]["lang"] == "en" and "At a glance" in pages["english_report"]["text"]


def test_the_pages_work_without_javascript(browsed):
    page = browsed[0]["pages"]["no_javascript"]
    tree = lxml_html.fromstring(page["html"])
    shown = [[s.get("id"), s.get("data-status")] for s in tree.xpath("//section[@data-status]")]
    assert page["status"] == 200 and shown == statuses_of(EXAMPLE)


def test_every_page_passes_axe_core(browsed):
    pages = browsed[0]["pages"]
    checked = [name for name, page in pages.items() if "axe" in page]
    assert len(checked) >= 10
    for name in checked:
        assert pages[name]["axe"]["violations"] == [], (name, json.dumps(pages[name]["axe"], ensure_ascii=False))
        assert pages[name]["axe"]["passes"] > 10, name


def test_no_request_leaves_the_server_and_no_page_errs(browsed):
    found, server, leftovers, _ = browsed
    assert found["requests"] and all(url.startswith(server.url + "/") for url in found["requests"])
    assert found["problems"] == []
    assert leftovers == []


def test_screenshots_at_both_widths_and_no_sideways_scrolling(browsed):
    for name in ("upload", "report", "portfolio"):
        assert browsed[0]["pages"][name]["widths"] == {"1280": 1280, "390": 390}, name
        for width in (1280, 390):
            with Image.open(SHOTS / f"{name}-{width}.png") as image:
                assert image.width == width and image.height > 600, name
