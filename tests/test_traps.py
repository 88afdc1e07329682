"""URL trap limits (RELIABILITY.md item 11)."""

from __future__ import annotations

import pytest

from spiders.traps import TrapLimits, trap_reason

BASE = "http://127.0.0.1:8080"


@pytest.mark.parametrize(
    ("url", "reason"),
    [
        (f"{BASE}/farm-a/a/12.html", None),
        (f"{BASE}/farm-a/list/2.html?page=2", None),
        (f"{BASE}/cal/2026/01/02/", None),
        (f"{BASE}/" + "x" * 1100, "url_length"),
        (f"{BASE}/" + "/".join(f"s{i}" for i in range(21)), "segments"),
        (f"{BASE}/a/a/a/page.html", "segment_repeats"),
        (f"{BASE}/a/b/a/b/a/", "segment_repeats"),
        (f"{BASE}/search?" + "&".join(f"k{i}=v" for i in range(17)), "query_params"),
    ],
)
def test_trap_reason(url: str, reason: str | None) -> None:
    assert trap_reason(url) == reason


def test_limits_are_configurable() -> None:
    assert trap_reason(f"{BASE}/a/b/c", TrapLimits(max_segments=2)) == "segments"
    assert trap_reason(f"{BASE}/a/a", TrapLimits(max_segment_repeats=1)) == "segment_repeats"
