"""formlint reads only regular files, each under the size cap: devices (named or
behind a link), FIFOs and sockets are one error line when named and skipped in a
folder walk, for forms, policies, configurations and baselines alike."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT, SAMPLES

FORM = SAMPLES / "qingdao-property-return.yaml"
NOT_REGULAR = "not a regular file"
pytestmark = pytest.mark.skipif(not os.path.exists("/dev/zero") or not hasattr(os, "mkfifo"),
                                reason="needs /dev/zero and FIFOs")


def formlint(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    """The CLI with a short timeout: reading a device or a FIFO used to never end."""
    environment = {**os.environ, "PYTHONPATH": str(ROOT / "src"), "NO_COLOR": "1"}
    return subprocess.run([sys.executable, "-m", "formlint", *args], capture_output=True, text=True, cwd=cwd,
                          env=environment, timeout=60)


def error_lines(result: subprocess.CompletedProcess[str]) -> list[str]:
    return [line for line in result.stderr.splitlines() if ": error: " in line]


@pytest.mark.parametrize("option", ["--policy", "--config", "--baseline"])
def test_a_device_given_as_policy_config_or_baseline_is_one_error_line(option: str) -> None:
    result = formlint("check", option, "/dev/zero", str(FORM))
    assert result.returncode == 2
    assert error_lines(result) == [f"/dev/zero:1:1: error: {NOT_REGULAR} (a device, FIFO or socket); "
                                   "formlint reads only regular files"]


def test_a_device_named_as_policy_in_a_configuration_is_one_error_line(tmp_path: Path) -> None:
    (tmp_path / ".formlint.yaml").write_text("policy: /dev/zero\n", "utf-8")
    (tmp_path / "form.yaml").write_text(FORM.read_text("utf-8"), "utf-8")
    result = formlint("check", "form.yaml", cwd=tmp_path)
    assert result.returncode == 2 and len(error_lines(result)) == 1 and NOT_REGULAR in result.stderr


@pytest.mark.parametrize("device", ["/dev/zero", "/dev/urandom"])
def test_a_form_linked_to_a_device_is_an_error_when_named_and_skipped_in_a_walk(tmp_path: Path, device: str) -> None:
    (tmp_path / "form.yaml").symlink_to(device)
    (tmp_path / "real.yaml").write_text(FORM.read_text("utf-8"), "utf-8")
    named = formlint("check", "form.yaml", "real.yaml", cwd=tmp_path)
    assert named.returncode == 2 and error_lines(named) == [
        f"form.yaml:1:1: error: {NOT_REGULAR} (a device, FIFO or socket); formlint reads only regular files"]
    assert "real.yaml:" in named.stdout  # the other file of the run is still checked
    walked = formlint("check", ".", cwd=tmp_path)
    assert walked.returncode == 1 and walked.stderr == "" and "real.yaml:" in walked.stdout


def test_a_device_with_a_forced_input_format_is_one_error_line() -> None:
    result = formlint("check", "--input-format", "native", "/dev/zero")
    assert result.returncode == 2 and len(error_lines(result)) == 1 and NOT_REGULAR in result.stderr


def test_a_fifo_is_skipped_in_a_walk_and_an_error_when_named(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "form.yaml")
    os.mkfifo(tmp_path / "notes.md")
    (tmp_path / "real.yaml").write_text(FORM.read_text("utf-8"), "utf-8")
    walked = formlint("check", ".", cwd=tmp_path)
    assert walked.returncode == 1 and walked.stderr == ""
    named = formlint("check", "form.yaml", cwd=tmp_path)
    assert named.returncode == 2 and len(error_lines(named)) == 1 and NOT_REGULAR in named.stderr


def test_a_file_over_the_cap_is_refused_before_it_is_read(tmp_path: Path) -> None:
    big = tmp_path / "big.yaml"
    big.write_bytes(b"# " + b"x" * 2000 + b"\n")
    result = formlint("check", "--max-file-size", "1000", str(big))
    assert result.returncode == 2 and "over the 1,000-byte limit" in result.stderr


def test_reading_stops_at_the_cap_even_if_the_size_lied(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """A file that grows while it is read (a log, /proc) is read up to the cap + 1."""
    from formlint.errors import FormError
    from formlint.source import read_bytes

    grown = tmp_path / "grows.yaml"
    grown.write_bytes(b"a" * 5000)
    real_fstat = os.fstat

    class Small:
        def __init__(self, result: os.stat_result) -> None:
            self.st_mode, self.st_size = result.st_mode, 10

    monkeypatch.setattr(os, "fstat", lambda handle: Small(real_fstat(handle)))
    with pytest.raises(FormError, match="over the 1,000-byte limit"):
        read_bytes(grown, 1000, FormError)
