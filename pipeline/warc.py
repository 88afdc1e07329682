"""yuqi's WARC archive, written by the crawl and read back by replay: one format, one module.

Writing (`WarcArchive`, used by the spider's archive middleware): every
request/response pair, recorded before Content-Encoding is undone, so the stored
bytes match their headers; each file is gzip-per-record (WARC/1.1) and rotated
by size. Hop-by-hop headers (`HOP_BY_HOP`) are not stored: the payload is
already de-chunked. A 304 Not Modified is written as a `revisit` record (profile
server-not-modified) instead of a response.

Each response record also names what replay (`yuqi process --from-warc`) needs
in custom WARC header fields: `Yuqi-Site` (the site config), `Yuqi-Request-URL`
(the canonical URL first requested, before redirects), `Yuqi-Run-ID` and, for a
URL listed in a sitemap, `Yuqi-Sitemap-Lastmod`.

Reading (`read_warc`, pure: warcio and zlib, no Scrapy): the response and revisit
records with those fields. A damaged record in the middle of a file is found,
counted and skipped (the reader resynchronizes on the next gzip member that
holds a whole record); a file whose last record is cut off, or that is not gzip
WARC at all, raises `WarcReadError` naming the file. `decode_content` undoes a
record's Content-Encoding as the crawl did before its stages saw the body.
"""

from __future__ import annotations

import io
import mmap
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from warcio.archiveiterator import ArchiveIterator
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from pipeline.content_coding import (
    SUPPORTED,
    ContentTooLarge,
    CorruptEncodingError,
    decode_layer,
)

WARC_VERSION = "1.1"
ROTATE_BYTES = 256 * 1024 * 1024
NOT_MODIFIED_PROFILE = "http://netpreserve.org/warc/1.1/revisit/server-not-modified"
# Custom WARC header fields (see the module doc).
SITE_FIELD = "Yuqi-Site"
REQUEST_URL_FIELD = "Yuqi-Request-URL"
RUN_ID_FIELD = "Yuqi-Run-ID"
LASTMOD_FIELD = "Yuqi-Sitemap-Lastmod"
# Connection-level headers: not part of the page, and not stored in the WARC record (its
# payload is already de-chunked), so neither the archive nor a RawPage keeps them.
HOP_BY_HOP = frozenset({"transfer-encoding", "connection", "keep-alive"})
# The crawl's DOWNLOAD_MAXSIZE (spiders/settings.py): a body inflating past it was dropped.
MAX_BODY_BYTES = 10 * 1024 * 1024
_GZIP_MAGIC = b"\x1f\x8b\x08"
_CHUNK = 64 * 1024
_MAX_MEMBER_BYTES = 512 * 1024 * 1024


# deflate never looks further back than its window less this (zlib's MIN_LOOKAHEAD)
_MIN_LOOKAHEAD = 262


def gzip_member(data: bytes) -> bytes:
    """*data* as one gzip member, byte for byte what `zlib.compress(data, 9, wbits=31)` gives.

    A crawl writes two records per response in the crawl process, most of them small (a
    request record is a few hundred bytes), and for those setting up deflate's full 32 KB
    window costs more than the compressing. A window just large enough to reach back over
    all of *data* finds the same matches, so the output is the same (tests compare it at
    every window edge). On the crawl bench's 950 records the crawl process spent 0.09-0.11
    s compressing instead of 0.12-0.14 s (three runs each). Records over 32 KB use the
    full window, as before.
    """
    bits = max(9, min(15, (len(data) + _MIN_LOOKAHEAD - 1).bit_length()))
    compressor = zlib.compressobj(9, zlib.DEFLATED, 16 + bits)
    return compressor.compress(data) + compressor.flush()


@dataclass(frozen=True, slots=True)
class WarcRef:
    """Where one response record lives: file (relative to the data dir), offset, record id."""

    file: str
    offset: int
    record_id: str


