"""Per-site run state shared by the spider and its components."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from pipeline.records import KnownPage, ResumePoint
from pipeline.siteconfig import SiteConfig
from pipeline.spool import SpoolWriter
from pipeline.warc import WarcArchive


@dataclass
class RunContext:
    """What one site's crawl writes to: its WARC archive and its spool files."""

    run_id: str
    data_dir: Path
    config: SiteConfig
    # Article URLs the warehouse already holds, by url_key (for conditional requests).
    known: dict[str, KnownPage] = field(default_factory=dict)
    # url_keys whose sitemap <lastmod> is unchanged since the last fetch: not requested.
    unchanged_keys: set[str] = field(default_factory=set)
    # Set when this part continues a run that was killed: what the archive already holds.
    resumed_from: ResumePoint | None = None
    archive: WarcArchive = field(init=False)
    spool: SpoolWriter = field(init=False)

    def __post_init__(self) -> None:
        self.archive = WarcArchive(self.data_dir, self.run_id, self.config.name)
        self.spool = SpoolWriter(self.data_dir / "spool" / self.run_id, self.config.name)

    def close(self) -> list[tuple[Literal["archive", "spool"], OSError]]:
        """Flush the archive and the spool (the spider calls this once, when it closes);
        return the writes that failed, by area.

        Each is closed even when the other fails (a full disk), so buffered rows are never
        dropped silently and both failures are named.
        """
        failed: list[tuple[Literal["archive", "spool"], OSError]] = []
        try:
            self.archive.close()
        except OSError as exc:
            failed.append(("archive", exc))
        try:
            self.spool.close()
        except OSError as exc:
            failed.append(("spool", exc))
        return failed
