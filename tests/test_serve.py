"""`planlint serve` over HTTP: the JSON API, the pages, the downloads, the limits and what is left behind.

Every test talks to a real server process on a loopback port (tests/serve_process.py); the answers are compared
with what the command line gives for the same plans.
"""

from __future__ import annotations

import io
import json
import threading
import zipfile
from pathlib import Path

import docx
import httpx
import pytest
from conftest import EXAMPLE_DOCX, EXAMPLE_PDF, ROOT, run_cli
from lxml import html as lxml_html
from serve_process import Server

from planlint.project.diff import compare, diff_dict
from planlint.project.runner import RunOptions, run
from planlint.reporters import json_report

pytestmark = pytest.mark.slow  # every test talks to a server started in a fresh interpreter

DAMAGED = ROOT / "tests" / "fixtures" / "bad" / "skadad.docx"
PAGE_CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; form-action 'self'; "
    "base-uri 'none'; frame-ancestors 'none'"
)
HOSTILE_NAME = "<b onmouseover=alert(1)>plan<img src=x onerror=alert(1)>.txt"  # a file name has no slash
TEXT_PLAN = """\
Verksamhetsplan 2026 – Testförvaltningen

Förvaltningen bidrar till stadens målbild 2027 genom att utveckla tjänster tillsammans med invånarna.

Vi samverkar med föreningar och skolor om aktiviteter för unga i alla stadsdelar under 2026.

Andelen invånare som är nöjda med våra tjänster ska öka från 70 % år 2024 till 80 % år 2027.
"""


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    served = Server(tmp_path_factory.mktemp("serve"), "--max-file-mb", "1", "--max-request-mb", "3", "--max-files", "4")
    yield served
    served.stop()


def upload(path: Path, name: str | None = None, field: str = "plan"):
    return (field, (name or path.name, path.read_bytes()))


def text_of(response: httpx.Response) -> str:
    return " ".join(lxml_html.fromstring(response.content).text_content().split())


def cli_json(*plans: Path) -> dict:
    return json_report.report_dict(run([str(p) for p in plans], RunOptions()), "sv")


def without_paths(report: dict) -> dict:
    for entry in report["files"]:
        entry["path"] = Path(entry["path"]).name
    for error in report["errors"]:
        error["path"] = Path(error["path"]).name if error["path"] else None
        error["message"] = error["message"].rsplit(": ", 1)[-1]
    return report


# --- The JSON API -------------------------------------------------------------------------------------------


def test_healthz(server):
    answer = server.client.get("/healthz")
    assert answer.status_code == 200
    health = answer.json()
    assert health["status"] == "ok" and health["pack"] == {"name": "helsingborg-2027", "version": "2026.1"}
    assert health["workers"]["alive"] == health["workers"]["configured"] >= 1


def test_api_check_gives_the_same_json_as_the_command_line(server):
    answer = server.client.post("/api/check", files=[upload(EXAMPLE_DOCX), upload(EXAMPLE_PDF)])
    assert answer.status_code == 200 and answer.headers["content-type"] == "application/json"
    got = answer.json()
    assert [f["path"] for f in got["files"]] == ["verksamhetsplan-2026.docx", "verksamhetsplan-2026.pdf"]
    assert without_paths(got) == without_paths(cli_json(EXAMPLE_DOCX, EXAMPLE_PDF))


def test_api_check_in_english_and_with_a_bad_plan(server):
    answer = server.client.post("/api/check?lang=en", files=[upload(EXAMPLE_DOCX), upload(DAMAGED)])
    got = answer.json()
    assert answer.status_code == 200 and got["summary"]["exit_code"] == 2
    assert got["files"][0]["concepts"][0]["name"] == "Innovation"
    assert got["errors"] == [
        {"path": "skadad.docx", "code": "corrupt", "message": got["errors"][0]["message"]},
    ]
    assert got["errors"][0]["message"].startswith("skadad.docx: the file is damaged")


def test_api_check_without_a_plan_is_a_400(server):
    answer = server.client.post("/api/check", files=[("other", ("x.txt", b"text"))])
    assert answer.status_code == 400 and answer.json()["error"]["code"] == "no_plan"
    answer = server.client.post("/api/check", content=b"plan=1", headers={"content-type": "text/plain"})
    assert answer.status_code == 400 and answer.json()["error"]["code"] == "bad_form"


# --- Pages and downloads ------------------------------------------------------------------------------------


