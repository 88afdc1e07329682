"""Crawl-trap limits on URLs: length, path depth, repeated segments, query size.

Endless calendars, `/a/a/a/...` loops and session-id links all grow URLs in one
of these ways; a URL over a limit is refused before it is requested.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from urllib.parse import parse_qsl, urlsplit


@dataclass(frozen=True, slots=True)
class TrapLimits:
    """Bounds on a URL's shape (RELIABILITY.md item 11)."""

    max_url_length: int = 1024
    max_segments: int = 20
    max_segment_repeats: int = 2
    max_query_params: int = 16


def trap_reason(url: str, limits: TrapLimits = TrapLimits()) -> str | None:
    """Why *url* looks like a crawl trap ('url_length', 'segments', ...), or None."""
    if len(url) > limits.max_url_length:
        return "url_length"
    parts = urlsplit(url)
    segments = [s for s in parts.path.split("/") if s]
    if len(segments) > limits.max_segments:
        return "segments"
    if segments and max(Counter(segments).values()) > limits.max_segment_repeats:
        return "segment_repeats"
    if len(parse_qsl(parts.query, keep_blank_values=True)) > limits.max_query_params:
        return "query_params"
    return None
