"""The crawl's memory figure is its own: ru_maxrss would report a large parent's peak."""

from __future__ import annotations

import subprocess
import sys

MiB = 1 << 20
CHILD = (
    "import resource\n"
    "from spiders.memstat import peak_rss_bytes\n"
    "print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024, peak_rss_bytes())\n"
)


def test_a_child_of_a_large_process_reports_its_own_peak() -> None:
    ballast = bytearray(400 * MiB)
    ballast[:: 4096] = b"\1" * len(ballast[:: 4096])  # touch every page: resident
    done = subprocess.run([sys.executable, "-c", CHILD], capture_output=True, text=True,
                          check=True)
    inherited, own = (int(v) for v in done.stdout.split())
    assert len(ballast) == 400 * MiB
    assert inherited > 350 * MiB  # what Scrapy's MemoryUsage would have read
    assert own < 200 * MiB