class WarcArchive:
    """Writes `archive/<run_id>/<site>-NNNNN.warc.gz`, rotating by size."""

    def __init__(self, data_dir: Path, run_id: str, site: str) -> None:
        self.data_dir = data_dir
        self.run_id = run_id
        self.dir = data_dir / "archive" / run_id
        self.site = site
        # A resumed run writes new files after the ones its earlier parts left.
        self._seq = 1 + max((int(f.name[len(site) + 1:-len(".warc.gz")])
                             for f in self.dir.glob(f"{site}-*.warc.gz")
                             if f.name[len(site) + 1:-len(".warc.gz")].isdigit()), default=-1)
        self._fh: BinaryIO | None = None
        self._path: Path | None = None
        # warcio writes each record uncompressed into this buffer; write_pair deflates it
        # in one call and the pair reaches the file in one write (see _member).
        self._buf = io.BytesIO()
        self._writer = WARCWriter(self._buf, gzip=False, warc_version=WARC_VERSION)

    def _open(self) -> tuple[BinaryIO, Path]:
        if self._fh is None or self._fh.tell() >= ROTATE_BYTES:
            self.close()
            self.dir.mkdir(parents=True, exist_ok=True)
            self._path = self.dir / f"{self.site}-{self._seq:05d}.warc.gz"
            self._seq += 1
            self._fh = self._path.open("ab")
        assert self._path is not None
        return self._fh, self._path

    def _member(self, record: object) -> bytes:
        """One record as its own gzip member: the bytes warcio's gzip=True writer gives
        (level 9, gzip wrapper; deflate's output does not depend on how its input was fed),
        made by one compressor call instead of a compressor fed piece by piece and flushed."""
        self._buf.seek(0)
        self._buf.truncate()
        self._writer.write_record(record)
        return gzip_member(self._buf.getvalue())

    def write_pair(
        self,
        url: str,
        method: str,
        request_headers: list[tuple[str, str]],
        status: int,
        reason: str,
        response_headers: list[tuple[str, str]],
        body: bytes,
        fetched_at: str,
        request_url: str = "",
        sitemap_lastmod: str | None = None,
        refers_to: tuple[str, str] | None = None,
    ) -> WarcRef:
        """Archive one request and its response; return where the response record is.

        *request_url* is the canonical URL first requested (before redirects; default
        *url*). A 304 becomes a revisit record; *refers_to* = (record id, date) names
        the earlier response it revisits, when known.
        """
        fh, path = self._open()
        writer = self._writer
        headers = [(k, v) for k, v in response_headers if k.lower() not in HOP_BY_HOP]
        http_headers = StatusAndHeaders(f"{status} {reason}".strip(), headers, protocol="HTTP/1.1")
        fields = {"WARC-Date": fetched_at, SITE_FIELD: self.site,
                  REQUEST_URL_FIELD: request_url or url, RUN_ID_FIELD: self.run_id}
        if sitemap_lastmod:
            fields[LASTMOD_FIELD] = sitemap_lastmod
        if status == 304:
            # Nothing new was downloaded: a revisit record, not a second copy of the page.
            fields["WARC-Profile"] = NOT_MODIFIED_PROFILE
            fields["WARC-Refers-To-Target-URI"] = url
            if refers_to is not None and refers_to[0]:
                fields["WARC-Refers-To"] = refers_to[0]
                if refers_to[1]:
                    fields["WARC-Refers-To-Date"] = refers_to[1]
            response = writer.create_warc_record(
                url, "revisit", payload=io.BytesIO(b""), length=0,
                http_headers=http_headers, warc_headers_dict=fields,
            )
        else:
            response = writer.create_warc_record(
                url, "response", payload=io.BytesIO(body), length=len(body),
                http_headers=http_headers, warc_headers_dict=fields,
            )
        record_id = str(response.rec_headers.get_header("WARC-Record-ID"))
        request = writer.create_warc_record(
            url, "request", payload=io.BytesIO(b""), length=0,
            http_headers=StatusAndHeaders(f"{method} {url} HTTP/1.1", request_headers,
                                          is_http_request=True),
            warc_headers_dict={"WARC-Date": fetched_at, "WARC-Concurrent-To": record_id},
        )
        offset = fh.tell()
        fh.write(self._member(response) + self._member(request))
        fh.flush()
        return WarcRef(str(path.relative_to(self.data_dir)), offset, record_id)

    def close(self) -> None:
        """Close the current file."""
        if self._fh is not None:
            self._fh.flush()
            self._fh.close()
        self._fh = None


class WarcReadError(ValueError):
    """A WARC file cannot be read as a whole (missing, not gzip WARC, truncated): names the file."""


class ContentDecodeError(ValueError):
    """A response body whose Content-Encoding stream is corrupt or inflates past the cap."""


