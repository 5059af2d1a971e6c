"""Checking in worker processes gives exactly the serial result, in the same order."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from conftest import FIXTURES, SAMPLES

from formlint import parallel
from formlint.pipeline import check_paths
from formlint.settings import FileSettings
from formlint.errors import FormError
from formlint.policy import load_policy


def summary(report) -> tuple[list[str], list[str]]:
    return ([f"{f.path}:{f.line}:{f.code}:{f.message}" for f in report.findings],
            [str(e) for e in report.errors])


def test_workers_match_the_serial_run(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    for sample in SAMPLES.glob("*.yaml"):
        shutil.copy(sample, tmp_path / sample.name)
    (tmp_path / "broken.yaml").write_text("fields: [", "utf-8")
    shutil.copytree(FIXTURES / "formats", tmp_path / "formats")
    options = FileSettings(policy=load_policy(None), purpose="venue-check-in")
    serial = check_paths([str(tmp_path)], options, jobs=1)
    monkeypatch.setattr(parallel, "MIN_FILES_PER_JOB", 1)
    assert parallel.usable(2, 10) == 2
    forked = check_paths([str(tmp_path)], options, jobs=2)
    assert summary(forked) == summary(serial)
    assert len(serial.results) > 10 and len(serial.errors) == 1


def test_small_trees_do_not_start_workers() -> None:
    assert parallel.usable(8, 49) == 1 and parallel.usable(8, 120) == 2 and parallel.usable(1, 10_000) == 1


def test_errors_survive_the_trip_from_a_worker() -> None:
    import pickle

    error = pickle.loads(pickle.dumps(FormError("a.yaml", "bad", 3, 4)))
    assert (type(error), str(error)) == (FormError, "a.yaml:3:4: error: bad")


@pytest.mark.parametrize("load, jobs", [(0.0, 4), (1.2, 3), (3.8, 1), (9.0, 1)])
def test_default_jobs_counts_idle_cores(monkeypatch: pytest.MonkeyPatch, load: float, jobs: int) -> None:
    from formlint import parallel

    monkeypatch.setattr(parallel.os, "sched_getaffinity", lambda pid: {0, 1, 2, 3}, raising=False)
    monkeypatch.setattr(parallel.os, "getloadavg", lambda: (load, load, load))
    assert parallel.default_jobs() == jobs