def test_the_upload_page_is_swedish_with_an_english_switch(server):
    page = server.client.get("/")
    assert page.status_code == 200 and page.headers["content-security-policy"] == PAGE_CSP
    tree = lxml_html.fromstring(page.content)
    assert tree.get("lang") == "sv" and tree.xpath("//h1")[0].text == "Granska verksamhetsplaner"
    assert tree.xpath("//form/@action") == ["/granska?lang=sv"]
    assert tree.xpath("//a[@hreflang='en']/@href") == ["/?lang=en"]
    english = lxml_html.fromstring(server.client.get("/?lang=en").content)
    assert english.get("lang") == "en" and english.xpath("//h1")[0].text == "Check operational plans"


def test_every_answer_has_the_security_headers(server):
    for answer in (server.client.get("/"), server.client.get("/healthz"), server.client.get("/finns-inte")):
        assert answer.headers["x-content-type-options"] == "nosniff"
        assert answer.headers["cache-control"] == "no-store"
        assert answer.headers["x-frame-options"] == "DENY"
        assert "frame-ancestors 'none'" in answer.headers["content-security-policy"]
    page = lxml_html.fromstring(server.client.get("/").content)
    for source in page.xpath("//script/@src | //link/@href"):
        assert source.startswith("/static/")
        assert server.client.get(source).status_code == 200
    assert not page.xpath("//script[not(@src)] | //@style | //@*[starts-with(name(), 'on')]")


def test_the_report_is_the_command_lines_report(server, tmp_path):
    answer = server.client.post("/granska", files=[upload(EXAMPLE_DOCX)], data={"result": "report"})
    assert answer.status_code == 200
    assert answer.headers["content-security-policy"].startswith("default-src 'none'; style-src 'unsafe-inline'")
    served = lxml_html.fromstring(answer.content)
    out = tmp_path / "rapport.html"
    assert run_cli("report", EXAMPLE_DOCX, "-o", out).exit_code == 0
    written = lxml_html.fromstring(out.read_bytes())
    assert served.xpath("//nav[@class='serve-strip']//a/@href") == ["/?lang=sv"]
    for xpath in ("//main", "//header[@class='masthead']//h1"):
        assert [" ".join(e.text_content().split()) for e in served.xpath(xpath)] == [
            " ".join(e.text_content().split()) for e in written.xpath(xpath)
        ]


def test_several_plans_give_the_portfolio(server):
    answer = server.client.post("/granska", files=[upload(EXAMPLE_DOCX), upload(EXAMPLE_PDF)])
    rows = lxml_html.fromstring(answer.content).xpath("//table[contains(@class, 'heatmap')]/tbody/tr")
    assert answer.status_code == 200 and len(rows) == 2


def test_json_and_sarif_downloads(server):
    answer = server.client.post("/granska", files=[upload(EXAMPLE_DOCX)], data={"result": "json"})
    assert answer.headers["content-disposition"].startswith('attachment; filename="planlint.json"')
    assert without_paths(answer.json()) == without_paths(cli_json(EXAMPLE_DOCX))
    answer = server.client.post("/granska", files=[upload(EXAMPLE_DOCX)], data={"result": "sarif"})
    log = answer.json()
    assert answer.headers["content-type"] == "application/sarif+json" and log["version"] == "2.1.0"
    uris = {
        loc["physicalLocation"]["artifactLocation"]["uri"]
        for result in log["runs"][0]["results"]
        for loc in result["locations"]
    }
    assert uris == {"verksamhetsplan-2026.docx"}


def test_the_commented_copy_and_several_in_a_zip(server):
    answer = server.client.post("/granska", files=[upload(EXAMPLE_DOCX)], data={"result": "docx"})
    assert answer.status_code == 200
    assert 'filename="verksamhetsplan-2026-granskad.docx"' in answer.headers["content-disposition"]
    comments = [c for c in docx.Document(io.BytesIO(answer.content)).comments if c.author == "planlint"]
    assert comments and comments[0].text.startswith("planlint: Sammanvägt ")
    answer = server.client.post(
        "/granska", files=[upload(EXAMPLE_DOCX), upload(EXAMPLE_DOCX, "kopia.docx")], data={"result": "docx"}
    )
    assert answer.headers["content-type"] == "application/zip"
    names = zipfile.ZipFile(io.BytesIO(answer.content)).namelist()
    assert names == ["verksamhetsplan-2026-granskad.docx", "kopia-granskad.docx"]


def test_a_commented_copy_needs_a_word_plan(server):
    answer = server.client.post("/granska", files=[upload(EXAMPLE_PDF)], data={"result": "docx"})
    assert answer.status_code == 422
    assert "verksamhetsplan-2026.pdf: den kommenterade kopian görs av Word-dokument (.docx)" in text_of(answer)


