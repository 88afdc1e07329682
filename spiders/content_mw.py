"""Response limits: capped, strict Content-Encoding decoding and an HTML-only gate for pages.

`CappedCompressionMiddleware` replaces Scrapy's HttpCompressionMiddleware (order
590). Scrapy already stops inflating at DOWNLOAD_MAXSIZE for gzip, deflate, br
and zstd; this subclass counts that drop (`yuqi/dropped/too_large`) and decodes
strictly: Scrapy's decoders hand over whatever a truncated or corrupt stream
(bad gzip CRC, cut brotli/zstd frame) yielded, which would store a partial
page. A corrupt body is retried like a failed download, then dropped and
counted (`yuqi/dropped/bad_encoding`).

`ContentGateMiddleware` (order 585, so it sees responses after decoding) drops
2xx responses bound for the spider's `parse` whose Content-Type is not HTML
(`yuqi/skipped/not_html`) or whose body is binary whatever the header says
(`yuqi/skipped/binary_body`: gzip, images, PDF, NUL bytes), so nothing binary is
parsed or extracted; sitemap and robots.txt responses use other callbacks and
pass. It also turns a raw body cut at DOWNLOAD_MAXSIZE by the download handler
into a counted drop (`yuqi/dropped/too_large`) instead of an error traceback.
"""

from __future__ import annotations

import logging

from scrapy import Request, Spider, signals
from scrapy.crawler import Crawler
from scrapy.downloadermiddlewares.httpcompression import HttpCompressionMiddleware
from scrapy.downloadermiddlewares.retry import get_retry_request
from scrapy.exceptions import DownloadCancelledError, IgnoreRequest
from scrapy.http import Response

from pipeline.content_coding import ContentTooLarge, CorruptEncodingError, decode_layer
from pipeline.rawpage import media_type, not_html_reason
from pipeline.stat_keys import Stat, StatGroup

logger = logging.getLogger(__name__)

BYTES_KEY = "yuqi_bytes_received"
# not_html_reason: the one "is this HTML" test, as `yuqi process --from-warc` applies it.


def strict_decode(body: bytes, encoding: bytes, max_size: int) -> bytes:
    """Decode one Content-Encoding layer, at most *max_size* bytes (0: no cap), all or nothing.

    Raises `ContentTooLarge` past the cap and `CorruptEncodingError` on any damaged
    stream; `CappedCompressionMiddleware` turns both into counted drops. The decoders
    are pipeline.content_coding's, as WARC replay uses them.
    """
    return decode_layer(encoding.decode("latin-1"), body, max_size)


def _inc(crawler: Crawler, key: str) -> None:
    if crawler.stats is not None:
        crawler.stats.inc_value(key)


class CappedCompressionMiddleware(HttpCompressionMiddleware):
    """Scrapy's decompression with strict decoders and counted drops (see the module doc)."""

    def __init__(self, crawler: Crawler) -> None:
        super().__init__(crawler=crawler)
        self.crawler = crawler

    _decode = staticmethod(strict_decode)

    def process_response(
        self, request: Request, response: Response, spider: Spider | None = None
    ) -> Request | Response:
        """Decode the body; count an over-cap drop; retry, then drop, a corrupt body."""
        try:
            return super().process_response(request, response)
        except ContentTooLarge as exc:
            _inc(self.crawler, Stat.DROPPED_TOO_LARGE)
            logger.warning("dropped %s: body inflates past DOWNLOAD_MAXSIZE (%d B, %d B "
                           "compressed)", request.url, exc.max_size, len(response.body))
            raise IgnoreRequest("body inflates past DOWNLOAD_MAXSIZE") from exc
        except CorruptEncodingError as exc:
            assert self.crawler.spider is not None
            retry = get_retry_request(request, spider=self.crawler.spider,
                                      reason="bad_encoding")
            if retry is not None:
                return retry
            _inc(self.crawler, Stat.DROPPED_BAD_ENCODING)
            logger.warning("dropped %s: corrupt Content-Encoding (%s)", request.url, exc)
            raise IgnoreRequest(f"corrupt Content-Encoding: {exc}") from exc


def content_type(response: Response) -> str:
    """The response's Content-Type header (latin-1 text), '' when there is none."""
    raw = response.headers.get("Content-Type") or b""
    return raw.decode("latin-1")


def _bound_for_parse(request: Request) -> bool:
    # Requests without a callback (and link follows) go to the spider's `parse`; sitemap
    # requests use `parse_sitemap` and robots.txt requests NO_CALLBACK, and must pass.
    callback = request.callback
    return callback is None or getattr(callback, "__name__", "") == "parse"


class ContentGateMiddleware:
    """Drops non-HTML and binary page responses, and counts bodies cut at DOWNLOAD_MAXSIZE."""

    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler
        self.max_size = crawler.settings.getint("DOWNLOAD_MAXSIZE")

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> ContentGateMiddleware:
        """Build from the crawler (Scrapy component protocol)."""
        mw = cls(crawler)
        crawler.signals.connect(mw.bytes_received, signal=signals.bytes_received)
        return mw

    def process_request(self, request: Request) -> None:
        """Start this download attempt's byte count (a retry copies the meta)."""
        request.meta[BYTES_KEY] = 0

    def bytes_received(self, data: bytes, request: Request) -> None:
        """Count raw body bytes per request, so a cancelled download can be told over-size.

        Scrapy's handler cancels a body past DOWNLOAD_MAXSIZE with a bare
        DownloadCancelledError (no message) when there was no Content-Length.
        """
        request.meta[BYTES_KEY] = request.meta.get(BYTES_KEY, 0) + len(data)

    def process_response(self, request: Request, response: Response) -> Response:
        """Pass HTML pages (and every non-page response); raise IgnoreRequest, counted, else."""
        if not (200 <= response.status < 300) or not _bound_for_parse(request):
            return response
        header = content_type(response)
        reason = not_html_reason(header, response.body)
        if reason is None:
            return response
        kind = media_type(header)
        _inc(self.crawler, StatGroup.SKIPPED.key(reason))
        logger.warning("skipped %s (%s, Content-Type %r)", response.url, reason, kind)
        raise IgnoreRequest(f"skipped: {reason}")

    def process_exception(self, request: Request, exception: Exception) -> None:
        """Turn a body the download handler cut at DOWNLOAD_MAXSIZE into a counted drop."""
        if not isinstance(exception, DownloadCancelledError):
            return
        max_size = request.meta.get("download_maxsize", self.max_size)
        if "max size" in str(exception) or (
                max_size and request.meta.get(BYTES_KEY, 0) > max_size):
            _inc(self.crawler, Stat.DROPPED_TOO_LARGE)
            logger.warning("dropped %s: body over DOWNLOAD_MAXSIZE", request.url)
            raise IgnoreRequest("body over DOWNLOAD_MAXSIZE") from exception
