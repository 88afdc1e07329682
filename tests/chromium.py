"""Headless Chromium for report tests, driven over the DevTools protocol on a pipe.

`--remote-debugging-pipe` makes Chromium read DevTools commands from fd 3 and write
replies and events to fd 4 (JSON, NUL-terminated), so no port, no websocket library and
no extra dependency is needed. `open_page` loads a file on a phone-sized viewport and
returns the rendered DOM, every network request the page made, console and CSP
messages, the page's scroll width and a PNG screenshot of the whole page.
"""

from __future__ import annotations

import base64
import contextlib
import fcntl
import json
import os
import select
import shutil
import subprocess
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tests.cli import require_mark

INSTALL_HINT = ("Chromium is not installed: `sudo apt-get install chromium` (Debian/Ubuntu; "
                ".ci/run does this before `make test`)")


def chromium_binary() -> str | None:
    """The Chromium executable ($YUQI_CHROMIUM, chromium or chromium-browser), or None."""
    for name in (os.environ.get("YUQI_CHROMIUM"), "chromium", "chromium-browser",
                 "/usr/bin/chromium"):
        if name and (found := shutil.which(name)):
            return found
    return None


@dataclass
class PageResult:
    """What a page did when opened: DOM, requests, messages, layout and a screenshot."""

    dom: str
    requests: list[str]
    messages: list[str]
    scroll_width: int
    viewport_width: int
    screenshot: bytes
    events: list[dict[str, Any]] = field(default_factory=list)
    probe: Any = None  # the value of open_page's `probe` expression, evaluated after load


class DevToolsPipe:
    """A Chromium process and its DevTools pipe; `call` sends a command and waits its reply."""

    def __init__(self, binary: str, timeout: float = 60.0) -> None:
        self.timeout = timeout
        self.profile = tempfile.mkdtemp(prefix="yuqi-chromium-")
        to_browser_r, self._to_browser = os.pipe()
        self._from_browser, from_browser_w = os.pipe()
        # Chromium reads commands on fd 3 and writes on fd 4: dup our pipe ends onto them.
        args = [binary, "--headless=new", "--remote-debugging-pipe", "--no-first-run",
                "--no-default-browser-check", "--disable-gpu", "--disable-extensions",
                "--disable-background-networking", "--disable-sync", "--mute-audio",
                "--disable-dev-shm-usage",  # containers often have a tiny /dev/shm
                f"--user-data-dir={self.profile}", "about:blank"]
        if os.geteuid() == 0:
            args.insert(1, "--no-sandbox")  # Chromium refuses to run as root with its sandbox

        def _fds() -> None:
            # Move both ends above 4 first, so neither dup2 clobbers the other.
            read_end = fcntl.fcntl(to_browser_r, fcntl.F_DUPFD, 5)
            write_end = fcntl.fcntl(from_browser_w, fcntl.F_DUPFD, 5)
            os.dup2(read_end, 3)
            os.dup2(write_end, 4)

        # fds 3 and 4 are kept open in the child (close_fds runs after preexec_fn).
        self.proc = subprocess.Popen(args, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                                     stderr=subprocess.DEVNULL, pass_fds=(3, 4),
                                     preexec_fn=_fds)
        os.close(to_browser_r)
        os.close(from_browser_w)
        self._buffer = b""
        self._next_id = 0
        self.events: list[dict[str, Any]] = []

    def _read_message(self, deadline: float) -> dict[str, Any]:
        while b"\0" not in self._buffer:
            left = deadline - time.monotonic()
            if left <= 0:
                raise TimeoutError("Chromium did not answer in time")
            ready, _, _ = select.select([self._from_browser], [], [], left)
            if ready:
                chunk = os.read(self._from_browser, 1 << 20)
                if not chunk:
                    raise RuntimeError("Chromium closed its DevTools pipe")
                self._buffer += chunk
        raw, self._buffer = self._buffer.split(b"\0", 1)
        message: dict[str, Any] = json.loads(raw)
        return message

    def call(self, method: str, params: dict[str, Any] | None = None,
             session: str | None = None) -> dict[str, Any]:
        """Send one command and return its result; events seen meanwhile are kept."""
        self._next_id += 1
        message: dict[str, Any] = {"id": self._next_id, "method": method,
                                   "params": params or {}}
        if session:
            message["sessionId"] = session
        os.write(self._to_browser, json.dumps(message).encode() + b"\0")
        deadline = time.monotonic() + self.timeout
        while True:
            reply = self._read_message(deadline)
            if reply.get("id") == self._next_id:
                if "error" in reply:
                    raise RuntimeError(f"{method}: {reply['error']}")
                result: dict[str, Any] = reply.get("result", {})
                return result
            self.events.append(reply)

    def wait_event(self, method: str, session: str | None = None) -> dict[str, Any]:
        """Wait for an event (already seen or coming), bounded by the timeout."""
        deadline = time.monotonic() + self.timeout
        for event in self.events:
            if event.get("method") == method and event.get("sessionId") == session:
                return event
        while True:
            event = self._read_message(deadline)
            self.events.append(event)
            if event.get("method") == method and event.get("sessionId") == session:
                return event

    def close(self) -> None:
        """Ask the browser to quit, then make sure the process is gone."""
        with contextlib.suppress(RuntimeError, TimeoutError, OSError):
            self.call("Browser.close")
        try:
            self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
        os.close(self._to_browser)
        os.close(self._from_browser)
        shutil.rmtree(self.profile, ignore_errors=True)


