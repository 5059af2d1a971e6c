"""Checking a large tree on several cores.

Forms are independent, so a tree of many files is split over worker processes.
Workers are forked after the policy, taxonomy and options are loaded, so they
start warm and nothing but paths goes to them; each sends back the finished
FormResult or the error. The node-location index and the per-field
classifications stay behind: reporters never read them, and they were half of
what had to be pickled. Results are put back in discovery order, so the output does not depend
on the number of jobs.
"""

from __future__ import annotations

import dataclasses
import multiprocessing
import os
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from formlint.engine import OptionsFor, Report

# Below this many files a pool costs more than it saves.
MIN_FILES_PER_JOB = 50
_OPTIONS: Any = None


def default_jobs() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)


def usable(jobs: int, files: int) -> int:
    """How many workers are worth starting for `files` files."""
    if jobs <= 1 or "fork" not in multiprocessing.get_all_start_methods():
        return 1
    return max(1, min(jobs, files // MIN_FILES_PER_JOB))


def _work(item: tuple[str, bool]) -> "Report":
    from formlint.engine import Report, check_one

    report = Report()
    check_one(report, item[0], None, _OPTIONS, walked=item[1])
    report.results = [dataclasses.replace(r, form=dataclasses.replace(r.form, locations={}), classes={})
                      for r in report.results]
    return report


def check_in_workers(items: list[tuple[str, bool]], options: "OptionsFor", jobs: int,
                     report: "Report") -> None:
    global _OPTIONS
    _OPTIONS = options  # inherited by the forked workers
    context = multiprocessing.get_context("fork")
    chunk = max(1, len(items) // (jobs * 8))
    with context.Pool(jobs) as pool:
        for part in pool.imap(_work, items, chunksize=chunk):
            report.results.extend(part.results)
            report.errors.extend(part.errors)
