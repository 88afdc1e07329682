"""HTML templates of the demo sites: one article renderer and one list renderer per template.

Each template imitates a CMS family seen on real content farms (PbootCMS,
DedeCMS, WordPress, a mobile Q&A site). Main-text lines are written as
``<p>``/``<h2>``/``<h3>`` with nothing inside but escaped text, so the truth
can promise each line appears verbatim in the page once unescaped.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from html import escape

from demo.articles import Heading
from demo.corpus import Page, Teaser
from demo.sites import SITES, Site


@dataclass(frozen=True)
class ArticleView:
    """Everything an article template needs besides the page itself."""

    page: Page
    teasers: Sequence[Teaser]
    canonical: str
    hot: Sequence[Page]
    prev_page: Page | None
    next_page: Page | None


@dataclass(frozen=True)
class ListView:
    """One list page of a site: its items and where it sits in the pagination."""

    site: Site
    items: Sequence[Page]
    number: int
    total: int
    canonical: str


def _body_lines(page: Page) -> str:
    out = []
    for block in page.plan.blocks:
        if isinstance(block, Heading):
            out.append(f"<h{block.level}>{escape(block.text)}</h{block.level}>")
        else:
            out.append(f"<p>{escape(block.text)}</p>")
    return "\n".join(out)


_HTML5 = "<!DOCTYPE html>"
_XHTML = (
    '<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" '
    '"http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">'
)


def _head(title: str, canonical: str, charset_tag: str, extra: str = "",
          doctype: str = _HTML5) -> str:
    return (
        f"{doctype}\n<html lang=\"zh-CN\">\n<head>\n{charset_tag}\n"
        f"<title>{escape(title)}</title>\n"
        f"<link rel=\"canonical\" href=\"{escape(canonical)}\">\n{extra}</head>\n"
    )


def _meta_charset(site: Site) -> str:
    if "http_equiv_meta" in site.quirks:
        return ('<meta http-equiv="Content-Type" '
                f'content="text/html; charset={site.meta_charset}">')
    return f'<meta charset="{site.meta_charset}">'


def _pager(view: ListView, cls: str) -> str:
    site, n, total = view.site, view.number, view.total
    links = [f'<a href="{site.list_path(1)}">首页</a>']
    if n > 1:
        links.append(f'<a class="prev" rel="prev" href="{site.list_path(n - 1)}">上一页</a>')
    for i in range(1, total + 1):
        if i == n:
            links.append(f'<span class="current">{i}</span>')
        else:
            links.append(f'<a href="{site.list_path(i)}">{i}</a>')
    if n < total:
        links.append(f'<a class="next" rel="next" href="{site.list_path(n + 1)}">下一页</a>')
    links.append(f'<a href="{site.list_path(total)}">尾页</a>')
    return f'<div class="{cls}">' + " ".join(links) + "</div>"


def _teaser_items(teasers: Sequence[Teaser], text_cls: str) -> str:
    return "\n".join(
        f'<li><a href="{t.href}">{escape(t.title)}</a>'
        f'<p class="{text_cls}">{escape(t.text)}</p></li>'
        for t in teasers
    )


def _hot_links(pages: Sequence[Page]) -> str:
    return "\n".join(f'<li><a href="{p.path}">{escape(p.title)}</a></li>' for p in pages)


# ------------------------------------------------------------- farm-a: pboot


def pboot_article(v: ArticleView) -> str:
    """PbootCMS-like page: related teasers and a disclaimer INSIDE ``.art-content``."""
    p, site = v.page, v.page.site
    disclaimer = f'<div class="disclaimer">{escape(p.disclaimer)}</div>\n' if p.disclaimer else ""
    return (
        _head(f"{p.title}_{site.display_name}", v.canonical, _meta_charset(site),
              f'<meta name="keywords" content="{escape(p.plan.category)}">\n')
        + f'<body>\n<div class="header"><div class="logo"><a href="{site.prefix}">'
        f"{escape(site.display_name)}</a></div>\n"
        f'<ul class="nav"><li><a href="{site.prefix}">首页</a></li>'
        f'<li><a href="{site.list_path(2)}">逾期知识</a></li></ul></div>\n'
        f'<div class="container">\n<div class="position">当前位置：<a href="{site.prefix}">首页</a>'
        f' &gt; <a href="{site.prefix}">{escape(p.plan.category)}</a> &gt; 正文</div>\n'
        f'<div class="article">\n<h1 class="art-title">{escape(p.title)}</h1>\n'
        f'<div class="art-info">{escape(p.info_line)}</div>\n'
        f'<div class="art-content">\n{_body_lines(p)}\n{disclaimer}'
        f'<div class="related-art"><h3>相关文章</h3>\n<ul>\n'
        f'{_teaser_items(v.teasers, "intro")}\n</ul></div>\n</div>\n</div>\n'
        f'<div class="sidebar"><h3>热门文章</h3><ul>\n{_hot_links(v.hot)}\n</ul></div>\n'
        f'</div>\n<div class="footer">Copyright &copy; {escape(site.display_name)} '
        "版权所有</div>\n</body>\n</html>\n"
    )


def pboot_list(v: ListView) -> str:
    """PbootCMS-like list page."""
    site = v.site
    items = "\n".join(
        f'<li><a href="{p.path}">{escape(p.title)}</a><span class="date">'
        f'{p.published:%Y-%m-%d}</span></li>' for p in v.items
    )
    return (
        _head(f"{site.display_name}_第{v.number}页", v.canonical, _meta_charset(site))
        + f'<body>\n<div class="header"><div class="logo"><a href="{site.prefix}">'
        f"{escape(site.display_name)}</a></div></div>\n"
        f'<div class="container"><ul class="art-list">\n{items}\n</ul>\n'
        f'{_pager(v, "pagebar")}\n</div>\n</body>\n</html>\n'
    )


# -------------------------------------------------------------- farm-b: dede


def dede_article(v: ArticleView) -> str:
    """DedeCMS-like page: ``.content`` table body with a CTA box, ``.likearticle`` after it."""
    p, site = v.page, v.page.site
    cta = f'<div class="cta-box">{escape(p.cta)}</div>\n' if p.cta else ""
    context = []
    for label, other in (("上一篇", v.prev_page), ("下一篇", v.next_page)):
        if other is None:
            context.append(f"<li>{label}：没有了</li>")
        else:
            context.append(f'<li>{label}：<a href="{other.path}">{escape(other.title)}</a></li>')
    return (
        _head(f"{p.title}_{site.display_name}", v.canonical, _meta_charset(site),
              doctype=_XHTML)
        + f'<body>\n<div class="header"><a href="{site.prefix}">{escape(site.display_name)}</a>'
        f"</div>\n<div class=\"place\"><strong>当前位置:</strong> "
        f'<a href="{site.prefix}">主页</a> &gt; <a href="{site.prefix}">'
        f"{escape(p.plan.category)}</a> &gt; </div>\n"
        f'<div class="viewbox">\n<div class="title"><h1>{escape(p.title)}</h1></div>\n'
        f'<div class="info">{escape(p.info_line)}</div>\n'
        f"<div class=\"content\"><table width='100%'><tr><td>\n{_body_lines(p)}\n{cta}"
        "</td></tr></table></div>\n"
        f'<div class="context"><ul>{"".join(context)}</ul></div>\n</div>\n'
        '<div class="likearticle"><dl class="tbox"><dt><strong>相关文章</strong></dt>'
        f'<dd><ul class="e7">\n{_teaser_items(v.teasers, "intro")}\n</ul></dd></dl></div>\n'
        f'<div class="footer">Powered by DedeCMS &copy; {escape(site.display_name)}</div>\n'
        "</body>\n</html>\n"
    )


def dede_list(v: ListView) -> str:
    """DedeCMS-like list page."""
    site = v.site
    items = "\n".join(
        f'<li><a href="{p.path}" class="title">{escape(p.title)}</a>'
        f'<span class="info">{p.published:%Y-%m-%d}</span></li>' for p in v.items
    )
    return (
        _head(f"{site.display_name}_列表第{v.number}页", v.canonical, _meta_charset(site))
        + f'<body>\n<div class="header"><a href="{site.prefix}">{escape(site.display_name)}</a>'
        f'</div>\n<div class="listbox"><ul class="e2">\n{items}\n</ul></div>\n'
        f'{_pager(v, "dede_pages")}\n</body>\n</html>\n'
    )


# --------------------------------------------------------- farm-c: wordpress


def wordpress_article(v: ArticleView) -> str:
    """WordPress-like page: ``article.post > .entry-content``, ``.related-posts`` after it."""
    p, site = v.page, v.page.site
    return (
        _head(f"{p.title} - {site.display_name}", v.canonical, _meta_charset(site))
        + '<body class="post-template-default single single-post">\n'
        f'<div id="page" class="site"><header id="masthead" class="site-header">'
        f'<p class="site-title"><a href="{site.prefix}">{escape(site.display_name)}</a></p>'
        "</header>\n<div id=\"content\" class=\"site-content\"><main id=\"main\">\n"
        f'<nav class="breadcrumbs"><a href="{site.prefix}">首页</a> &raquo; '
        f'<a href="{site.prefix}">{escape(p.plan.category)}</a> &raquo; '
        f"<span>{escape(p.title)}</span></nav>\n"
        f'<article id="post-{p.article_id}" class="post type-post status-publish">\n'
        f'<header class="entry-header"><h1 class="entry-title">{escape(p.title)}</h1>\n'
        f'<div class="entry-meta">{escape(p.info_line)}</div></header>\n'
        f'<div class="entry-content">\n{_body_lines(p)}\n</div>\n'
        f'<footer class="entry-footer">分类：<a href="{site.prefix}">'
        f"{escape(p.plan.category)}</a></footer>\n</article>\n"
        '<div class="related-posts"><h3 class="related-title">猜你喜欢</h3><ul>\n'
        f'{_teaser_items(v.teasers, "related-excerpt")}\n</ul></div>\n'
        f'<aside class="widget"><h2 class="widget-title">最新文章</h2><ul>\n'
        f"{_hot_links(v.hot)}\n</ul></aside>\n</main></div></div>\n</body>\n</html>\n"
    )


def wordpress_list(v: ListView) -> str:
    """WordPress-like archive page."""
    site = v.site
    items = "\n".join(
        f'<article class="post"><h2 class="entry-title"><a href="{p.path}">{escape(p.title)}'
        f'</a></h2><div class="entry-meta">{p.published:%Y-%m-%d}</div></article>'
        for p in v.items
    )
    return (
        _head(f"{site.display_name} - 第{v.number}页", v.canonical, _meta_charset(site))
        + f'<body class="archive">\n<main id="main">\n{items}\n'
        f'<nav class="navigation pagination">{_pager(v, "nav-links")}</nav>\n'
        "</main>\n</body>\n</html>\n"
    )


# ---------------------------------------------------------------- farm-d: qa


def qa_article(v: ArticleView) -> str:
    """Mobile Q&A page: the body is the best answer, followed by a CTA and other answers."""
    p, site = v.page, v.page.site
    disclaimer = f'<p class="tip">{escape(p.disclaimer)}</p>\n' if p.disclaimer else ""
    cta = f'<div class="cta-box">{escape(p.cta)}</div>\n' if p.cta else ""
    others = "\n".join(
        f'<div class="answer other-answer"><div class="answer-content"><p>{escape(a)}</p>'
        "</div></div>" for a in p.other_answers
    )
    return (
        _head(f"{p.title}_{site.display_name}", v.canonical, _meta_charset(site),
              '<meta name="viewport" content="width=device-width,initial-scale=1">\n')
        + f'<body>\n<header class="m-header"><a class="back" href="{site.prefix}">返回</a>'
        f"<span>{escape(site.display_name)}</span></header>\n"
        f'<div class="m-crumb"><a href="{site.prefix}">问答首页</a> / '
        f'<a href="{site.prefix}">{escape(p.plan.category)}</a></div>\n'
        f'<div class="question"><h1 class="q-title">{escape(p.title)}</h1>\n'
        f'<div class="q-info">{escape(p.info_line)}</div></div>\n'
        '<div class="answer best-answer"><div class="answer-head"><span class="tag">最佳答案'
        f'</span></div>\n<div class="answer-content">\n{_body_lines(p)}\n{disclaimer}{cta}'
        f'</div></div>\n<div class="other-answers"><h3>其他回答</h3>\n{others}\n</div>\n'
        f'<div class="m-related"><h3>相关问题</h3><ul>\n'
        f'{_teaser_items(v.teasers, "summary")}\n</ul></div>\n</body>\n</html>\n'
    )


def qa_list(v: ListView) -> str:
    """Mobile Q&A question list."""
    site = v.site
    items = "\n".join(
        f'<li class="q-item"><a href="{p.path}">{escape(p.title)}</a>'
        f'<span class="views">{p.views}人看过</span></li>' for p in v.items
    )
    return (
        _head(f"{site.display_name}", v.canonical, _meta_charset(site),
              '<meta name="viewport" content="width=device-width,initial-scale=1">\n')
        + f'<body>\n<ul class="q-list">\n{items}\n</ul>\n{_pager(v, "m-pager")}\n'
        "</body>\n</html>\n"
    )


TEMPLATES: dict[str, tuple[Callable[[ArticleView], str], Callable[[ListView], str]]] = {
    "pboot": (pboot_article, pboot_list),
    "dede": (dede_article, dede_list),
    "wordpress": (wordpress_article, wordpress_list),
    "qa": (qa_article, qa_list),
}


def index_page() -> str:
    """The demo host's ``/`` page: a link to every site home."""
    links = "\n".join(
        f'<li><a href="{s.prefix}">{escape(s.display_name)}</a> ({s.name})</li>' for s in SITES
    )
    return (
        '<!DOCTYPE html>\n<html lang="zh-CN">\n<head>\n<meta charset="utf-8">\n'
        "<title>yuqi demo web</title>\n</head>\n<body>\n<h1>yuqi demo web</h1>\n"
        f"<ul>\n{links}\n</ul>\n</body>\n</html>\n"
    )


NOT_FOUND_PAGE = (
    '<!DOCTYPE html>\n<html lang="zh-CN">\n<head>\n<meta charset="utf-8">\n'
    "<title>404 Not Found</title>\n</head>\n<body>\n<h1>404 Not Found</h1>\n"
    "<p>您访问的页面不存在。</p>\n</body>\n</html>\n"
)
