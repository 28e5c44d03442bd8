"""A bounded, seeded fuzzing run over the fixtures: bytes flipped, inserted, cut and repeated, zip members of the
Word plans damaged, dropped or doubled, and hostile text (controls, bidi, workflow commands, endless words)
put into the text plans.

Every mutant is read and checked in-process through the reader and the engine, and rendered in every report
format; a few go through the command line. Each must end with a result or a PlanlintError (exit 0, 1 or 2),
never another exception or a traceback, within a per-file time limit, and leave every input unchanged.

PLANLINT_FUZZ_MUTANTS (default 200) sets how many mutants, PLANLINT_FUZZ_SEED (default 2027) the seed.
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import random
import signal
import subprocess
import sys
import warnings
import xml.etree.ElementTree as ET
import zipfile
from pathlib import Path

import pytest

from planlint.document.reader import read_plan
from planlint.errors import PlanlintError
from planlint.project.runner import engine_for
from planlint.reporters.formats import FORMATS, render
from planlint.result import RunResult

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures"
SOURCES = sorted(
    p
    for folder in ("docx", "pdf", "depth", "plan-repo", "bad")
    for p in (FIXTURES / folder).iterdir()
    if p.suffix in (".docx", ".pdf", ".md", ".txt") and p.stat().st_size < 2_000_000
)
MUTANTS = int(os.environ.get("PLANLINT_FUZZ_MUTANTS", "200"))
SEED = int(os.environ.get("PLANLINT_FUZZ_SEED", "2027"))
CLI_MUTANTS = 4  # through `python -m planlint`: the rest in-process, which is much faster
SECONDS_PER_FILE = 60  # a hang guard, far above any real plan's time; not a benchmark
HOSTILE = [
    "::error file=README.md,line=1::kapad",
    "##[error]kapad",
    "\x1b[2J\x1b]8;;https://evil.example\x07länk\x1b]8;;\x07",
    "\u202etxt.exe\u2066",
    "\r\n\x00\x07\x0b\ufffe\uffff",
    "innovation" * 5000,
    "(" * 3000,
    "| [länk](javascript:alert(1)) @someone www.evil.example ~~x~~ <img src=x>",
]


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def mutate_bytes(data: bytes, rng: random.Random) -> tuple[bytes, str]:
    """One of: flip bytes, insert random bytes, cut, repeat a stretch, zero a stretch."""
    data = bytearray(data)
    kind = rng.choice(["flip", "insert", "cut", "repeat", "zero"])
    at = rng.randrange(max(len(data), 1))
    if kind == "flip":
        for _ in range(rng.randint(1, 16)):
            i = rng.randrange(max(len(data), 1))
            if data:
                data[i] = rng.randrange(256)
    elif kind == "insert":
        data[at:at] = bytes(rng.randrange(256) for _ in range(rng.randint(1, 64)))
    elif kind == "cut":
        del data[at:]
    elif kind == "repeat":
        length = rng.randint(1, 4096)
        data[at:at] = data[at : at + length] * rng.randint(2, 20)
    else:
        data[at : at + rng.randint(1, 512)] = bytes(rng.randint(1, 512))
    return bytes(data), f"{kind}@{at}"


def mutate_zip(data: bytes, rng: random.Random) -> tuple[bytes, str]:
    """Damage one member of a Word package (its bytes, or hostile text in its XML), drop it, or write it twice."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            members = [(info.filename, archive.read(info.filename)) for info in archive.infolist()]
    except Exception:  # an already damaged package: its bytes then
        return mutate_bytes(data, rng)
    index = rng.randrange(len(members))
    name, content = members[index]
    kind = rng.choice(["member-bytes", "member-text", "drop", "duplicate"])
    if kind == "member-bytes":
        members[index] = (name, mutate_bytes(content, rng)[0])
    elif kind == "member-text":
        text = content.decode("utf-8", "replace")
        cut = rng.randrange(max(len(text), 1))
        hostile = rng.choice(HOSTILE).replace("<", "&lt;").replace("&", "&amp;")
        members[index] = (name, (text[:cut] + hostile + text[cut:]).encode("utf-8"))
    elif kind == "drop":
        del members[index]
    else:
        members.append((name, mutate_bytes(content, rng)[0]))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive, warnings.catch_warnings():
        warnings.simplefilter("ignore")  # zipfile warns of the duplicate name this mutation wants
        for member, content in members:
            archive.writestr(member, content)
    return out.getvalue(), f"{kind}:{name}"


