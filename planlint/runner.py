"""Check many plans: discovery, configuration per plan, one compiled checker per rule pack, and errors kept apart."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from planlint.config import Config, find_config, load_config
from planlint.discovery import expand
from planlint.engine import Checker
from planlint.errors import PlanlintError
from planlint.pack import load_pack
from planlint.readers import read_plan
from planlint.result import PlanResult, Severity

FAIL_LEVELS = {"error": Severity.ERROR, "warning": Severity.WARNING, "info": Severity.INFO, "never": None}


@dataclass
class RunOptions:
    rules: Path | None = None  # --rules
    config: Path | None = None  # --config
    fail_on: str | None = None  # --fail-on (the configuration's, else "error")


@dataclass
class RunResult:
    results: list[PlanResult] = field(default_factory=list)
    errors: list[PlanlintError] = field(default_factory=list)
    fail_on: str = "error"

    def exit_code(self) -> int:
        """2 for any input error; else 1 when a counted finding reaches the failing severity; else 0."""
        if self.errors:
            return 2
        level = FAIL_LEVELS[self.fail_on]
        if level is None:
            return 0
        failing = any(f.severity >= level for r in self.results for f in r.findings if f.suppressed is None)
        return 1 if failing else 0


@cache
def checker_for(pack_path: Path | None) -> Checker:
    """One compiled checker per rule pack, shared by every plan that uses it."""
    return Checker(load_pack(pack_path))


def settings_for(plan: Path, options: RunOptions) -> tuple[Config, Path | None]:
    """The configuration that applies to a plan, and the rule pack it names."""
    config = load_config(options.config or find_config(plan))
    return config, options.rules or config.rules


def check_one(plan: Path, options: RunOptions) -> PlanResult:
    config, pack_path = settings_for(plan, options)
    document = read_plan(plan)
    return checker_for(pack_path).check(document, config)


def run(arguments: list[str], options: RunOptions) -> RunResult:
    """Check every plan the arguments name; an unreadable plan is reported and the others still checked."""
    plans, errors = expand(arguments)
    outcome = RunResult(errors=list(errors))
    fail_on = options.fail_on
    for plan in plans:
        try:
            outcome.results.append(check_one(plan, options))
            if fail_on is None:
                fail_on = settings_for(plan, options)[0].fail_on
        except PlanlintError as error:
            outcome.errors.append(error)
    outcome.fail_on = fail_on or "error"
    return outcome
