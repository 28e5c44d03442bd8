"""Check many plans: discovery, configuration per plan, one compiled checker per rule pack, results from the
cache when nothing they depend on changed, worker processes for the rest, and errors kept apart."""

from __future__ import annotations

import gc
import os
import sys
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import cast

from planlint.checks.engine import Engine
from planlint.checks.suppression import apply_suppressions, read_suppressions
from planlint.document.model import Document
from planlint.document.reader import read_plan
from planlint.errors import PlanlintError
from planlint.project.baseline import apply_baseline, load_baseline
from planlint.project.cache import ResultCache, cache_dir
from planlint.project.config import Config, find_config, load_config
from planlint.project.discovery import expand
from planlint.project.stdin import STDIN, display_name, stdin_file
from planlint.result import PlanResult, RunResult, strictest_fail_on
from planlint.rulepack.pack import load_pack

# Given the number of plans, a context that yields the function to call after each plan is checked.
Progress = Callable[[int], AbstractContextManager[Callable[[], None]]]


@dataclass
class RunOptions:
    rules: Path | None = None  # --rules
    config: Path | None = None  # --config
    fail_on: str | None = None  # --fail-on (the configuration's, else "error")
    jobs: int = 1  # --jobs: worker processes (at most two per CPU, and one per plan to check)
    baseline: Path | None = None  # --baseline: findings in it are known and do not count
    force_exclude: bool = False  # --force-exclude: the configuration's exclusions apply to named files too
    inline_suppression: bool = True  # --no-inline-suppression turns the plan's own suppressions off
    stdin_filename: str | None = None  # --stdin-filename: the name of the plan read from `-`
    stdin: bytes | None = None  # the plan read from standard input, when one of the arguments is `-`
    cache: bool = True  # --no-cache turns the result cache off


@cache
def engine_for(pack_path: Path | None) -> Engine:
    """One compiled checker per rule pack, shared by every plan that uses it (and built once per worker)."""
    return _lasting(Engine(load_pack(pack_path)))


_cached_engines: dict[str, Engine] = {}  # pack fingerprint -> checker built from the cached pack


def _engine(pack_path: Path | None, store: ResultCache | None) -> Engine:
    if store is None:
        return engine_for(pack_path)
    fingerprint = store.pack_fingerprint(pack_path)
    if fingerprint not in _cached_engines:
        _cached_engines[fingerprint] = _lasting(Engine(store.pack(pack_path)))
    return _cached_engines[fingerprint]


def _lasting(engine: Engine) -> Engine:
    """A new checker, with everything alive now (modules, the pack, its lexicon and matcher) moved out of the
    cyclic garbage collector's sight: they live as long as the process, and every full collection while a plan
    is read or its report written walked them all again (a tenth of the CPU time of a 100-page check). Forked
    workers then also leave those pages shared."""
    gc.freeze()
    return engine


def config_for(path: Path, options: RunOptions) -> Config:
    """The configuration file's settings for a path (before the per-file overrides)."""
    return load_config(options.config or find_config(path))


def settings_for(plan: Path, options: RunOptions) -> Settings:
    """The configuration that applies to a plan (its overrides applied), and the rule pack it names."""
    if plan == STDIN:
        plan = display_name(options.stdin_filename)
    config = config_for(plan, options)
    return config.for_plan(plan), options.rules or config.rules


Settings = tuple[Config, Path | None]  # a plan's configuration (its overrides applied) and the pack it names


def check_one(
    plan: Path,
    options: RunOptions,
    store: ResultCache | None = None,
    key: str | None = None,
    settings: Settings | None = None,
) -> PlanResult:
    """Check one plan file, or the plan read from standard input when `plan` is `-`; with a cache and the
    plan's key, the result is kept for the next run. `settings`, when already resolved, are not resolved again."""
    if plan != STDIN:
        result = _check_file(plan, plan, options, store, settings)
        if store is not None and key is not None:
            store.put(key, result)
        return result
    name = display_name(options.stdin_filename)
    with stdin_file(options.stdin or b"", options.stdin_filename) as source:
        try:
            result = _check_file(plan, source, options)
        except PlanlintError as error:
            error.path = name
            raise
    result.document.path = name
    return result


def _check_file(
    plan: Path, source: Path, options: RunOptions, store: ResultCache | None = None, settings: Settings | None = None
) -> PlanResult:
    settings = settings or settings_for(plan, options)
    with _collector_paused():  # a plan's blocks live as long as its result, like the analysis's objects
        document = read_plan(source)
    return check_document(document, settings, options, store)


