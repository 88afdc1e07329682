"""Shared pieces of the demo templates: the views they render and small HTML helpers."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from html import escape

from demo.articles import Heading
from demo.corpus import Article, ArticlePage, Teaser
from demo.sites import Site

HTML5 = "<!DOCTYPE html>"
XHTML = (
    '<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" '
    '"http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">'
)


def plain_link(href: str) -> str:
    """Internal links as they are (the default link decorator)."""
    return href


@dataclass(frozen=True)
class ArticleView:
    """An article page to render: the page, its canonical URL and how to write links."""

    page: ArticlePage
    canonical: str
    origin: str
    link: Callable[[str], str] = plain_link

    @property
    def a(self) -> Article:
        """The article itself."""
        return self.page.article

    @property
    def site(self) -> Site:
        """The site showing it."""
        return self.page.article.site


@dataclass(frozen=True)
class ListView:
    """One list page of a site: its items and where it sits in the pagination."""

    site: Site
    items: Sequence[Article]
    number: int
    total: int
    canonical: str
    link: Callable[[str], str] = plain_link


def e(text: str) -> str:
    """HTML-escape *text* (quotes too)."""
    return escape(text)


def body_lines(a: Article) -> str:
    """The main text as ``<h2>``/``<h3>``/``<p>`` lines."""
    out = []
    for block in a.plan.blocks:
        if isinstance(block, Heading):
            out.append(f"<h{block.level}>{e(block.text)}</h{block.level}>")
        else:
            out.append(f"<p>{e(block.text)}</p>")
    return "\n".join(out)


def meta_charset(site: Site) -> str:
    """The charset meta tag the site writes ("" when it writes none)."""
    if not site.meta_charset:
        return ""
    if site.has("http_equiv_meta"):
        return ('<meta http-equiv="Content-Type" '
                f'content="text/html; charset={site.meta_charset}">')
    return f'<meta charset="{site.meta_charset}">'


def head(title: str, canonical: str, site: Site, extra: str = "", doctype: str = HTML5,
         lang: str = "zh-CN") -> str:
    """Doctype, ``<html>`` and the whole ``<head>``."""
    charset = meta_charset(site)
    return (
        f'{doctype}\n<html lang="{lang}">\n<head>\n{charset + chr(10) if charset else ""}'
        f"<title>{e(title)}</title>\n"
        f'<link rel="canonical" href="{e(canonical)}">\n{extra}</head>\n'
    )


def pager(view: ListView, cls: str, first: str = "首页", prev: str = "上一页",
          nxt: str = "下一页", last: str = "尾页") -> str:
    """Pagination links: first, previous, a window of numbers, next, last."""
    site, n, total, link = view.site, view.number, view.total, view.link
    links = [f'<a href="{link(site.list_path(1))}">{first}</a>']
    if n > 1:
        links.append(f'<a class="prev" rel="prev" href="{link(site.list_path(n - 1))}">{prev}</a>')
    for i in range(max(1, n - 4), min(total, n + 4) + 1):
        if i == n:
            links.append(f'<span class="current">{i}</span>')
        else:
            links.append(f'<a href="{link(site.list_path(i))}">{i}</a>')
    if n < total:
        links.append(f'<a class="next" rel="next" href="{link(site.list_path(n + 1))}">{nxt}</a>')
    links.append(f'<a href="{link(site.list_path(total))}">{last}</a>')
    return f'<div class="{cls}">' + " ".join(links) + "</div>"


def teaser_items(teasers: Sequence[Teaser], text_cls: str, link: Callable[[str], str]) -> str:
    """Related-article teasers as ``<li>`` items: linked title, cut-off snippet."""
    return "\n".join(
        f'<li><a href="{link(t.href)}">{e(t.title)}</a>'
        f'<p class="{text_cls}">{e(t.text)}</p></li>'
        for t in teasers
    )


def title_links(pages: Sequence[Article], link: Callable[[str], str], suffix: str = "") -> str:
    """Linked titles as ``<li>`` items (hot lists, sidebars); *suffix* is added to each href."""
    return "\n".join(f'<li><a href="{link(p.path)}{suffix}">{e(p.title)}</a></li>' for p in pages)


def optional(cls: str, text: str | None, tag: str = "div") -> str:
    """``<tag class=cls>text</tag>`` plus a newline, or "" when *text* is None."""
    return f'<{tag} class="{cls}">{e(text)}</{tag}>\n' if text else ""


def bare_p(text: str | None) -> str:
    """``<p>text</p>`` plus a newline with no class at all (noise no selector can tell apart)."""
    return f"<p>{e(text)}</p>\n" if text else ""
