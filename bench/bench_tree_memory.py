#!/usr/bin/env python3
"""Peak memory of `formlint check` on a large tree: 20,000 forms by default.

    python bench/bench_tree_memory.py
    python bench/bench_tree_memory.py -n 50000 --jobs 2

Runs `formlint check` (JSON-lines output to a file, so the terminal is not what is
measured) on a generated tree of N forms and on one of N/10, and prints each run's
peak resident memory and the memory per form between the two: a per-form cost that
stays flat as N grows is what "bounded" means here, since every form's result (its
findings, fields and classifications) is kept until the outputs are written; the
outputs themselves are written as they are rendered. A measurement, not a test: it
never fails a build.
"""

from __future__ import annotations

import argparse
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_check import generate  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent


def peak_memory_mib(folder: Path, jobs: int) -> tuple[float, float]:
    """(peak RSS in MiB, seconds) of one `formlint check` run in a child process."""
    script = ("import resource, subprocess, sys; "
              "subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL); "
              "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)")
    out = folder.parent / f"{folder.name}.jsonl"
    command = [sys.executable, "-m", "formlint", "check", "--jobs", str(jobs), "--exit-zero",
               "--output-format", f"json-lines:{out}", str(folder)]
    environment = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    started = time.perf_counter()
    result = subprocess.run([sys.executable, "-c", script, *command], capture_output=True, text=True,
                            env=environment, check=True)
    elapsed = time.perf_counter() - started
    kib = int(result.stdout.strip().splitlines()[-1])
    return kib / 1024, elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-n", type=int, default=20_000, help="number of forms (default 20000)")
    parser.add_argument("--jobs", type=int, default=1, help="--jobs for formlint (default 1)")
    arguments = parser.parse_args()
    small_count = max(arguments.n // 10, 1)
    with tempfile.TemporaryDirectory() as scratch:
        small, large = Path(scratch) / "small", Path(scratch) / "large"
        small.mkdir()
        large.mkdir()
        generate(small, small_count)
        generate(large, arguments.n)
        small_mib, small_seconds = peak_memory_mib(small, arguments.jobs)
        large_mib, large_seconds = peak_memory_mib(large, arguments.jobs)
    per_form = (large_mib - small_mib) * 1024 / (arguments.n - small_count)
    print(f"{small_count:>7,} forms: peak {small_mib:7.1f} MiB, {small_seconds:6.1f} s")
    print(f"{arguments.n:>7,} forms: peak {large_mib:7.1f} MiB, {large_seconds:6.1f} s")
    print(f"memory per additional form: {per_form:.1f} KiB; peak ratio {large_mib / small_mib:.2f} "
          f"for {arguments.n / small_count:.0f}x the forms")
    print(f"(max RSS of this process's children; {resource.getpagesize()}-byte pages)")


if __name__ == "__main__":
    main()
