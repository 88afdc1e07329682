"""`yuqi site new|check`: write a site config from example URLs, dry-run it on saved pages.

Both are offline: nothing here fetches anything. Also the config selection that
`yuqi crawl` (and `yuqi crawl --check`) share.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from pipeline.errors import RunError, UsageError
from pipeline.siteconfig import SiteConfig, load_site_configs

site_app = typer.Typer(
    name="site",
    help="Write a site config from example URLs and dry-run it on saved pages (offline).",
    no_args_is_help=True,
)

out = Console(highlight=False, soft_wrap=True)
err = Console(stderr=True, highlight=False, soft_wrap=True)

SitesDir = Annotated[Path, typer.Option("--sites-dir", help="Folder of site configs.")]


def chosen_sites(sites_dir: Path, names: list[str] | None, check: bool) -> list[SiteConfig]:
    """The configs `yuqi crawl` takes: enabled ones, or exactly those --site names.

    Says which disabled sites are skipped (or crawled because named); with *check*
    also prints each config's plan and warnings (the command then fetches nothing).
    """
    from yuqi.app.site_plan import config_warnings, plan_sites

    configs = load_site_configs(sites_dir, names)
    if not configs:
        raise UsageError(f"{sites_dir}: no site configs (*.toml) found")
    plan = plan_sites(configs, names)
    for cfg in plan.forced:
        err.print(f"{cfg.name}: disabled ({cfg.disabled_reason}), but --site names it: "
                  "taken", markup=False)
    if plan.skipped:
        err.print(f"skipping {len(plan.skipped)} disabled site(s): "
                  f"{', '.join(c.name for c in plan.skipped)} (see each config's "
                  "disabled_reason; name one with --site to crawl it)", markup=False)
    warnings = [w for cfg in configs for w in config_warnings(cfg)]
    for line in warnings:
        err.print(f"warning: {line}", markup=False)
    if check:
        for cfg in plan.chosen:
            pol = cfg.politeness
            out.print(f"ok  {cfg.name}: {len(cfg.start_urls)} start URL(s), "
                      f"{len(cfg.sitemaps)} sitemap(s), up to {cfg.max_pages} pages, "
                      f"depth {cfg.max_depth}, {pol.concurrency} in flight, "
                      f"{pol.delay:g} s apart", markup=False)
        out.print(f"{len(configs)} site config(s) valid in {sites_dir}: {len(plan.chosen)} "
                  f"would be crawled, {len(plan.skipped)} disabled, {len(warnings)} "
                  "warning(s); nothing fetched (--check)", markup=False)
    elif not plan.chosen:
        raise UsageError(f"{sites_dir}: every site config is disabled; enable one or name it "
                         "with --site")
    return plan.chosen


@site_app.command("new")
def new(
    urls: Annotated[list[str], typer.Argument(help="Example article URLs of one site.")],
    lists: Annotated[list[str] | None, typer.Option(
        "--list", help="Example list or tag page URL (repeatable).")] = None,
    name: Annotated[str, typer.Option(help="Config name (default: the host without www.).")
                    ] = "",
    out_dir: Annotated[str, typer.Option(
        "--out", help="Folder to write NAME.toml into; - prints the TOML instead.")
    ] = "spiders/sites",
    force: Annotated[bool, typer.Option("--force", help="Overwrite an existing config.")
                     ] = False,
) -> None:
    """Write a site config from example URLs: print the inferred patterns and what they match."""
    from yuqi.app.site_new import new_site_config

    result = new_site_config(urls, lists or [], name, None if out_dir == "-" else Path(out_dir),
                             force)
    inf = result.inferred
    if result.path is None:
        print(result.text, end="")
    else:
        out.print(f"wrote {result.path}", markup=False)
    report = [
        f"site             {inf.name} (hosts: {', '.join(inf.hosts)})",
        f"article_pattern  {inf.article_pattern}",
        f"follow_patterns  {', '.join(inf.follow_patterns) or '(none: every link is followed)'}"
        f"  [from {inf.follow_source}]",
        f"start_urls       {', '.join(inf.start_urls)}",
        f"sitemaps         {', '.join(inf.sitemaps)}",
        f"articles matched {len(inf.article_hits)} of {len(urls)}",
        *(f"  match  {u}" for u in inf.article_hits),
        *(f"  MISS   {u}" for u in inf.article_misses),
    ]
    if lists:
        report.append(f"list URLs        {len(lists)}, matched as articles: "
                      f"{len(inf.list_clashes)}, not followed: {len(inf.list_unfollowed)}")
        report += [f"  CLASH  {u} (the article pattern matches it)" for u in inf.list_clashes]
        report += [f"  UNFOLLOWED  {u}" for u in inf.list_unfollowed]
    console = err if result.path is None else out
    for line in report:
        console.print(line, markup=False)
    if inf.article_misses or inf.list_clashes:
        raise RunError(f"the inferred pattern misses {len(inf.article_misses)} example article(s)"
                       f" and matches {len(inf.list_clashes)} list URL(s); edit article_pattern")


@site_app.command("check")
def check(
    name: Annotated[str, typer.Argument(help="Site config name.")],
    sites_dir: SitesDir = Path("spiders/sites"),
    html: Annotated[Path | None, typer.Option(
        "--html", help="Folder of saved pages (*.html, *.htm, *.shtml; urls.tsv maps files to "
        "URLs).")] = None,
    warc: Annotated[Path | None, typer.Option(
        "--warc", help="A .warc.gz file (e.g. from data/archive/<run>/).")] = None,
    show_removed: Annotated[int, typer.Option(
        "--show-removed", help="Removed passages to show per page.")] = 3,
) -> None:
    """Dry-run a site config on saved pages: articles, kept and removed text, gaps, claims."""
    from yuqi.app.site_check import check_site, pages_from_html_dir, pages_from_warc

    if (html is None) == (warc is None):
        raise UsageError("give one of --html DIR or --warc FILE (to validate configs without "
                         "pages: yuqi crawl --check --site NAME)")
    config = load_site_configs(sites_dir, [name])[0]
    if html is not None:
        pages = pages_from_html_dir(html, config)
    else:
        assert warc is not None
        pages = pages_from_warc(warc, config)
    report = check_site(config, pages)
    from yuqi.cli.site_report import report_lines

    for line in report_lines(report, show_removed):
        out.print(line, markup=False)
    if not report.pages:
        raise UsageError(f"{html or warc}: no saved pages of site {config.name} found")
    if not report.articles:
        raise RunError(f"{config.name}: article_pattern {config.article_pattern!r} matches none "
                       f"of the {len(report.pages)} saved pages")
