"""A crawl starts while a load holds the warehouse: known pages come from the load's snapshot."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from tests.helpers import make_document, write_spool
from warehouse.connect import WarehouseLocked, open_reader, warehouse_path
from warehouse.known import known_pages, snapshot_path
from yuqi.app.load import load_pending

_HOLDER = (
    "import duckdb, sys\n"
    "con = duckdb.connect(sys.argv[1])\n"
    "print('holding', flush=True)\n"
    "sys.stdin.read()\n"
)


@contextmanager
def writer_holding(path: Path) -> Iterator[None]:
    """Another process with the warehouse open for writing, until the block ends."""
    proc = subprocess.Popen([sys.executable, "-c", _HOLDER, str(path)], stdin=subprocess.PIPE,
                            stdout=subprocess.PIPE, text=True)
    try:
        assert proc.stdout is not None and proc.stdout.readline().strip() == "holding"
        yield
    finally:
        assert proc.stdin is not None
        proc.stdin.close()
        proc.wait(timeout=30)


@pytest.fixture
def data(tmp_path: Path) -> Path:
    fetches = [(f"http://127.0.0.1/a{i}.html", 200) for i in range(3)]
    write_spool(tmp_path, "run1", [make_document("d1", "run1", "花呗逾期会打电话。\n" * 3)], [],
                fetches=fetches)
    load_pending(tmp_path)
    return tmp_path


def test_every_load_writes_the_snapshot(data: Path) -> None:
    assert snapshot_path(warehouse_path(data)).exists()
    assert not list(data.glob("*.tmp"))


def test_known_pages_come_from_the_snapshot_while_a_writer_holds_the_warehouse(
        data: Path) -> None:
    path = warehouse_path(data)
    free = known_pages(path, ["farm-a"])
    assert free, "the fixture's fetches should be known pages"
    with writer_holding(path):
        with pytest.raises(WarehouseLocked):
            open_reader(path).close()
        held = known_pages(path, ["farm-a"], lock_timeout=0.0)
        other_site = known_pages(path, ["farm-z"], lock_timeout=0.0)
    assert sorted(held, key=lambda p: p.url) == sorted(free, key=lambda p: p.url)
    assert other_site == []


def test_without_a_snapshot_a_held_warehouse_is_one_clear_error(data: Path) -> None:
    path = warehouse_path(data)
    snapshot_path(path).unlink()
    with writer_holding(path), pytest.raises(WarehouseLocked, match="locked by"):
        known_pages(path, ["farm-a"], lock_timeout=0.0)