def open_page(path: Path, width: int = 390, height: int = 844, probe: str | None = None
              ) -> PageResult:
    """Open a local file in headless Chromium as a phone would and report what happened.

    Network events are recorded from before navigation starts, so any fetch the page
    triggers (stylesheet, font, image, script, prefetch) shows up in `requests`.
    """
    require_mark("browser", doing="opens headless Chromium")
    binary = chromium_binary()
    if binary is None:
        raise FileNotFoundError(INSTALL_HINT)
    browser = DevToolsPipe(binary)
    try:
        target = browser.call("Target.createTarget", {"url": "about:blank"})["targetId"]
        session = browser.call("Target.attachToTarget",
                               {"targetId": target, "flatten": True})["sessionId"]
        for domain in ("Page", "Network", "Runtime", "Log"):
            browser.call(f"{domain}.enable", session=session)
        browser.call("Emulation.setDeviceMetricsOverride",
                     {"width": width, "height": height, "deviceScaleFactor": 1,
                      "mobile": True}, session=session)
        browser.events.clear()
        browser.call("Page.navigate", {"url": path.resolve().as_uri()}, session=session)
        browser.wait_event("Page.loadEventFired", session)
        # Run a round trip through the renderer so events queued before load are read.
        dom = browser.call("Runtime.evaluate", {
            "expression": "document.documentElement.outerHTML", "returnByValue": True,
        }, session=session)["result"]["value"]
        sizes = browser.call("Runtime.evaluate", {
            "expression": "[document.documentElement.scrollWidth, window.innerWidth,"
                          " document.documentElement.scrollHeight]",
            "returnByValue": True}, session=session)["result"]["value"]
        probed = None if probe is None else browser.call("Runtime.evaluate", {
            "expression": probe, "returnByValue": True}, session=session)["result"].get("value")
        full_height = min(int(sizes[2]), 16000)
        browser.call("Emulation.setDeviceMetricsOverride",
                     {"width": width, "height": full_height, "deviceScaleFactor": 1,
                      "mobile": True}, session=session)
        shot = browser.call("Page.captureScreenshot", {"format": "png"}, session=session)
        events = [e for e in browser.events if e.get("sessionId") == session]
        requests = [e["params"]["request"]["url"] for e in events
                    if e.get("method") == "Network.requestWillBeSent"]
        messages = [json.dumps(e["params"], ensure_ascii=False) for e in events
                    if e.get("method") in ("Log.entryAdded", "Runtime.consoleAPICalled",
                                           "Runtime.exceptionThrown")]
        return PageResult(dom=dom, requests=requests, messages=messages,
                          scroll_width=int(sizes[0]), viewport_width=int(sizes[1]),
                          screenshot=base64.b64decode(shot["data"]), events=events,
                          probe=probed)
    finally:
        browser.close()
