"""The demo web's arguments and their bounds, shared by `python -m demo` and `yuqi serve-demo`."""

from __future__ import annotations

#: The largest demo web (articles on day 0).
MAX_SIZE = 1_000_000


def check_web_args(port: int, day: int, size: int) -> str | None:
    """The problem with these demo-web arguments, or None when they are fine."""
    if not 0 <= port <= 65535:
        return f"--port must be 0-65535, got {port}"
    if day < 0:
        return f"--day must be >= 0, got {day}"
    if not 1 <= size <= MAX_SIZE:
        return f"--size must be 1-{MAX_SIZE}, got {size}"
    return None
