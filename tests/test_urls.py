"""URL identity (RELIABILITY.md item 12): one canonical URL per page, `?page=2` kept."""

from __future__ import annotations

import pytest

from pipeline.urls import canonical_url, declared_canonical, url_key

A = "http://example.com/a/1.html"


@pytest.mark.parametrize(("raw", "expected"), [
    ("http://example.com/a/1.html?utm_source=wx&utm_medium=share", A),
    ("http://example.com/a/1.html?sid=abc123", A),
    ("http://example.com/a/1.html?PHPSESSID=abc123", A),
    ("http://example.com/a/1.html;jsessionid=x", A),
    ("http://example.com/a/1.html#comments", A),
    ("http://example.com:80/a/1.html", A),
    ("HTTP://EXAMPLE.com/a/1.html", A),
    ("http://example.com/x/../a/./1.html", A),
    ("http://example.com/a/1.html?spm=a2c4g.11186623", A),
    ("https://example.com:443/a/1.html", "https://example.com/a/1.html"),
    ("http://example.com:8080/a/1.html", "http://example.com:8080/a/1.html"),
    ("http://example.com/list/?page=2", "http://example.com/list/?page=2"),
    ("http://example.com/list/?page=2&utm_campaign=x", "http://example.com/list/?page=2"),
    ("http://example.com/s?b=2&a=1", "http://example.com/s?a=1&b=2"),
    ("http://example.com/花呗/逾期.html",
     "http://example.com/%E8%8A%B1%E5%91%97/%E9%80%BE%E6%9C%9F.html"),
    ("http://example.com/%E8%8A%B1%E5%91%97/%E9%80%BE%E6%9C%9F.html",
     "http://example.com/%E8%8A%B1%E5%91%97/%E9%80%BE%E6%9C%9F.html"),
    ("http://example.com", "http://example.com/"),
    ("http://[::1]/x", "http://[::1]/x"),
])
def test_canonical_url(raw: str, expected: str) -> None:
    assert canonical_url(raw) == expected


def test_url_key_ignores_a_trailing_slash_only() -> None:
    assert url_key("http://example.com/a/1.html/") == url_key(A)
    assert url_key("http://example.com/list/") == url_key("http://example.com/list")
    assert url_key("http://example.com/list/?page=2") != url_key("http://example.com/list/")
    assert url_key("http://example.com/") == "http://example.com/"


@pytest.mark.parametrize(("head", "expected"), [
    ('<link rel="canonical" href="/a/2.html?utm_source=x">', "http://example.com/a/2.html"),
    ("<link href='http://example.com/a/3.html' rel='canonical'>", "http://example.com/a/3.html"),
    ('<link rel="alternate canonical" href="/a/4.html">', "http://example.com/a/4.html"),
    ('<link rel="canonical" href="javascript:alert(1)">', None),
    ('<link rel="canonical" href="">', None),
    ('<link rel="stylesheet" href="/a.css">', None),
])
def test_declared_canonical(head: str, expected: str | None) -> None:
    body = f"<html><head>{head}</head><body><p>x</p></body></html>".encode()
    assert declared_canonical(body, A) == expected


def test_declared_canonical_survives_junk() -> None:
    assert declared_canonical(b"\x00\xff<link rel=canonical", A) is None
    assert declared_canonical(b"", A) is None


def test_a_junk_port_is_a_value_error() -> None:
    with pytest.raises(ValueError):
        canonical_url("http://example.com:notaport/x")


def test_ipv6_literal_keeps_its_brackets() -> None:
    import ipaddress
    from urllib.parse import urlsplit

    parts = urlsplit(canonical_url("http://[::FFFF:127.0.0.1]:1/x"))
    assert parts.hostname is not None and parts.port == 1
    assert ipaddress.ip_address(parts.hostname) == ipaddress.ip_address("::ffff:127.0.0.1")
