"""Commands that write files write only what was asked, whole or not at all; a write
that fails is one `formlint: error:` line and exit 2; a signal leaves the previous
file and no temporary file; workers of `--jobs` die quietly with their parent."""

from __future__ import annotations

import os
import signal
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest
import yaml

from conftest import ROOT, SAMPLES, run_formlint, run_formlint_process

FORM = SAMPLES / "qingdao-property-return.yaml"
# Runs formlint with os.fsync patched to deliver a signal to the process itself:
# the signal arrives while the temporary file is open, before it is moved into place.
SIGNAL_DURING_WRITE = """
import os, signal, sys
signum = getattr(signal, sys.argv[1])
os.fsync = lambda handle: os.kill(os.getpid(), signum)
from formlint.cli import main
sys.argv = ["formlint", *sys.argv[2:]]
main()
"""
# Runs formlint with every form made slow to check, so a run with workers lasts.
SLOW_FORMS = """
import sys, time
import formlint.pipeline as engine
original = engine.check_form
def slow(*args, **kwargs):
    time.sleep(0.05)
    return original(*args, **kwargs)
engine.check_form = slow
from formlint.cli import main
sys.argv = ["formlint", *sys.argv[1:]]
main()
"""


def python(script: str, *args: str, cwd: Path, **kwargs: object) -> subprocess.Popen[str]:
    environment = {**os.environ, "PYTHONPATH": str(ROOT / "src"), "NO_COLOR": "1"}
    return subprocess.Popen([sys.executable, "-c", script, *args], cwd=cwd, env=environment, text=True,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, **kwargs)  # type: ignore[call-overload]


def one_error_line(stderr: str, *words: str) -> None:
    lines = stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("formlint: error: "), stderr
    assert all(word in lines[0] for word in words), stderr


def test_output_to_a_directory_in_the_way_is_one_error_line(tmp_path: Path) -> None:
    (tmp_path / "report.json").mkdir()
    result = run_formlint("check", "--output-format", f"json:{tmp_path / 'report.json'}", str(FORM))
    assert result.returncode == 2 and (tmp_path / "report.json").is_dir()
    one_error_line(result.stderr.replace(result.stderr.split("\n")[0] + "\n", "")
                   if result.stderr.startswith(str(FORM)) else result.stderr, "cannot write", "report.json")


def test_output_under_a_file_is_one_error_line(tmp_path: Path) -> None:
    (tmp_path / "plain").write_text("keep", "utf-8")
    result = run_formlint("check", "-o", str(tmp_path / "plain" / "out.txt"), str(FORM))
    assert result.returncode == 2 and (tmp_path / "plain").read_text("utf-8") == "keep"
    one_error_line(result.stderr, "cannot write")


@pytest.mark.skipif(os.geteuid() != 0 or not hasattr(os, "mknod"), reason="making a device node needs root")
def test_output_onto_a_full_device_is_one_error_line_and_the_device_stays(tmp_path: Path) -> None:
    from test_atomic import full_device

    node = full_device(tmp_path)
    result = run_formlint("check", "-o", str(node), str(FORM))
    assert result.returncode == 2 and stat.S_ISCHR(os.stat(node).st_mode)
    one_error_line(result.stderr, f"cannot write {node}", "No space left")


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="needs /dev/full")
def test_stdout_to_dev_full_is_one_error_line(tmp_path: Path) -> None:
    environment = {**os.environ, "PYTHONPATH": str(ROOT / "src"), "NO_COLOR": "1"}
    with open("/dev/full", "w") as full:
        result = subprocess.run([sys.executable, "-m", "formlint", "check", str(FORM)], stdout=full,
                                stderr=subprocess.PIPE, text=True, env=environment, timeout=120)
    assert result.returncode == 2
    one_error_line(result.stderr, "standard output", "No space left")


@pytest.mark.skipif(not Path("/proc/self/fd/2").exists(), reason="needs /proc/self/fd")
def test_output_to_a_stderr_link_is_written_there_and_stays_a_link(tmp_path: Path) -> None:
    """The shape of /dev/stderr (a link to /proc/self/fd/2), made privately so that a
    regression cannot replace the system's /dev/stderr."""
    link = tmp_path / "stderr"
    link.symlink_to("/proc/self/fd/2")
    result = run_formlint_process("check", "--output-format", f"json:{link}", str(FORM))
    assert result.returncode == 1 and '"version": 1' in result.stderr
    assert link.is_symlink() and os.readlink(link) == "/proc/self/fd/2"


def test_output_through_a_symlink_writes_its_target(tmp_path: Path) -> None:
    (tmp_path / "real.txt").write_text("old", "utf-8")
    (tmp_path / "link.txt").symlink_to("real.txt")
    run_formlint("check", "-o", str(tmp_path / "link.txt"), str(FORM))
    assert (tmp_path / "link.txt").is_symlink() and "DM102" in (tmp_path / "real.txt").read_text("utf-8")


def test_rewriting_a_private_report_keeps_it_private(tmp_path: Path) -> None:
    report = tmp_path / "report.txt"
    report.write_text("old", "utf-8")
    report.chmod(0o600)
    run_formlint("check", "-o", str(report), str(FORM))
    assert stat.S_IMODE(report.stat().st_mode) == 0o600 and "DM102" in report.read_text("utf-8")