def mutate_text(data: bytes, rng: random.Random) -> tuple[bytes, str]:
    """Hostile text put into a text plan, or its bytes mutated."""
    if rng.random() < 0.5:
        return mutate_bytes(data, rng)
    text = data.decode("utf-8", "replace")
    lines = text.split("\n")
    at = rng.randrange(len(lines))
    hostile = rng.choice(HOSTILE)
    lines.insert(at, hostile if rng.random() < 0.5 else f"Vi ska utveckla innovation {hostile} till 2027.")
    return "\n".join(lines).encode("utf-8", "surrogatepass"), f"text@{at}"


def mutants(folder: Path):
    """(path, description) of MUTANTS mutants written into `folder`, the same ones for the same seed."""
    rng = random.Random(SEED)
    for number in range(MUTANTS):
        source = rng.choice(SOURCES)
        data = source.read_bytes()
        if source.suffix == ".docx" and rng.random() < 0.7:
            mutated, how = mutate_zip(data, rng)
        elif source.suffix in (".md", ".txt"):
            mutated, how = mutate_text(data, rng)
        else:
            mutated, how = mutate_bytes(data, rng)
        path = folder / f"mutant{number:04d}{source.suffix}"
        path.write_bytes(mutated)
        yield path, f"{source.name} {how}"


class Deadline:
    """SIGALRM after `seconds`: the mutant failed by taking too long (rather than hanging the suite)."""

    def __init__(self, seconds: int) -> None:
        self.seconds = seconds

    def __enter__(self):
        def expired(signum, frame):
            raise TimeoutError(f"more than {self.seconds} s")

        self.previous = signal.signal(signal.SIGALRM, expired)
        signal.alarm(self.seconds)

    def __exit__(self, *exc):
        signal.alarm(0)
        signal.signal(signal.SIGALRM, self.previous)
        return False


def check_in_process(path: Path) -> None:
    """Read, check and render one plan; only a PlanlintError may end it early."""
    try:
        document = read_plan(path)
    except PlanlintError as error:
        error.message("sv")
        error.message("en")
        return
    result = engine_for(None).check(document)
    outcome = RunResult(results=[result])
    for fmt in FORMATS:
        rendered = render(fmt, outcome, "sv")
        rendered.encode("utf-8")  # valid text, whatever the file name or content
        if fmt in ("json", "sarif"):
            json.loads(rendered)
        elif fmt == "junit":
            ET.fromstring(rendered.encode("utf-8"))
        elif fmt == "text":
            assert not any(line.lstrip().startswith("::") or "##[" in line for line in rendered.split("\n"))


def test_fuzzed_fixtures_end_in_a_result_or_a_clear_error(tmp_path: Path) -> None:
    before = {source: sha256(source) for source in SOURCES}
    failures = []
    for path, how in mutants(tmp_path):
        digest = sha256(path)
        try:
            with Deadline(SECONDS_PER_FILE):
                check_in_process(path)
        except Exception as exc:  # anything but a PlanlintError is a failure to report
            failures.append(f"{path.name} ({how}): {type(exc).__name__}: {exc}"[:300])
        if sha256(path) != digest:
            failures.append(f"{path.name} ({how}): the input changed")
    assert not failures, "\n".join(failures)
    assert {source: sha256(source) for source in SOURCES} == before


@pytest.mark.slow
def test_fuzzed_fixtures_through_the_command_line(tmp_path: Path) -> None:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    chosen = list(mutants(tmp_path))[:: max(MUTANTS // CLI_MUTANTS, 1)][:CLI_MUTANTS]
    for path, how in chosen:
        digest = sha256(path)
        report = tmp_path / f"{path.stem}.sarif"
        process = subprocess.run(
            [sys.executable, "-m", "planlint", "check", str(path), "--format", "sarif", "-o", str(report)],
            env=env,
            capture_output=True,
            text=True,
            timeout=SECONDS_PER_FILE,
            check=False,
        )
        assert process.returncode in (0, 1, 2), (how, process.stderr[-2000:])
        assert "Traceback" not in process.stderr, (how, process.stderr[-2000:])
        assert sha256(path) == digest, how
        if process.returncode != 2 or report.exists():
            json.loads(report.read_text(encoding="utf-8"))
