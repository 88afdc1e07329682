"""EmpireCMS-like site (GB18030 bytes, a meta tag claiming utf-8): ``.newstext``, ``.otherlink``."""

from __future__ import annotations

from demo.templates.common import (
    ArticleView,
    ListView,
    bare_p,
    body_lines,
    e,
    head,
    pager,
    teaser_items,
)


def article(v: ArticleView) -> str:
    """An article page."""
    a, site, link = v.a, v.site, v.link
    prev = v.page.prev
    prev_link = f'<a href="{prev.path}">{e(prev.title)}</a>' if prev else "没有了"
    return (
        head(f"{a.title}_{site.display_name}", v.canonical, site)
        + f'<body>\n<div class="top"><a href="{site.prefix}">{e(site.display_name)}</a></div>\n'
        f'<div class="box"><div class="posi">现在的位置：<a href="{site.prefix}">首页</a>'
        f' &gt; <a href="{site.prefix}">{e(a.plan.category)}</a></div>\n'
        f'<div class="news"><h1 class="title">{e(a.title)}</h1>\n'
        f'<div class="info">{e(a.info_line)}</div>\n'
        f'<div class="newstext">\n{body_lines(a)}\n'
        f"{bare_p(a.disclaimer)}</div>\n"
        f'<div class="pagelink">上一篇：{prev_link}</div>\n</div>\n'
        f'<div class="otherlink"><h3>相关阅读</h3><ul>\n'
        f'{teaser_items(v.page.teasers, "smalltext", link)}\n</ul></div>\n</div>\n'
        f'<div class="copyright">{e(site.display_name)} 编辑：{e(" ".join(site.authors))}</div>\n'
        "</body>\n</html>\n"
    )


def listing(v: ListView) -> str:
    """A list page."""
    site = v.site
    items = "\n".join(
        f'<li><span>{p.published:%Y-%m-%d}</span><a href="{p.path}">{e(p.title)}</a></li>'
        for p in v.items
    )
    return (
        head(f"{site.display_name}_第{v.number}页", v.canonical, site)
        + f'<body>\n<div class="top"><a href="{site.prefix}">{e(site.display_name)}</a></div>\n'
        f'<div class="box"><ul class="newslist">\n{items}\n</ul>\n'
        f'{pager(v, "list_page")}</div>\n</body>\n</html>\n'
    )
