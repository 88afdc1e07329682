"""The `yuqi` command line: a thin layer over the packages (the one composition root).

Exit status: 0 success, 2 bad usage or configuration (one line on stderr),
1 a run that failed, or a bug (one line naming the log file with the traceback).
Library code raises `pipeline.errors` exceptions; `_YuqiGroup` maps them to one
line and their exit status, so each command holds options, one call and output.
"""

from __future__ import annotations

import contextlib
import functools
import inspect
import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Annotated, Any, NoReturn

import typer
from rich.console import Console
from typer.core import TyperGroup

from pipeline.errors import RunError, UsageError, YuqiError
from pipeline.siteconfig import load_site_configs, site_config_from_mapping
from pipeline.stat_keys import CLOSE_DISK_FULL, Stat, short_name
from pipeline.stats import refusals
from yuqi.cli.crashlog import write_crash_log
from yuqi.cli.site import chosen_sites, site_app
from yuqi.cli.versions import version_line

# typer vendors click; its usage errors all derive from click's ClickException.
_CLICK_ERROR: type[Exception] = next(
    c for c in typer.BadParameter.__mro__ if c.__name__ == "ClickException"
)

err = Console(stderr=True, highlight=False)
out = Console(highlight=False, soft_wrap=True)


class _YuqiGroup(TyperGroup):
    """Typer's group, plus the one place where a `YuqiError` becomes a line and an exit code."""

    def invoke(self, ctx: Any) -> Any:
        """Run the command; an expected error prints `yuqi: error: ...` and exits with its code."""
        try:
            return super().invoke(ctx)
        except YuqiError as exc:
            err.print(f"yuqi: error: {exc}", markup=False, soft_wrap=True)
            raise typer.Exit(exc.exit_code) from None


app = typer.Typer(
    name="yuqi",
    help="Watch what content farms tell indebted people about debt collection.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    cls=_YuqiGroup,
)


app.add_typer(site_app)  # yuqi site new|check (yuqi/cli/site.py)


def _print_version(value: bool) -> None:
    if value:
        out.print(version_line(), markup=False)
        raise typer.Exit()


@app.callback()
def _root(
    version: Annotated[bool, typer.Option(
        "--version", is_eager=True, callback=_print_version,
        help="Print the yuqi, extractor and tagger versions and exit.")] = False,
) -> None:
    """Watch what content farms tell indebted people about debt collection."""


DataDir = Annotated[Path, typer.Option("--data-dir", help="Data directory.")]
Wait = Annotated[float, typer.Option(
    "--wait", min=0, help="Seconds to wait while another yuqi process holds the data dir "
    "(default: refuse at once, exit 75).")]


# Commands that may start a new data dir; the others leave a missing one to their own error.
_CREATES_DATA_DIR = frozenset({"run", "crawl", "load", "demo"})


def writes_data_dir(command: Callable[..., Any]) -> Callable[..., Any]:
    """Run *command* holding its data dir's lock (`yuqi.app.lock`); typer sees its signature."""
    signature = inspect.signature(command)

    @functools.wraps(command)
    def holding(*args: Any, **kwargs: Any) -> Any:
        from yuqi.app.lock import hold_data_dir

        bound = signature.bind(*args, **kwargs)
        bound.apply_defaults()
        if bound.arguments.get("check"):  # validate only: writes nothing, needs no lock
            return command(*args, **kwargs)
        data_dir = bound.arguments["data_dir"]
        wait = float(bound.arguments.get("wait", 0.0))
        name = command.__name__.removesuffix("_cmd")
        with hold_data_dir(data_dir, name, wait, create=name in _CREATES_DATA_DIR):
            return command(*args, **kwargs)

    return holding
Fmt = Annotated[str, typer.Option("--format", help="Output format.")]
InPath = Annotated[str, typer.Argument(help="Input file, or - for standard input.")]


def fail(message: str, code: int = 1) -> NoReturn:
    """Stop the command with one clear error line: exit 2 (usage) or 1 (a failed run)."""
    raise (UsageError if code == 2 else RunError)(message)


def _read_input(path: str) -> str:
    """The UTF-8 text of *path* (or standard input for -), without a leading BOM."""
    try:
        data = sys.stdin.buffer.read() if path == "-" else Path(path).read_bytes()
    except OSError as exc:
        fail(f"{path}: cannot read: {exc.strerror}", 2)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        fail(f"{path}: not UTF-8 text (byte {exc.start})", 2)


def _no_constant(name: str) -> NoReturn:
    raise ValueError(f"{name} is not JSON")


