"""The bundled demo web run as a child process (for `yuqi demo`, tests and benches)."""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from collections.abc import Sequence


class DemoWebProcess:
    """The bundled demo web, served by a child process on a free loopback port."""

    def __init__(self, port: int = 0, extra_args: Sequence[str] = ()) -> None:
        env = {**os.environ, "PYTHONUNBUFFERED": "1"}
        # stderr goes to a file, not a pipe nobody drains: a chatty child must never block.
        self._stderr = tempfile.TemporaryFile(mode="w+t")  # noqa: SIM115 (closed in stop)
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "demo", "--port", str(port), *extra_args],
            stdout=subprocess.PIPE, stderr=self._stderr, text=True, env=env,
        )
        assert self.proc.stdout is not None
        line = self.proc.stdout.readline().strip()
        if not line.startswith("http://"):
            self.proc.kill()
            self.proc.wait()
            self._stderr.seek(0)
            err = self._stderr.read()
            self._stderr.close()
            raise RuntimeError(f"demo web did not start: {line or err.strip()[-300:]}")
        self.base_url = line

    def stop(self) -> None:
        """Stop the child process."""
        self.proc.terminate()
        try:
            self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
        if self.proc.stdout is not None:
            self.proc.stdout.close()
        self._stderr.close()

    def __enter__(self) -> DemoWebProcess:
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()
