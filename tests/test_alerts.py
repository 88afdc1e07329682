"""Issue 18: alerts after a scheduled run, delivered to a real local HTTP server (webhook)
and a real local SMTP server (aiosmtpd); a channel that fails never breaks the run."""

from __future__ import annotations

import re
import socket
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from pipeline.errors import UsageError
from pipeline.health import HealthAlert
from tests.webhook import recording_webhook
from yuqi.app.alerts import alert_payload, load_alert_config, parse_alert_config, send_alerts

ALERT = HealthAlert("run1", "farm-a", "no_articles", "error", 0, 40.0,
                    "farm-a: no article fetched (3 responses archived; usually 40 articles)")


@pytest.fixture()
def webhook() -> Iterator[tuple[str, list[dict[str, Any]]]]:
    """A real HTTP server on 127.0.0.1 that records every POST; (url, received)."""
    with recording_webhook() as hook:
        yield hook


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def test_a_webhook_gets_one_json_post_with_every_alert(
        webhook: tuple[str, list[dict[str, Any]]]) -> None:
    url, received = webhook
    config = parse_alert_config(f'[webhook]\nurl = "{url}"\n', "alerts.toml")
    said: list[str] = []
    failed = send_alerts(config, alert_payload("run1", "alerts", [ALERT], "1 alert"),
                         said.append)
    assert failed == [] and said == []
    assert len(received) == 1 and received[0]["type"] == "application/json"
    body = received[0]["json"]
    assert body["run_id"] == "run1" and body["status"] == "alerts"
    assert [(a["site"], a["check"], a["figure"], a["baseline"]) for a in body["alerts"]] == [
        ("farm-a", "no_articles", 0, 40.0)]


def test_a_mail_reaches_a_local_smtp_server() -> None:
    from aiosmtpd.controller import Controller
    from aiosmtpd.handlers import Sink

    class Keep(Sink):
        def __init__(self) -> None:
            self.messages: list[tuple[str, list[str], str]] = []

        async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
            self.messages.append((envelope.mail_from, list(envelope.rcpt_tos),
                                  envelope.content.decode("utf-8", "replace")))
            return "250 OK"

    handler = Keep()
    controller = Controller(handler, hostname="127.0.0.1", port=_free_port())
    controller.start()
    try:
        config = parse_alert_config(
            f'[mail]\nhost = "127.0.0.1"\nport = {controller.port}\nfrom = "yuqi@example.org"\n'
            'to = ["ops@example.org"]\n', "alerts.toml")
        assert send_alerts(config, alert_payload("run1", "alerts", [ALERT], "1 alert"),
                           lambda m: None) == []
    finally:
        controller.stop()
    assert len(handler.messages) == 1
    sender, to, content = handler.messages[0]
    assert sender == "yuqi@example.org" and to == ["ops@example.org"]
    assert "farm-a: no article fetched" in content and "run1" in content


def test_an_unreachable_channel_is_said_not_raised() -> None:
    config = parse_alert_config(
        f'[webhook]\nurl = "http://127.0.0.1:{_free_port()}/x"\ntimeout = 2\n'
        f'[mail]\nhost = "127.0.0.1"\nport = {_free_port()}\nfrom = "a@b.c"\nto = "d@e.f"\n'
        "timeout = 2\n", "alerts.toml")
    said: list[str] = []
    assert send_alerts(config, alert_payload(None, "failed", [], "x"), said.append) == [
        "webhook", "mail"]
    assert len(said) == 2 and all(re.match(r"alert by (webhook|mail) not delivered", s)
                                  for s in said)


@pytest.mark.parametrize(("toml", "fragment"), [
    ('[webhook]\nurl = "ftp://x"\n', "webhook.url"),
    ("[webhook]\ntimeout = 3\n", "webhook.url: required"),
    ('[webhook]\nurl = "http://x"\nretries = 3\n', "webhook.retries: unknown key"),
    ('[mail]\nhost = "h"\nfrom = "a@b"\nto = ["nobody"]\n', "mail.to"),
    ('[mail]\nhost = "h"\nfrom = "a@b"\nto = "c@d"\nport = 0\n', "mail.port"),
    ("[pager]\n", "pager: unknown table"),
    ("[webhook\n", "invalid TOML"),
])
def test_a_bad_alerts_file_names_the_file_and_key(toml: str, fragment: str) -> None:
    with pytest.raises(UsageError, match=re.escape(fragment)) as err:
        parse_alert_config(toml, "data/alerts.toml")
    assert str(err.value).startswith("data/alerts.toml")


def test_alerts_are_off_without_a_file(tmp_path: Path) -> None:
    assert load_alert_config(tmp_path) is None
    with pytest.raises(UsageError, match="no such alerts file"):
        load_alert_config(tmp_path, tmp_path / "missing.toml")
