"""What the benchmarks share: whole-process timing (median of several runs, with peak memory), the bare
python-docx parse of the same files to compare with, the machine's load, and plans of a given length.

Whole process means a new Python process each run, start-up and imports included, as a user meets them.
"""

from __future__ import annotations

import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "bench" / "out"  # git-ignored
RUNS = 5
PLANLINT = [sys.executable, "-m", "planlint"]


@dataclass
class Timing:
    seconds: float  # median wall time
    cpu: float  # median CPU time (user + system) of the process and its children
    peak_mb: float  # the largest peak resident memory of a run

    def __str__(self) -> str:
        return f"{self.seconds:.2f} s"


def run_process(command: list[str], env: dict[str, str] | None = None) -> tuple[float, float, float, int]:
    """Wall time, CPU time, peak memory (MB) and exit status of one new process."""
    started = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - started
    process.returncode = os.waitstatus_to_exitcode(status)
    process.stderr.close()
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024, process.returncode


def timing(command: list[str], runs: int = RUNS, before: Callable[[], dict[str, str] | None] | None = None) -> Timing:
    """Median wall and CPU time of `runs` new processes; `before` prepares each run and gives its environment."""
    return _summary([_checked(command, before() if before else None) for _ in range(runs)])


def paired(
    command: list[str], other: list[str], before: Callable[[], dict[str, str] | None] | None = None, runs: int = RUNS
) -> tuple[Timing, Timing, float]:
    """`command` and `other` in turns, `runs` times each (`before` prepares each run of `command`): both timings
    and the median of each pair's ratio of wall times. This shared machine's speed drifts by a third from one
    minute to the next; the two runs of a pair share their minute, so the ratio holds where the seconds do not."""
    measured, others = [], []
    for _ in range(runs):
        measured.append(_checked(command, before() if before else None))
        others.append(_checked(other, None))
    ratio = statistics.median(m[0] / o[0] for m, o in zip(measured, others))
    return _summary(measured), _summary(others), ratio


def bare_parse(paths: list[Path], runs: int = RUNS) -> Timing:
    """The bare python-docx parse of the same .docx files, in a new process: the floor to compare with."""
    return timing(bare_command(paths), runs)


def bare_command(paths: list[Path]) -> list[str]:
    """A new Python process that parses the .docx files with python-docx and does nothing else."""
    code = "import sys, docx\nfor p in sys.argv[1:]: docx.Document(p)"
    return [sys.executable, "-c", code, *map(str, paths)]


def _checked(command: list[str], env: dict[str, str] | None) -> tuple[float, float, float]:
    wall, cpu, peak, status = run_process(command, env)
    if status not in (0, 1):
        raise SystemExit(f"{' '.join(command)} exited {status}")
    return wall, cpu, peak


def _summary(runs: list[tuple[float, float, float]]) -> Timing:
    walls, cpus, peaks = zip(*runs)
    return Timing(statistics.median(walls), statistics.median(cpus), max(peaks))


def fresh_cache() -> dict[str, str]:
    """An environment whose result cache is a new empty folder (a first run)."""
    folder = tempfile.mkdtemp(prefix="planlint-cache-", dir=OUT)
    return {**os.environ, "PLANLINT_CACHE_DIR": folder}


def load() -> str:
    """The machine's load average and CPU count: other processes share these cores."""
    one, five, fifteen = os.getloadavg()
    return f"load average {one:.2f} {five:.2f} {fifteen:.2f} on {os.cpu_count()} CPUs"


def build_docx(path: Path, words: int, seed: int) -> None:
    """A plan of about `words` words (headings, paragraphs, lists, indicator tables) with python-docx."""
    from bench_read import build_plan

    build_plan(path, words, seed)


def to_pdf(source: Path) -> Path | None:
    """The .docx converted with LibreOffice, or None without `soffice`."""
    if shutil.which("soffice") is None:
        return None
    from bench_read import convert_to_pdf

    return convert_to_pdf(source, source.parent)


def varied(text: str, rng: random.Random, share: float = 0.3) -> str:
    """A text with about `share` of its words given a made-up ending, for a vocabulary as varied as a plan's."""
    return " ".join(
        w + rng.choice("abdegiklmnoprstu") * 2 if w.isalpha() and rng.random() < share else w for w in text.split()
    )