def test_the_compare_page_and_its_json(server):
    files = [upload(EXAMPLE_PDF, field="old"), upload(EXAMPLE_DOCX, field="new")]
    answer = server.client.post("/jamfor", files=files)
    assert answer.status_code == 200
    tree = lxml_html.fromstring(answer.content)
    results = run([str(EXAMPLE_PDF), str(EXAMPLE_DOCX)], RunOptions()).results
    expected = compare(*results)
    assert [r.get("data-change") for r in tree.xpath("//table[@class='changes']/tbody/tr")] == [
        c.change for c in expected.concepts
    ]
    answer = server.client.post("/jamfor", files=files, data={"result": "json"})
    got, want = answer.json(), diff_dict(expected, "sv")
    for side in ("old", "new"):
        got[side]["path"], want[side]["path"] = Path(got[side]["path"]).name, Path(want[side]["path"]).name
    assert got == want
    answer = server.client.post("/jamfor", files=[upload(EXAMPLE_DOCX, field="old")])
    assert answer.status_code == 400 and "Välj både den förra och den nya versionen" in text_of(answer)


# --- Bad input ----------------------------------------------------------------------------------------------


def test_bad_files_get_the_command_lines_messages_and_no_server_path(server, tmp_path):
    (tmp_path / "plan.doc").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600)
    answer = server.client.post("/granska", files=[upload(DAMAGED), upload(tmp_path / "plan.doc")])
    assert answer.status_code == 422
    messages = [
        " ".join(li.text_content().split())
        for li in lxml_html.fromstring(answer.content).xpath("//ul[@class='messages']/li")
    ]
    assert messages[0].startswith("✗ skadad.docx: filen är skadad eller ofullständig")
    assert messages[1].startswith("✗ plan.doc: det gamla Word-formatet .doc stöds inte")
    assert str(server.tmp) not in answer.text and "planlint-serve-" not in answer.text


def test_the_type_is_checked_by_content_not_by_name(server):
    png = b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8
    answer = server.client.post(
        "/api/check",
        files=[
            ("plan", ("bild.txt", png)),
            ("plan", ("plan.pdf", EXAMPLE_DOCX.read_bytes())),
            ("plan", ("plan.docx", TEXT_PLAN.encode())),
            ("plan", ("plan.exe", b"MZ\x90\x00")),
        ],
    )
    errors = {e["path"]: e["message"] for e in answer.json()["errors"]}
    assert errors["bild.txt"] == "bild.txt: filen heter .txt men innehållet är inte text. " + (
        "Öppna den i sitt program och spara om den."
    )
    assert "innehållet är inte en PDF" in errors["plan.pdf"]
    assert "innehållet är inte ett Word-dokument" in errors["plan.docx"]
    assert "formatet .exe stöds inte" in errors["plan.exe"]
    assert server.client.get("/healthz").json()["status"] == "ok"


def test_hostile_names_are_escaped_and_lose_their_folders(server):
    answer = server.client.post("/api/check", files=[("plan", ("../../etc/" + HOSTILE_NAME, TEXT_PLAN.encode()))])
    assert answer.json()["files"][0]["path"] == HOSTILE_NAME
    page = server.client.post("/granska", files=[("plan", (HOSTILE_NAME, TEXT_PLAN.encode()))])
    assert page.status_code == 200
    assert "<b onmouseover" not in page.text and "<img src=x" not in page.text
    assert HOSTILE_NAME in text_of(page)


def test_size_limits_give_413_with_a_swedish_page(server):
    big = ("plan", ("stor.pdf", b"%PDF-1.7\n" + b"0" * (1024 * 1024 + 10)))
    answer = server.client.post("/granska", files=[big])
    assert answer.status_code == 413 and "En av filerna är större än 1 MB" in text_of(answer)
    assert lxml_html.fromstring(answer.content).get("lang") == "sv"
    too_much = [("plan", (f"p{i}.txt", b"x" * 900_000)) for i in range(4)]
    answer = server.client.post("/granska", files=too_much)
    assert answer.status_code == 413 and "högst 3 MB" in text_of(answer)
    many = [("plan", (f"p{i}.txt", TEXT_PLAN.encode())) for i in range(5)]
    answer = server.client.post("/api/check?lang=en", files=many)
    assert answer.status_code == 413 and "at most 4 plans" in answer.json()["error"]["message"]
    assert server.client.get("/healthz").status_code == 200


