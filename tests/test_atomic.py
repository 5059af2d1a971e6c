"""Atomic writes: whole files with ordinary permissions, nothing left behind on failure."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from formlint.atomic import text_stream_atomic, write_text_atomic


def test_writes_whole_file_with_umask_permissions(tmp_path: Path) -> None:
    old = os.umask(0o022)
    try:
        write_text_atomic(tmp_path / "sub" / "out.txt", "数据\n")
    finally:
        os.umask(old)
    target = tmp_path / "sub" / "out.txt"
    assert target.read_text("utf-8") == "数据\n"
    assert stat.S_IMODE(target.stat().st_mode) == 0o644
    assert [p.name for p in target.parent.iterdir()] == ["out.txt"]


def test_a_failed_write_leaves_the_old_file_and_no_temporary(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "baseline.json"
    target.write_text("old", "utf-8")

    def refuse(src: str, dst: str) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", refuse)
    with pytest.raises(OSError):
        write_text_atomic(target, "new")
    assert target.read_text("utf-8") == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["baseline.json"]


def test_a_symlink_is_written_through_to_its_target(tmp_path: Path) -> None:
    target, link = tmp_path / "real.txt", tmp_path / "link.txt"
    target.write_text("old", "utf-8")
    link.symlink_to(target.name)
    write_text_atomic(link, "new")
    assert link.is_symlink() and target.read_text("utf-8") == "new"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["link.txt", "real.txt"]


def test_a_replaced_file_keeps_its_mode(tmp_path: Path) -> None:
    target = tmp_path / "secret.json"
    target.write_text("old", "utf-8")
    target.chmod(0o600)
    write_text_atomic(target, "new")
    assert stat.S_IMODE(target.stat().st_mode) == 0o600 and target.read_text("utf-8") == "new"


@pytest.mark.skipif(os.geteuid() != 0, reason="giving a file to another owner needs root")
def test_a_replaced_file_keeps_its_owner(tmp_path: Path) -> None:
    target = tmp_path / "owned.txt"
    target.write_text("old", "utf-8")
    os.chown(target, 4321, 4321)
    write_text_atomic(target, "new")
    assert (target.stat().st_uid, target.stat().st_gid) == (4321, 4321)


def test_a_fifo_is_written_directly_not_replaced(tmp_path: Path) -> None:
    import threading

    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_bytes()))
    reader.start()
    write_text_atomic(fifo, "through the pipe\n")
    reader.join(timeout=10)
    assert received == [b"through the pipe\n"] and stat.S_ISFIFO(os.lstat(fifo).st_mode)


def full_device(folder: Path) -> Path:
    """A private node of the /dev/full device (1, 7): a regression must not be able
    to replace the system's /dev/full with a regular file."""
    node = folder / "full"
    os.mknod(node, 0o666 | stat.S_IFCHR, os.makedev(1, 7))
    return node


@pytest.mark.skipif(os.geteuid() != 0 or not hasattr(os, "mknod"), reason="making a device node needs root")
def test_a_full_device_is_an_os_error_and_stays_a_device(tmp_path: Path) -> None:
    node = full_device(tmp_path)
    with pytest.raises(OSError) as caught:
        write_text_atomic(node, "x" * 100_000)
    assert caught.value.errno == 28 and stat.S_ISCHR(os.stat(node).st_mode)
    assert [p.name for p in tmp_path.iterdir()] == ["full"]


def test_a_directory_in_the_way_is_an_error_and_stays(tmp_path: Path) -> None:
    (tmp_path / "out").mkdir()
    with pytest.raises(IsADirectoryError):
        write_text_atomic(tmp_path / "out", "x")
    assert (tmp_path / "out").is_dir() and [p.name for p in tmp_path.iterdir()] == ["out"]


def test_exclusive_creation_refuses_an_existing_file(tmp_path: Path) -> None:
    target = tmp_path / "b.json"
    target.write_text("first", "utf-8")
    with pytest.raises(FileExistsError):
        write_text_atomic(target, "second", exclusive=True)
    assert target.read_text("utf-8") == "first" and [p.name for p in tmp_path.iterdir()] == ["b.json"]


def test_of_concurrent_exclusive_creations_exactly_one_wins(tmp_path: Path) -> None:
    import threading

    target, outcomes = tmp_path / "b.json", []
    barrier = threading.Barrier(8)

    def create(n: int) -> None:
        barrier.wait()
        try:
            write_text_atomic(target, f"writer {n}\n", exclusive=True)
            outcomes.append(("won", n))
        except FileExistsError:
            outcomes.append(("refused", n))

    threads = [threading.Thread(target=create, args=(n,)) for n in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    winners = [n for outcome, n in outcomes if outcome == "won"]
    assert len(winners) == 1 and target.read_text("utf-8") == f"writer {winners[0]}\n"
    assert [p.name for p in tmp_path.iterdir()] == ["b.json"]


def test_an_interrupted_write_leaves_the_old_file_and_no_temporary(tmp_path: Path,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "baseline.json"
    target.write_text("old", "utf-8")

    def interrupted(handle: int) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "fsync", interrupted)
    with pytest.raises(KeyboardInterrupt):
        write_text_atomic(target, "new")
    assert target.read_text("utf-8") == "old" and [p.name for p in tmp_path.iterdir()] == ["baseline.json"]


def test_a_streamed_write_replaces_the_file_whole(tmp_path: Path) -> None:
    target = tmp_path / "report.json"
    target.write_text("old", "utf-8")
    with text_stream_atomic(target) as out:
        out.write("第一")
        assert target.read_text("utf-8") == "old"  # nothing shows until the stream is finished
        out.write("二\n")
    assert target.read_text("utf-8") == "第一二\n"
    assert [p.name for p in tmp_path.iterdir()] == ["report.json"]


def test_a_streamed_write_that_fails_leaves_the_old_file_and_no_temporary(tmp_path: Path) -> None:
    target = tmp_path / "report.json"
    target.write_text("old", "utf-8")
    with pytest.raises(RuntimeError):
        with text_stream_atomic(target) as out:
            out.write("half a report")
            raise RuntimeError("rendering failed")
    assert target.read_text("utf-8") == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["report.json"]
