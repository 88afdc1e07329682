"""``python -m demo [--port N] [--seed N] [--day N] [--size N]``: serve the demo web until Ctrl-C.

Prints the base URL (``http://127.0.0.1:<port>``) on the first line of output.
Bad arguments exit with status 2 and one line on stderr.
"""

from __future__ import annotations

import argparse
import contextlib
import sys
from collections.abc import Sequence

from demo.args import check_web_args
from demo.server import DemoServer


class _Parser(argparse.ArgumentParser):
    """argparse with a single-line error (no usage dump) and exit status 2."""

    def error(self, message: str) -> None:  # type: ignore[override]
        """Print one line on stderr and exit 2."""
        print(f"{self.prog}: error: {message}", file=sys.stderr)
        sys.exit(2)


def main(argv: Sequence[str] | None = None) -> int:
    """Parse arguments, print the base URL on the first line, then serve (blocking)."""
    parser = _Parser(prog="python -m demo", description=__doc__)
    parser.add_argument("--port", type=int, default=8080, help="TCP port (0 = any free port)")
    parser.add_argument("--seed", type=int, default=7, help="content seed")
    parser.add_argument("--day", type=int, default=0, help="simulated day (0 = first)")
    parser.add_argument("--size", type=int, default=400, help="articles on day 0")
    args = parser.parse_args(argv)
    problem = check_web_args(args.port, args.day, args.size)
    if problem:
        parser.error(problem)
    try:
        server = DemoServer(port=args.port, seed=args.seed, day=args.day, size=args.size)
    except OSError as exc:
        print(f"python -m demo: error: cannot listen on 127.0.0.1:{args.port}: {exc.strerror}",
              file=sys.stderr)
        return 2
    print(server.base_url, flush=True)
    with contextlib.suppress(KeyboardInterrupt):
        server.serve_forever()
    return 0


if __name__ == "__main__":
    sys.exit(main())
