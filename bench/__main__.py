"""`make bench`: run every benchmark module in this package (each has a `run()`).

Every figure is a ratio against a baseline measured in the same process, on
the same input; absolute times on shared machines are noise. With several
modules, each runs in its own Python process: one module's memory (the dedup
bench peaks at several GB) must not count against the next (Scrapy's memory
cap reads the peak RSS a child process inherits). `python -m bench NAME ...`
runs only the named modules.
"""

from __future__ import annotations

import importlib
import pkgutil
import subprocess
import sys
from pathlib import Path


def main() -> None:
    """Run the selected (default: all) benchmark modules in name order."""
    names = sorted(m.name for m in pkgutil.iter_modules([str(Path(__file__).parent)])
                   if not m.name.startswith("_"))
    wanted = sys.argv[1:] or names
    unknown = sorted(set(wanted) - set(names))
    if unknown:
        sys.exit(f"bench: no benchmark named {unknown[0]!r}; have {', '.join(names)}")
    if len(wanted) == 1:
        print(f"== {wanted[0]}", flush=True)
        importlib.import_module(f"bench.{wanted[0]}").run()
        return
    failed = [name for name in wanted
              if subprocess.run([sys.executable, "-m", "bench", name], check=False).returncode]
    if failed:
        sys.exit(f"bench: failed: {', '.join(failed)}")


if __name__ == "__main__":
    main()
