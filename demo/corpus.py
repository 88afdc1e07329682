"""Build the demo corpus: every article page of every site, with everything shown on it.

This is the single source both the web server (``demo.web``) and the ground
truth (``demo.truth``) read, so what a page shows and what the truth says
cannot drift apart. Everything random (ids, dates, view counts, teaser picks)
comes from ``random.Random`` seeded with strings built from the seed, so the
same seed gives the same corpus on every run and platform.
"""

from __future__ import annotations

import datetime as dt
import functools
import random
from dataclasses import dataclass

from demo.articles import ArticlePlan, Paragraph, apply_edits, load_bank
from demo.sites import CTA_TEXTS, DISCLAIMER, PLACEMENTS, SITES, Site

_EPOCH = dt.datetime(2023, 6, 1, 8, 0, tzinfo=dt.UTC)
_TEASER_PREFIX = "小编导语："
OTHER_ANSWERS: tuple[str, ...] = (
    "我之前也遇到过这种情况，后来主动打电话给客服，分了12期慢慢还。",
    "楼上说得对，千万别找什么代理，都是骗钱的，自己打客服就行。",
    "我朋友逾期了快一年，也没见有人上门，不过征信是花了。",
    "说实话每个平台都不一样，最好还是看合同怎么写的。",
    "别慌，先把最贵的那笔还上，其他的慢慢协商。",
)


@dataclass(frozen=True)
class Teaser:
    """A related-article snippet shown on a page: link, title and the cut-off excerpt."""

    href: str
    title: str
    text: str


@dataclass(frozen=True)
class Page:
    """One article page as published on one site (an original or a repost)."""

    site: Site
    article_id: int
    plan: ArticlePlan
    published: dt.datetime
    author: str
    source: str
    views: int
    cta: str | None
    other_answers: tuple[str, ...]

    @property
    def path(self) -> str:
        """URL path of this page."""
        return self.site.article_path(self.article_id)

    @property
    def cluster(self) -> str:
        """Duplicate-cluster id: the plan key, shared by an article and its reposts."""
        return self.plan.key

    @property
    def title(self) -> str:
        """The article title (the page's ``<h1>``)."""
        return self.plan.title

    @property
    def date_text(self) -> str:
        """Publication time as the info line shows it."""
        return self.published.strftime("%Y-%m-%d %H:%M")

    @property
    def info_line(self) -> str:
        """The info line (time, source, author, views), exactly as shown, in the site's style."""
        s, day = self, self.published.strftime("%Y-%m-%d")
        styles = {
            "pboot": f"发布时间：{day} 来源：{s.source} 作者：{s.author} 浏览：{s.views}次",
            "dede": f"时间:{s.date_text} 来源:{s.source} 作者:{s.author} 浏览:{s.views}次",
            "wordpress": f"作者：{s.author} 发布时间：{s.date_text} 来源：{s.source} "
                         f"浏览 {s.views} 次",
            "qa": f"提问时间：{day} 来源：{s.source} 作者：{s.author} 浏览{s.views}次",
        }
        return styles[self.site.template]

    @property
    def disclaimer(self) -> str | None:
        """The in-body disclaimer, on sites that have one."""
        return DISCLAIMER if "disclaimer_in_body" in self.site.quirks else None

    def lines(self) -> list[str]:
        """True main text, one line per heading or paragraph."""
        return self.plan.lines()

    def noise(self) -> list[str]:
        """Strings shown on the page that must not survive extraction."""
        items = [self.info_line]
        items += [x for x in (self.disclaimer, self.cta) if x]
        items += list(self.other_answers)
        return items


@dataclass(frozen=True)
class Corpus:
    """All pages, with lookups by path and by site, and the teasers of each page."""

    pages: tuple[Page, ...]
    by_path: dict[str, Page]
    teasers: dict[str, tuple[Teaser, ...]]

    def site_pages(self, site: Site) -> list[Page]:
        """Pages of *site*, newest first (the order of its list pages)."""
        own = [p for p in self.pages if p.site.name == site.name]
        return sorted(own, key=lambda p: (p.published, p.article_id), reverse=True)


def _rng(seed: int, *parts: object) -> random.Random:
    return random.Random(":".join(str(p) for p in (seed, *parts)))


def _lead_paragraph(plan: ArticlePlan) -> str:
    return next(b.text for b in plan.blocks if isinstance(b, Paragraph))


def _teasers_for(page: Page, candidates: list[Page], seed: int) -> tuple[Teaser, ...]:
    rng = _rng(seed, "teasers", page.path)
    text = "\n".join(page.lines())
    pool = [c for c in candidates if c.cluster != page.cluster]
    rng.shuffle(pool)
    wanted = rng.randint(4, 8)
    prefixed = page.site.template in ("pboot", "dede")
    teasers: list[Teaser] = []
    for other in pool:
        lead = _lead_paragraph(other.plan)
        cut = min(len(lead) - 4, rng.randint(26, 46))
        snippet = lead[:cut]
        if snippet in text or any(snippet in t.text for t in teasers):
            continue
        ellipsis = "..." if page.site.template in ("pboot", "qa") else "…"
        prefix = _TEASER_PREFIX if prefixed and rng.random() < 0.6 else ""
        teasers.append(Teaser(other.path, other.title, f"{prefix}{snippet}{ellipsis}"))
        if len(teasers) == wanted:
            break
    return tuple(teasers)


def _site_pages(seed: int, site: Site, placements: list[tuple[ArticlePlan, dt.datetime]]
                ) -> list[Page]:
    rng = _rng(seed, "site", site.name)
    ordered = sorted(placements, key=lambda item: (item[1], item[0].key))
    pages = []
    next_id = site.id_start
    for plan, published in ordered:
        cta = rng.choice(CTA_TEXTS) if "cta_in_body" in site.quirks else None
        answers: tuple[str, ...] = ()
        if "other_answers" in site.quirks:
            answers = tuple(rng.sample(OTHER_ANSWERS, 2))
        pages.append(Page(
            site=site,
            article_id=next_id,
            plan=plan,
            published=published,
            author=rng.choice(site.authors),
            source=rng.choice(site.sources),
            views=rng.randint(120, 25000),
            cta=cta,
            other_answers=answers,
        ))
        next_id += rng.randint(1, 9)
    return pages


@functools.cache
def build_corpus(seed: int = 7) -> Corpus:
    """Every page of every site for *seed*: plans placed, edited, dated, numbered, teased."""
    bank = load_bank()
    per_site: dict[str, list[tuple[ArticlePlan, dt.datetime]]] = {s.name: [] for s in SITES}
    for key, placements in PLACEMENTS.items():
        rng = _rng(seed, "dates", key)
        when = _EPOCH + dt.timedelta(days=rng.randint(0, 300), minutes=rng.randint(0, 600))
        for site_name, edits in placements:
            per_site[site_name].append((apply_edits(bank[key], edits), when))
            when += dt.timedelta(days=rng.randint(2, 90), minutes=rng.randint(0, 900))
    pages = [p for site in SITES for p in _site_pages(seed, site, per_site[site.name])]
    by_path = {p.path: p for p in pages}
    teasers = {
        p.path: _teasers_for(p, [c for c in pages if c.site == p.site], seed) for p in pages
    }
    return Corpus(tuple(pages), by_path, teasers)
