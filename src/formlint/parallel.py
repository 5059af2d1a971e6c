"""Checking a large tree on several cores.

Forms are independent, so a tree of many files is split over worker processes.
Workers are forked after the policy, taxonomy and options are loaded, so they
start warm and nothing but paths goes to them; each sends back the finished
FormResult or the error. The node-location index stays behind (the pipeline drops
it once the rules ran); the per-field classifications travel, as the HTML report
shows them. Results are put back in discovery order, so the output does not depend
on the number of jobs.
"""

from __future__ import annotations

import os
import signal
import sys
from typing import Callable, NoReturn

from formlint.errors import Interrupted
from formlint.model import Report

# Checks one file: (path, met while walking a folder) -> its report.
CheckFile = Callable[[str, bool], Report]

# Below this many files a pool costs more than it saves.
MIN_FILES_PER_JOB = 50
_CHECK_FILE: CheckFile | None = None


def default_jobs() -> int:
    """`--jobs 0`: one worker per idle core. Workers only help when cores are free: on
    a machine already busy (a CI runner running tests beside formlint) they compete
    for the same cores and the run is slower than in one process."""
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
    try:
        busy = os.getloadavg()[0]
    except (AttributeError, OSError):  # no load average (Windows): trust the core count
        busy = 0.0
    return max(1, min(cores, round(cores - busy)))


def usable(jobs: int, files: int) -> int:
    """How many workers are worth starting for `files` files."""
    if jobs <= 1:
        return 1
    import multiprocessing  # only when workers may help: its import costs start-up

    if "fork" not in multiprocessing.get_all_start_methods():
        return 1
    return max(1, min(jobs, files // MIN_FILES_PER_JOB))


def _work(item: tuple[str, bool]) -> Report:
    assert _CHECK_FILE is not None, "set by check_in_workers before the fork"
    return _CHECK_FILE(*item)


def _die_with_parent() -> None:
    """A worker ends silently: SIGTERM (sent by the pool when the parent stops) kills
    it at once, and Ctrl-C, which reaches the whole process group, is the parent's
    to handle. Without this a worker inherits the CLI's handler and prints a
    traceback when its parent is stopped."""
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def check_in_workers(items: list[tuple[str, bool]], check_file: CheckFile, jobs: int, report: Report) -> None:
    import multiprocessing

    global _CHECK_FILE
    _CHECK_FILE = check_file  # inherited by the forked workers
    context = multiprocessing.get_context("fork")
    chunk = max(1, len(items) // (jobs * 8))
    pool = None
    try:
        # Created inside the try: a signal that arrives while the pool is still
        # starting its workers must not leave it to an exit-time terminate().
        pool = context.Pool(jobs, initializer=_die_with_parent)
        for part in pool.imap(_work, items, chunksize=chunk):
            report.results.extend(part.results)
            report.errors.extend(part.errors)
            report.skipped += part.skipped
    except Interrupted as exc:
        _abandon(exc.signum)
    except BaseException:
        if pool is not None:
            pool.terminate()
        raise
    pool.close()
    pool.join()


def _abandon(signum: int) -> NoReturn:
    """Stop at once on SIGINT/SIGTERM: kill the workers and exit 128 + signal.

    Pool.terminate() can hang for ever here: it first takes the task queue's lock,
    which an idle worker holds while it waits for a task that will never come. The
    parent holds nothing to clean up while workers run (baselines and reports are
    written after checking), so the workers are killed and the process ends."""
    import multiprocessing

    for worker in multiprocessing.active_children():
        worker.kill()
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(128 + signum)
