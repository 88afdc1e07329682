"""`yuqi sql` output shows scraped text as data: no markup, no terminal control, LF lines."""

from __future__ import annotations

import io

import pytest
from rich.console import Console

from yuqi.cli.output import print_rows

HOSTILE = ["[b]借呗[/b]逾期", "closing [/url] tag", "red \x1b[31mtext\x1b[0m", "rtl \u202eevil"]


def test_table_shows_markup_literally_and_escapes_controls() -> None:
    buf = io.StringIO()
    console = Console(file=buf, width=200, color_system=None, legacy_windows=False)
    print_rows(["title"], [(t,) for t in HOSTILE], "table", console)
    shown = buf.getvalue()
    assert "[b]借呗[/b]逾期" in shown and "[/url]" in shown
    assert "\x1b" not in shown and "\u202e" not in shown
    assert "\\x1b[31m" in shown and "\\u202e" in shown


def test_csv_rows_end_with_lf_only(capsys: pytest.CaptureFixture[str]) -> None:
    print_rows(["a", "b"], [(1, "x"), (2, None)], "csv", Console())
    out = capsys.readouterr().out
    assert "\r" not in out
    assert out.split("\n")[:3] == ["a,b", "1,x", "2,"]
