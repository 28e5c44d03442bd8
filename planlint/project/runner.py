"""Check many plans: discovery, configuration per plan, one compiled checker per rule pack, and errors kept apart."""

from __future__ import annotations

import multiprocessing
import sys
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor, as_completed
from contextlib import AbstractContextManager, contextmanager
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from planlint.analysis.tokens import segment
from planlint.checks.engine import Engine
from planlint.checks.suppression import apply_suppressions, read_suppressions
from planlint.document.reader import read_plan
from planlint.errors import PlanlintError
from planlint.project.baseline import apply_baseline, load_baseline
from planlint.project.config import Config, find_config, load_config
from planlint.project.discovery import expand
from planlint.project.stdin import STDIN, display_name, stdin_file
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
    force_exclude: bool = False  # --force-exclude: the configuration's exclusions apply to named files too
    inline_suppression: bool = True  # --no-inline-suppression turns the plan's own suppressions off
    stdin_filename: str | None = None  # --stdin-filename: the name of the plan read from `-`
    stdin: bytes | None = None  # the plan read from standard input, when one of the arguments is `-`


@cache
def engine_for(pack_path: Path | None) -> Engine:
    """One compiled checker per rule pack, shared by every plan that uses it (and built once per worker)."""
    return Engine(load_pack(pack_path))


def config_for(path: Path, options: RunOptions) -> Config:
    """The configuration file's settings for a path (before the per-file overrides)."""
    return load_config(options.config or find_config(path))


def settings_for(plan: Path, options: RunOptions) -> tuple[Config, Path | None]:
    """The configuration that applies to a plan (its overrides applied), and the rule pack it names."""
    if plan == STDIN:
        plan = display_name(options.stdin_filename)
    config = config_for(plan, options)
    return config.for_plan(plan), options.rules or config.rules


def check_one(plan: Path, options: RunOptions) -> PlanResult:
    """Check one plan file, or the plan read from standard input when `plan` is `-`."""
    if plan != STDIN:
        return _check_file(plan, plan, options)
    name = display_name(options.stdin_filename)
    with stdin_file(options.stdin or b"", options.stdin_filename) as source:
        try:
            result = _check_file(plan, source, options)
        except PlanlintError as error:
            error.path = name
            raise
    result.document.path = name
    return result


def _check_file(plan: Path, source: Path, options: RunOptions) -> PlanResult:
    config, pack_path = settings_for(plan, options)
    engine = engine_for(pack_path)
    document = read_plan(source)
    result = engine.check(document, config)
    if options.inline_suppression:
        rule_ids, concept_ids = {r.id for r in engine.pack.rules}, {c.id for c in engine.pack.concepts}
        apply_suppressions(result, read_suppressions(document, source, rule_ids, concept_ids))
    return result


def plan_files(arguments: list[str], options: RunOptions) -> tuple[list[Path], list[PlanlintError]]:
    """The plans a run over `arguments` checks, with the arguments that name none."""
    return expand(arguments, lambda path: config_for(path, options), options.force_exclude)


def run(arguments: list[str], options: RunOptions, progress: Progress | None = None) -> RunResult:
    """Check every plan the arguments name; an unreadable plan is reported and the others still checked.

    Results keep the order of the plans, whatever `options.jobs`. A broken baseline raises before any check.
    """
    baseline = load_baseline(options.baseline) if options.baseline else None
    if str(STDIN) in arguments and options.stdin is None:
        options.stdin = sys.stdin.buffer.read()
    plans, errors = plan_files(arguments, options)
    outcome = RunResult(errors=list(errors), baseline=baseline)
    read = {p for p in (options.config, options.rules, options.baseline) if p is not None}
    fail_on = options.fail_on
    with (progress or _no_progress)(len(plans)) as advance:
        for plan, checked in zip(plans, _check_all(plans, options, advance)):
            if isinstance(checked, PlanlintError):
                outcome.errors.append(checked)
                continue
            outcome.results.append(checked)
            config = settings_for(plan, options)[0]
            fail_on = fail_on or config.fail_on
            read.update(p for p in (config.path, checked.pack.root) if p is not None)
    outcome.fail_on = fail_on or "error"
    outcome.read = sorted(read)
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
