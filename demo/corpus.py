"""Build article pages on demand: plan, repost edits, later edits, site transform, page furniture.

The single source both the web server (``demo.web``) and the ground truth
(``demo.truth``) read, so what a page shows and what the truth says cannot
drift apart. Everything random comes from ``random.Random`` seeded with strings
built from the seed, so the same seed gives the same pages on every run.
Articles are built lazily and cached; ``Corpus.built`` counts the builds so a
test can prove that serving one page of a 100,000-page web builds only a few.
"""

from __future__ import annotations

import datetime as dt
import functools
from dataclasses import dataclass, replace

from demo import scripts
from demo.articles import ArticlePlan, BankError, Paragraph, load_bank
from demo.edits import EXTRAS, INTROS, UPDATES, apply_edits, graft_section, map_text
from demo.layout import Layout, Slot, rng_for
from demo.mix import PRODUCTS, mixed_plan
from demo.noise import COMMENTS, OTHER_ANSWERS, TEMPLATE_NOISE, info_line
from demo.sites import CTA_TEXTS, DISCLAIMER, Site

_TEASER_PREFIX = "小编导语："
_HOT = 6


@dataclass(frozen=True)
class Teaser:
    """A related-article snippet shown on a page: link, title and the cut-off excerpt."""

    href: str
    title: str
    text: str


@dataclass(frozen=True)
class Article:
    """One article page as published on one site on one day (without its neighbours)."""

    slot: Slot
    plan: ArticlePlan
    edits: tuple[str, ...]
    author: str
    source: str
    views: int
    cta: str | None
    disclaimer: str | None
    other_answers: tuple[str, ...]
    comments: tuple[str, ...]
    gaps: tuple[str, ...]

    @property
    def site(self) -> Site:
        """The site showing the page."""
        return self.slot.site

    @property
    def path(self) -> str:
        """URL path of this page."""
        return self.slot.path

    @property
    def cluster(self) -> str:
        """Duplicate-cluster id: the story, shared by an article and its reposts."""
        return self.slot.story

    @property
    def title(self) -> str:
        """The article title (the page's ``<h1>``)."""
        return self.plan.title

    @property
    def published(self) -> dt.datetime:
        """Publication time."""
        return self.slot.published

    @property
    def info_line(self) -> str:
        """The info line (time, source, author, views), exactly as shown."""
        return info_line(self)

    def lines(self) -> list[str]:
        """True main text, one line per heading or paragraph."""
        return self.plan.lines()

    def lead(self) -> str:
        """The first paragraph (what teasers on other pages quote)."""
        return next(b.text for b in self.plan.blocks if isinstance(b, Paragraph))

    def noise(self) -> list[str]:
        """Strings shown on the page that must not survive extraction."""
        items = [self.info_line]
        items += [x for x in (self.disclaimer, self.cta) if x]
        items += list(self.other_answers) + list(self.comments)
        extra = TEMPLATE_NOISE.get(self.site.template, ())
        items += [scripts.site_text(self.site, x) for x in extra]
        return items


@dataclass(frozen=True)
class ArticlePage:
    """An article with what the template shows around it: teasers, hot links, previous page."""

    article: Article
    teasers: tuple[Teaser, ...]
    hot: tuple[Article, ...]
    prev: Article | None


def _repost_edits(seed: int, slot: Slot, plan: ArticlePlan) -> tuple[str, ...]:
    if slot.copy == 0:
        return ()
    rng = rng_for(seed, "edits", slot.n)
    paragraphs = len(plan.paragraphs)
    options = [f"intro:{rng.randrange(len(INTROS))}", f"spin:{rng.randrange(1000)}",
               f"drop:{rng.randrange(1, paragraphs)}",
               f"reorder:{rng.randrange(1, paragraphs - 1)}",
               f"add:{rng.randrange(len(EXTRAS))}"]
    named = [p for p in PRODUCTS if p in plan.title]
    if named and "信用卡" not in named and rng.random() < 0.35:
        new = rng.choice([p for p in PRODUCTS if p not in plan.title and p != "信用卡"])
        options.append(f"swap:{named[0]}>{new}")
    rng.shuffle(options)
    return tuple(options[:rng.randint(1, 3)]) + _real_style_edits(seed, slot, paragraphs)


# Share of mixed stories that are composites (copy one section of an earlier bank story).
_GRAFT_SHARE = 0.12
# Share of reposts that also get one real-style edit (heavy spin, Traditional copy,
# truncation), drawn from their own random stream so the edits above stay as they were.
_REAL_STYLE_SHARE = 0.4


def _real_style_edits(seed: int, slot: Slot, paragraphs: int) -> tuple[str, ...]:
    rng = rng_for(seed, "real-style-edits", slot.n)
    if rng.random() >= _REAL_STYLE_SHARE:
        return ()
    kind = rng.choice(("respin", "respin", "trad", "cut"))
    if kind == "respin":
        return (f"respin:{rng.randrange(1000)}",)
    if kind == "trad":
        return ("trad:0",)
    keep = max(5, paragraphs - rng.randint(2, 3))
    return (f"{rng.choice(('head', 'tail'))}:{keep}",) if keep < paragraphs else ()


