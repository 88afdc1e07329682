"""Serve the demo web over real HTTP on 127.0.0.1 (threaded, quiet, GET and HEAD).

Slow pages (``DemoResponse.delay``) sleep in their own handler thread only.
Tests and ``python -m demo`` use it: ``with DemoServer() as srv:`` binds a free
port, serves from a daemon thread and shuts down on exit.
"""

from __future__ import annotations

import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from types import TracebackType
from typing import Any

from demo.web import DemoResponse, DemoWeb

_BIND = "127.0.0.1"


class _Handler(BaseHTTPRequestHandler):
    """Request handler delegating to the server's DemoWeb; no per-request logging."""

    server_version = "yuqi-demo/0.1"
    protocol_version = "HTTP/1.1"
    web: DemoWeb  # set on a per-server subclass

    def _send(self, resp: DemoResponse, with_body: bool) -> None:
        if resp.delay:
            time.sleep(resp.delay)  # the demo's slow pages
        self.send_response(resp.status)
        for name, value in resp.headers:
            self.send_header(name, value)
        self.end_headers()
        if with_body and resp.body:
            self.wfile.write(resp.body)

    def _serve(self, with_body: bool) -> None:
        headers = {k: v for k, v in self.headers.items()}
        try:
            resp = self.web.respond(self.path, headers)
        except Exception:  # a bug in the demo must not kill the crawl under test
            body = b"internal error\n"
            resp = DemoResponse(500, [("Content-Type", "text/plain; charset=utf-8"),
                                      ("Content-Length", str(len(body)))], body)
        self._send(resp, with_body)

    def do_GET(self) -> None:
        """Answer GET."""
        self._serve(with_body=True)

    def do_HEAD(self) -> None:
        """Answer HEAD: GET's status and headers, no body."""
        self._serve(with_body=False)

    def log_message(self, format: str, *args: Any) -> None:
        """Stay quiet: no stderr line per request."""


class _QuietServer(ThreadingHTTPServer):
    """ThreadingHTTPServer that drops client disconnects silently instead of printing them."""

    daemon_threads = True
    # socketserver's default listen backlog is 5: a crawl with dozens of connections in
    # flight overflowed it, dropped SYNs and waited out download timeouts.
    request_queue_size = 256

    def handle_error(self, request: Any, client_address: Any) -> None:
        """Ignore connection resets (crawlers hang up); report anything else as usual."""
        if isinstance(sys.exc_info()[1], ConnectionError):
            return
        super().handle_error(request, client_address)


class DemoServer:
    """The demo web on ``http://127.0.0.1:<port>`` (port 0 picks a free one).

    ``start()`` serves from a daemon thread and returns the base URL;
    ``serve_forever()`` blocks (CLI use). Also a context manager.
    """

    def __init__(self, port: int = 0, seed: int = 7, day: int = 0, size: int = 400) -> None:
        self.web = DemoWeb(seed=seed, day=day, size=size)
        handler = type("DemoHandler", (_Handler,), {"web": self.web})
        self._httpd = _QuietServer((_BIND, port), handler)
        self._thread: threading.Thread | None = None

    @property
    def port(self) -> int:
        """The bound TCP port."""
        return int(self._httpd.server_address[1])

    @property
    def base_url(self) -> str:
        """``http://127.0.0.1:<port>``, no trailing slash."""
        return f"http://{_BIND}:{self.port}"

    def start(self) -> str:
        """Serve in a daemon thread (idempotent) and return the base URL."""
        if self._thread is None:
            self._thread = threading.Thread(
                target=self._httpd.serve_forever, name="demo-web", daemon=True
            )
            self._thread.start()
        return self.base_url

    def serve_forever(self) -> None:
        """Serve in the calling thread until ``stop()`` or KeyboardInterrupt."""
        try:
            self._httpd.serve_forever()
        finally:
            self._httpd.server_close()

    def stop(self) -> None:
        """Stop serving, close the socket and join the thread."""
        if self._thread is not None:
            self._httpd.shutdown()
            self._thread.join()
            self._thread = None
        self._httpd.server_close()

    def __enter__(self) -> DemoServer:
        self.start()
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.stop()
