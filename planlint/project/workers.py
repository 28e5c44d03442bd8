"""Check plans in worker processes (`--jobs`); imported only by runs that use them.

`--jobs N` is N processes at work: N - 1 workers and the run itself, which checks a plan whenever the workers
have theirs, so that two plans with `--jobs 2` take the time of one. Workers are forked from the run once it
has built the checker and loaded the tokenizer, when the platform forks. They ignore Ctrl-C: the run stops
them itself, on an interrupt or an error as at the end, so that no worker outlives it.
"""

from __future__ import annotations

import importlib
import multiprocessing
import signal
from collections.abc import Callable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from functools import partial
from pathlib import Path

from planlint.analysis.tokens import segment
from planlint.document.reader import READERS
from planlint.errors import PlanlintError
from planlint.project.cache import ResultCache, pack_result, unpack_result
from planlint.project.runner import RunOptions, _engine, check_one, settings_for
from planlint.result import PlanResult
from planlint.rulepack.pack import Pack

# (index, plan, cache key or None) of each plan to check
Task = tuple[int, Path, str | None]
QUEUED = 2  # plans queued for each worker, so that it has the next one while the run checks one itself


def check_in_workers(
    tasks: list[Task], options: RunOptions, store: ResultCache | None, workers: int
) -> Iterator[tuple[int, PlanResult | PlanlintError]]:
    """(index, result or error) of each task as it is done, by `workers` processes: this one included."""
    if multiprocessing.get_start_method() == "fork":
        _warm_up([plan for _, plan, _ in tasks], options, store)
    root = store.folder if store is not None else None
    before = set(multiprocessing.active_children())
    helpers = workers - 1
    pool = ProcessPoolExecutor(max_workers=helpers, initializer=_ignore_interrupts)
    pending = tasks[::-1]  # taken from the end: in order
    running: dict[Future, tuple[int, Path]] = {}
    try:
        while pending or running:
            # up to two plans queued a worker, but no more than the workers' share of what is left
            queued = min(QUEUED * helpers, -(-(len(pending) + len(running)) * helpers // workers))
            while pending and len(running) < queued:
                i, plan, key = pending.pop()
                running[pool.submit(_check_portable, plan, options, root, key)] = (i, plan)
            done = {future for future in running if future.done()}
            if not done and pending:
                i, plan, key = pending.pop()
                yield i, _check_here(plan, options, store, key)
                continue
            if not done:
                done, _ = wait(running, return_when=FIRST_COMPLETED)
            for future in done:
                i, plan = running.pop(future)
                yield i, _restore(future.result(), partial(_pack_of, plan, options, store))
    except BaseException:
        for child in set(multiprocessing.active_children()) - before:
            child.terminate()
        # the pool's own thread reaps the stopped workers; joining them here as well would race it for their
        # exit status and could leave one listed as running
        pool.shutdown(wait=True, cancel_futures=True)
        raise
    pool.shutdown()


def _check_here(plan: Path, options: RunOptions, store: ResultCache | None, key: str | None):
    try:
        return check_one(plan, options, store, key)
    except PlanlintError as error:
        return error


def _warm_up(plans: list[Path], options: RunOptions, store: ResultCache | None) -> None:
    """Build the checker, load the tokenizer and import the readers of the plans' formats here, so that forked
    workers start with all three instead of each paying for them again (python-docx's import alone is a
    third of checking a short plan)."""
    for module in {READERS[plan.suffix.lower()][0] for plan in plans if plan.suffix.lower() in READERS}:
        importlib.import_module(module)
    try:
        _engine(settings_for(plans[0], options)[1], store)
    except PlanlintError:
        return  # reported when the plan is checked
    list(segment(["Planen gäller 2026."]))


def _ignore_interrupts() -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def _check_portable(plan: Path, options: RunOptions, root: Path | None, key: str | None) -> bytes | tuple:
    """Check one plan in a worker; the result comes back packed (without its rule pack, the run has it), an
    error as plain data (a PlanlintError does not unpickle)."""
    try:
        return pack_result(check_one(plan, options, ResultCache(root) if root is not None else None, key))
    except PlanlintError as error:
        return type(error), error.path, error.key, error.params


def _restore(checked: bytes | tuple, pack: Callable[[], Pack]) -> PlanResult | PlanlintError:
    if isinstance(checked, bytes):
        return unpack_result(checked, pack)
    cls, path, key, params = checked
    error = cls.__new__(cls)
    PlanlintError.__init__(error, path, key, **params)
    return error


def _pack_of(plan: Path, options: RunOptions, store: ResultCache | None) -> Pack:
    """The rule pack a plan's settings name (to restore a result or an error reported by a worker)."""
    return _engine(settings_for(plan, options)[1], store).pack
