"""Alerts after a scheduled run: a webhook POST and/or a mail, configured in one TOML file.

Off unless `<data-dir>/alerts.toml` exists (or `yuqi run --alerts FILE`). Sent when a run
failed or finished with site health alerts. Delivery problems are reported on stderr and
never change the run's outcome: the data is loaded either way, and the status.json of the
run says the same as the alert.
"""

from __future__ import annotations

import json
import os
import smtplib
import tomllib
import urllib.request
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass
from email.message import EmailMessage
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from pipeline.errors import UsageError
from pipeline.health import HealthAlert

ALERTS_FILE = "alerts.toml"


@dataclass(frozen=True, slots=True)
class Webhook:
    """POST the alert as JSON to this URL."""

    url: str
    timeout: float = 10.0


@dataclass(frozen=True, slots=True)
class Mail:
    """Send the alert as a plain-text mail over SMTP."""

    host: str
    port: int
    sender: str
    to: tuple[str, ...]
    starttls: bool = False
    username: str | None = None
    password_env: str | None = None  # the password is read from this environment variable
    timeout: float = 10.0


@dataclass(frozen=True, slots=True)
class AlertConfig:
    """Where alerts go (either may be None)."""

    webhook: Webhook | None
    mail: Mail | None


def _table(data: dict[str, Any], key: str, where: str, allowed: set[str],
           required: set[str]) -> dict[str, Any] | None:
    value = data.get(key)
    if value is None:
        return None
    if not isinstance(value, dict):
        raise UsageError(f"{where}: [{key}] must be a table")
    unknown = sorted(set(value) - allowed)
    if unknown:
        raise UsageError(f"{where}: {key}.{unknown[0]}: unknown key")
    missing = sorted(required - set(value))
    if missing:
        raise UsageError(f"{where}: {key}.{missing[0]}: required")
    return value


def _number(value: Any, where: str) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float) or value <= 0:
        raise UsageError(f"{where}: must be a positive number")
    return float(value)


def parse_alert_config(text: str, where: str) -> AlertConfig:
    """Parse and validate an alerts.toml; errors name the file and the key."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise UsageError(f"{where}: invalid TOML: {exc}") from None
    unknown = sorted(set(data) - {"webhook", "mail"})
    if unknown:
        raise UsageError(f"{where}: {unknown[0]}: unknown table (expected webhook, mail)")
    webhook = None
    raw = _table(data, "webhook", where, {"url", "timeout"}, {"url"})
    if raw is not None:
        url = raw["url"]
        if not isinstance(url, str) or urlsplit(url).scheme not in ("http", "https"):
            raise UsageError(f"{where}: webhook.url: must be an http(s) URL")
        webhook = Webhook(url, _number(raw.get("timeout", 10), f"{where}: webhook.timeout"))
    mail = None
    raw = _table(data, "mail", where, {"host", "port", "from", "to", "starttls", "username",
                                       "password_env", "timeout"}, {"host", "from", "to"})
    if raw is not None:
        to = raw["to"]
        if isinstance(to, str):
            to = [to]
        if not isinstance(to, list) or not to or not all(isinstance(t, str) and "@" in t
                                                        for t in to):
            raise UsageError(f"{where}: mail.to: must be a list of addresses")
        port = raw.get("port", 25)
        if isinstance(port, bool) or not isinstance(port, int) or not 0 < port < 65536:
            raise UsageError(f"{where}: mail.port: must be a port number")
        for key in ("host", "from", "username", "password_env"):
            if key in raw and not isinstance(raw[key], str):
                raise UsageError(f"{where}: mail.{key}: must be a string")
        if not isinstance(raw.get("starttls", False), bool):
            raise UsageError(f"{where}: mail.starttls: must be true or false")
        mail = Mail(raw["host"], port, raw["from"], tuple(to), raw.get("starttls", False),
                    raw.get("username"), raw.get("password_env"),
                    _number(raw.get("timeout", 10), f"{where}: mail.timeout"))
    return AlertConfig(webhook, mail)


def load_alert_config(data_dir: Path, path: Path | None = None) -> AlertConfig | None:
    """The alert config of a data dir (`alerts.toml` in it) or *path*; None when absent."""
    chosen = path or data_dir / ALERTS_FILE
    if not chosen.exists():
        if path is not None:
            raise UsageError(f"{path}: no such alerts file")
        return None
    return parse_alert_config(chosen.read_text(encoding="utf-8"), str(chosen))


def alert_payload(run_id: str | None, status: str, alerts: Sequence[HealthAlert],
                  message: str) -> dict[str, Any]:
    """The JSON body of a webhook (and the content of the mail)."""
    return {"source": "yuqi", "run_id": run_id, "status": status, "message": message,
            "alerts": [asdict(a) for a in alerts]}


def _post(hook: Webhook, payload: dict[str, Any]) -> None:
    body = json.dumps(payload, ensure_ascii=False).encode("utf-8")
    request = urllib.request.Request(hook.url, data=body, method="POST",
                                     headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=hook.timeout) as response:
        response.read()


def _mail(mail: Mail, payload: dict[str, Any]) -> None:
    msg = EmailMessage()
    msg["Subject"] = f"yuqi run {payload['run_id']}: {payload['status']}"
    msg["From"] = mail.sender
    msg["To"] = ", ".join(mail.to)
    lines = [str(payload["message"]), ""] + [f"- {a['severity']}: {a['message']}"
                                             for a in payload["alerts"]]
    msg.set_content("\n".join(lines) + "\n")
    with smtplib.SMTP(mail.host, mail.port, timeout=mail.timeout) as smtp:
        if mail.starttls:
            smtp.starttls()
        if mail.username:
            smtp.login(mail.username, os.environ.get(mail.password_env or "", ""))
        smtp.send_message(msg)


def send_alerts(config: AlertConfig, payload: dict[str, Any],
                say: Callable[[str], None]) -> list[str]:
    """Deliver *payload* to every configured channel; return the channels that failed.

    A failure is said (one line) and never raised: an alert must not break the run.
    """
    jobs: list[tuple[str, Callable[[], None]]] = []
    if config.webhook is not None:
        hook = config.webhook
        jobs.append(("webhook", lambda: _post(hook, payload)))
    if config.mail is not None:
        mail = config.mail
        jobs.append(("mail", lambda: _mail(mail, payload)))
    failed = []
    for name, send in jobs:
        try:
            send()
        except (OSError, smtplib.SMTPException, ValueError) as exc:
            failed.append(name)
            say(f"alert by {name} not delivered: {type(exc).__name__}: {exc}")
    return failed
