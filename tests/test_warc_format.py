"""The one WARC module (pipeline.warc): what the archive writes is what replay reads."""

from __future__ import annotations

import gzip
import hashlib
import itertools
import random
import uuid
import zlib
from pathlib import Path

import pytest

from pipeline.rawpage import header_pairs, is_html_response, not_html_reason
from pipeline.warc import HOP_BY_HOP, ArchivedResponse, WarcArchive, gzip_member, read_warc


def test_written_fields_and_headers_read_back(tmp_path: Path) -> None:
    archive = WarcArchive(tmp_path, "r1", "farm-a")
    ref = archive.write_pair(
        url="http://127.0.0.1/a/1.html", method="GET", request_headers=[("Accept", "*/*")],
        status=200, reason="OK",
        response_headers=[("Content-Type", "text/html"), ("Transfer-Encoding", "chunked"),
                          ("Connection", "keep-alive"), ("ETag", '"x"')],
        body=b"<html>hi</html>", fetched_at="2026-01-02T03:04:05Z",
        request_url="http://127.0.0.1/a/1", sitemap_lastmod="2026-01-01",
    )
    archive.close()
    records = list(read_warc(tmp_path / ref.file, ref.file))
    assert len(records) == 1
    record = records[0]
    assert isinstance(record, ArchivedResponse)
    assert (record.offset, record.record_id) == (ref.offset, ref.record_id)
    assert (record.site, record.run_id, record.request_url, record.sitemap_lastmod) == (
        "farm-a", "r1", "http://127.0.0.1/a/1", "2026-01-01")
    assert record.body == b"<html>hi</html>"
    names = {k.lower() for k, _ in record.headers}
    assert not names & HOP_BY_HOP
    assert {"content-type", "etag"} <= names


def test_the_records_written_are_byte_for_byte_as_before(tmp_path: Path,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    """Pinned against the writer's output before it moved to pipeline/warc.py (record ids
    made deterministic): a change to the archive format has to change this on purpose."""
    ids = itertools.count()
    monkeypatch.setattr(uuid, "uuid4", lambda: uuid.UUID(int=next(ids)))
    archive = WarcArchive(tmp_path, "r1", "farm-a")
    archive.write_pair(
        "http://127.0.0.1/a/1.html", "GET", [("Accept", "*/*")], 200, "OK",
        [("Content-Type", "text/html"), ("Transfer-Encoding", "chunked"),
         ("Connection", "keep-alive")],
        b"<html>hi</html>", "2026-01-02T03:04:05Z", request_url="http://127.0.0.1/a/1",
        sitemap_lastmod="2026-01-01")
    archive.write_pair(
        "http://127.0.0.1/a/1.html", "GET", [], 304, "", [("ETag", '"x"')], b"",
        "2026-01-03T00:00:00Z",
        refers_to=("<urn:uuid:00000000-0000-0000-0000-000000000000>", "2026-01-02T03:04:05Z"))
    archive.close()
    written = gzip.decompress((tmp_path / "archive" / "r1" / "farm-a-00000.warc.gz").read_bytes())
    assert hashlib.sha256(written).hexdigest() == (
        "d08a23f5fc39eeabcc21f8be24d60ec96bd5e9b735e740350e79574db051226a")


def test_raw_pages_drop_the_same_hop_by_hop_headers() -> None:
    pairs = [("Connection", "close"), ("Keep-Alive", "5"), ("Transfer-Encoding", "chunked"),
             ("Content-Type", "text/html")]
    assert header_pairs(pairs) == (("Content-Type", "text/html"),)


@pytest.mark.parametrize(("content_type", "body", "reason"), [
    ("text/html; charset=gbk", b"<html></html>", None),
    ("", b"<html></html>", None),
    ("application/xhtml+xml", b"<html/>", None),
    ("application/pdf", b"<html></html>", "not_html"),
    ("text/html", b"%PDF-1.4 ...", "binary_body"),
    ("text/html", b"\xff\xfe<\x00h\x00", None),  # UTF-16 with a BOM is text
])
def test_one_is_html_test(content_type: str, body: bytes, reason: str | None) -> None:
    assert not_html_reason(content_type, body) == reason
    assert is_html_response(content_type, body) is (reason is None)


def _text_bytes(size: int) -> bytes:
    """Page-like bytes (markup, Chinese text, numbers) of exactly *size* bytes."""
    piece = '<p class="c">花呗逾期第3天，催收电话打到了单位。</p>\n'.encode()
    return (piece * (size // len(piece) + 1))[:size]


# Around each window size deflate could be given (2**bits bytes, and that less its look-ahead
# of 262, the furthest it reaches back): the smallest window that reaches back over a whole
# record must find the matches the full one does.
_SIZES = sorted({0, 1, 250, 4000, 20000, 40000, 100000}
                | {2 ** bits + edge + step for bits in range(9, 16) for edge in (-262, 0)
                   for step in (-1, 0, 1)})


def _far_repeat(size: int) -> bytes:
    """Noise of *size* bytes whose last 32 bytes repeat its first 32: the one match
    deflate can find reaches back over nearly all of it."""
    if size < 64:
        return bytes(size)
    noise = random.Random(size).randbytes(size - 32)
    return noise + noise[:32]


@pytest.mark.parametrize("size", _SIZES)
def test_a_record_member_is_the_full_window_gzip_byte_for_byte(size: int) -> None:
    for data in (_text_bytes(size), _far_repeat(size)):
        member = gzip_member(data)
        assert member == zlib.compress(data, 9, wbits=31)
        assert gzip.decompress(member) == data

