"""Benchmark the coverage check: cold start of `planlint PLAN`, and analysis time for 10, 100 and 400 pages.

Prints figures against the targets (analysis of a 100-page plan ≤ 1 s after loading; the example .docx from a
cold start ≤ 2 s; linear growth). Plans of a given length cycle the example plan's blocks (about 400 words
a page, headings and tables included); to give them the vocabulary of a real plan rather than the same
5,000 words again, about a third of the words get a made-up ending, so that a 100-page plan has some 6,000
distinct words. Each length is measured in a fresh process: the first check pays for every new word once
(spaCy's vocabulary, planlint's word caches), the second shows the warm rate.

    python bench/bench_check.py
"""

from __future__ import annotations

import random
import resource
import statistics
import subprocess
import sys
import time
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "verksamhetsplan-2026.docx"
WORDS_PER_PAGE = 400
VARIED_SHARE = 0.3


def wall_times(command: list[str], runs: int = 5) -> list[float]:
    """Wall time of a fresh process running `command`, Python's start-up included."""
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(command, capture_output=True, check=False)
        times.append(time.perf_counter() - start)
    return times


def plan_of(pages: int, base, seed: int = 2027):
    """A document of about `pages` pages from the example plan's blocks, with a varied vocabulary."""
    from planlint.document.model import Document

    rng = random.Random(seed)

    def vary(text: str) -> str:
        return " ".join(
            w + rng.choice("abdegiklmnoprstu") * 2 if w.isalpha() and rng.random() < VARIED_SHARE else w
            for w in text.split()
        )

    blocks, words, i = [], 0, 0
    while words < pages * WORDS_PER_PAGE:
        block = base.blocks[i % len(base.blocks)]
        blocks.append(replace(block, index=len(blocks), text=vary(block.text)))
        words += len(block.text.split())
        i += 1
    return Document(base.path, base.format, blocks)


def measure_one(pages: int) -> None:
    """In this (fresh) process: load, then time a first and a second check of a plan of `pages` pages."""
    from planlint.analysis.tokens import segment
    from planlint.document.reader import read_plan
    from planlint.project.runner import engine_for

    start = time.perf_counter()
    checker = engine_for(None)
    list(segment(["Laddar."]))
    loading = time.perf_counter() - start
    document = plan_of(pages, read_plan(EXAMPLE))
    first = _timed(checker.check, document)
    second = _timed(checker.check, document)
    distinct = len({w for b in document.blocks for w in b.text.lower().split()})
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"{pages}\t{document.word_count}\t{distinct}\t{loading:.3f}\t{first:.3f}\t{second:.3f}\t{peak:.0f}")


def main() -> None:
    times = wall_times([sys.executable, "-m", "planlint", str(EXAMPLE)])
    spacy = wall_times([sys.executable, "-c", "import spacy"])
    print(
        f"cold start, planlint {EXAMPLE.name}: best {min(times):.2f} s, median {statistics.median(times):.2f} s "
        f"(target ≤ 2 s)"
    )
    print(f"  of which a bare `import spacy` alone: best {min(spacy):.2f} s, median {statistics.median(spacy):.2f} s")
    print(
        f"\n{'pages':>5} {'words':>7} {'distinct':>8} {'loading':>8} {'1st check':>9} {'2nd check':>9} "
        f"{'words/s':>8} {'peak MB':>7}"
    )
    per_page = {}
    for pages in (10, 100, 400):
        out = subprocess.run(
            [sys.executable, __file__, "--one", str(pages)], capture_output=True, text=True, check=True
        ).stdout.split()
        _, words, distinct, loading, first, second, peak = out
        per_page[pages] = float(first) / pages
        target = "  (target ≤ 1 s)" if pages == 100 else ""
        print(
            f"{pages:>5} {words:>7} {distinct:>8} {loading:>8} {first:>9} {second:>9} "
            f"{int(words) / float(first):>8,.0f} {peak:>7}{target}"
        )
    print(
        f"\ngrowth: first-check time per page at 400 pages is {per_page[400] / per_page[10]:.2f}× "
        f"that at 10 pages (1.0 = linear)"
    )


def _timed(function, *args) -> float:
    start = time.perf_counter()
    function(*args)
    return time.perf_counter() - start


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "--one":
        measure_one(int(sys.argv[2]))
    else:
        main()
