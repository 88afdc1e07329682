"""Running the `yuqi` command: in this process (fast) or as a real subprocess.

`invoke_yuqi` runs the console script's own `main()` inside typer's `CliRunner`
isolation (stdin, stdout, stderr and argv swapped), so options, messages and
exit codes are exactly those of the installed `yuqi`, without a new Python.
`run_yuqi` spawns the installed script, for what only a process shows (the
console script itself, signals, a crawl's Twisted reactor); a test that calls
it must carry the `crawl` or the `slow` mark (`crawl` when the command really
crawls), else it fails saying so (see tests/conftest.py).
"""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

ROOT = Path(__file__).resolve().parents[1]

#: Subcommands that start a Scrapy crawl (unless they stop on their arguments first).
CRAWLING_COMMANDS = frozenset({"crawl", "demo", "run"})

#: The test being run (set by tests/conftest.py around each test), for `require_mark`.
CURRENT: list[pytest.Item] = []


def require_mark(*marks: str, doing: str) -> None:
    """Fail the running test unless it carries one of *marks* (it is *doing* something slow)."""
    if not CURRENT:
        return
    item = CURRENT[-1]
    if not any(item.get_closest_marker(m) for m in marks):
        pytest.fail(f"{item.nodeid} {doing}: mark it @pytest.mark.{marks[0]} "
                    "(or use tests.cli.invoke_yuqi, which runs in-process)", pytrace=False)


def yuqi_command() -> list[str]:
    """The installed console script when present, else `python -m yuqi`."""
    script = Path(sys.executable).parent / "yuqi"
    return [str(script)] if script.exists() else [sys.executable, "-m", "yuqi"]


def _marks_for(args: tuple[str, ...]) -> tuple[str, ...]:
    return ("crawl", "slow") if args and args[0] in CRAWLING_COMMANDS else ("slow", "crawl")


def run_yuqi(*args: str, input_text: str | None = None, input_bytes: bytes | None = None,
             timeout: float = 600, env: dict[str, str] | None = None
             ) -> subprocess.CompletedProcess[str]:
    """Run `yuqi ARGS` as a subprocess, returning its exit status and text output.

    The command is forked by `sh`, not spawned from this process: Linux keeps a
    process's peak RSS across execve, so a child spawned straight from pytest
    would report pytest's peak as its own `ru_maxrss` (a crawl's `memusage/max`
    and Scrapy's memory cap would measure the test process). On timeout the
    whole process group is killed. *env* adds variables to this process's environment.
    """
    require_mark(*_marks_for(args), doing=f"spawns `yuqi {' '.join(args[:1])}`")
    argv = ["sh", "-c", '"$@"; exit $?', "sh", *yuqi_command(), *args]
    data = input_bytes if input_bytes is not None else (
        None if input_text is None else input_text.encode("utf-8"))
    with subprocess.Popen(argv, stdin=subprocess.PIPE if data is not None else None,
                          stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=ROOT,
                          start_new_session=True,
                          env=None if env is None else {**os.environ, **env}) as proc:
        try:
            stdout, stderr = proc.communicate(data, timeout=timeout)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.communicate()
            raise
    return subprocess.CompletedProcess(argv, proc.returncode,
                                       stdout.decode("utf-8", "replace"),
                                       stderr.decode("utf-8", "replace"))


@contextlib.contextmanager
def _argv(argv: list[str]) -> Iterator[None]:
    saved = sys.argv
    sys.argv = argv
    try:
        yield
    finally:
        sys.argv = saved


def invoke_yuqi(*args: str, input_text: str | None = None, input_bytes: bytes | None = None
                ) -> subprocess.CompletedProcess[str]:
    """Run `yuqi ARGS` in this process through `yuqi.cli.main`, as the console script does.

    Same result shape as `run_yuqi` (returncode, stdout, stderr), from the
    repository root. Never for a command that gets as far as crawling (Twisted's
    reactor runs once per process): a crawl goes through `run_yuqi`; a `crawl`
    that stops on its arguments or site configs is fine here.
    """
    from yuqi.cli import main

    stdin = input_bytes if input_bytes is not None else input_text
    code: int = 0
    with (contextlib.chdir(ROOT), _argv(["yuqi", *args]),
          CliRunner().isolation(input=stdin) as (out, err, _)):
        try:
            main()
        except SystemExit as stop:
            code = stop.code if isinstance(stop.code, int) else int(stop.code is not None)
        finally:
            sys.stdout.flush()
            sys.stderr.flush()
        stdout = out.getvalue().decode("utf-8", "replace")
        stderr = err.getvalue().decode("utf-8", "replace")
    return subprocess.CompletedProcess(["yuqi", *args], code, stdout, stderr)
