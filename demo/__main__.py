"""``python -m demo [--port N] [--seed N] [--day N]``: serve the demo web until Ctrl-C."""

from __future__ import annotations

import argparse
import contextlib
import sys
from collections.abc import Sequence

from demo.server import DemoServer


def main(argv: Sequence[str] | None = None) -> int:
    """Parse arguments, print the base URL on the first line, then serve (blocking)."""
    parser = argparse.ArgumentParser(prog="python -m demo", description=__doc__)
    parser.add_argument("--port", type=int, default=8080, help="TCP port (0 = any free port)")
    parser.add_argument("--seed", type=int, default=7, help="content seed")
    parser.add_argument("--day", type=int, default=0, help="simulated day")
    args = parser.parse_args(argv)
    server = DemoServer(port=args.port, seed=args.seed, day=args.day)
    print(server.base_url, flush=True)
    with contextlib.suppress(KeyboardInterrupt):
        server.serve_forever()
    return 0


if __name__ == "__main__":
    sys.exit(main())
