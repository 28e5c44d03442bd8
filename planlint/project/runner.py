"""Check many plans: discovery, configuration per plan, one compiled checker per rule pack, and errors kept apart."""

from __future__ import annotations

import multiprocessing
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor, as_completed
from contextlib import AbstractContextManager, contextmanager
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from planlint.analysis.tokens import segment
from planlint.checks.engine import Engine
from planlint.document.reader import read_plan
from planlint.errors import PlanlintError
from planlint.project.baseline import apply_baseline, load_baseline
from planlint.project.config import Config, find_config, load_config
from planlint.project.discovery import expand
from planlint.result import PlanResult, RunResult
from planlint.rulepack.pack import load_pack

# Given the number of plans, a context that yields the function to call after each plan is checked.
Progress = Callable[[int], AbstractContextManager[Callable[[], None]]]


@dataclass
class RunOptions:
    rules: Path | None = None  # --rules
    config: Path | None = None  # --config
    fail_on: str | None = None  # --fail-on (the configuration's, else "error")
    jobs: int = 1  # --jobs: worker processes
    baseline: Path | None = None  # --baseline: findings in it are known and do not count


@cache
def engine_for(pack_path: Path | None) -> Engine:
    """One compiled checker per rule pack, shared by every plan that uses it (and built once per worker)."""
    return Engine(load_pack(pack_path))


def settings_for(plan: Path, options: RunOptions) -> tuple[Config, Path | None]:
    """The configuration that applies to a plan, and the rule pack it names."""
    config = load_config(options.config or find_config(plan))
    return config, options.rules or config.rules


def check_one(plan: Path, options: RunOptions) -> PlanResult:
    config, pack_path = settings_for(plan, options)
    document = read_plan(plan)
    return engine_for(pack_path).check(document, config)


def run(arguments: list[str], options: RunOptions, progress: Progress | None = None) -> RunResult:
    """Check every plan the arguments name; an unreadable plan is reported and the others still checked.

    Results keep the order of the plans, whatever `options.jobs`. A broken baseline raises before any check.
    """
    baseline = load_baseline(options.baseline) if options.baseline else None
    plans, errors = expand(arguments)
    outcome = RunResult(errors=list(errors), baseline=baseline)
    fail_on = options.fail_on
    with (progress or _no_progress)(len(plans)) as advance:
        for plan, checked in zip(plans, _check_all(plans, options, advance)):
            if isinstance(checked, PlanlintError):
                outcome.errors.append(checked)
                continue
            outcome.results.append(checked)
            if fail_on is None:
                fail_on = settings_for(plan, options)[0].fail_on
    outcome.fail_on = fail_on or "error"
    if baseline is not None:
        apply_baseline(outcome.results, baseline)
    return outcome


def _check_all(plans: list[Path], options: RunOptions, advance: Callable[[], None]) -> list[PlanResult | PlanlintError]:
    """Each plan's result or error, in the order of `plans`; in worker processes when `options.jobs` > 1."""
    if options.jobs <= 1 or len(plans) <= 1:
        checked = []
        for plan in plans:
            try:
                checked.append(check_one(plan, options))
            except PlanlintError as error:
                checked.append(error)
            advance()
        return checked
    if multiprocessing.get_start_method() == "fork":
        _warm_up(plans[0], options)
    slots: list[PlanResult | PlanlintError | None] = [None] * len(plans)
    with ProcessPoolExecutor(max_workers=min(options.jobs, len(plans))) as pool:
        futures = {pool.submit(_check_portable, plan, options): i for i, plan in enumerate(plans)}
        for future in as_completed(futures):
            slots[futures[future]] = _restore(future.result())
            advance()
    return slots


def _warm_up(plan: Path, options: RunOptions) -> None:
    """Build the checker and load the sentence splitter here, so that forked workers start with both."""
    try:
        engine_for(settings_for(plan, options)[1])
    except PlanlintError:
        return  # reported when the plan is checked
    list(segment(["Planen gäller 2026."]))


def _check_portable(plan: Path, options: RunOptions) -> PlanResult | tuple:
    """Check one plan in a worker; an error comes back as plain data (a PlanlintError does not unpickle)."""
    try:
        return check_one(plan, options)
    except PlanlintError as error:
        return type(error), error.path, error.key, error.params


def _restore(checked: PlanResult | tuple) -> PlanResult | PlanlintError:
    if isinstance(checked, PlanResult):
        return checked
    cls, path, key, params = checked
    error = cls.__new__(cls)
    PlanlintError.__init__(error, path, key, **params)
    return error


@contextmanager
def _no_progress(total: int) -> Iterator[Callable[[], None]]:
    yield lambda: None
