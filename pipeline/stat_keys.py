"""Every run-stat name yuqi counts, in one place (as datatrove's `StatHints`).

Code never writes a `yuqi/...` string: it names a constant (`Stat.ARCHIVED`) or,
for a reason that comes from data (an extraction flag, an HTTP status), builds the
key from a group (`StatGroup.DROPPED.key(reason)`). A misspelt constant is an
AttributeError at once (and a mypy error before that), never a counter that stays
at zero. The names are part of the run's record: they are stored in each spool
manifest and `crawl_runs.stats`, so renaming one is a format change.

Scrapy's own counters that the run summary reads are named here too (`ScrapyStat`).
"""

from __future__ import annotations

from enum import StrEnum
from typing import Final

__all__ = ["PREFIX", "ScrapyStat", "Stat", "StatGroup", "all_stat_keys", "short_name"]

PREFIX: Final = "yuqi/"  # every yuqi stat name starts with it (Scrapy's own never do)


def short_name(key: str) -> str:
    """*key* without the `yuqi/` prefix, for messages (`refused/private_address`)."""
    return key.removeprefix(PREFIX)


class StatGroup(StrEnum):
    """Families of keys sharing a prefix; `key(reason)` builds one member of the family."""

    DROPPED = "yuqi/dropped/"  # a response or page given up on, by reason
    SKIPPED = "yuqi/skipped/"  # a request or page not processed on purpose
    REFUSED = "yuqi/refused/"  # a request the crawl guard refused
    ROBOTS = "yuqi/robots/"  # robots.txt outcomes
    BACKOFF = "yuqi/backoff/"  # a host slowed down by the politeness rules

    def key(self, reason: str) -> str:
        """The stat key of *reason* in this family, e.g. `yuqi/dropped/no_text`."""
        if not reason:
            raise ValueError(f"{self.value}: a stat key needs a reason")
        return f"{self.value}{reason}"

    def reason(self, key: str) -> str | None:
        """The reason part of *key* when it belongs to this family, else None."""
        return key.removeprefix(self.value) if key.startswith(self.value) else None