def check_document(
    document: Document,
    settings: Settings,
    options: RunOptions,
    store: ResultCache | None = None,
) -> PlanResult:
    """The per-plan pipeline once the plan is read, the same for `check` and `annotate`: the engine for the
    plan's pack checks it under its settings (resolved once, by `settings_for`, and kept in the result), then
    the plan's own suppressions apply."""
    config, pack_path = settings
    engine = _engine(pack_path, store)
    with _collector_paused():
        result = engine.check(document, config)
    if options.inline_suppression:
        rule_ids, concept_ids = {r.id for r in engine.pack.rules}, {c.id for c in engine.pack.concepts}
        apply_suppressions(result, read_suppressions(document, rule_ids, concept_ids))
    return result


def plan_files(arguments: list[str], options: RunOptions) -> tuple[list[Path], list[PlanlintError]]:
    """The plans a run over `arguments` checks, with the arguments that name none."""
    plans, unread = expand(arguments, lambda path: config_for(path, options), options.force_exclude)
    return plans, list[PlanlintError](unread)


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
    fail_ons = []
    with (progress or _no_progress)(len(plans)) as advance:
        for checked in _check_all(plans, options, advance):
            if isinstance(checked, PlanlintError):
                outcome.errors.append(checked)
                continue
            outcome.results.append(checked)
            config = checked.config
            fail_ons.append(config.fail_on if config else None)
            read.update(p for p in (config.path if config else None, checked.pack.root) if p is not None)
    outcome.fail_on = options.fail_on or strictest_fail_on(fail_ons)
    outcome.read = sorted(read)
    if baseline is not None:
        apply_baseline(outcome.results, baseline)
    return outcome


def _check_all(plans: list[Path], options: RunOptions, advance: Callable[[], None]) -> list[PlanResult | PlanlintError]:
    """Each plan's result or error, in the order of `plans`: from the cache, else checked here or, with
    `options.jobs` > 1 and more than one plan to check, in worker processes."""
    store = ResultCache(cache_dir()) if options.cache else None
    slots: list[PlanResult | PlanlintError | None] = [None] * len(plans)
    keys: list[str | None] = [None] * len(plans)
    settings: list[Settings | None] = [None] * len(plans)
    todo = []
    for i, plan in enumerate(plans):
        if store is not None and plan != STDIN:
            keys[i], slots[i], settings[i] = _from_cache(plan, options, store)
        if slots[i] is None:
            todo.append(i)
        else:
            advance()
    workers = min(options.jobs, len(todo), 2 * _cpus())
    if workers <= 1:
        for i in todo:
            try:
                slots[i] = check_one(plans[i], options, store, keys[i], settings[i])
            except PlanlintError as error:
                slots[i] = error
            advance()
        return _filled(slots)
    from planlint.project.workers import check_in_workers

    for i, checked in check_in_workers([(i, plans[i], keys[i]) for i in todo], options, store, workers):
        slots[i] = checked
        advance()
    return _filled(slots)


def _filled(slots: list[PlanResult | PlanlintError | None]) -> list[PlanResult | PlanlintError]:
    """The slots once every plan's result or error is in."""
    return cast(list[PlanResult | PlanlintError], slots)


def _from_cache(
    plan: Path, options: RunOptions, store: ResultCache
) -> tuple[str | None, PlanResult | PlanlintError | None, Settings | None]:
    """The plan's cache key, its cached result (None on a miss) and its settings, resolved here once; a plan
    that cannot be hashed has no key."""
    try:
        settings = settings_for(plan, options)
        config, pack_path = settings
        key = store.key(plan, pack_path, (config, options.inline_suppression))
    except PlanlintError as error:
        return None, error, None
    except OSError:
        return None, None, None  # reading the plan tells the user what is wrong with it
    return key, store.get(key, pack_path), settings


def _cpus() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on every platform
        return os.cpu_count() or 1


@contextmanager
def _collector_paused() -> Iterator[None]:
    """The cyclic garbage collector rests while a plan is read and checked: reading and analysis make hundreds of
    thousands of objects and hardly a cycle, and each collection walks them all (about a tenth of a 400-page
    check); reference counting still frees what they drop."""
    collecting = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if collecting:
            gc.enable()


@contextmanager
def _no_progress(total: int) -> Iterator[Callable[[], None]]:
    yield lambda: None
