"""A tiny hostile web server for crawl tests (127.0.0.1, port 0, in a thread).

Routes: `/` links to an article, into an endless `/loop/` trap and to any extra links; `/a/1.html`
is an article; `/loop/...` links one level deeper forever. Every request path
is recorded so tests can assert what the crawler fetched.

Tests add hostile routes with `routes={path: Route(...)}` or a callable taking the
request path and returning a Route; a route may stream its body in chunks
(`chunks`), so a test can serve an endless or huge body without holding it in memory.

For politeness tests the server also records when each request arrived
(`.timed`, monotonic seconds) and how many requests were being handled at once
(`.inflight` now, `.max_inflight` at most). A request stops counting as in flight
just before its status line is sent, so the count never includes a request the
crawler could already see as finished. A callable route may block (on a
threading.Event or Condition) to hold requests in flight.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

ARTICLE = ("<html><head><meta charset='utf-8'><title>花呗逾期会打通讯录吗</title></head><body>"
           "<article><h1>花呗逾期会打通讯录吗</h1>"
           + "<p>花呗逾期之后，正规平台一般不会联系家人，但逾期超过三个月可能会被起诉。</p>" * 6
           + "</article></body></html>")


@dataclass
class Route:
    """One canned response: status, headers, and a body (bytes or an iterable of chunks)."""

    status: int = 200
    headers: list[tuple[str, str]] = field(default_factory=list)
    body: bytes = b""
    chunks: Callable[[], Iterable[bytes]] | None = None


RouteTable = dict[str, Route | Callable[[str], Route]]


class HostileServer:
    """Serves the trap site; `.requests` lists every path asked for."""

    def __init__(self, extra_links: tuple[str, ...] = (), routes: RouteTable | None = None
                 ) -> None:
        self.requests: list[str] = []
        self.timed: list[tuple[float, str]] = []
        self.inflight = 0
        self.max_inflight = 0
        self.lock = threading.Condition()
        # Set when the server shuts down: a hanging route waits on it instead of sleeping.
        self.closing = threading.Event()
        self.routes: RouteTable = dict(routes or {})
        extra = "".join(f"<a href='{u}'>x</a>" for u in extra_links).encode()
        outer = self

        class Handler(BaseHTTPRequestHandler):
            _counted = False

            def send_response(self, code: int, message: str | None = None) -> None:
                outer._leave(self)
                super().send_response(code, message)

            def _route(self, route: Route) -> None:
                self.send_response(route.status)
                names = {k.lower() for k, _ in route.headers}
                for key, value in route.headers:
                    self.send_header(key, value)
                if "content-type" not in names:
                    self.send_header("Content-Type", "text/html; charset=utf-8")
                if route.chunks is None and "content-length" not in names:
                    self.send_header("Content-Length", str(len(route.body)))
                self.end_headers()
                try:
                    if route.chunks is None:
                        self.wfile.write(route.body)
                    else:
                        for chunk in route.chunks():
                            self.wfile.write(chunk)
                except (BrokenPipeError, ConnectionResetError):
                    return  # the crawler hung up, as a size cap should make it

            def do_GET(self) -> None:
                outer._enter(self)
                try:
                    self._get()
                finally:
                    outer._leave(self)

            def _get(self) -> None:
                outer.requests.append(self.path)
                path = self.path.split("?", 1)[0]
                if path in outer.routes:
                    route = outer.routes[path]
                    self._route(route if isinstance(route, Route) else route(self.path))
                    return
                if self.path == "/robots.txt":
                    body, status = b"User-agent: *\nAllow: /\n", 200
                elif self.path == "/":
                    body = (b"<html><body><a href='/a/1.html'>a</a><a href='/loop/'>l</a>"
                            + extra + b"</body>")
                    status = 200
                elif self.path == "/a/1.html":
                    body, status = ARTICLE.encode("utf-8"), 200
                elif self.path.startswith("/loop/"):
                    body = f"<html><body><a href='{self.path}loop/'>deeper</a></body>".encode()
                    status = 200
                else:
                    body, status = b"not found", 404
                self.send_response(status)
                self.send_header("Content-Type", "text/html; charset=utf-8")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, format: str, *args: object) -> None:
                return

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def _enter(self, handler: BaseHTTPRequestHandler) -> None:
        with self.lock:
            self.timed.append((time.monotonic(), handler.path))
            self.inflight += 1
            self.max_inflight = max(self.max_inflight, self.inflight)
            handler._counted = True  # type: ignore[attr-defined]
            self.lock.notify_all()

    def _leave(self, handler: BaseHTTPRequestHandler) -> None:
        with self.lock:
            if getattr(handler, "_counted", False):
                handler._counted = False  # type: ignore[attr-defined]
                self.inflight -= 1
                self.lock.notify_all()

    @property
    def base_url(self) -> str:
        """http://127.0.0.1:<port>"""
        return f"http://127.0.0.1:{self.server.server_address[1]}"

    def __enter__(self) -> HostileServer:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.closing.set()
        self.server.shutdown()
        self.server.server_close()
