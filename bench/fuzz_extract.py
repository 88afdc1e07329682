"""Mutation fuzzer for extraction (`make fuzz`): real and demo pages, broken on purpose.

Seeds are demo-web article pages (rendered in-process from ``demo``) and, when
the shared evaluation folder is there, the real pages of
``eval/extraction-zh``. Each mutant applies one to three mutations to a seed:
comments, processing instructions, CDATA and doctypes inserted between and
inside elements (beside headings and at the start of list items too),
closing tags dropped or duplicated, ``<html>`` duplicated, block elements
nested in tables, paragraphs turned into ``<br>`` runs, entity
soup, a truncation at a random byte, a slice re-encoded in another codec, the
whole page as UTF-16 without BOM, and flipped bytes.

Every mutant goes through ``extract_strict`` (extraction without the
never-raise net, so an exception shows where it happened) and the claim
tagger. The report counts exceptions by type and location (the innermost
frame) and lists mutants slower than the extraction guard
(``pipeline.extract.TIME_LIMIT_S``) or stopped by it. ``run()`` (``make
bench``) does a short run; ``python -m bench.fuzz_extract --mutants N`` a long one.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
import traceback
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from demo.site_configs import site_configs
from demo.truth import truth_records
from demo.web import DemoWeb
from pipeline.claims import tag_document
from pipeline.extract import TIME_LIMIT_S, ExtractConfig, extract_strict

BASE = "http://127.0.0.1:8080"
LONG_TEXT = "花呗逾期之后平台会先通过短信和电话提醒用户还款这个阶段一般不会联系家人" * 3


@dataclass(frozen=True, slots=True)
class Seed:
    """A page to mutate: its bytes, a name, and the extraction settings of its site."""

    name: str
    body: bytes
    content_type: str = ""
    config: ExtractConfig = field(default_factory=ExtractConfig)


def demo_seeds(per_site: int = 4) -> list[Seed]:
    """*per_site* article pages of every demo site, with the site's drop selectors."""
    web = DemoWeb(size=120)
    configs = {str(c["name"]): c for c in site_configs(BASE)}
    taken: Counter[str] = Counter()
    seeds = []
    for record in truth_records(BASE, size=120, corpus=web.corpus):
        site = str(record["site"])
        if taken[site] >= per_site or record["deleted_day"] is not None:
            continue
        taken[site] += 1
        url = str(record["url"])
        resp = web.respond(urlsplit(url).path, {"Host": "127.0.0.1:8080"})
        config = configs[site]
        drops = tuple(str(x) for x in config["drop_selectors"])  # type: ignore[attr-defined]
        seeds.append(Seed(urlsplit(url).path, resp.body, resp.header("Content-Type") or "",
                          ExtractConfig(drops, str(config["encoding"]))))
    return seeds


def eval_seeds(shared: Path) -> list[Seed]:
    """The real pages of ``shared/eval/extraction-zh`` (none when the folder is absent)."""
    root = shared / "eval" / "extraction-zh" / "original"
    return [Seed(p.name, p.read_bytes()) for p in sorted(root.glob("*.html"))]


# --- mutations: each takes (rng, page bytes) and returns new bytes -----------------

Mutation = Callable[[random.Random, bytes], bytes]
_INSERTS = (
    b"<!-- c -->", b"<!---->", b"<!-- <p>in a comment</p> -->", b"<?php echo 1; ?>",
    b"<?xml-stylesheet href='a.xsl'?>", b"<![CDATA[ raw < & > ]]>", b"<!DOCTYPE html>",
    b"<html><body>", b"</body></html>", b"<!-- unterminated", b"<?pi",
    b"&#0;&#xD800;&#99999999;&nbsp&amp&lt;&#x;", b"\x00", b"<br><br>", b"</td></tr></table>",
)
_BLOCKS = (b"<table><tr><td>", b"<table><tr><td><div><p>", b"<td>", b"<tr>", b"<li>",
           b"<h2>", b"<ul><li><!-- c -->")


def _positions(page: bytes, needle: bytes) -> list[int]:
    found: list[int] = []
    at = page.find(needle)
    while at != -1 and len(found) < 2000:
        found.append(at)
        at = page.find(needle, at + 1)
    return found


def _at_tag(rng: random.Random, page: bytes) -> int:
    """A random position just before a '<' or just after a '>' (between elements)."""
    spots = _positions(page, b"<") + [p + 1 for p in _positions(page, b">")]
    return rng.choice(spots) if spots else rng.randrange(len(page) + 1)