class Corpus:
    """Lazily built articles of one (seed, size) web; ``day`` is passed per call."""

    def __init__(self, seed: int = 7, size: int = 400) -> None:
        self.seed = seed
        self.layout = Layout(seed, size)
        self.built = 0

    @functools.lru_cache(maxsize=4096)  # noqa: B019 - one Corpus per web
    def story_plan(self, story: str, bank_key: str | None) -> ArticlePlan:
        """The original plan of a story: a bank plan, or a mixed one (some mixed stories
        are composites that copy a section of an earlier block's bank story)."""
        if bank_key is not None:
            return load_bank()[bank_key]
        plan = mixed_plan(self.seed, story)
        source = self.story_graft(story)  # only a section that fits the plan
        return plan if source is None else graft_section(plan, load_bank()[source])

    def story_graft(self, story: str) -> str | None:
        """The bank story (its cluster id) whose first section the mixed *story* copies, or
        None. A composite page keeps its own cluster: this is section-level lineage."""
        block = story.split("-")[1] if story.startswith("mix-") else ""
        if not block.isdigit():
            return None
        rng = rng_for(self.seed, "graft", story)
        earlier = min(int(block), len(self.layout.bank_keys))
        if earlier == 0 or rng.random() >= _GRAFT_SHARE:
            return None
        source = self.layout.bank_keys[rng.randrange(earlier)]
        try:
            graft_section(mixed_plan(self.seed, story), load_bank()[source])
        except BankError:
            return None
        return source

    def article(self, slot: Slot, day: int = 0) -> Article:
        """The article in *slot* as shown on *day* (with its later edit once it happened)."""
        return self._article(slot, slot.edited(day))

    @functools.lru_cache(maxsize=8192)  # noqa: B019
    def _article(self, slot: Slot, edited: bool) -> Article:
        self.built += 1
        base = self.story_plan(slot.story, slot.bank_key)
        edits = _repost_edits(self.seed, slot, base)
        rng = rng_for(self.seed, "page", slot.n)
        if edited:
            edits += (f"update:{rng_for(self.seed, 'update', slot.n).randrange(len(UPDATES))}",)
        try:
            plan = apply_edits(base, edits)
        except BankError:  # an edit that does not fit this plan: keep the others
            edits = tuple(e for e in edits
                          if e.startswith(("intro", "spin", "update", "respin", "trad")))
            plan = apply_edits(base, edits)
        plan = replace(plan, key=slot.story)
        site = slot.site
        source_text = "\n".join([plan.title, *plan.lines()])
        gaps = tuple(scripts.gaps_in(source_text)) if site.has("glyph_gaps") else ()
        plan = map_text(plan, functools.partial(scripts.site_text, site))
        shown = functools.partial(scripts.site_text, site)
        answers = tuple(shown(a) for a in rng.sample(OTHER_ANSWERS, 2)) \
            if site.has("other_answers") else ()
        comments = tuple(shown(c) for c in rng.sample(COMMENTS, rng.randint(2, 3))) \
            if site.has("comments") else ()
        return Article(
            slot=slot,
            plan=plan,
            edits=edits,
            author=rng.choice(site.authors),
            source=rng.choice(site.sources),
            views=rng.randint(120, 25000),
            cta=shown(rng.choice(CTA_TEXTS)) if site.has("cta_in_body") else None,
            disclaimer=shown(DISCLAIMER) if site.has("disclaimer_in_body") else None,
            other_answers=answers,
            comments=comments,
            gaps=gaps,
        )

    def page(self, slot: Slot, day: int = 0) -> ArticlePage:
        """The article in *slot* with its teasers, hot links and previous page.

        Neighbours are older pages of the same site in their original form, so
        a page's bytes change only when the page itself is edited.
        """
        article = self.article(slot, day)
        older = [self._article(s, False) for s in self.layout.older_on_site(slot, 14)]
        return ArticlePage(article, self._teasers(article, older), tuple(older[:_HOT]),
                           older[0] if older else None)

    def _teasers(self, article: Article, older: list[Article]) -> tuple[Teaser, ...]:
        rng = rng_for(self.seed, "teasers", article.slot.n)
        text = "\n".join(article.lines())
        pool = [o for o in older if o.cluster != article.cluster]
        rng.shuffle(pool)
        wanted = rng.randint(4, 8)
        prefixed = article.site.template in ("pboot", "dede", "empire")
        ellipsis = "..." if article.site.template in ("pboot", "qa", "empire", "portal") else "…"
        teasers: list[Teaser] = []
        for other in pool:
            lead = other.lead()
            snippet = lead[:min(len(lead) - 4, rng.randint(26, 46))]
            if snippet in text or any(snippet in t.text for t in teasers):
                continue
            prefix = scripts.site_text(article.site, _TEASER_PREFIX) \
                if prefixed and rng.random() < 0.6 else ""
            teasers.append(Teaser(other.path, other.title, f"{prefix}{snippet}{ellipsis}"))
            if len(teasers) == wanted:
                break
        return tuple(teasers)