def _read_jsonl(path: str) -> list[dict[str, object]]:
    """JSON objects with an 'id' and a 'text', one a line (lines end at LF only).

    Why LF only: U+2028 and friends are legal inside JSON strings and must not
    split a record. A bad line is named by number, and ids must be unique,
    since every output line refers back to one.
    """
    rows = []
    seen: dict[str, int] = {}
    for lineno, line in enumerate(_read_input(path).split("\n"), 1):
        if not line.strip():
            continue
        try:
            row = json.loads(line, parse_constant=_no_constant)
        except ValueError as exc:
            fail(f"{path}:{lineno}: invalid JSON: {getattr(exc, 'msg', exc)}", 2)
        if not isinstance(row, dict) or "id" not in row or not isinstance(row.get("text"), str):
            fail(f"{path}:{lineno}: expected an object with 'id' and 'text'", 2)
        try:
            json.dumps(row, ensure_ascii=False).encode("utf-8")
        except UnicodeEncodeError:
            fail(f"{path}:{lineno}: a lone surrogate (\\ud800-\\udfff) is not text", 2)
        key = json.dumps(row["id"], ensure_ascii=False)
        if key in seen:
            fail(f"{path}:{lineno}: id {key} repeats line {seen[key]}", 2)
        seen[key] = lineno
        rows.append(row)
    return rows


def _check_format(fmt: str, allowed: tuple[str, ...]) -> None:
    if fmt not in allowed:
        fail(f"--format must be one of {', '.join(allowed)}, got {fmt!r}", 2)


@app.command()
def extract(
    path: InPath,
    url: Annotated[str, typer.Option(help="The page's URL.")] = "",
    content_type: Annotated[str, typer.Option("--content-type", help="HTTP Content-Type.")] = "",
    encoding: Annotated[str, typer.Option(help="Encoding override.")] = "",
    drop: Annotated[list[str] | None, typer.Option(help="CSS selector to drop.")] = None,
    fmt: Fmt = "json",
) -> None:
    """Extract the main text of one HTML page (bytes decoded as the crawler does).

    A page with no main text (junk, binary, empty, too big) is one line on stderr
    naming the drop reason, exit 1.
    """
    from pipeline.extract import EXTRACTOR_VERSION, ExtractConfig, extract_html

    _check_format(fmt, ("json",))
    try:
        body = sys.stdin.buffer.read() if path == "-" else Path(path).read_bytes()
    except OSError as exc:
        fail(f"{path}: cannot read: {exc.strerror}", 2)
    result = extract_html(body, url, content_type, ExtractConfig(tuple(drop or ()), encoding))
    if not result.paragraphs:
        reason = result.flags[-1] if result.flags else "no_text"
        raise RunError(f"{path}: no main text extracted ({reason})")
    print(json.dumps({
        "url": url or None,
        "title": result.title,
        "text": result.text,
        "paragraphs": list(result.paragraphs),
        "published": result.published,
        "author": result.author,
        "sitename": result.sitename,
        "encoding": result.encoding,
        "flags": list(result.flags),
        "removed": [{"rule": r.rule, "text": r.text} for r in result.removals],
        "extractor_version": EXTRACTOR_VERSION,
    }, ensure_ascii=False))


@app.command()
def claims(
    path: InPath = "-",
    all_sentences: Annotated[bool, typer.Option("--all", help="Also emit non-claims.")] = False,
    explain: Annotated[bool, typer.Option(
        "--explain", help="Add `clauses` (the clause split: role and what each clause's cues "
        "said), `why` (the cue behind each label) and the tagger version.",
    )] = False,
    fmt: Fmt = "jsonl",
) -> None:
    """Tag the sentences of JSONL {"id", "text"} inputs; one JSON line per claim.

    A sentence that asserts a concession and contradicts it (虽然一般不会X，但可能会X)
    gives two lines, `part` 0 and 1, both `self_contradicting`.
    """
    from pipeline.claims import explain_clauses, explain_document

    _check_format(fmt, ("jsonl",))
    for row in _read_jsonl(path):
        tagged = explain_document(str(row["id"]), str(row["text"]),
                                  include_non_claims=all_sentences)  # fmt: skip
        for c, why in tagged:
            line: dict[str, object] = {
                "id": row["id"], "idx": c.idx, "text": c.text, "section": c.section,
                "topics": list(c.topics), "stance": c.stance, "modality": c.modality,
                "hedge": c.hedge, "products": list(c.products),
                "threshold": {"min_days": c.min_days, "max_days": c.max_days, "anchor": c.anchor},
                "sentence_sha1": c.sentence_sha1,
                "part": c.part, "self_contradicting": c.self_contradicting,
            }
            line["cues"] = list(c.cues)
            if explain:
                line["clauses"] = explain_clauses(c.text)
                line["why"] = why
                line["tagger_version"] = c.tagger_version
            print(json.dumps(line, ensure_ascii=False))