@dataclass(frozen=True, slots=True)
class ArchivedResponse:
    """One archived HTTP response (a `response` or `revisit` record), body still encoded."""

    warc_file: str  # as given to `read_warc` (relative to the data dir)
    offset: int  # byte offset of the record's gzip member
    record_id: str
    rec_type: str  # response | revisit
    target_uri: str  # the URL fetched (after redirects)
    date: str  # WARC-Date, the fetch time as the crawl recorded it
    site: str  # Yuqi-Site, "" in records written before it existed
    request_url: str  # Yuqi-Request-URL (canonical first URL), "" when absent
    run_id: str  # Yuqi-Run-ID, "" when absent
    sitemap_lastmod: str | None
    status: int
    headers: tuple[tuple[str, str], ...]
    body: bytes

    def last_header(self, name: str) -> str | None:
        """The last value of header *name* (case-insensitive), or None: what Scrapy's
        `Headers.get` returned when the crawl wrote the fetch row."""
        lname = name.lower()
        found = None
        for key, value in self.headers:
            if key.lower() == lname:
                found = value
        return found or None


@dataclass(frozen=True, slots=True)
class CorruptRecord:
    """A damaged stretch of a WARC file that was skipped: where it starts and why."""

    warc_file: str
    offset: int
    reason: str


class _Truncated(Exception):
    pass


def _inflate_member(mm: mmap.mmap, pos: int, keep: bool = True) -> tuple[bytes, int]:
    """Inflate the gzip member at *pos*; return its bytes (none unless *keep*) and the
    offset just after it."""
    if mm[pos:pos + 3] != _GZIP_MAGIC:
        raise zlib.error("no gzip member here")
    dec = zlib.decompressobj(31)
    out = io.BytesIO()
    size = 0
    p = pos
    while not dec.eof:
        if p >= len(mm):
            raise _Truncated
        chunk = mm[p:p + _CHUNK]
        p += len(chunk)
        data = dec.decompress(chunk)
        size += len(data)
        if keep:
            out.write(data)
        if size > _MAX_MEMBER_BYTES:
            raise zlib.error("gzip member inflates past 512 MiB")
    return out.getvalue(), p - len(dec.unused_data)


def member_offsets(path: Path) -> list[int] | None:
    """Where each gzip member (one record) of a `.warc.gz` starts, found by inflating the
    members without parsing a record: cheap boundaries to split a file's records at (see
    `read_warc`'s *start* and *end*). None when the file does not read that way to its end
    (missing, empty, not gzip, damaged or cut off): reading it whole names the problem.
    """
    try:
        with path.open("rb") as fh, mmap.mmap(fh.fileno(), 0, access=mmap.ACCESS_READ) as mm:
            offsets: list[int] = []
            pos = 0
            while pos < len(mm):
                offsets.append(pos)
                _, pos = _inflate_member(mm, pos, keep=False)
            return offsets
    except (OSError, ValueError, zlib.error, _Truncated):  # mmap of an empty file: ValueError
        return None


def _parse_record(data: bytes, name: str, offset: int) -> ArchivedResponse | None:
    """The response/revisit record in one inflated member; None for other record types."""
    record = next(iter(ArchiveIterator(io.BytesIO(data))))
    if record.rec_type not in ("response", "revisit"):
        return None
    rec = record.rec_headers
    http = record.http_headers
    if http is None:
        raise ValueError(f"{record.rec_type} record without HTTP headers")
    body = record.raw_stream.read()
    return ArchivedResponse(
        warc_file=name,
        offset=offset,
        record_id=str(rec.get_header("WARC-Record-ID") or ""),
        rec_type=str(record.rec_type),
        target_uri=str(rec.get_header("WARC-Target-URI") or ""),
        date=str(rec.get_header("WARC-Date") or ""),
        site=str(rec.get_header(SITE_FIELD) or ""),
        request_url=str(rec.get_header(REQUEST_URL_FIELD) or ""),
        run_id=str(rec.get_header(RUN_ID_FIELD) or ""),
        sitemap_lastmod=rec.get_header(LASTMOD_FIELD) or None,
        status=int(http.get_statuscode()),
        headers=tuple((str(k), str(v)) for k, v in http.headers),
        body=body,
    )


def _read_one(mm: mmap.mmap, pos: int, name: str) -> tuple[ArchivedResponse | None, int]:
    data, end = _inflate_member(mm, pos)
    return _parse_record(data, name, pos), end


