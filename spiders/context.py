"""Per-site run state shared by the spider and its components."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from pipeline.siteconfig import SiteConfig
from pipeline.spool import SpoolWriter
from spiders.warc import WarcArchive


@dataclass
class RunContext:
    """What one site's crawl writes to: its WARC archive and its spool files."""

    run_id: str
    data_dir: Path
    config: SiteConfig
    archive: WarcArchive = field(init=False)
    spool: SpoolWriter = field(init=False)

    def __post_init__(self) -> None:
        self.archive = WarcArchive(self.data_dir, self.run_id, self.config.name)
        self.spool = SpoolWriter(self.data_dir / "spool" / self.run_id, self.config.name)

    def close(self) -> None:
        """Flush the archive and the spool."""
        self.archive.close()
        self.spool.close()