@app.command()
def dedup(path: InPath = "-", fmt: Fmt = "jsonl") -> None:
    """Cluster JSONL {"id", "text", [site, url, published]} documents; one line per input."""
    from pipeline.dedup import Clusterer, DedupInput

    _check_format(fmt, ("jsonl",))
    rows = _read_jsonl(path)
    inputs = [
        DedupInput(
            str(r["id"]), str(r["text"]),
            str(r["published"]) if r.get("published") else None, f"{i:09d}",
        )
        for i, r in enumerate(rows)
    ]
    assignments = {a.doc_id: a for a in Clusterer().assign_all(inputs)}
    founders = {a.cluster_id: a.doc_id for a in assignments.values() if a.matched_doc_id is None}
    for r in rows:
        a = assignments[str(r["id"])]
        print(json.dumps({
            "id": r["id"], "cluster_id": a.cluster_id, "canonical_id": founders[a.cluster_id],
            "distance": a.distance, "similarity": a.similarity,
        }, ensure_ascii=False))


@app.command()
def sql(
    query: Annotated[str | None, typer.Argument(
        help="One read-only SELECT statement; - reads it from standard input.")] = None,
    file: Annotated[Path | None, typer.Option(
        "--file", "-f", help="Read the statement from this file (it may start with comments).",
    )] = None,
    data_dir: DataDir = Path("data"),
    fmt: Annotated[str, typer.Option(
        "--format", help="table, csv (LF line ends), json (one array) or jsonl.")] = "table",
    timeout: Annotated[float, typer.Option(help="Query time limit, seconds.")] = 30.0,
    memory_limit: Annotated[str, typer.Option("--memory-limit")] = "1GB",
) -> None:
    """Run a read-only SQL query against the warehouse (safe for untrusted SQL).

    Give the statement as an argument, as - (standard input) or with -f FILE; a
    statement that starts with a `--` comment needs - or -f (or `yuqi sql -- "..."`).
    """
    from warehouse.connect import warehouse_path
    from warehouse.sqlsafe import run_query
    from yuqi.cli.output import print_rows

    _check_format(fmt, ("table", "csv", "json", "jsonl"))
    if (query is None) == (file is None):
        fail("give the SQL statement either as an argument (- for standard input) or with "
             "-f FILE", 2)
    text = _read_input(str(file)) if file is not None else _read_input("-") if query == "-" \
        else str(query)
    result = run_query(warehouse_path(data_dir), text, timeout, memory_limit)
    print_rows(result.columns, result.rows, fmt, out)