def insert_between(rng: random.Random, page: bytes) -> bytes:
    """A comment, PI, CDATA, doctype, stray html tag or entity soup between elements."""
    at = _at_tag(rng, page)
    return page[:at] + rng.choice(_INSERTS) + page[at:]


def insert_inside(rng: random.Random, page: bytes) -> bytes:
    """The same, at any byte (inside text, tags and multi-byte characters too)."""
    at = rng.randrange(len(page) + 1)
    return page[:at] + rng.choice(_INSERTS) + page[at:]


def comment_in_item(rng: random.Random, page: bytes) -> bytes:
    """A list item opening with a comment, then long text (crashed trafilatura's lists)."""
    at = _at_tag(rng, page)
    item = b"<ul><li><!-- c -->" + LONG_TEXT.encode("utf-8") + b"</li></ul>"
    return page[:at] + item + page[at:]


def comment_beside_heading(rng: random.Random, page: bytes) -> bytes:
    """A comment or PI right before or after a heading (crashed the heading pass)."""
    spots = [p for tag in (b"<h2", b"<h3", b"<h4") for p in _positions(page, tag)]
    spots += [p + 5 for tag in (b"</h2>", b"</h3>", b"</h4>") for p in _positions(page, tag)]
    if not spots:
        return insert_between(rng, page)
    at = rng.choice(spots)
    return page[:at] + rng.choice(_INSERTS[:6]) + page[at:]


def drop_closing(rng: random.Random, page: bytes) -> bytes:
    """Remove one closing tag."""
    spots = _positions(page, b"</")
    if not spots:
        return page
    at = rng.choice(spots)
    end = page.find(b">", at)
    return page if end == -1 else page[:at] + page[end + 1:]


def duplicate_closing(rng: random.Random, page: bytes) -> bytes:
    """Write one closing tag twice."""
    spots = _positions(page, b"</")
    if not spots:
        return page
    at = rng.choice(spots)
    end = page.find(b">", at)
    return page if end == -1 else page[:end + 1] + page[at:end + 1] + page[end + 1:]


def nest_in_table(rng: random.Random, page: bytes) -> bytes:
    """Open a table cell (or another block) between elements, never closed."""
    at = _at_tag(rng, page)
    return page[:at] + rng.choice(_BLOCKS) + page[at:]


def paragraphs_to_br(rng: random.Random, page: bytes) -> bytes:
    """Turn paragraph and heading tags into ``<br>`` runs (old table-layout CMS output)."""
    for tag in (b"<p>", b"</p>", b"<h2>", b"</h2>", b"<h3>", b"</h3>"):
        page = page.replace(tag, rng.choice((b"<br>", b"<br><br>", b"<br/>\n")))
    return page


def truncate(rng: random.Random, page: bytes) -> bytes:
    """Cut the page at a random byte."""
    return page[:rng.randrange(len(page) + 1)]


def mix_encodings(rng: random.Random, page: bytes) -> bytes:
    """Re-encode a slice of the page in another codec (GBK inside UTF-8 or the reverse)."""
    for codec in ("utf-8", "gb18030"):
        try:
            text = page.decode(codec)
        except UnicodeDecodeError:
            continue
        other = "gbk" if codec == "utf-8" else "utf-8"
        a = rng.randrange(len(text) + 1)
        b = min(len(text), a + rng.randrange(1, 4000))
        return (text[:a].encode(codec) + text[a:b].encode(other, errors="replace")
                + text[b:].encode(codec))
    return page


def as_utf16(rng: random.Random, page: bytes) -> bytes:
    """The whole page as UTF-16 (either byte order) without a BOM."""
    for codec in ("utf-8", "gb18030"):
        try:
            return page.decode(codec).encode(rng.choice(("utf-16-le", "utf-16-be")))
        except UnicodeDecodeError:
            continue
    return page


def flip_bytes(rng: random.Random, page: bytes) -> bytes:
    """Overwrite 1-30 random bytes with random values."""
    if not page:
        return page
    data = bytearray(page)
    for _ in range(rng.randint(1, 30)):
        data[rng.randrange(len(data))] = rng.randrange(256)
    return bytes(data)


MUTATIONS: tuple[Mutation, ...] = (
    insert_between, insert_between, insert_inside, comment_in_item, comment_beside_heading,
    drop_closing,
    duplicate_closing, nest_in_table, paragraphs_to_br, truncate, mix_encodings, as_utf16,
    flip_bytes,
)


