"""Capped, strict Content-Encoding decoding shared by the crawl and WARC replay."""

from __future__ import annotations

import gzip
import zlib

import brotli
import pytest

from pipeline.content_coding import (
    ContentTooLarge,
    CorruptEncodingError,
    decode_layer,
)
from pipeline.warc import ContentDecodeError, decode_content

TEXT = "花呗逾期会打通讯录吗？".encode() * 200


def _encode(coding: str, data: bytes) -> bytes:
    if coding == "gzip":
        return gzip.compress(data)
    if coding == "deflate":
        return zlib.compress(data)
    if coding == "br":
        return bytes(brotli.compress(data))
    from backports import zstd

    return bytes(zstd.compress(data))


@pytest.mark.parametrize("coding", ["gzip", "deflate", "br", "zstd"])
def test_round_trip(coding: str) -> None:
    assert decode_layer(coding, _encode(coding, TEXT), 10 * len(TEXT)) == TEXT


@pytest.mark.parametrize("coding", ["gzip", "deflate", "br", "zstd"])
def test_a_bomb_stops_at_the_cap(coding: str) -> None:
    bomb = _encode(coding, b"\0" * (64 * 1024 * 1024))
    assert len(bomb) < 1024 * 1024
    with pytest.raises(ContentTooLarge) as info:
        decode_layer(coding, bomb, 1024 * 1024)
    assert info.value.max_size == 1024 * 1024
    assert info.value.size <= 1024 * 1024 + 2 * 64 * 1024  # stopped within a chunk or two


@pytest.mark.parametrize("coding", ["gzip", "deflate", "br", "zstd"])
def test_a_truncated_stream_is_an_error_not_a_partial_body(coding: str) -> None:
    data = _encode(coding, TEXT)
    with pytest.raises(CorruptEncodingError):
        decode_layer(coding, data[: len(data) // 2], 0)


def test_replay_reports_the_coding_and_keeps_unsupported_ones() -> None:
    headers = (("Content-Type", "text/html"), ("Content-Encoding", "gzip"))
    body, rest = decode_content(gzip.compress(TEXT), headers)
    assert body == TEXT
    assert all(k.lower() != "content-encoding" for k, _ in rest)
    odd = (("Content-Encoding", "compress"),)
    assert decode_content(b"xyz", odd) == (b"xyz", odd)
    with pytest.raises(ContentDecodeError, match="br"):
        decode_content(b"not brotli", (("Content-Encoding", "br"),))
