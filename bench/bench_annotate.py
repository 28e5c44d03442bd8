"""Time `planlint annotate` on a 100-page plan, and planlint's comment writer against python-docx's add_comment.

Builds the 100-page plan of bench_read.py (about 40,000 words), then prints
1. `planlint annotate` end to end, best of 3, a new process each time (Python, tokenizer and pack cold);
2. its phases in one process, the check warm: input checks, reading with the element map, check, choosing the
   comments, writing them (removing earlier ones included) and saving the copy;
3. writing N one-paragraph comments on N paragraphs with planlint.annotate.comments and with python-docx's
   `Document.add_comment`, which grows faster than linearly (python-docx only up to --max-python-docx).

    python bench/bench_annotate.py [--out DIR] [--max-python-docx N]    # DIR defaults to bench/out/ (git-ignored)
"""

from __future__ import annotations

import argparse
import datetime as dt
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import docx

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_read import build_plan

from planlint.annotate.annotator import AUTHOR, INITIALS, notes_for, save
from planlint.annotate.comments import add_comments, remove_comments
from planlint.document.docx import open_word, read_word
from planlint.document.limits import DEFAULT_LIMITS
from planlint.document.reader import read_plan
from planlint.project.runner import engine_for

TARGET = 5.0  # seconds for `planlint annotate` on 100 pages, end to end ("a few seconds")
RUNS = 3
WORDS = 40_000
COMMENT_COUNTS = (500, 1000, 2000, 5000)
SENTENCE = "Förvaltningen ska öka andelen digitala ärenden till minst 80 procent år 2027."


def timed(action: Callable[[], object]) -> tuple[float, object]:
    started = time.perf_counter()
    value = action()
    return time.perf_counter() - started, value


def end_to_end(plan: Path, copy: Path) -> float:
    """Best-of wall time of `planlint annotate PLAN -o COPY --force` in a new process."""
    command = [sys.executable, "-m", "planlint", "annotate", str(plan), "-o", str(copy), "--force"]
    times = []
    for _ in range(RUNS):
        seconds, done = timed(lambda: subprocess.run(command, capture_output=True, text=True, check=False))
        if done.returncode != 0:
            raise SystemExit(f"planlint annotate failed: {done.stderr}")
        times.append(seconds)
    print(f"  {done.stdout.strip()}")
    return min(times)


def phases(plan: Path, copy: Path) -> None:
    """Each step of annotate in one process, the check warmed up first."""
    checker = engine_for(None)
    checker.check(read_plan(plan))  # warm-up: the tokenizer and the compiled pack, as a long-running process has them
    steps: list[tuple[str, float]] = []
    seconds, _ = timed(lambda: read_plan(plan))
    steps.append(("input checks (read_plan)", seconds))
    elements: dict = {}
    seconds, word = timed(lambda: open_word(plan, DEFAULT_LIMITS))
    steps.append(("open with python-docx", seconds))
    seconds, document = timed(lambda: read_word(word, plan, DEFAULT_LIMITS, elements))
    steps.append(("read with element map", seconds))
    seconds, result = timed(lambda: checker.check(document))
    steps.append(("check (warm)", seconds))
    seconds, notes = timed(lambda: notes_for(result, elements, "sv"))
    steps.append(("choose comments", seconds))
    now = dt.datetime.now(dt.UTC)
    seconds, _ = timed(lambda: (remove_comments(word, AUTHOR), add_comments(word, notes, AUTHOR, INITIALS, now)))
    steps.append((f"write {len(notes)} comments", seconds))
    seconds, _ = timed(lambda: save(word, copy))
    steps.append(("save the copy", seconds))
    print(f"  {len(document.blocks)} blocks, {document.word_count} words, {len(notes)} comments")
    for name, seconds in steps:
        print(f"  {name:<28} {seconds:>7.3f} s")
    print(f"  {'total':<28} {sum(s for _, s in steps):>7.3f} s")


def paragraphs(count: int) -> docx.document.Document:
    word = docx.Document()
    for _ in range(count):
        word.add_paragraph(SENTENCE)
    return word


def planlint_writer(count: int) -> float:
    word = paragraphs(count)
    notes = [(p._p, ["planlint: Innovation – mål/aktivitet (ord: digitala)"]) for p in word.paragraphs]
    return timed(lambda: add_comments(word, notes, AUTHOR, INITIALS, dt.datetime.now(dt.UTC)))[0]


def python_docx_writer(count: int) -> float:
    word = paragraphs(count)

    def write() -> None:
        for p in word.paragraphs:
            word.add_comment(p.runs, "planlint: Innovation – mål/aktivitet (ord: digitala)", AUTHOR, INITIALS)

    return timed(write)[0]


def writers(max_python_docx: int) -> None:
    print(f"  {'comments':>8} {'planlint':>10} {'python-docx':>12}")
    for count in COMMENT_COUNTS:
        ours = planlint_writer(count)
        theirs = f"{python_docx_writer(count):>10.2f} s" if count <= max_python_docx else f"{'(skipped)':>12}"
        print(f"  {count:>8} {ours:>8.3f} s {theirs}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=Path(__file__).resolve().parent / "out")
    parser.add_argument(
        "--max-python-docx",
        type=int,
        default=2000,
        help="time python-docx's add_comment up to this many comments (5000 takes about a minute)",
    )
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    plan, copy = args.out / "plan_100_sidor_annotate.docx", args.out / "plan_100_sidor-granskad.docx"
    build_plan(plan, WORDS)
    print(f"built {plan} ({plan.stat().st_size:,} bytes)\n")
    print("planlint annotate, end to end (new process, best of 3):")
    seconds = end_to_end(plan, copy)
    print(f"  {seconds:.2f} s (target ≤ {TARGET:.0f} s) {'OK' if seconds <= TARGET else 'OVER TARGET'}\n")
    print("phases in one process:")
    phases(plan, copy)
    print("\nwriting comments, one per paragraph:")
    writers(args.max_python_docx)


if __name__ == "__main__":
    main()
