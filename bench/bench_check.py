"""Benchmark the coverage check: cold start of `planlint PLAN`, and analysis time for 10, 100 and 400 pages.

Prints figures against the targets (analysis of a 100-page plan ≤ 1 s after loading; the example .docx from a
cold start ≤ 2 s; linear growth). Plans of a given length are made by cycling the example plan's blocks
(about 400 words a page), so they read like a real plan, headings, tables and all.

    python bench/bench_check.py
"""

from __future__ import annotations

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


def cold_start(runs: int = 5) -> list[float]:
    """Wall time of a fresh `planlint EXAMPLE` process, including Python's start-up."""
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run([sys.executable, "-m", "planlint", str(EXAMPLE)], capture_output=True, check=False)
        times.append(time.perf_counter() - start)
    return times


def plan_of(pages: int, base):
    """A document of about `pages` pages, made from the example plan's blocks in order, repeated."""
    from planlint.model import Document

    blocks, words, i = [], 0, 0
    while words < pages * WORDS_PER_PAGE:
        block = base.blocks[i % len(base.blocks)]
        blocks.append(replace(block, index=len(blocks)))
        words += len(block.text.split())
        i += 1
    return Document(base.path, base.format, blocks)


def main() -> None:
    from planlint.nlp import segment
    from planlint.readers import read_plan
    from planlint.runner import checker_for

    times = cold_start()
    print(f"cold start, planlint {EXAMPLE.name}: best {min(times):.2f} s, median {statistics.median(times):.2f} s "
          f"(target ≤ 2 s)")
    start = time.perf_counter()
    checker = checker_for(None)
    list(segment(["Laddar."]))
    print(f"loading the rule pack and spaCy's Swedish pipeline: {time.perf_counter() - start:.2f} s")
    base = read_plan(EXAMPLE)
    checker.check(base)  # warm the caches as a run over real text would
    per_page = {}
    for pages in (10, 100, 400):
        document = plan_of(pages, base)
        best = min(_timed(checker.check, document) for _ in range(3))
        per_page[pages] = best / pages
        print(f"analysis, {pages:>3} pages ({document.word_count:>6} words, {len(document.blocks):>5} blocks): "
              f"{best:.3f} s, {document.word_count / best:,.0f} words/s"
              + ("   (target ≤ 1 s)" if pages == 100 else ""))
    print(f"growth: time per page at 400 pages is {per_page[400] / per_page[10]:.2f}× that at 10 pages (1.0 = linear)")
    print(f"peak memory: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")


def _timed(function, *args) -> float:
    start = time.perf_counter()
    function(*args)
    return time.perf_counter() - start


if __name__ == "__main__":
    main()
