"""Per-item work in a process pool, results in input order (``--jobs N``).

In: a module-level function and one tuple of arguments per item. Out: the
results, in the order of the items, exactly what ``[fn(*args) for args in
items]`` returns, so a build with N processes writes the same bytes as one with
one. Small batches (an incremental rebuild's few changed articles) run in this
process: starting workers and shipping records to them would cost more than the
work. Exceptions raised by ``fn`` reach the caller unchanged.
"""

from __future__ import annotations

import multiprocessing
import os
import threading
from collections.abc import Callable, Sequence
from concurrent.futures import Executor, ProcessPoolExecutor
from typing import Any, TypeVar

T = TypeVar("T")

# Below this many items per worker process a batch runs here, so that a rebuild
# after a few edits (serve, or build with the cache) never pays for starting a
# pool and shipping records to it.
MIN_ITEMS_PER_JOB = 16


def default_jobs() -> int:
    """One worker per core this process may use."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


class Workers:
    """A lazily started process pool of ``jobs`` workers; ``jobs`` 1 runs
    everything in this process. Use as a context manager, or call ``close``.
    ``min_items_per_job``: when given, the batch size below which every ``map``
    runs here, whatever the call asks (1: every batch goes to the pool)."""

    def __init__(self, jobs: int = 1, min_items_per_job: int | None = None) -> None:
        self.jobs = max(1, jobs)
        self.min_items_per_job = min_items_per_job
        self._pool: Executor | None = None

    def map(self, fn: Callable[..., T], items: Sequence[tuple[Any, ...]], min_items_per_job: int = MIN_ITEMS_PER_JOB) -> list[T]:
        """``[fn(*args) for args in items]``; on the pool when there are at least
        ``min_items_per_job`` items per worker (light work asks for more: the
        pool's start and the shipping of records cost more than it saves)."""
        floor = self.min_items_per_job if self.min_items_per_job is not None else min_items_per_job
        if self.jobs == 1 or len(items) < floor * self.jobs:
            return [fn(*args) for args in items]
        if self._pool is None:
            self._pool = ProcessPoolExecutor(self.jobs, mp_context=_context())
        # Several chunks per worker even out slow and fast items.
        chunk = max(1, len(items) // (self.jobs * 8))
        return list(self._pool.map(_call, [(fn, args) for args in items], chunksize=chunk))

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(cancel_futures=True)
            self._pool = None

    def __enter__(self) -> Workers:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _call(job: tuple[Callable[..., T], tuple[Any, ...]]) -> T:
    fn, args = job
    return fn(*args)


def _context() -> multiprocessing.context.BaseContext:
    # fork is the fastest start (workers inherit the imported modules), but is
    # unsafe once other threads run (serve's HTTP and watcher threads).
    if "fork" in multiprocessing.get_all_start_methods() and threading.active_count() == 1:
        return multiprocessing.get_context("fork")
    return multiprocessing.get_context("spawn")
