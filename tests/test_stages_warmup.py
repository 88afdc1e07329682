"""The stages' warm-up in the pool's forkserver (pipeline.stages_warmup, perf8).

The sample page must go through every stage (a document and claims, so the tagger's data
is loaded); a failing warm-up must cost nothing but the time; the crawl pool's workers
must start with it done.
"""

from __future__ import annotations

import json
import logging
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

import pipeline.stages_warmup as warmup
from pipeline.page import page_result

REPO = Path(__file__).resolve().parent.parent


def _last_line(script: Path, *args: str) -> str:
    """The last line *script* prints, run with *args* in a fresh interpreter (its own
    forkserver) that sees only the repository."""
    out = subprocess.run([sys.executable, str(script), *args], cwd=REPO, capture_output=True,
                         text=True, timeout=120, check=True,
                         env={"PYTHONPATH": str(REPO), "PATH": "/usr/bin:/bin"})
    return out.stdout.strip().splitlines()[-1]


def test_the_sample_page_goes_through_every_stage() -> None:
    result = page_result(warmup.SAMPLE_PAGE, warmup.SAMPLE_CONFIG)
    assert result.dropped is None
    assert result.document is not None
    assert "征信" in result.document.text
    assert result.claims  # the tagger ran on it, so its cue data and senses are loaded


def test_a_failing_warm_up_is_harmless(monkeypatch: pytest.MonkeyPatch,
                                       caplog: pytest.LogCaptureFixture) -> None:
    def boom(*_: object) -> None:
        raise RuntimeError("no warm-up today")

    monkeypatch.setattr(warmup, "page_result", boom)
    with caplog.at_level(logging.DEBUG, logger=warmup.__name__):
        assert warmup.warm() is None  # the failure is swallowed, not raised
    assert "warming up the stages failed" in caplog.text
    assert "no warm-up today" in caplog.text


def test_the_crawl_pools_workers_start_warm(tmp_path: Path) -> None:
    """A worker forked by the crawl pool's forkserver has the justext stoplist built (and
    justext's set of it cached), every sense rule's context search compiled and the
    warm-up module loaded before it sees a page (a
    fresh interpreter, so this test's process has no forkserver of its own yet)."""
    script = tmp_path / "probe.py"
    script.write_text(textwrap.dedent("""
        import multiprocessing
        import sys

        def probe(conn):
            from justext.core import define_stoplist
            from trafilatura import external
            from pipeline.claims.senses import _context_pattern, load_senses
            contexts = {rule.context for rule in load_senses().senses}
            conn.send((external.JT_STOPLIST is not None,
                       define_stoplist.cache_info().currsize > 0,
                       "pipeline.stages_warmup" in sys.modules,
                       _context_pattern.cache_info().currsize == len(contexts) > 100))

        if __name__ == "__main__":
            from pipeline.page_pool import PagePool
            PagePool(1)  # sets the forkserver's preload, as a crawl does
            context = multiprocessing.get_context("forkserver")
            ours, theirs = context.Pipe()
            process = context.Process(target=probe, args=(theirs,))
            process.start()
            print(ours.recv())
            process.join()
    """), encoding="utf-8")
    assert _last_line(script) == "(True, True, True, True)"


def test_the_stages_server_started_early_is_the_pools(tmp_path: Path) -> None:
    """`start_stages_server` (what `yuqi crawl` calls before importing Scrapy) imports
    nothing heavy, returns with the forkserver launched, and the pool created later forks
    its workers from that same server, warmed up, giving the inline rows."""
    script = tmp_path / "early.py"
    script.write_text(textwrap.dedent("""
        import json
        import multiprocessing
        import sys
        from multiprocessing import forkserver

        def probe(conn):
            conn.send("pipeline.stages_warmup" in sys.modules)

        if __name__ == "__main__":
            from pipeline.stages_server import start_stages_server
            start_stages_server()
            heavy = sorted(m for m in ("trafilatura", "scrapy", "pipeline.page")
                           if m in sys.modules)
            early_pid = forkserver._forkserver._forkserver_pid
            from pipeline.page_pool import PagePool
            from pipeline.stages_warmup import SAMPLE_CONFIG, SAMPLE_PAGE
            from pipeline.page import page_rows_result
            from pipeline.stages_server import stages_context
            pool = PagePool(1)
            context = stages_context()
            ours, theirs = context.Pipe()
            process = context.Process(target=probe, args=(theirs,))
            process.start()
            warm = ours.recv()
            process.join()
            import asyncio
            async def one():
                pool.start()
                return await pool.run(SAMPLE_PAGE, SAMPLE_CONFIG)
            rows = asyncio.run(one())
            pool.close()
            same = rows == page_rows_result(SAMPLE_PAGE, SAMPLE_CONFIG)
            print(json.dumps({"heavy": heavy, "early": early_pid is not None,
                              "same_server": forkserver._forkserver._forkserver_pid == early_pid,
                              "warm": warm, "same_rows": same}))
    """), encoding="utf-8")
    seen = json.loads(_last_line(script))
    assert seen == {"heavy": [], "early": True, "same_server": True, "warm": True,
                    "same_rows": True}


@pytest.mark.parametrize(("script_imports", "worker_imports_them"),
                         [(["yuqi.cli"], False), ([], True)])
def test_a_workers_rerun_of_the_command_script_finds_its_imports_done(
        tmp_path: Path, script_imports: list[str], worker_imports_them: bool) -> None:
    """multiprocessing runs the main script again in every worker it starts (the `yuqi`
    command's script imports yuqi.cli): told so, the stages' server has imported them once
    and a worker imports nothing of them; not told, each worker imports them itself."""
    script = tmp_path / "command.py"
    script.write_text(textwrap.dedent("""
        import json
        import sys

        FOUND = []  # what this process imported through the finders (not yet imported)


        class Spy:
            def find_spec(self, name, path=None, target=None):
                FOUND.append(name)
                return None


        sys.meta_path.insert(0, Spy())
        from yuqi.cli import main  # as the `yuqi` console script does


        def imported_here(conn):
            conn.send("yuqi.cli" in FOUND)


        if __name__ == "__main__":
            from pipeline.stages_server import stages_context, start_stages_server
            start_stages_server(sys.argv[1:])
            context = stages_context()
            ours, theirs = context.Pipe()
            worker = context.Process(target=imported_here, args=(theirs,))
            worker.start()
            print(json.dumps(ours.recv()))
            worker.join()
    """), encoding="utf-8")
    assert json.loads(_last_line(script, *script_imports)) is worker_imports_them