class Stat:
    """Every fixed yuqi stat name. Attribute access only: a typo fails loudly."""

    # one per archived response (crawl: archive middleware; replay: one per record)
    ARCHIVED: Final = "yuqi/archived"
    # a 304 answer to a conditional request (replay: a revisit record)
    UNCHANGED: Final = "yuqi/unchanged"
    DOCUMENTS: Final = "yuqi/documents"  # documents spooled
    CLAIMS: Final = "yuqi/claims"  # claims spooled
    CONDITIONAL_REQUESTS: Final = "yuqi/conditional_requests"
    REL_CANONICAL: Final = "yuqi/rel_canonical"  # an article keyed by its rel=canonical URL
    NOT_TEXT: Final = "yuqi/not_text"  # a page response Scrapy did not decode as text
    BAD_LINK: Final = "yuqi/bad_link"  # a link that is no URL (a port that is not a number)
    SITEMAP_INVALID: Final = "yuqi/sitemap_invalid"
    SITEMAP_TOO_LARGE: Final = "yuqi/sitemap_too_large"
    SITEMAP_BAD_GZIP: Final = "yuqi/sitemap_bad_gzip"
    SITEMAP_NESTED_GZIP: Final = "yuqi/sitemap_nested_gzip"
    # replay only
    WARC_FILES: Final = "yuqi/warc_files"
    CORRUPT_RECORDS: Final = "yuqi/corrupt_records"
    SUPERSEDED: Final = "yuqi/superseded"  # an older fetch of a document a newer run holds
    # "<path>: <why>" when the WARC archive could not be written (the crawl stopped)
    ARCHIVE_FAILED: Final = "yuqi/archive_failed"
    # Start URLs and sitemaps of the config that failed (4xx/5xx after retries, unreachable);
    # ENTRY_FAILED_FIRST holds the first as "<url>: <status or error>".
    ENTRY_FAILED: Final = "yuqi/entry_failed"
    ENTRY_FAILED_FIRST: Final = "yuqi/entry_failed_first"
    # "<path>: <why>" when the spool could not be written (the crawl stopped)
    SPOOL_FAILED: Final = "yuqi/spool_failed"
    # The close reason a write failure forces (disk_full, archive_error, spool_error), also
    # when it happens as the spider closes (the final flush) and Scrapy says "finished".
    WRITE_STOP: Final = "yuqi/write_stop"

    DROPPED_TOO_LARGE: Final = "yuqi/dropped/too_large"
    DROPPED_BAD_ENCODING: Final = "yuqi/dropped/bad_encoding"
    DROPPED_STAGE_ERROR: Final = "yuqi/dropped/stage_error"
    DROPPED_REDIRECT_LIMIT: Final = "yuqi/dropped/redirect_limit"

    SKIPPED_NOT_ARTICLE: Final = "yuqi/skipped/not_article"
    SKIPPED_NOT_HTML: Final = "yuqi/skipped/not_html"
    SKIPPED_BINARY_BODY: Final = "yuqi/skipped/binary_body"
    SKIPPED_ALREADY_ARCHIVED: Final = "yuqi/skipped/already_archived"
    SKIPPED_SITEMAP_UNCHANGED: Final = "yuqi/skipped/sitemap_unchanged"
    SKIPPED_RECENTLY_CHECKED: Final = "yuqi/skipped/recently_checked"

    REFUSED_SCHEME: Final = "yuqi/refused/scheme"
    REFUSED_NO_HOST: Final = "yuqi/refused/no_host"
    REFUSED_PRIVATE_ADDRESS: Final = "yuqi/refused/private_address"
    # yuqi/refused/trap_<reason>: StatGroup.REFUSED.key("trap_" + reason)

    ROBOTS_REQUESTED: Final = "yuqi/robots/requested"
    ROBOTS_UNAVAILABLE: Final = "yuqi/robots/unavailable"
    ROBOTS_TRUNCATED: Final = "yuqi/robots/truncated"
    ROBOTS_DISALLOWED: Final = "yuqi/robots/disallowed"
    ROBOTS_UNREACHABLE: Final = "yuqi/robots/unreachable"
    ROBOTS_CRAWL_DELAY: Final = "yuqi/robots/crawl_delay"  # a maximum, in seconds

    BACKOFF_RETRY_AFTER: Final = "yuqi/backoff/retry_after"
    BACKOFF_RETRY_AFTER_MAX_S: Final = "yuqi/backoff/retry_after_max_s"  # a maximum

    def __init__(self) -> None:
        raise TypeError("Stat is a namespace of constants")


class ScrapyStat:
    """The Scrapy stat names (and prefixes) that yuqi's summaries read."""

    RESPONSE_BYTES: Final = "downloader/response_bytes"
    EXCEPTION_COUNT: Final = "downloader/exception_count"
    EXCEPTION_TYPE_PREFIX: Final = "downloader/exception_type_count/"
    STATUS_PREFIX: Final = "downloader/response_status_count/"
    SPIDER_EXCEPTIONS_PREFIX: Final = "spider_exceptions/"

    def __init__(self) -> None:
        raise TypeError("ScrapyStat is a namespace of constants")


# Why a site's crawl was stopped by yuqi itself (Scrapy's finish_reason), beside Scrapy's own.
CLOSE_DISK_FULL: Final = "disk_full"  # the archive's or the spool's disk is full
CLOSE_ARCHIVE_ERROR: Final = "archive_error"  # the archive could not be written otherwise
CLOSE_SPOOL_ERROR: Final = "spool_error"  # the spool could not be written otherwise
#: Close reasons after which the site's rows are rebuilt from its WARC files on resume.
WRITE_FAILURES: Final = frozenset({CLOSE_DISK_FULL, CLOSE_ARCHIVE_ERROR, CLOSE_SPOOL_ERROR})


def all_stat_keys() -> frozenset[str]:
    """Every fixed key of `Stat` (for tests and documentation)."""
    return frozenset(v for k, v in vars(Stat).items() if k.isupper() and isinstance(v, str))