def test_baseline_that_appears_before_the_write_is_not_replaced(tmp_path: Path) -> None:
    """Without --force a baseline is created exclusively: a file that another run put
    there after the up-front check is refused, not silently replaced."""
    from formlint.baseline import write_baseline
    from formlint.errors import UsageError
    from formlint.model import Report

    target = tmp_path / "b.json"
    original = os.link

    def someone_else_first(src: str, dst: str) -> None:
        Path(dst).write_text("the other run's baseline", "utf-8")
        original(src, dst)

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(os, "link", someone_else_first)
        with pytest.raises(UsageError, match="already exists"):
            write_baseline(Report(), str(target), force=False)
    assert target.read_text("utf-8") == "the other run's baseline"
    assert [p.name for p in tmp_path.iterdir()] == ["b.json"]


@pytest.mark.parametrize("signame, code", [("SIGTERM", 143), ("SIGINT", 130)])
def test_a_signal_during_write_baseline_leaves_the_old_file_and_no_temporary(tmp_path: Path, signame: str,
                                                                            code: int) -> None:
    baseline = tmp_path / "b.json"
    baseline.write_text('{"version": 1, "tool": "formlint", "findings": []}\n', "utf-8")
    before = baseline.read_text("utf-8")
    run = python(SIGNAL_DURING_WRITE, signame, "check", "--write-baseline", str(baseline), "--force", str(FORM),
                 cwd=tmp_path)
    _, stderr = run.communicate(timeout=120)
    assert run.returncode == code and "Traceback" not in stderr
    assert baseline.read_text("utf-8") == before
    assert [p.name for p in tmp_path.iterdir()] == ["b.json"]


@pytest.mark.parametrize("signame", ["SIGTERM", "SIGINT"])
def test_a_signal_during_init_leaves_no_file_and_no_temporary(tmp_path: Path, signame: str) -> None:
    run = python(SIGNAL_DURING_WRITE, signame, "init", "--yes", "--dir", str(tmp_path), cwd=tmp_path)
    _, stderr = run.communicate(timeout=120)
    assert run.returncode in (130, 143) and "Traceback" not in stderr
    assert list(tmp_path.iterdir()) == []


def _children(pid: int) -> list[int]:
    path = Path(f"/proc/{pid}/task/{pid}/children")
    return [int(n) for n in path.read_text().split()] if path.exists() else []


@pytest.mark.skipif(not Path("/proc/self/task").exists(), reason="needs Linux /proc")
def test_workers_die_quietly_with_their_parent(tmp_path: Path) -> None:
    text = FORM.read_text("utf-8")
    for n in range(200):
        (tmp_path / f"form{n:03}.yaml").write_text(text, "utf-8")
    run = python(SLOW_FORMS, "check", "-j", "2", "--output-format", "concise", ".", cwd=tmp_path)
    deadline = time.monotonic() + 60
    while len(_children(run.pid)) < 2 and time.monotonic() < deadline:
        time.sleep(0.1)
    workers = _children(run.pid)
    assert len(workers) >= 2, "the run did not start its workers"
    run.send_signal(signal.SIGTERM)
    _, stderr = run.communicate(timeout=60)
    assert run.returncode == 143 and stderr == ""
    time.sleep(0.5)
    assert not [w for w in workers if Path(f"/proc/{w}").exists() and "Z" not in _state(w)]


def _state(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return "Z"


@pytest.mark.parametrize("purpose", ["a: b", "#x", "[x", "'q", "line\nbreak", "two words", "", "-"])
def test_init_purpose_is_refused_or_written_so_that_check_reads_it(tmp_path: Path, purpose: str) -> None:
    result = run_formlint("init", "--yes", "--pack", "pipl", "--purpose", purpose, "--dir", str(tmp_path))
    if result.returncode == 2:
        one_error_line(result.stderr, "--purpose")
        assert list(tmp_path.iterdir()) == []
        return
    assert result.returncode == 0, result.stderr
    config = yaml.safe_load((tmp_path / ".formlint.yaml").read_text("utf-8"))
    assert config["purpose"] == purpose
    checked = run_formlint("policies", "validate", str(tmp_path / ".formlint-policy.yaml"))
    assert checked.returncode == 0, checked.stderr


def test_init_pack_path_with_yaml_characters_is_written_as_one_string(tmp_path: Path) -> None:
    pack = tmp_path / "odd: #1 'name'.yaml"
    pack.write_text('id: odd\ntitle: Odd\nsource: "test"\nextends: [pipl]\n', "utf-8")
    (tmp_path / "out").mkdir()
    result = run_formlint("init", "--yes", "--pack", str(pack), "--purpose", "signup", "--dir", str(tmp_path / "out"))
    assert result.returncode == 0, result.stderr
    written = yaml.safe_load((tmp_path / "out" / ".formlint-policy.yaml").read_text("utf-8"))
    assert written["extends"] == [str(pack)]


def test_two_concurrent_write_baselines_exactly_one_wins(tmp_path: Path) -> None:
    environment = {**os.environ, "PYTHONPATH": str(ROOT / "src"), "NO_COLOR": "1"}
    command = [sys.executable, "-m", "formlint", "check", "--write-baseline", "b.json", str(FORM)]
    runs = [subprocess.Popen(command, cwd=tmp_path, env=environment, text=True, stdout=subprocess.DEVNULL,
                             stderr=subprocess.PIPE) for _ in range(2)]
    outcomes = sorted((run.wait(timeout=120), run.stderr.read() if run.stderr else "") for run in runs)
    assert [code for code, _ in outcomes] == [0, 2]
    assert "recorded" in outcomes[0][1] and "already exists" in outcomes[1][1]
    assert [p.name for p in tmp_path.iterdir()] == ["b.json"]
