"""Running the real `yuqi` command in a subprocess, as users and hidden checks do."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def yuqi_command() -> list[str]:
    """The installed console script when present, else `python -m yuqi`."""
    script = Path(sys.executable).parent / "yuqi"
    return [str(script)] if script.exists() else [sys.executable, "-m", "yuqi"]


def run_yuqi(*args: str, input_text: str | None = None, input_bytes: bytes | None = None,
             timeout: float = 600) -> subprocess.CompletedProcess[str]:
    """Run `yuqi ARGS`, returning its exit status and text output."""
    if input_bytes is not None:
        proc = subprocess.run([*yuqi_command(), *args], input=input_bytes, capture_output=True,
                              cwd=ROOT, timeout=timeout, check=False)
        return subprocess.CompletedProcess(proc.args, proc.returncode,
                                           proc.stdout.decode("utf-8", "replace"),
                                           proc.stderr.decode("utf-8", "replace"))
    return subprocess.run([*yuqi_command(), *args], input=input_text, capture_output=True,
                          text=True, cwd=ROOT, timeout=timeout, check=False)
