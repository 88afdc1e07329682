"""PbootCMS-like site: teasers and the disclaimer INSIDE ``.art-content``, tracking-param links."""

from __future__ import annotations

from demo.templates.common import (
    ArticleView,
    ListView,
    body_lines,
    e,
    head,
    optional,
    pager,
    teaser_items,
    title_links,
)


def article(v: ArticleView) -> str:
    """An article page."""
    a, site, link = v.a, v.site, v.link
    return (
        head(f"{a.title}_{site.display_name}", v.canonical, site,
             f'<meta name="keywords" content="{e(a.plan.category)}">\n')
        + f'<body>\n<div class="header"><div class="logo"><a href="{site.prefix}">'
        f"{e(site.display_name)}</a></div>\n"
        f'<ul class="nav"><li><a href="{site.prefix}">首页</a></li>'
        f'<li><a href="{site.list_path(2)}">逾期知识</a></li></ul></div>\n'
        f'<div class="container">\n<div class="position">当前位置：<a href="{site.prefix}">首页</a>'
        f' &gt; <a href="{site.prefix}">{e(a.plan.category)}</a> &gt; 正文</div>\n'
        f'<div class="article">\n<h1 class="art-title">{e(a.title)}</h1>\n'
        f'<div class="art-info">{e(a.info_line)}</div>\n'
        f'<div class="art-content">\n{body_lines(a)}\n{optional("disclaimer", a.disclaimer)}'
        f'<div class="related-art"><h3>相关文章</h3>\n<ul>\n'
        f'{teaser_items(v.page.teasers, "intro", link)}\n</ul></div>\n</div>\n</div>\n'
        f'<div class="sidebar"><h3>热门文章</h3><ul>\n'
        f'{title_links(v.page.hot, link, "?utm_source=hot&amp;utm_medium=sidebar")}\n</ul></div>\n'
        f'</div>\n<div class="footer">Copyright &copy; {e(site.display_name)} '
        "版权所有</div>\n</body>\n</html>\n"
    )


def listing(v: ListView) -> str:
    """A list page."""
    site = v.site
    items = "\n".join(
        f'<li><a href="{p.path}">{e(p.title)}</a><span class="date">'
        f'{p.published:%Y-%m-%d}</span></li>' for p in v.items
    )
    return (
        head(f"{site.display_name}_第{v.number}页", v.canonical, site)
        + f'<body>\n<div class="header"><div class="logo"><a href="{site.prefix}">'
        f"{e(site.display_name)}</a></div>\n<div class=\"hot-search\">热门搜索："
        f'<a href="{site.prefix}search/?q=花呗逾期">花呗逾期</a></div></div>\n'
        f'<div class="container"><ul class="art-list">\n{items}\n</ul>\n'
        f'{pager(v, "pagebar")}\n</div>\n</body>\n</html>\n'
    )