@app.command()
@writes_data_dir
def crawl(
    data_dir: DataDir = Path("data"),
    wait: Wait = 0.0,
    site: Annotated[list[str] | None, typer.Option(help="Site config name (repeatable).")] = None,
    sites_dir: Annotated[Path, typer.Option("--sites-dir")] = Path("spiders/sites"),
    max_pages: Annotated[int | None, typer.Option("--max-pages", min=1)] = None,
    no_load: Annotated[bool, typer.Option("--no-load", help="Leave the spool unloaded.")] = False,
    resume: Annotated[bool, typer.Option(
        "--resume", help="Continue the crawl run that was stopped (Ctrl-C, SIGTERM, a crash).")
    ] = False,
    check: Annotated[bool, typer.Option(
        "--check", help="Validate the site configs and print the plan; fetch nothing.")] = False,
    log_format: Annotated[str, typer.Option(
        "--log-format", help="The run's log file data/runs/<run_id>/yuqi.log: text or json "
        "(JSON lines).")] = "text",
    workers: Annotated[int | None, typer.Option(
        "--workers", min=0, help="Processes running the stages (extract, clean, fingerprint, "
        "claims) beside the crawl; default: the usable cores; 0: in the crawl process.")
    ] = None,
) -> None:
    """Crawl the configured sites, archive to WARC, run the stages and load the warehouse.

    Disabled sites (`enabled = false`) are skipped unless --site names them.
    """
    from pipeline.page_pool import usable_cores
    from yuqi.app.crawl import crawl as run

    if log_format not in ("text", "json"):
        fail(f"--log-format must be text or json, got {log_format!r}", 2)
    configs = chosen_sites(sites_dir, site, check)
    if check:
        return
    overrides: dict[str, Any] = {"CLOSESPIDER_PAGECOUNT": max_pages} if max_pages else {}
    overrides["YUQI_WORKERS"] = usable_cores() if workers is None else workers
    outcome = run(configs, data_dir, overrides, resume=resume, say=err.print,
                  log_format=log_format)
    summary = outcome.stats["summary"]
    out.print(f"run {outcome.run_id}: {summary['responses']} responses archived, "
              f"{summary['unchanged']} articles unchanged, "
              f"{summary['documents']} documents, {summary['claims']} claims")
    if not summary["responses"]:
        refused = {short_name(k): v for k, v in refusals(outcome.stats["total"]).items()}
        why = ", ".join(f"{k} {v}" for k, v in sorted(refused.items()))
        hint = " (a local web needs allow_private = true)" if "refused/private_address" in \
            refused else ""
        fail(f"the crawl fetched nothing{': ' + why if why else ''}{hint}", 1)
    if not outcome.finished:
        sites = ", ".join(f"{k} ({v})" for k, v in sorted(outcome.stopped.items()))
        broken = [str(s.get(key)) for s in outcome.stats.get("sites", {}).values()
                  for key in (Stat.ARCHIVE_FAILED, Stat.SPOOL_FAILED) if s.get(key)]
        if broken:
            full = CLOSE_DISK_FULL in outcome.stopped.values()
            fail(f"{'disk full' if full else 'cannot write'}: {broken[0]}; run "
                 f"{outcome.run_id} stopped ({sites}), nothing loaded; free space, then "
                 "`yuqi crawl --resume`", 1)
        fail(f"run {outcome.run_id} stopped early: {sites}; what was fetched is kept, "
             "continue with `yuqi crawl --resume`", 1)
    if not no_load:
        load(data_dir)


@app.command()
@writes_data_dir
def load(
    data_dir: DataDir = Path("data"),
    wait: Wait = 0.0,
    lock_timeout: Annotated[float, typer.Option(
        "--lock-timeout", help="Seconds to keep retrying while another process holds the file."
    )] = 30.0,
    rebuild: Annotated[bool, typer.Option(
        "--rebuild", help="Rebuild the warehouse from every spool on disk beside the old one; "
        "swap it in only when no run is lost (the old file is kept as .broken-<time>)."
    )] = False,
) -> None:
    """Load every finished spool not yet in the warehouse (one transaction per run)."""
    from yuqi.app.load import load_pending

    results = load_pending(data_dir, lock_timeout, rebuild)
    for r in results:
        if r.loaded:
            parts = ", ".join(f"{v} {k}" for k, v in r.counts.items())
            out.print(f"loaded run {r.run_id}: {parts}")
    if not any(r.loaded for r in results):
        out.print("nothing to load")


@app.command()
@writes_data_dir
def process(
    data_dir: DataDir = Path("data"),
    wait: Wait = 0.0,
    retag: Annotated[bool, typer.Option(
        "--retag", help="Re-tag every stored document with the current tagger.")] = False,
    from_warc: Annotated[bool, typer.Option(
        "--from-warc", help="Re-run extract, clean, fingerprint and claims over the WARC "
        "archive into a new run.")] = False,
    run: Annotated[str | None, typer.Option(
        "--run", help="With --from-warc: the crawl run to replay (default: the latest).")] = None,
    all_runs: Annotated[bool, typer.Option(
        "--all-runs", help="With --from-warc: replay every run in the archive.")] = False,
    sites_dir: Annotated[Path, typer.Option(
        "--sites-dir", help="With --from-warc: the site configs.")] = Path("spiders/sites"),
    no_load: Annotated[bool, typer.Option("--no-load", help="Leave the spool unloaded.")] = False,
    lock_timeout: Annotated[float, typer.Option(
        "--lock-timeout", help="Seconds the load keeps retrying while another process holds "
        "the warehouse.")] = 30.0,
    workers: Annotated[int | None, typer.Option(
        "--workers", min=0, help="With --from-warc: processes running the stages, sharing the "
        "WARC files in parts of 16 pages (default: the usable cores; 0 = in this "
        "process).")] = None,
) -> None:
    """Re-run pipeline stages over stored data without recrawling (--from-warc or --retag)."""
    from yuqi.app.retag import retag_warehouse

    if from_warc and retag:
        fail("give either --from-warc or --retag, not both", 2)
    if not from_warc and (run is not None or all_runs):
        fail("--run and --all-runs need --from-warc", 2)
    if from_warc:
        _process_from_warc(data_dir, run, all_runs, sites_dir, no_load, lock_timeout, workers)
        return
    if not retag:
        fail("nothing to do: give --from-warc (re-run the stages over the WARC archive) "
             "or --retag (re-tag every stored document)", 2)
    count, version = retag_warehouse(data_dir, lock_timeout)
    out.print(f"re-tagged every document: {count} claims, tagger {version}")


