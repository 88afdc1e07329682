"""WordPress-like blog: ``.entry-content``, ``.related-posts`` after it, comments, a calendar."""

from __future__ import annotations

from demo.layout import DAY0
from demo.templates.common import (
    ArticleView,
    ListView,
    body_lines,
    e,
    head,
    pager,
    teaser_items,
    title_links,
)


def calendar_widget(prefix: str, year: int, month: int) -> str:
    """The archive calendar: links to the previous and next month (forever: a crawl trap)."""
    py, pm = (year, month - 1) if month > 1 else (year - 1, 12)
    ny, nm = (year, month + 1) if month < 12 else (year + 1, 1)
    return (
        f'<div class="widget widget_calendar"><table id="wp-calendar"><caption>{year}年{month}月'
        f'</caption></table><nav><a href="{prefix}date/{py}/{pm:02d}/">&laquo; {pm}月</a> '
        f'<a href="{prefix}date/{ny}/{nm:02d}/">{nm}月 &raquo;</a></nav></div>\n'
    )


def comments_block(comments: tuple[str, ...]) -> str:
    """Fake reader comments."""
    items = "\n".join(
        f'<li class="comment"><div class="comment-author">网友{i + 1}</div>'
        f'<div class="comment-content"><p>{e(c)}</p></div></li>' for i, c in enumerate(comments)
    )
    return (f'<div id="comments" class="comments-area"><h2 class="comments-title">'
            f'{len(comments)}条评论</h2><ol class="comment-list">\n{items}\n</ol></div>\n')


def article(v: ArticleView) -> str:
    """An article page."""
    a, site, link = v.a, v.site, v.link
    return (
        head(f"{a.title} - {site.display_name}", v.canonical, site)
        + '<body class="post-template-default single single-post">\n'
        f'<div id="page" class="site"><header id="masthead" class="site-header">'
        f'<p class="site-title"><a href="{site.prefix}">{e(site.display_name)}</a></p>'
        "</header>\n<div id=\"content\" class=\"site-content\"><main id=\"main\">\n"
        f'<nav class="breadcrumbs"><a href="{site.prefix}">首页</a> &raquo; '
        f'<a href="{site.prefix}">{e(a.plan.category)}</a> &raquo; '
        f"<span>{e(a.title)}</span></nav>\n"
        f'<article id="post-{a.slot.article_id}" class="post type-post status-publish">\n'
        f'<header class="entry-header"><h1 class="entry-title">{e(a.title)}</h1>\n'
        f'<div class="entry-meta">{e(a.info_line)}</div></header>\n'
        f'<div class="entry-content">\n{body_lines(a)}\n</div>\n'
        f'<footer class="entry-footer">分类：<a href="{site.prefix}">'
        f"{e(a.plan.category)}</a></footer>\n</article>\n"
        '<div class="related-posts"><h3 class="related-title">猜你喜欢</h3><ul>\n'
        f'{teaser_items(v.page.teasers, "related-excerpt", link)}\n</ul></div>\n'
        f"{comments_block(a.comments) if a.comments else ''}"
        f'<aside class="widget"><h2 class="widget-title">最新文章</h2><ul>\n'
        f"{title_links(v.page.hot, link)}\n</ul></aside>\n"
        f"{calendar_widget(site.prefix, a.published.year, a.published.month)}"
        "</main></div></div>\n</body>\n</html>\n"
    )


def listing(v: ListView) -> str:
    """An archive page."""
    site = v.site
    items = "\n".join(
        f'<article class="post"><h2 class="entry-title"><a href="{p.path}">{e(p.title)}'
        f'</a></h2><div class="entry-meta">{p.published:%Y-%m-%d}</div></article>'
        for p in v.items
    )
    return (
        head(f"{site.display_name} - 第{v.number}页", v.canonical, site)
        + f'<body class="archive">\n<main id="main">\n{items}\n'
        f'<nav class="navigation pagination">{pager(v, "nav-links")}</nav>\n'
        f"{calendar_widget(site.prefix, DAY0.year, DAY0.month)}"
        "</main>\n</body>\n</html>\n"
    )
