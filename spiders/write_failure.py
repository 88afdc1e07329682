"""A write the crawl cannot do (full disk, lost mount) stops the site's crawl, named.

Why stop and not skip: every later write would fail the same way, and a crawl that
"finishes" without its archive or spool loads a fraction of the site as if complete
(measured: exit 0 with 15 of 101 articles). The run stays unfinished, resumable with
`yuqi crawl --resume` once there is space; the resume rebuilds the site's rows from
its WARC files, so rows the spool could not write are not lost.
"""

from __future__ import annotations

import errno
import logging
from pathlib import Path
from typing import Literal

from scrapy.crawler import Crawler
from scrapy.utils.defer import deferred_from_coro

from pipeline.stat_keys import CLOSE_ARCHIVE_ERROR, CLOSE_DISK_FULL, CLOSE_SPOOL_ERROR, Stat

logger = logging.getLogger(__name__)

Area = Literal["archive", "spool"]
_STAT = {"archive": Stat.ARCHIVE_FAILED, "spool": Stat.SPOOL_FAILED}
_REASON = {"archive": CLOSE_ARCHIVE_ERROR, "spool": CLOSE_SPOOL_ERROR}


def write_stop_reason(exc: OSError, area: Area) -> str:
    """The close reason for a failed write: disk_full, or archive_error / spool_error."""
    return CLOSE_DISK_FULL if exc.errno in (errno.ENOSPC, errno.EDQUOT) else _REASON[area]


def record_write_failure(crawler: Crawler, exc: OSError, area: Area, where: Path,
                         stop: bool = True) -> None:
    """Count and log a failed write to *area* and, with *stop*, close the spider (once).

    *where* names the folder when the error does not carry a file name.
    """
    reason = write_stop_reason(exc, area)
    path = exc.filename or str(where)
    stats = crawler.stats
    first = stats is None or stats.get_value(Stat.WRITE_STOP) is None
    if stats is not None:
        stats.set_value(_STAT[area], f"{path}: {exc.strerror or exc}")
        if first:
            stats.set_value(Stat.WRITE_STOP, reason)
    if not first:
        return
    spider = crawler.spider
    logger.error("%s: cannot write the %s (%s); stopping the crawl of %s", path, area,
                 exc.strerror or exc, spider.name if spider else "the site")
    if stop and crawler.engine is not None:
        deferred_from_coro(crawler.engine.close_spider_async(reason=reason))