def _process_from_warc(data_dir: Path, run: str | None, all_runs: bool, sites_dir: Path,
                       no_load: bool, lock_timeout: float, workers: int | None = None) -> None:
    """`yuqi process --from-warc`: replay the archive into a new spool run, then load it."""
    from rich.progress import (
        BarColumn,
        DownloadColumn,
        Progress,
        TaskProgressColumn,
        TextColumn,
        TimeRemainingColumn,
        TransferSpeedColumn,
    )

    from pipeline.page_pool import usable_cores
    from yuqi.app.crawl import new_run_id
    from yuqi.app.load import load_pending
    from yuqi.app.replay import archive_bytes, choose_runs, replay, warc_files

    if run is not None and all_runs:
        fail("give either --run or --all-runs, not both", 2)
    sources = choose_runs(data_dir, run, all_runs)
    configs = {c.name: c for c in load_site_configs(sites_dir)}
    files = warc_files(data_dir, sources)
    new_id = new_run_id()
    pool = usable_cores() if workers is None else workers
    err.print(f"replaying {len(files)} WARC files of run {', '.join(sources)} into run {new_id}"
              + (f" on {pool} worker processes" if pool else ""))
    # by archive bytes, not files: a 256 MB WARC file is minutes of work
    columns = (TextColumn("replaying"), BarColumn(), TaskProgressColumn(), DownloadColumn(),
               TransferSpeedColumn(), TimeRemainingColumn())
    with Progress(*columns, console=err, transient=True,
                  disable=not err.is_terminal) as progress:
        task = progress.add_task("replaying", total=archive_bytes(files))
        outcome = replay(data_dir, sources, configs, new_id, sites_dir, workers=pool,
                         on_bytes=lambda n: progress.advance(task, n))
    summary = outcome.summary
    skipped = outcome.stats[Stat.CORRUPT_RECORDS]
    out.print(f"run {new_id} from warc:{','.join(sources)}: {summary['responses']} responses, "
              f"{summary['documents']} documents, {summary['claims']} claims"
              + (f", {skipped} corrupt records skipped" if skipped else ""))
    if no_load:
        return
    results = load_pending(data_dir, lock_timeout)
    for r in results:
        if r.loaded:
            out.print(f"loaded run {r.run_id}: " + ", ".join(f"{v} {k}"
                                                             for k, v in r.counts.items()))


@app.command()
def export(
    data_dir: DataDir = Path("data"),
    out_dir: Annotated[Path, typer.Option("--out", help="Folder for the exported files.")] = Path(
        "export"),
    fmt: Fmt = "parquet",
) -> None:
    """Export every table and view as Parquet with its comments, plus schema.md (a dictionary)."""
    from warehouse.connect import warehouse_path
    from warehouse.export import export_parquet

    _check_format(fmt, ("parquet",))
    paths = export_parquet(warehouse_path(data_dir), out_dir)
    out.print(f"wrote {len(paths)} Parquet files to {out_dir}")


@app.command()
def status(
    data_dir: DataDir = Path("data"),
    fmt: Annotated[str, typer.Option("--format", help="table or json")] = "table",
    limit: Annotated[int, typer.Option("--runs", min=1, help="How many recent runs.")] = 10,
) -> None:
    """Recent runs (status, documents, claims, health alerts), the lock, unloaded runs, disk."""
    import json as _json

    from yuqi.app.status import data_dir_status
    from yuqi.cli.output import print_rows

    _check_format(fmt, ("table", "json"))
    if not data_dir.is_dir():
        fail(f"{data_dir}: no such data dir", 2)
    st = data_dir_status(data_dir, limit)
    if fmt == "json":
        print(_json.dumps({"data_dir": str(st.data_dir), "held_by": st.holder,
                           "warehouse_note": st.warehouse_note, "runs": st.runs,
                           "unloaded": st.unloaded, "unfinished": st.unfinished,
                           "disk_bytes": st.disk}, ensure_ascii=False, default=str, indent=1))
        return
    out.print(f"data dir {st.data_dir}: " + (f"held by {st.holder}" if st.holder else "idle"))
    if st.warehouse_note:
        out.print(st.warehouse_note)
    if st.runs:
        short = {"run_id": "run", "started_at": "started", "finished_at": "finished",
                 "status": "status", "documents_extracted": "docs", "claims_tagged": "claims",
                 "new_articles": "new", "gone_articles": "gone", "alerts": "alerts"}
        print_rows(list(short.values()),
                   [tuple(str(r[k])[:16] if k.endswith("_at") else r[k] for k in short)
                    for r in st.runs], "table", out)
    for label, names in (("finished, not loaded (yuqi load)", st.unloaded),
                         ("unfinished (yuqi crawl --resume)", st.unfinished)):
        if names:
            out.print(f"{label}: {', '.join(names)}")
    out.print("disk: " + ", ".join(f"{k} {v / 1e6:.1f} MB" for k, v in st.disk.items()))


