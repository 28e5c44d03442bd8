"""A bounded pool of worker processes, each job under a time limit.

Each worker is a process of its own that loads the rule pack and language data once (the `warm` function)
and then runs one job at a time. A job over its time limit, or a worker that dies, costs only that job: the
process is killed and replaced. Jobs wait for a free worker in a queue of fixed size; when it is full the pool
says `Busy` at once instead of letting requests pile up. Workers are started from a fork server, so a new one
can be started safely while the server's threads run.
"""

from __future__ import annotations

import asyncio
import logging
import multiprocessing
import signal
import time
import traceback
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from multiprocessing.connection import Connection
from typing import Any

LOG = logging.getLogger("planlint.serve")
PRELOAD = ["planlint.web.jobs"]  # imported once in the fork server, so every worker starts with it
READY = "ready"
WARM_SECONDS = 120  # for a new worker to load the rule pack and language data


class Busy(Exception):
    """Every worker is taken and the queue is full."""


class TimedOut(Exception):
    """A job ran past its time limit and its worker was stopped."""


class WorkerLost(Exception):
    """A worker died during a job (it crashed, or the job raised an unexpected error)."""


def _serve(conn: Connection, warm: Callable[..., None], warm_args: tuple) -> None:
    """A worker's life: warm up, then run jobs until the pool closes the pipe."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl+C stops the server, which then stops its workers
    warm(*warm_args)
    conn.send(READY)
    while True:
        try:
            job = conn.recv()
        except EOFError:
            return
        func, args = job
        try:
            reply = (True, func(*args))
        except Exception:  # a bug or a file no reader expected: log it, the job fails, the worker goes on
            LOG.error("planlint: a job failed in a worker:\n%s", traceback.format_exc())
            reply = (False, None)
        conn.send(reply)


class _Worker:
    def __init__(self, context: multiprocessing.context.ForkServerContext, warm: Callable[..., None], warm_args: tuple):
        self._conn, child = context.Pipe()
        self.process = context.Process(target=_serve, args=(child, warm, warm_args), daemon=True)
        self.process.start()
        child.close()
        if not self._ready():  # a worker takes jobs only once warm: its warm-up never counts against a plan's time
            self.stop()
            raise WorkerLost

    def _ready(self) -> bool:
        try:
            return self._conn.poll(WARM_SECONDS) and self._conn.recv() == READY
        except (EOFError, OSError):
            return False

    def call(self, func: Callable, args: tuple, seconds: float) -> Any:
        try:
            self._conn.send((func, args))
            if not self._conn.poll(seconds):
                raise TimedOut
            ok, value = self._conn.recv()
        except (EOFError, OSError):
            raise WorkerLost from None
        if not ok:
            raise WorkerLost
        return value

    def stop(self) -> None:
        self._conn.close()
        self.process.kill()
        self.process.join(5)


class PlanPool:
    """`workers` processes and room for `queue` waiting jobs; each job gets `seconds` to finish."""

    def __init__(self, workers: int, queue: int, seconds: float, warm: Callable[..., None], warm_args: tuple = ()):
        self.workers, self.capacity, self.seconds = workers, workers + queue, seconds
        self.pending = 0  # jobs reserved: running or waiting
        self._warm, self._warm_args = warm, warm_args
        self._context = multiprocessing.get_context("forkserver")
        self._context.set_forkserver_preload(PRELOAD)
        self._threads = ThreadPoolExecutor(max_workers=workers, thread_name_prefix="planlint-job")
        self._idle: asyncio.Queue[_Worker] = asyncio.Queue()
        self._all: set[_Worker] = set()

    async def start(self) -> None:
        loop = asyncio.get_running_loop()
        for worker in await asyncio.gather(
            *(loop.run_in_executor(self._threads, self._new) for _ in range(self.workers))
        ):
            self._idle.put_nowait(worker)

    def close(self) -> None:
        for worker in list(self._all):
            worker.stop()
        self._all.clear()
        self._threads.shutdown(wait=False, cancel_futures=True)

    def alive(self) -> int:
        return sum(1 for w in self._all if w.process.is_alive())

    @contextmanager
    def reserve(self, jobs: int) -> Iterator[None]:
        """Room for `jobs` jobs in the queue for the block's duration, or `Busy` at once."""
        if self.pending + jobs > self.capacity:
            raise Busy
        self.pending += jobs
        try:
            yield
        finally:
            self.pending -= jobs

    @property
    def full(self) -> bool:
        return self.pending >= self.capacity

    async def run(self, func: Callable, *args: Any) -> Any:
        """Run `func(*args)` in a worker; raises TimedOut or WorkerLost when the job does not finish."""
        worker = await self._idle.get()
        future = asyncio.get_running_loop().run_in_executor(self._threads, self._call, worker, func, args)
        # The worker goes back to the queue when its job ends, even if the request waiting for it is cancelled.
        future.add_done_callback(lambda done: self._idle.put_nowait(done.result()[0]))
        _, outcome, failure = await asyncio.shield(future)
        if failure is not None:
            raise failure
        return outcome

    def _call(self, worker: _Worker, func: Callable, args: tuple) -> tuple[_Worker, Any, Exception | None]:
        """In a thread: the job's outcome, and the worker to use next (a new one if this one was stopped)."""
        started = time.monotonic()
        try:
            return worker, worker.call(func, args, self.seconds), None
        except (TimedOut, WorkerLost) as failure:
            LOG.warning(
                "planlint: %s after %.1f s; the worker is replaced", type(failure).__name__, time.monotonic() - started
            )
            self._all.discard(worker)
            worker.stop()
            return self._new(), None, failure

    def _new(self) -> _Worker:
        worker = _Worker(self._context, self._warm, self._warm_args)
        self._all.add(worker)
        return worker
