"""The errors yuqi raises on purpose, and the exit status each one means.

Library code (every package) raises these; the `yuqi` command maps them in one
place: a `YuqiError` becomes one line on stderr and its `exit_code`; any other
exception is a bug (exit 1, one line naming the log file with the traceback).
Like Scrapy's `scrapy.exceptions`, this module is the one list of them.
"""

from __future__ import annotations


class YuqiError(Exception):
    """An expected failure with a one-line message naming the file, URL or field at fault."""

    exit_code: int = 1


class UsageError(YuqiError):
    """Bad usage or configuration: a wrong option, a missing or invalid file (exit 2)."""

    exit_code = 2


class RunError(YuqiError):
    """A run that started and failed: a damaged warehouse, an unreadable archive (exit 1)."""

    exit_code = 1