@app.command()
@writes_data_dir
def prune(
    data_dir: DataDir = Path("data"),
    wait: Wait = 0.0,
    keep_runs: Annotated[int | None, typer.Option(
        "--keep-runs", min=0, help="Keep what the newest N runs left; prune the rest.")] = None,
    older_than: Annotated[float | None, typer.Option(
        "--older-than", min=0, help="Only prune runs started more than DAYS ago.")] = None,
    archive: Annotated[bool, typer.Option(
        "--archive", help="Also remove old WARC files (never the archived copy of a current "
        "document).")] = False,
    dry_run: Annotated[bool, typer.Option("--dry-run", help="Say what would go; remove "
                                          "nothing.")] = False,
) -> None:
    """Remove old runs' spools (once loaded), reports and status files; the warehouse stays.

    A pruned spool can no longer be loaded again by `yuqi load --rebuild`.
    """
    from yuqi.app.prune import execute_prune, plan_prune

    if keep_runs is None and older_than is None:
        fail("prune needs --keep-runs N, --older-than DAYS or both", 2)
    plan = plan_prune(data_dir, keep_runs, older_than, archive)
    for path, why in plan.kept:
        out.print(f"kept {path} ({why})")
    for path in plan.remove:
        out.print(f"{'would remove' if dry_run else 'remove'} {path}")
    if dry_run:
        out.print(f"{len(plan.remove)} path(s) would be removed; nothing was")
        return
    freed = execute_prune(plan)
    out.print(f"removed {len(plan.remove)} path(s), {freed / 1e6:.1f} MB freed")


@app.command()
def docs(
    out_file: Annotated[Path, typer.Option(
        "--out", help="Markdown file to write; - (default) prints it.")] = Path("-"),
    check: Annotated[bool, typer.Option(
        "--check", help="Write nothing; exit 1 when the file is not current.")] = False,
) -> None:
    """Write the warehouse data dictionary (every table and view column, from its COMMENT)."""
    from pipeline.files import atomic_write_text
    from warehouse.dictionary import current_schema_markdown

    text = current_schema_markdown()
    if str(out_file) == "-" and not check:
        sys.stdout.write(text)
        return
    if check:
        current = out_file.read_text(encoding="utf-8") if out_file.exists() else None
        if current != text:
            fail(f"{out_file}: not current; run `yuqi docs --out {out_file}`")
        out.print(f"{out_file} is current")
        return
    out_file.parent.mkdir(parents=True, exist_ok=True)
    atomic_write_text(out_file, text)
    out.print(f"wrote {out_file}")


@app.command()
def report(
    data_dir: DataDir = Path("data"),
    out_dir: Annotated[Path | None, typer.Option("--out")] = None,
    fmt: Annotated[str, typer.Option("--format", help="html, md or html,md")] = "html,md",
    product: Annotated[str | None, typer.Option(help="Only this product.")] = None,
    topic: Annotated[str | None, typer.Option(help="Only this topic.")] = None,
    site: Annotated[str | None, typer.Option(help="Only this site.")] = None,
    since: Annotated[str | None, typer.Option(help="Only documents seen since DATE.")] = None,
) -> None:
    """Write the HTML and Markdown report from the warehouse."""
    from reports.build import ReportFilters, build_report
    from warehouse.connect import warehouse_path

    formats = [f.strip() for f in fmt.split(",") if f.strip()]
    bad = [f for f in formats if f not in ("html", "md")]
    if bad or not formats:
        fail(f"--format takes html, md or both, got {fmt!r}", 2)
    from yuqi.app.lock import hold_data_dir

    # Writing reports/<run>/ and latest/ is a write to the data dir; --out elsewhere is not.
    holding = hold_data_dir(data_dir, "report") if out_dir is None else contextlib.nullcontext()
    with holding:
        paths = build_report(warehouse_path(data_dir), data_dir / "reports", formats,
                             ReportFilters(product, topic, site, since), out_dir)
    for p in paths:
        out.print(f"wrote {p}")


