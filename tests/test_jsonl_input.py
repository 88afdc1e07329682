"""JSONL input of `yuqi claims` / `yuqi dedup`: records end at LF only; bad lines are named."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from yuqi.cli import app


def _run(command: str, data: bytes) -> tuple[int, str, str]:
    result = CliRunner().invoke(app, [command, "-"], input=data)
    return result.exit_code, result.stdout, result.stderr


@pytest.mark.parametrize("command", ["claims", "dedup"])
@pytest.mark.parametrize(("data", "why"), [
    (b'{"id": 1, "text": "a"}\n{"id": 1, "text": "b"}\n', "-:2: id 1 repeats line 1"),
    (b'{"id": NaN, "text": "a"}\n', "-:1: invalid JSON"),
    (b'{"id": 2, "text": "x\\ud800y"}\n', "-:1: a lone surrogate"),
    (b'{"id": 3}\n', "-:1: expected an object"),
    (b'\xff\xfe{}', "not UTF-8"),
])
def test_bad_lines_exit_2_naming_the_line(command: str, data: bytes, why: str) -> None:
    code, out, err = _run(command, data)
    assert code == 2
    assert out == ""
    assert err.startswith("yuqi: error: ") and why in err and len(err.strip().splitlines()) == 1


def test_line_separators_inside_strings_do_not_split_a_record() -> None:
    text = "花呗逾期会打电话\u2028给家人吗\u2029\u0085"
    code, out, err = _run("dedup", json.dumps({"id": "a", "text": text}, ensure_ascii=False)
                          .encode("utf-8") + b"\n")
    assert code == 0, err
    assert [json.loads(line)["id"] for line in out.splitlines()] == ["a"]


def test_a_leading_bom_is_accepted() -> None:
    code, out, err = _run("claims", "\ufeff".encode() + json.dumps(
        {"id": "b", "text": "花呗逾期后一般不会联系家人。"}, ensure_ascii=False).encode())
    assert code == 0, err
    assert json.loads(out.splitlines()[0])["id"] == "b"


def test_zero_width_characters_do_not_hide_a_product() -> None:
    """`yuqi claims` reads text no extractor cleaned: 借\\u200b呗 is still 借呗."""
    code, out, err = _run("claims", json.dumps(
        {"id": "z", "text": "借\u200b呗逾期三个月会联系家人。"}, ensure_ascii=False).encode())
    assert code == 0, err
    assert json.loads(out.splitlines()[0])["products"] == ["借呗"]
