"""Undoing one HTTP Content-Encoding layer, strictly and with a size cap.

Shared by the crawl (spiders/content_mw.py, in place of Scrapy's lenient
decoders) and by WARC replay (pipeline/warc.py, whose records hold bodies
as they came off the wire): both must read the same bytes the same way. Every
decoder streams in chunks and stops at *max_size*, so a 1 MiB -> 1 GiB bomb
costs at most the cap; a truncated or corrupt stream is an error, never a
partial body.
"""

from __future__ import annotations

import gzip
import io
import sys
import zlib
from collections.abc import Callable

import brotli

if sys.version_info >= (3, 14):
    from compression import zstd
else:
    from backports import zstd

CHUNK = 64 * 1024
SUPPORTED = ("gzip", "x-gzip", "deflate", "br", "zstd")


class ContentTooLarge(ValueError):
    """The decoded body passed the cap (`size` bytes so far, `max_size` allowed)."""

    def __init__(self, size: int, max_size: int) -> None:
        super().__init__(f"body inflates past {max_size} bytes")
        self.size = size
        self.max_size = max_size


class CorruptEncodingError(ValueError):
    """A Content-Encoding stream that is truncated, has a bad checksum or is not that encoding."""


def _check(size: int, max_size: int) -> None:
    if max_size and size > max_size:
        raise ContentTooLarge(size, max_size)


def _read_all(read: Callable[[int], bytes], max_size: int) -> bytes:
    out = io.BytesIO()
    while chunk := read(CHUNK):
        out.write(chunk)
        _check(out.tell(), max_size)
    return out.getvalue()


def _gunzip(body: bytes, max_size: int) -> bytes:
    with gzip.GzipFile(fileobj=io.BytesIO(body)) as fh:
        return _read_all(fh.read1, max_size)


def _unzstd(body: bytes, max_size: int) -> bytes:
    with zstd.ZstdFile(io.BytesIO(body)) as fh:
        return _read_all(fh.read1, max_size)


def _inflate(body: bytes, max_size: int) -> bytes:
    # RFC 9110 "deflate" is zlib-wrapped; some servers send raw deflate, as Scrapy accepts.
    wbits = 15 if len(body) >= 2 and (body[0] * 256 + body[1]) % 31 == 0 else -15
    dec = zlib.decompressobj(wbits)
    out = io.BytesIO()
    data = body
    while not dec.eof:
        chunk = dec.decompress(data, CHUNK)
        out.write(chunk)
        _check(out.tell(), max_size)
        data = dec.unconsumed_tail
        if not chunk and not data:
            break  # input exhausted before the end of the stream
    if not dec.eof:
        raise CorruptEncodingError("truncated deflate stream")
    return out.getvalue()


def _unbrotli(body: bytes, max_size: int) -> bytes:
    dec = brotli.Decompressor()
    out = io.BytesIO()
    chunk = dec.process(body, output_buffer_limit=CHUNK)
    while True:
        out.write(chunk)
        _check(out.tell(), max_size)
        if dec.is_finished():
            return out.getvalue()
        chunk = dec.process(b"", output_buffer_limit=CHUNK)
        if not chunk:
            raise CorruptEncodingError("truncated brotli stream")


_DECODERS: dict[str, Callable[[bytes, int], bytes]] = {
    "gzip": _gunzip, "x-gzip": _gunzip, "deflate": _inflate, "br": _unbrotli, "zstd": _unzstd,
}


def decode_layer(coding: str, body: bytes, max_size: int) -> bytes:
    """Undo one Content-Encoding layer (*coding* as in SUPPORTED), all or nothing.

    At most *max_size* decoded bytes (0: no cap): past it ContentTooLarge; a
    damaged stream raises CorruptEncodingError.
    """
    try:
        return _DECODERS[coding.strip().lower()](body, max_size)
    except (ContentTooLarge, CorruptEncodingError):
        raise
    except (OSError, EOFError, zlib.error, brotli.error, zstd.ZstdError) as exc:
        raise CorruptEncodingError(f"{coding}: {exc}") from exc