@app.command("run", epilog=(
    "Exit status: 0 the run finished, was loaded and reported, and every site looked "
    "healthy; 3 the same, but some site's figures fell against its own history (the alerts "
    "are printed, stored in site_health and written to data/runs/<run_id>/status.json); 1 "
    "the run failed (the message says why; a crawl stopped early continues with `yuqi crawl "
    "--resume`); 2 bad usage or configuration; 75 another yuqi process holds the data dir "
    "(try later, or --wait SECONDS)."))
@writes_data_dir
def run_cmd(
    data_dir: DataDir = Path("data"),
    wait: Wait = 0.0,
    site: Annotated[list[str] | None, typer.Option(help="Site config name (repeatable).")] = None,
    sites_dir: Annotated[Path, typer.Option("--sites-dir")] = Path("spiders/sites"),
    no_report: Annotated[bool, typer.Option("--no-report", help="Skip the report.")] = False,
    alerts_file: Annotated[Path | None, typer.Option(
        "--alerts", help="Alert config (webhook, mail); default DATA_DIR/alerts.toml if it "
        "exists.")] = None,
    log_format: Annotated[str, typer.Option(
        "--log-format", help="The run's log file data/runs/<run_id>/yuqi.log: text or json "
        "(JSON lines).")] = "text",
    workers: Annotated[int | None, typer.Option(
        "--workers", min=0, help="Processes running the stages beside the crawl; default: "
        "the usable cores; 0: in the crawl process.")] = None,
) -> None:
    """The scheduled job: crawl, load, check site health and report, holding the data dir.

    This is the line a cron entry or a systemd timer calls.
    """
    from yuqi.app.alerts import alert_payload, load_alert_config, send_alerts
    from yuqi.app.health import check_run_health, status_path

    channels = load_alert_config(data_dir, alerts_file)  # a bad file stops us before crawling
    try:
        crawl(data_dir=data_dir, wait=wait, site=site, sites_dir=sites_dir,
              log_format=log_format, workers=workers)
        run_id, alerts = check_run_health(data_dir)
        if not no_report:
            report(data_dir=data_dir)
    except (typer.Exit, YuqiError, OSError) as exc:
        code = exc.exit_code if isinstance(exc, typer.Exit | YuqiError) else 1
        if channels is not None and code not in (0, 2, 75):
            send_alerts(channels, alert_payload(None, "failed", [], f"yuqi run failed: "
                                                f"{exc if str(exc) else 'see its log'}"),
                        err.print)
        raise
    if alerts:
        for a in alerts:
            err.print(f"health {a.severity}: {a.message}")
        err.print(f"{len(alerts)} site health alert(s); see "
                  f"{status_path(data_dir, str(run_id))}")
        if channels is not None:
            send_alerts(channels, alert_payload(run_id, "alerts", alerts,
                                                f"{len(alerts)} site health alert(s)"),
                        err.print)
        raise typer.Exit(3)


@app.command("serve-demo")
def serve_demo(
    port: Annotated[int, typer.Option(help="Port (0 = any free port).")] = 8080,
    seed: Annotated[int, typer.Option(help="Generator seed.")] = 7,
    day: Annotated[int, typer.Option(help="Simulated day of the web (0 = first).")] = 0,
    size: Annotated[int, typer.Option(help="Articles on day 0 (1 to 1,000,000).")] = 400,
    write_configs: Annotated[Path | None, typer.Option(
        "--write-configs", help="Also write the demo sites' crawl configs (TOML) here.")] = None,
) -> None:
    """Serve the bundled demo web on 127.0.0.1 until Ctrl-C (prints the base URL first)."""
    from demo.args import check_web_args
    from demo.server import DemoServer
    from demo.site_configs import write_site_configs

    problem = check_web_args(port, day, size)
    if problem:
        fail(problem, 2)
    try:
        server = DemoServer(port=port, seed=seed, day=day, size=size)
    except OSError as exc:
        fail(f"cannot listen on 127.0.0.1:{port}: {exc.strerror}", 2)
    if write_configs is not None:
        try:
            write_site_configs(server.base_url, write_configs)
        except OSError as exc:
            fail(f"{write_configs}: cannot write site configs: {exc.strerror}", 2)
    print(server.base_url, flush=True)
    with contextlib.suppress(KeyboardInterrupt):
        server.serve_forever()