def test_no_file_is_left_behind(server):
    server.client.post("/granska", files=[upload(EXAMPLE_DOCX)], data={"result": "docx"})
    server.client.post("/granska", files=[upload(DAMAGED)])
    assert server.leftovers() == []


def test_unknown_pages_and_methods(server):
    answer = server.client.get("/finns-inte")
    assert answer.status_code == 404 and "Sidan finns inte" in text_of(answer)
    answer = server.client.get("/granska")
    assert answer.status_code == 405 and "Fel sätt att öppna sidan" in text_of(answer)


# --- Time limit and a full queue (servers of their own) ----------------------------------------------------


def slow_plan(path: Path) -> Path:
    """A long plan (some 600 000 words) that takes seconds to check."""
    paragraph = (
        "Vi samverkar med föreningar, skolor och företag om aktiviteter för unga i stadsdelarna, och vi följer "
        "upp andelen deltagare som är nöjda varje år fram till 2027. "
    )
    path.write_text("Verksamhetsplan 2026\n\n" + "\n\n".join([paragraph * 3] * 9000), encoding="utf-8")
    return path


def test_a_plan_over_its_time_limit_is_stopped_and_the_server_goes_on(tmp_path):
    served = Server(tmp_path / "server", "--time-limit", "1", "--workers", "1", "--max-file-mb", "20")
    try:
        slow = slow_plan(tmp_path / "lang-plan.txt")
        answer = served.client.post("/api/check", files=[upload(slow), upload(EXAMPLE_DOCX)])
        got = answer.json()
        assert [e["path"] for e in got["errors"]] == ["lang-plan.txt"]
        assert "granskningen tog längre tid än 1 sekunder och avbröts" in got["errors"][0]["message"]
        assert [f["path"] for f in got["files"]] == ["verksamhetsplan-2026.docx"]
        assert served.client.get("/healthz").json()["workers"]["alive"] == 1
        assert served.leftovers() == []
    finally:
        served.stop()


def test_a_full_queue_answers_503_with_retry_after(tmp_path):
    served = Server(tmp_path / "server", "--workers", "1", "--queue", "0", "--time-limit", "5", "--max-file-mb", "20")
    try:
        slow = slow_plan(tmp_path / "lang-plan.txt")
        started = threading.Event()

        def occupy():
            started.set()
            served.client.post("/api/check", files=[upload(slow)])

        worker = threading.Thread(target=occupy)
        worker.start()
        started.wait()
        deadline = 50
        while served.client.get("/healthz").json()["queue"]["pending"] == 0 and deadline:
            threading.Event().wait(0.1)
            deadline -= 1
        page = served.client.post("/granska", files=[upload(EXAMPLE_DOCX)])
        api = served.client.post("/api/check", files=[upload(EXAMPLE_DOCX)])
        worker.join()
        assert page.status_code == 503 and page.headers["retry-after"] == "10"
        assert "Tjänsten är upptagen" in text_of(page)
        assert api.status_code == 503 and api.json()["error"]["code"] == "busy"
        assert served.client.post("/api/check", files=[upload(EXAMPLE_DOCX)]).status_code == 200
    finally:
        served.stop()


# --- The command ---------------------------------------------------------------------------------------------


def test_the_servers_configuration_applies(tmp_path):
    folder = tmp_path / "server"
    folder.mkdir()
    reason = "Förvaltningen har inget arbetsmarknadsuppdrag enligt reglementet."
    (folder / "planlint.toml").write_text(f'[exempt]\nsysselsattning = "{reason}"\n', encoding="utf-8")
    served = Server(folder, "--workers", "1")
    try:
        assert "planlint.toml" in served.process.stdout.readline()
        got = served.client.post("/api/check", files=[upload(EXAMPLE_DOCX)]).json()
        concept = next(c for c in got["files"][0]["concepts"] if c["id"] == "sysselsattning")
        assert concept["exempt"] == reason
    finally:
        served.stop()


def test_a_broken_configuration_or_a_taken_port_exits_2(tmp_path, server):
    bad = tmp_path / "planlint.toml"
    bad.write_text("fail-on = 'ibland'\n", encoding="utf-8")
    result = run_cli("serve", "--config", bad)
    assert result.exit_code == 2 and "fail-on måste vara ett av" in result.output
    port = server.url.rsplit(":", 1)[1]
    result = run_cli("serve", "--port", port)
    assert result.exit_code == 2 and f"kan inte lyssna på 127.0.0.1:{port}" in result.output
    assert json.loads(server.client.get("/healthz").text)["status"] == "ok"
