"""Time reading a 100-page Swedish plan as .docx and as PDF, against the targets (.docx ≤ 0.5 s, PDF ≤ 1.5 s).

Builds a plan of about 40,000 words (headings, paragraphs, lists, indicator tables) with python-docx, converts it
to PDF with LibreOffice (`soffice`; skipped when missing), then times `read_plan` (best of 3) and the command
`planlint outline` (best of 3, a new process each time, so with Python's start-up).

It then prints the CPU time (median of 21, in this process, after the imports) of each stage of reading the .docx
beside python-docx's bare parse of it, and their ratio: the machine may be shared, so the ratio says more than
the seconds. `--stages PLAN.docx` prints only that table, for a plan already made (such as measure.py's).

    python bench/bench_read.py [--out DIR] [--words N] [--docx-only]    # DIR defaults to bench/out/ (git-ignored)
    python bench/bench_read.py --stages bench/out/plan_100_sidor.docx
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import random
import shutil
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import docx
from docx.shared import Cm, Pt

from planlint.document import docx as word_reader
from planlint.document.limits import DEFAULT_LIMITS
from planlint.document.reader import accept, read_plan
from planlint.errors import PlanInputError

TARGETS = {"docx": 0.5, "pdf": 1.5}  # seconds for read_plan
RUNS = 3
STAGE_RUNS = 21
SEED = 2027
CONVERT_TIMEOUT = 600

SUBJECTS = ["Förvaltningen", "Nämnden", "Staden", "Verksamheten", "Medarbetarna", "Biblioteken", "Skolorna", "Vi"]
VERBS = ["ska utveckla", "arbetar vidare med", "följer upp", "prioriterar", "stärker", "samordnar", "förbättrar"]
OBJECTS = [
    "tillgängligheten för alla invånare",
    "det digitala stödet i vardagen",
    "samverkan med föreningslivet och näringslivet",
    "kvaliteten i mötet med barn och unga",
    "arbetsmiljön och kompetensen hos medarbetarna",
    "tryggheten i stadens offentliga miljöer",
    "klimatarbetet och den hållbara utvecklingen",
]
TAILS = [
    "under 2025",
    "i hela kommunen",
    "tillsammans med andra förvaltningar",
    "för att nå målbild 2027",
    "enligt inriktningarna 2023–2026",
    "och redovisar resultatet i delårsrapporten",
]
TOPICS = [
    "Trygghet",
    "Livslångt lärande",
    "Hållbar stad",
    "Kultur och fritid",
    "Digitalisering",
    "Medarbetare",
    "Ekonomi",
    "Samverkan",
    "Tillgänglighet",
    "Klimat",
    "Näringsliv",
    "Bostäder",
]


# Helsingborg's districts: with them hardly a sentence repeats (a few per cent, as in real plans), so that work
# done once per distinct sentence is not flattered by a plan that says the same thing over and over
PLACES = (
    "Ödåkra Ramlösa Råå Påarp Mörarp Kattarp Hittarp Laröd Domsten Allerum Bårslöv Gantofta Vallåkra Rydebäck "
    "Drottninghög Dalhem Fredriksdal Planteringen Stattena Eneborg Husensjö Gåsebäck Tågaborg Mariastaden Berga"
).split()


def sentence(rng: random.Random) -> str:
    subject, verb, what, place, tail = (rng.choice(words) for words in (SUBJECTS, VERBS, OBJECTS, PLACES, TAILS))
    return f"{subject} {verb} {what} i {place} {tail}."


def paragraph(rng: random.Random, sentences: int = 4) -> list[str]:
    return [sentence(rng) for _ in range(sentences)]


def add_body_paragraph(word: docx.document.Document, sentences: list[str]) -> None:
    """A paragraph with one formatted run per sentence, as Word splits text into runs."""
    runs = word.add_paragraph()
    for text in sentences:
        runs.add_run(text + " ").font.name = "Calibri"


def build_plan(path: Path, words: int, seed: int = SEED) -> None:
    """A plan of about `words` words in chapters of sections with paragraphs, bullet lists and indicator tables."""
    rng = random.Random(seed)
    word = docx.Document()
    word.core_properties.title = "Verksamhetsplan 2025 (prestandatest)"
    page = word.sections[0]
    page.page_width, page.page_height = Cm(21), Cm(29.7)  # A4
    page.left_margin = page.right_margin = page.top_margin = page.bottom_margin = Cm(2)
    normal = word.styles["Normal"]
    normal.font.size = Pt(10)
    normal.paragraph_format.space_after = Pt(4)
    normal.paragraph_format.line_spacing = 1.0
    word.add_heading("Verksamhetsplan 2025", 0)
    written = 0
    chapter = 0
    while written < words:
        chapter += 1
        word.add_heading(f"{chapter} {TOPICS[(chapter - 1) % len(TOPICS)]}", 1)
        for section in range(1, 5):
            word.add_heading(f"{chapter}.{section} Mål och insatser", 2)
            texts = [paragraph(rng) for _ in range(2)]
            for sub in range(1, 3):
                word.add_heading(f"{chapter}.{section}.{sub} Insats", 3)
                texts += [paragraph(rng) for _ in range(3)]
            for sentences in texts:
                add_body_paragraph(word, sentences)
            items = [sentence(rng) for _ in range(4)]
            for item in items:
                word.add_paragraph(item, "List Bullet")
            written += sum(len(" ".join(t).split()) for t in texts) + sum(len(t.split()) for t in items)
            if section % 2 == 0:
                written += add_indicator_table(word, rng)
    word.save(path)


def add_indicator_table(word: docx.document.Document, rng: random.Random) -> int:
    """An indicator table (Indikator | Utfall 2024 | Målvärde 2027); returns its word count."""
    rows = [["Indikator", "Utfall 2024", "Målvärde 2027"]]
    rows += [
        [
            f"Andel invånare som är nöjda med {rng.choice(OBJECTS)}",
            f"{rng.randint(50, 80)} %",
            f"{rng.randint(80, 95)} %",
        ]
        for _ in range(5)
    ]
    table = word.add_table(rows=len(rows), cols=3)
    table.style = word.styles["Table Grid"]
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            table.cell(r, c).text = text
    return sum(len(text.split()) for row in rows for text in row)


def convert_to_pdf(source: Path, outdir: Path) -> Path | None:
    """Convert with LibreOffice in its own profile (so that another running soffice does not interfere)."""
    soffice = shutil.which("soffice")
    if soffice is None:
        print("soffice saknas: PDF-delen hoppas över (soffice is missing, PDF part skipped)")
        return None
    profile = (outdir / "lo-profile").resolve().as_uri()
    command = [
        soffice,
        f"-env:UserInstallation={profile}",
        "--headless",
        "--convert-to",
        "pdf",
        "--outdir",
        str(outdir),
        str(source),
    ]
    started = time.perf_counter()
    subprocess.run(command, check=True, capture_output=True, timeout=CONVERT_TIMEOUT)
    print(f"converted to PDF with soffice in {time.perf_counter() - started:.1f} s")
    return source.with_suffix(".pdf")


def best_of(runs: int, action: Callable[[], object]) -> float:
    """The shortest wall-clock time of `runs` calls."""
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        action()
        times.append(time.perf_counter() - started)
    return min(times)


def time_outline(path: Path) -> float | None:
    """Best-of time of `planlint outline PATH` in a new process each run, or None when the command fails."""
    command = [sys.executable, "-m", "planlint", "outline", str(path)]
    if subprocess.run(command, capture_output=True).returncode != 0:
        return None
    return best_of(RUNS, lambda: subprocess.run(command, capture_output=True))


def page_count(pdf: Path | None) -> int | None:
    if pdf is None:
        return None
    import pypdfium2

    document = pypdfium2.PdfDocument(str(pdf))
    try:
        return len(document)
    finally:
        document.close()


def measure(path: Path, pages: int | None) -> None:
    """Print pages, blocks, words and the read_plan and `planlint outline` times of one file, against its target."""
    kind = path.suffix.lstrip(".")
    try:
        document = read_plan(path)
    except PlanInputError as error:
        print(f"{kind:<5} {error.message('en')}")
        return
    except Exception as error:  # a reader still being written must not stop the other measurements
        print(f"{kind:<5} read_plan failed: {error!r}")
        return
    seconds = best_of(RUNS, lambda: read_plan(path))
    cli_seconds = time_outline(path)
    cli = f"{cli_seconds:>11.3f}" if cli_seconds is not None else f"{'failed':>11}"
    target = TARGETS[kind]
    verdict = "OK" if seconds <= target else "OVER TARGET"
    print(
        f"{kind:<5} {pages or '-':>5} {len(document.blocks):>7} {document.word_count:>7} "
        f"{seconds:>9.3f} {cli} {target:>8.1f}  {verdict}"
    )


def cpu_median(action: Callable[[], object], runs: int = STAGE_RUNS) -> float:
    """The median CPU time of `runs` calls in this process, after one call to warm up."""
    action()
    times = []
    for _ in range(runs):
        started = time.process_time()
        action()
        times.append(time.process_time() - started)
    return statistics.median(times)


def stages(path: Path) -> None:
    """Print the CPU time of each stage of reading a .docx, beside python-docx's bare parse of the same file."""
    word = word_reader.open_word(path, DEFAULT_LIMITS)
    document = word_reader.read_word(word, path, DEFAULT_LIMITS)
    bare = cpu_median(lambda: docx.Document(str(path)))
    figures = [
        ("python-docx parse, docx.Document()", bare),
        ("open_word (package checks + parse)", cpu_median(lambda: word_reader.open_word(path, DEFAULT_LIMITS))),
        (
            "read_word (body, structure, comments)",
            cpu_median(lambda: word_reader.read_word(word, path, DEFAULT_LIMITS)),
        ),
        ("accept (text size, language)", cpu_median(lambda: accept(document))),
        ("read_plan, all of it", cpu_median(lambda: read_plan(path))),
    ]
    load = ", ".join(f"{n:.2f}" for n in os.getloadavg())
    print(f"\nCPU seconds, median of {STAGE_RUNS} in-process runs, {path.name}, load average {load}")
    for what, seconds in figures:
        print(f"  {what:<40} {seconds:7.4f} s {seconds / bare:5.1f}×")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=Path(__file__).resolve().parent / "out")
    parser.add_argument("--words", type=int, default=40_000)
    parser.add_argument("--docx-only", action="store_true", help="skip the PDF conversion and reading")
    parser.add_argument("--stages", type=Path, metavar="PLAN", help="only the stage table for an existing .docx")
    args = parser.parse_args()
    if args.stages is not None:
        stages(args.stages)
        return
    args.out.mkdir(parents=True, exist_ok=True)
    source = args.out / "plan_100_sidor.docx"
    build_plan(source, args.words)
    print(f"built {source} ({source.stat().st_size:,} bytes)")
    pdf = None if args.docx_only else convert_to_pdf(source, args.out)
    pages = page_count(pdf)
    print(f"\n{'file':<5} {'pages':>5} {'blocks':>7} {'words':>7} {'read_plan':>9} {'outline CLI':>11} {'target':>8}")
    measure(source, pages)
    stages(source)
    if pdf is None:
        return
    if importlib.util.find_spec("planlint.document.pdf") is None:
        print("pdf   planlint/document/pdf.py is missing: PDF reading not timed")
        return
    measure(pdf, pages)


if __name__ == "__main__":
    main()