def read_warc(path: Path, name: str | None = None, tolerate_cut_tail: bool = False,
              start: int = 0, end: int | None = None
              ) -> Iterator[ArchivedResponse | CorruptRecord]:
    """Yield the response and revisit records of one `.warc.gz`, and each damaged stretch.

    Only the records that start at byte *start* or later and before *end* (default: the
    file's end) are read: with offsets from `member_offsets`, a file's records in parts.

    *name* is how records name their file (default: *path* as given). Raises
    WarcReadError when the file cannot be opened, is not gzip WARC, or ends in a
    cut-off record; a damaged record followed by good ones is yielded as a
    CorruptRecord and reading goes on. With *tolerate_cut_tail* (recovering a
    crawl that was killed mid-write) a cut-off last record is yielded as a
    CorruptRecord with reason `CUT_TAIL` instead, at the offset where the good
    part of the file ends.
    """
    label = name if name is not None else str(path)
    try:
        fh = path.open("rb")
    except OSError as exc:
        raise WarcReadError(f"{path}: cannot read: {exc.strerror}") from None
    with fh:
        size = path.stat().st_size
        if size == 0:
            if tolerate_cut_tail:  # a crawl killed before its first write: nothing to recover
                return
            raise WarcReadError(f"{path}: empty WARC file (0 bytes: a copy that failed, or a "
                                "crawl killed before its first write); restore it, or delete "
                                "it if its run lost nothing")
        with mmap.mmap(fh.fileno(), 0, access=mmap.ACCESS_READ) as mm:
            yield from _records(mm, path, label, tolerate_cut_tail, start, end)


CUT_TAIL = "cut-off last record"


def _records(mm: mmap.mmap, path: Path, label: str, tolerate_cut_tail: bool = False,
             start: int = 0, end: int | None = None
             ) -> Iterator[ArchivedResponse | CorruptRecord]:
    pos = start
    stop = len(mm) if end is None else min(end, len(mm))
    good = 0
    while pos < stop:
        try:
            found, pos = _read_one(mm, pos, label)
        except Exception as exc:  # zlib, warcio and header parsing raise many kinds
            truncated = isinstance(exc, _Truncated)
            reason = "record cut off" if truncated else f"{type(exc).__name__}: {exc}"
            resumed = _resync(mm, pos, label)
            if resumed is None:
                if good == 0 and pos == 0 and not truncated:
                    raise WarcReadError(f"{path}: not a gzip WARC file ({reason})") from None
                if truncated and tolerate_cut_tail:
                    yield CorruptRecord(label, pos, CUT_TAIL)
                    return
                if truncated:
                    raise WarcReadError(f"{path}: truncated: the record at byte {pos} is cut "
                                        "off (an interrupted write?)") from None
                raise WarcReadError(f"{path}: corrupt from byte {pos} to the end ({reason})"
                                    ) from None
            yield CorruptRecord(label, pos, reason)
            pos = resumed
            continue
        good += 1
        if found is not None:
            yield found


def _resync(mm: mmap.mmap, bad: int, label: str) -> int | None:
    """The offset of the next gzip member after *bad* that holds a whole record, or None."""
    start = bad + 1
    while True:
        candidate = mm.find(_GZIP_MAGIC, start)
        if candidate < 0:
            return None
        try:
            _read_one(mm, candidate, label)
        except Exception:  # a false magic or another damaged member: keep looking
            start = candidate + 1
            continue
        return candidate


def decode_content(body: bytes, headers: tuple[tuple[str, str], ...],
                   cap: int = MAX_BODY_BYTES) -> tuple[bytes, tuple[tuple[str, str], ...]]:
    """Undo the response's Content-Encoding as the crawl did before its stages saw the body.

    Mirrors Scrapy's HttpCompressionMiddleware: codings are undone from the last one
    back while supported; `Content-Encoding` is dropped when all were undone, else it
    keeps the rest. Raises ContentDecodeError for a damaged stream or past *cap* bytes
    (the crawl dropped such responses).
    """
    codings = [c.strip().lower() for k, v in headers if k.lower() == "content-encoding"
               for c in v.split(",")]
    if not codings:
        return body, headers
    keep = list(codings)
    if keep[-1] not in SUPPORTED:
        return body, headers  # nothing the crawl could undo: left as it was
    while keep and keep[-1] in SUPPORTED:
        coding = keep.pop()
        try:
            body = decode_layer(coding, body, cap)
        except (ContentTooLarge, CorruptEncodingError) as exc:
            raise ContentDecodeError(f"{coding}: {exc}") from exc
    rest = tuple((k, v) for k, v in headers if k.lower() != "content-encoding")
    if keep:
        rest = (*rest, *(("Content-Encoding", c) for c in keep))
    return body, rest