@app.command("demo-truth")
def demo_truth(
    out_path: Annotated[Path, typer.Option("--out", help="JSONL file to write.")],
    day: Annotated[int, typer.Option(help="Simulated day of the web (0 = first).")] = 0,
    size: Annotated[int, typer.Option(help="Articles on day 0 (1 to 1,000,000).")] = 400,
    seed: Annotated[int, typer.Option(help="Generator seed.")] = 7,
    base_url: Annotated[str, typer.Option(
        "--base-url", help="Where the web is served; URLs in the truth start with it.")
    ] = "http://127.0.0.1:8080",
) -> None:
    """Write the demo web's ground truth: one JSON line per article URL on --day.

    The default --base-url matches `yuqi serve-demo` on its default port 8080.
    """
    from urllib.parse import urlsplit

    from demo.args import check_web_args
    from demo.truth import truth_records

    problem = check_web_args(0, day, size)
    parts = urlsplit(base_url)
    if problem:
        fail(problem, 2)
    if parts.scheme not in ("http", "https") or not parts.netloc or parts.path.strip("/"):
        fail(f"--base-url must look like http://127.0.0.1:8080, got {base_url!r}", 2)
    tmp = out_path.with_name(out_path.name + ".tmp")
    try:
        with tmp.open("w", encoding="utf-8") as fh:
            for record in truth_records(base_url, seed=seed, day=day, size=size):
                fh.write(json.dumps(record, ensure_ascii=False) + "\n")
        tmp.replace(out_path)
    except OSError as exc:
        fail(f"{out_path}: cannot write: {exc.strerror}", 2)


@app.command("demo")
@writes_data_dir
def demo_cmd(
    data_dir: DataDir = Path("data"),
    wait: Wait = 0.0,
    port: Annotated[int, typer.Option(
        help="Preferred loopback port for the demo web (a free one if taken; 0 = any).")] = 18080,
) -> None:
    """Crawl the bundled demo web end to end: WARC, stages, warehouse, report.

    The demo web prefers a fixed port so that a second run into the same data
    directory sees the same URLs (documents are keyed by URL).
    """
    from demo.site_configs import site_configs
    from reports.build import ReportFilters, build_report
    from warehouse.connect import warehouse_path
    from yuqi.app.crawl import crawl as run
    from yuqi.app.demo_web import DemoWebProcess
    from yuqi.app.load import load_pending

    try:
        web = DemoWebProcess(port)
    except RuntimeError:
        web = DemoWebProcess(0)
    with web:
        configs = [site_config_from_mapping(c, f"demo site {c.get('name')}")
                   for c in site_configs(web.base_url)]
        out.print(f"demo web at {web.base_url}: crawling {len(configs)} sites ...")
        outcome = run(configs, data_dir, say=err.print)
    if not outcome.stats["summary"]["responses"]:
        fail(f"the demo crawl fetched nothing from {web.base_url}; see the log above", 1)
    if not outcome.finished:
        fail(f"the demo crawl stopped early (run {outcome.run_id}); nothing was loaded", 1)
    load_pending(data_dir)
    paths = build_report(warehouse_path(data_dir), data_dir / "reports", ["html", "md"],
                         ReportFilters())
    from yuqi.cli.summary import print_summary

    print_summary(out, data_dir, outcome.stats, paths)


def main() -> None:
    """Console-script entry point: usage errors exit 2, failed runs 1, bugs 1 with a log file."""
    try:
        code = app(standalone_mode=False)
    except _CLICK_ERROR as exc:
        ctx = getattr(exc, "ctx", None)
        hint = f" (see `{ctx.command_path} --help`)" if ctx is not None else ""
        message = exc.format_message()  # type: ignore[attr-defined]
        err.print(f"yuqi: error: {message}{hint}", markup=False, soft_wrap=True)
        sys.exit(int(getattr(exc, "exit_code", 2)))
    except (typer.Abort, KeyboardInterrupt):
        err.print("yuqi: aborted", markup=False)
        sys.exit(130)
    except Exception as exc:
        log = write_crash_log(exc)
        err.print(f"yuqi: internal error: {type(exc).__name__}: {exc} (a bug; the traceback "
                  f"is in {log})", markup=False, soft_wrap=True)
        sys.exit(1)
    sys.exit(code if isinstance(code, int) else 0)
