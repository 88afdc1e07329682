"""`make bench`: run every benchmark module in this package (each has a `run()`).

Every figure is a ratio against a baseline measured in the same process, on
the same input; absolute times on shared machines are noise.
`python -m bench NAME ...` runs only the named modules.
"""

from __future__ import annotations

import importlib
import pkgutil
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
    for name in wanted:
        print(f"== {name}")
        importlib.import_module(f"bench.{name}").run()


if __name__ == "__main__":
    main()
