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


def test_table_wraps_long_chinese_text_instead_of_cutting_it() -> None:
    text = "花呗逾期之后平台会先发短信提醒然后电话催收可能联系紧急联系人" * 3
    buf = io.StringIO()
    print_rows(["text"], [(text,)], "table", Console(file=buf, width=40, color_system=None))
    shown = "".join(ch for ch in buf.getvalue() if "\u4e00" <= ch <= "\u9fff")
    assert shown == text
    assert "…" not in buf.getvalue()


def test_jsonl_is_one_object_a_line(capsys: pytest.CaptureFixture[str]) -> None:
    import json

    print_rows(["a", "b"], [(1, "借呗"), (2, None)], "jsonl", Console())
    lines = capsys.readouterr().out.splitlines()
    assert [json.loads(line) for line in lines] == [{"a": 1, "b": "借呗"}, {"a": 2, "b": None}]
