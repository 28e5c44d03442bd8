"""The load benchmark of `planlint serve` (bench/bench_serve.py) passes: 20 clients × 5 plans on loopback, no
failed request, and no file left behind. Its figures are printed by the benchmark, never asserted here."""

from __future__ import annotations

import subprocess
import sys

import pytest
from conftest import ROOT

pytestmark = pytest.mark.slow  # starts a server and 100 requests


def test_the_load_benchmark_passes():
    done = subprocess.run(
        [sys.executable, str(ROOT / "bench" / "bench_serve.py"), "--clients", "20", "--plans", "5"],
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert "20 clients × 5 plans = 100 requests" in done.stdout
    assert "failed requests: 0" in done.stdout
    assert "after the load: 0" in done.stdout and "after the server stopped: 0" in done.stdout
