"""The command line speaks Swedish by default, click's own words included, and English with --lang en."""

from __future__ import annotations

import os
import subprocess
import sys


def _planlint(*args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    environment = {k: v for k, v in os.environ.items() if k not in ("LANGUAGE", "PLANLINT_LANG")}
    environment.update(env or {})
    return subprocess.run(
        [sys.executable, "-m", "planlint", *args], capture_output=True, text=True, env=environment, timeout=60
    )


def test_help_is_swedish() -> None:
    result = _planlint("--help")
    assert result.returncode == 0
    assert "Användning:" in result.stdout and "Kommandon:" in result.stdout and "Visa den här hjälpen" in result.stdout


def test_usage_error_is_swedish_with_exit_2() -> None:
    result = _planlint("check", "--finns-inte", "plan.txt")
    assert result.returncode == 2
    assert "Fel: Flaggan '--finns-inte' finns inte." in result.stderr and "Traceback" not in result.stderr


def test_english_on_request() -> None:
    assert "No such option" in _planlint("check", "--lang", "en", "--finns-inte", "x").stderr
    assert "Usage:" in _planlint("rules", "--help", env={"PLANLINT_LANG": "en"}).stdout
