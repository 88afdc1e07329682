"""WARC archiving of every request/response pair, with warcio.

Records are written before decompression, so the stored bytes match their
headers; each file is gzip-per-record (WARC/1.1) and rotated by size.

Each response record also names what replay (`yuqi process --from-warc`) needs
in custom WARC header fields: `Yuqi-Site` (the site config), `Yuqi-Request-URL`
(the canonical URL first requested, before redirects), `Yuqi-Run-ID` and, for a
URL listed in a sitemap, `Yuqi-Sitemap-Lastmod`. A 304 Not Modified is written
as a `revisit` record (profile server-not-modified) instead of a response.
"""

from __future__ import annotations

from dataclasses import dataclass
from io import BytesIO
from pathlib import Path
from typing import BinaryIO

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

ROTATE_BYTES = 256 * 1024 * 1024
_HOP_BY_HOP = {"transfer-encoding", "connection", "keep-alive"}
WARC_VERSION = "1.1"
NOT_MODIFIED_PROFILE = "http://netpreserve.org/warc/1.1/revisit/server-not-modified"
# Custom WARC header fields (see the module doc and pipeline/warc_read.py).
SITE_FIELD = "Yuqi-Site"
REQUEST_URL_FIELD = "Yuqi-Request-URL"
RUN_ID_FIELD = "Yuqi-Run-ID"
LASTMOD_FIELD = "Yuqi-Sitemap-Lastmod"


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
        self._writer: WARCWriter | None = None
        self._path: Path | None = None

    def _open(self) -> tuple[BinaryIO, WARCWriter, Path]:
        if self._fh is None or self._fh.tell() >= ROTATE_BYTES:
            self.close()
            self.dir.mkdir(parents=True, exist_ok=True)
            self._path = self.dir / f"{self.site}-{self._seq:05d}.warc.gz"
            self._seq += 1
            self._fh = self._path.open("ab")
            self._writer = WARCWriter(self._fh, gzip=True, warc_version=WARC_VERSION)
        assert self._writer is not None and self._path is not None
        return self._fh, self._writer, self._path

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
        fh, writer, path = self._open()
        headers = [(k, v) for k, v in response_headers if k.lower() not in _HOP_BY_HOP]
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
                url, "revisit", payload=BytesIO(b""), length=0,
                http_headers=http_headers, warc_headers_dict=fields,
            )
        else:
            response = writer.create_warc_record(
                url, "response", payload=BytesIO(body), length=len(body),
                http_headers=http_headers, warc_headers_dict=fields,
            )
        record_id = str(response.rec_headers.get_header("WARC-Record-ID"))
        request = writer.create_warc_record(
            url, "request", payload=BytesIO(b""), length=0,
            http_headers=StatusAndHeaders(f"{method} {url} HTTP/1.1", request_headers,
                                          is_http_request=True),
            warc_headers_dict={"WARC-Date": fetched_at, "WARC-Concurrent-To": record_id},
        )
        offset = fh.tell()
        writer.write_record(response)
        writer.write_record(request)
        return WarcRef(str(path.relative_to(self.data_dir)), offset, record_id)

    def close(self) -> None:
        """Close the current file."""
        if self._fh is not None:
            self._fh.flush()
            self._fh.close()
        self._fh = None
        self._writer = None
