"""Benchmark many plans against the targets: a second run over 200 unchanged plans (the result cache), `--jobs 2`
against `--jobs 1` (from two plans up), and 1,000 plans of 20 pages with `--jobs 2`.

Plans are .docx files of about 20 pages (8,000 words) made with python-docx from 100 seeds; plans beyond 100
are copies under other names (checked all the same: the cache is off where the checking is timed). Each
figure stands beside the bare python-docx parse of the same files in one process, measured in the same run.
The `--jobs` speed-ups stand beside the machine's own ceiling: how much more two busy Python processes get done at
once than one.

    python bench/bench_many.py [--plans 1000]     # plans are made in bench/out/many/ (git-ignored)
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

from measure import OUT, PLANLINT, bare_parse, build_docx, fresh_cache, load, paired, timing

WORDS = 8_000  # about 20 pages
DISTINCT = 100


def make_plans(count: int) -> list[Path]:
    folder = OUT / "many"
    folder.mkdir(parents=True, exist_ok=True)
    plans = []
    for i in range(count):
        plan = folder / f"plan-{i:04d}.docx"
        if not plan.exists():
            if i < DISTINCT:
                build_docx(plan, WORDS, 1000 + i)
            else:
                shutil.copy(folder / f"plan-{i % DISTINCT:04d}.docx", plan)
        plans.append(plan)
    return plans


def subset(plans: list[Path], n: int) -> Path:
    """A folder with the first n plans (hard links), so that the command line stays short."""
    folder = OUT / f"set-{n}"
    if not folder.exists():
        folder.mkdir()
        for plan in plans[:n]:
            (folder / plan.name).hardlink_to(plan)
    return folder


def line(what: str, target: str, seconds: float, bare: float, verdict: str = "") -> None:
    print(f"{what:<52} {target:>10} {seconds:8.2f} s {bare:8.2f} s {seconds / bare:6.1f}×  {verdict}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--plans", type=int, default=1000)
    args = parser.parse_args()
    plans = make_plans(max(args.plans, 200))
    print(f"{load()}; python {sys.version.split()[0]}\n")
    print(f"{'what':<52} {'target':>10} {'planlint':>10} {'bare parse':>10} {'ratio':>6}")

    two_hundred = subset(plans, 200)
    env = fresh_cache()
    timing([*PLANLINT, "check", str(two_hundred)], runs=1, before=lambda: env)  # fills the cache
    second = timing([*PLANLINT, "check", str(two_hundred)], before=lambda: env)
    bare = bare_parse(plans[:200])
    line(
        "200 unchanged plans, second run (median of 5)",
        "≤ 1 s",
        second.seconds,
        bare.seconds,
        "OK" if second.seconds <= 1 else "OVER",
    )

    print(f"two busy processes at once do {parallel_capacity():.2f}× the work of one on this machine (the ceiling)")
    for n, runs in ((2, 5), (20, 3)):
        folder = subset(plans, n)
        bare = bare_parse(plans[:n], runs)
        command = [*PLANLINT, "check", "--no-cache", "--jobs", "1", str(folder)]
        one, two, speedup = paired(command, [*command[:-2], "2", str(folder)], runs=runs)
        line(f"{n} plans, --jobs 1 (median of {runs})", "", one.seconds, bare.seconds)
        line(f"{n} plans, --jobs 2 in turns with it: speed-up {speedup:.2f}×", "", two.seconds, bare.seconds)

    folder = subset(plans, args.plans)
    bare = bare_parse(plans[: args.plans], 1)
    many = timing([*PLANLINT, "check", "--no-cache", "--jobs", "2", str(folder)], runs=1)
    line(
        f"{args.plans} plans of 20 pages, --jobs 2 (one run)",
        "≤ 300 s",
        many.seconds,
        bare.seconds,
        "OK" if many.seconds <= 300 else "OVER",
    )
    print(f"  peak memory of a process in that run: {many.peak_mb:.0f} MB\n\n{load()}")


def parallel_capacity(loops: int = 10_000_000) -> float:
    """How much more two CPU-bound Python processes get done at once than one alone: the most `--jobs 2` can
    gain here (a shared machine's two virtual cores may be one physical core, or busy with others' work)."""
    code = f"x = 0\nfor i in range({loops}): x += i"

    def wall(count: int) -> float:
        started = time.perf_counter()
        processes = [subprocess.Popen([sys.executable, "-c", code]) for _ in range(count)]
        for process in processes:
            process.wait()
        return time.perf_counter() - started

    one = statistics.median(wall(1) for _ in range(3))
    two = statistics.median(wall(2) for _ in range(3))
    return 2 * one / two


if __name__ == "__main__":
    main()
