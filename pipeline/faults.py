"""Named pause points, so a test can kill a command at an exact step (no timing guesses).

With `YUQI_PAUSE_AT=<step>` in the environment, the command prints `paused at <step>` on
stderr when it reaches that step and waits for standard input to close; the test kills
it there (kill -9) and checks what a crash at that moment leaves behind.
"""

from __future__ import annotations

import os
import sys

ENV = "YUQI_PAUSE_AT"


def pause_point(step: str) -> None:
    """Stop here when the environment names *step* (tests only; free otherwise)."""
    if os.environ.get(ENV) == step:
        print(f"paused at {step}", file=sys.stderr, flush=True)
        sys.stdin.read()
