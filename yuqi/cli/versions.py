"""The versions a user quotes in a bug report: the package, the extractor and the tagger."""

from __future__ import annotations


def version_line() -> str:
    """One line naming the yuqi package version and the extractor and tagger versions.

    Why: every stored row carries the extractor and tagger versions, so a user
    comparing runs needs to see which ones the installed command would write.
    """
    from pipeline.claims import TAGGER_VERSION
    from pipeline.extract import EXTRACTOR_VERSION
    from yuqi import __version__

    return f"yuqi {__version__} (extractor {EXTRACTOR_VERSION}, tagger {TAGGER_VERSION})"
