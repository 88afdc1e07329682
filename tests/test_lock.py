"""One writer per data dir: a second writer exits 75 at once naming the holder; kill -9 frees it."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from tests.cli import run_yuqi, yuqi_command
from yuqi.app.lock import EXIT_BUSY, DataDirBusy, hold_data_dir, lock_holder

_HOLDER = (
    "import sys\n"
    "from pathlib import Path\n"
    "from yuqi.app.lock import hold_data_dir\n"
    "with hold_data_dir(Path(sys.argv[1]), 'crawl'):\n"
    "    print('holding', flush=True)\n"
    "    sys.stdin.read()\n"
)


@contextmanager
def holder(data_dir: Path) -> Iterator[subprocess.Popen[str]]:
    """Another process holding *data_dir* as `yuqi crawl` until the block ends."""
    proc = subprocess.Popen([sys.executable, "-c", _HOLDER, str(data_dir)],
                            stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert proc.stdout is not None and proc.stdout.readline().strip() == "holding"
        yield proc
    finally:
        if proc.poll() is None:
            assert proc.stdin is not None
            proc.stdin.close()
        proc.wait(timeout=30)


@pytest.mark.parametrize("command", [["load"], ["process", "--retag"], ["report"],
                                     ["crawl", "--sites-dir", "nowhere"], ["run"]])
def test_a_second_writer_exits_75_naming_the_holder(tmp_path: Path, command: list[str]) -> None:
    with holder(tmp_path) as proc:
        done = run_yuqi(*command, "--data-dir", str(tmp_path))
    assert done.returncode == EXIT_BUSY, done.stderr
    line = done.stderr.strip()
    assert len(line.splitlines()) == 1
    assert f"held by yuqi crawl (pid {proc.pid}, since " in line
    assert sorted(p.name for p in tmp_path.iterdir()) == ["yuqi.lock"]  # touched nothing


def test_readers_never_wait_for_the_lock(tmp_path: Path) -> None:
    with holder(tmp_path):
        done = run_yuqi("sql", "SELECT 1", "--data-dir", str(tmp_path))
        elsewhere = run_yuqi("report", "--data-dir", str(tmp_path), "--out",
                             str(tmp_path / "out"))
    assert "held by" not in done.stderr and done.returncode == 1  # no warehouse yet
    assert "held by" not in elsewhere.stderr


def test_kill_9_of_the_holder_frees_the_data_dir(tmp_path: Path) -> None:
    with holder(tmp_path) as proc:
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait(timeout=30)
        done = run_yuqi("load", "--data-dir", str(tmp_path))
    assert done.returncode == 0, done.stderr
    assert "nothing to load" in done.stdout


def test_wait_takes_the_lock_once_the_holder_is_done(tmp_path: Path) -> None:
    with holder(tmp_path) as proc:
        waiting = subprocess.Popen([*yuqi_command(), "load", "--data-dir", str(tmp_path),
                                    "--wait", "120"], stdout=subprocess.PIPE,
                                   stderr=subprocess.PIPE, text=True)
        assert proc.stdin is not None
        proc.stdin.close()
        out, err = waiting.communicate(timeout=150)
    assert waiting.returncode == 0, err
    assert "nothing to load" in out


def test_nested_holds_in_one_process_are_free_and_released(tmp_path: Path) -> None:
    with hold_data_dir(tmp_path, "run"), hold_data_dir(tmp_path, "load"):
        assert "yuqi run (pid" in lock_holder(tmp_path)
    with hold_data_dir(tmp_path, "load"):
        pass
    with holder(tmp_path), pytest.raises(DataDirBusy), hold_data_dir(tmp_path, "load"):
        pass