def mutants(seeds: list[Seed], count: int, seed: int) -> Iterator[tuple[Seed, bytes, str]]:
    """*count* mutants (seed page, bytes, names of the mutations), reproducible from *seed*."""
    rng = random.Random(seed)
    for _ in range(count):
        base = rng.choice(seeds)
        page = base.body
        names = []
        for mutation in rng.sample(MUTATIONS, rng.randint(1, 3)):
            page = mutation(rng, page)
            names.append(mutation.__name__)
        yield base, page, "+".join(names)


# --- running and reporting ----------------------------------------------------------


@dataclass
class FuzzReport:
    """What a fuzz run found: exceptions by (type, location), slow and timed-out mutants."""

    mutants: int = 0
    exceptions: Counter[tuple[str, str]] = field(default_factory=Counter)
    examples: dict[tuple[str, str], str] = field(default_factory=dict)
    slow: list[tuple[float, str]] = field(default_factory=list)
    flags: Counter[str] = field(default_factory=Counter)
    seconds: float = 0.0

    @property
    def exception_count(self) -> int:
        """All exceptions raised, whatever their type."""
        return sum(self.exceptions.values())


def _location(exc: BaseException) -> str:
    """The innermost Python frame of the traceback: ``file:line in function``."""
    frames = traceback.extract_tb(exc.__traceback__)
    python = [f for f in frames if f.filename.endswith(".py")]  # not lxml's .pxi internals
    if not frames:
        return "?"
    last = (python or frames)[-1]
    parts = Path(last.filename).parts
    short = "/".join(parts[-2:])
    return f"{short}:{last.lineno} in {last.name}"


def fuzz(seeds: list[Seed], count: int, seed: int = 0, guard: float = TIME_LIMIT_S
         ) -> FuzzReport:
    """Extract and tag *count* mutants of *seeds*; count what raised and what was slow."""
    report = FuzzReport()
    started = time.perf_counter()
    for base, page, names in mutants(seeds, count, seed):
        report.mutants += 1
        t0 = time.perf_counter()
        try:
            result = extract_strict(page, "", base.content_type, base.config)
            tag_document("fuzz", result.text)
        except Exception as exc:  # what the fuzzer is looking for
            key = (type(exc).__name__, _location(exc))
            report.exceptions[key] += 1
            report.examples.setdefault(key, f"{base.name} {names}")
            continue
        elapsed = time.perf_counter() - t0
        if result.flags:
            report.flags[result.flags[-1].split(":")[0]] += 1
        if elapsed > guard or "timeout" in result.flags:
            report.slow.append((elapsed, f"{base.name} {names}"))
    report.seconds = time.perf_counter() - started
    return report


def print_report(report: FuzzReport) -> None:
    """Print the counts, each exception with its location and an example, the slow mutants."""
    print(f"fuzz: {report.mutants} mutants in {report.seconds:.0f} s, "
          f"{report.exception_count} exceptions, {len(report.slow)} slower than the "
          f"{TIME_LIMIT_S:.0f} s extraction guard")
    for (name, where), n in report.exceptions.most_common():
        print(f"  {n:5d} {name} at {where} (e.g. {report.examples[(name, where)]})")
    for elapsed, what in sorted(report.slow, reverse=True)[:10]:
        print(f"  slow {elapsed:.1f} s: {what}")
    print("  last flag of each mutant: " + ", ".join(
        f"{k} {v}" for k, v in report.flags.most_common()))


def run() -> None:
    """`make bench`: a short fuzz run on the demo pages."""
    print_report(fuzz(demo_seeds(), 1000, seed=1))


def main(argv: list[str] | None = None) -> int:
    """`make fuzz`: ``python -m bench.fuzz_extract [--mutants N] [--seed S] [--shared DIR]``."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--mutants", type=int, default=5000)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--shared", type=Path, default=Path("../shared"))
    args = parser.parse_args(argv)
    seeds = demo_seeds()
    real = eval_seeds(args.shared)
    print(f"fuzz: {len(seeds)} demo pages, {len(real)} real pages from {args.shared} "
          f"(seed {args.seed})")
    report = fuzz(seeds + real, args.mutants, args.seed)
    print_report(report)
    return 1 if report.exception_count else 0


if __name__ == "__main__":
    sys.exit(main())
