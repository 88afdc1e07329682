"""Mobile ``m.`` site: one narrow column, 展开全文, an app banner, no charset anywhere."""

from __future__ import annotations

from demo.noise import TEMPLATE_NOISE
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

_VIEWPORT = ('<meta name="viewport" content="width=device-width,initial-scale=1,'
             'maximum-scale=1,user-scalable=no">\n<meta name="applicable-device" '
             'content="mobile">\n')
_BANNER = TEMPLATE_NOISE["mobile"][0]


def article(v: ArticleView) -> str:
    """An article page."""
    a, site, link = v.a, v.site, v.link
    return (
        head(f"{a.title}-{site.display_name}", v.canonical, site, _VIEWPORT)
        + f'<body class="m">\n<div class="m-top"><a href="{site.prefix}">{e(site.display_name)}'
        '</a><a class="m-app" href="#app">APP</a></div>\n'
        f'<section class="m-art">\n<h1>{e(a.title)}</h1>\n'
        f'<div class="m-meta">{e(a.info_line)}</div>\n'
        f'<div class="m-body" id="artbody">\n{body_lines(a)}\n{bare_p(a.cta)}</div>\n'
        '<div class="m-more"><a href="#artbody">展开全文</a></div>\n'
        "</section>\n"
        f'<div class="m-banner"><a href="#app">{e(_BANNER)}</a></div>\n'
        f'<section class="m-rec"><h3>相关推荐</h3><ul>\n'
        f'{teaser_items(v.page.teasers, "m-desc", link)}\n</ul></section>\n'
        "</body>\n</html>\n"
    )


def listing(v: ListView) -> str:
    """A list page."""
    site = v.site
    items = "\n".join(
        f'<li><a href="{p.path}"><h3>{e(p.title)}</h3><span>{p.views}阅读</span></a></li>'
        for p in v.items
    )
    return (
        head(site.display_name, v.canonical, site, _VIEWPORT)
        + f'<body class="m">\n<ul class="m-list">\n{items}\n</ul>\n'
        f'{pager(v, "m-page", "首页", "上页", "下页", "末页")}\n</body>\n</html>\n'
    )
