"""Z-Blog-like site that strips 电话 and 题 from its text (glyph gaps), with fake comments."""

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
    comments = "\n".join(
        f'<li class="msg"><div class="msgname">访客{i + 1}</div>'
        f'<div class="msgarticle">{e(c)}</div></li>' for i, c in enumerate(a.comments)
    )
    return (
        head(f"{a.title}-{site.display_name}", v.canonical, site)
        + f'<body class="single">\n<div id="divAll"><div id="divTop"><h1 id="BlogTitle">'
        f'<a href="{site.prefix}">{e(site.display_name)}</a></h1></div>\n'
        f'<div id="divMain"><div class="post single">\n<h2 class="post-title">{e(a.title)}</h2>\n'
        f'<div class="post-meta">{e(a.info_line)}</div>\n'
        f'<div class="post-body">\n{body_lines(a)}\n'
        f"{bare_p(a.disclaimer)}</div>\n</div>\n"
        f'<div class="post-related"><h4>相关文章</h4><ul>\n'
        f'{teaser_items(v.page.teasers, "excerpt", link)}\n</ul></div>\n'
        f'<ul class="msglist">\n{comments}\n</ul>\n</div></div>\n</body>\n</html>\n'
    )


def listing(v: ListView) -> str:
    """A list page."""
    site = v.site
    items = "\n".join(
        f'<div class="post multi"><h2 class="post-title"><a href="{p.path}">{e(p.title)}</a>'
        f'</h2><div class="post-date">{p.published:%Y-%m-%d}</div></div>' for p in v.items
    )
    return (
        head(f"{site.display_name}", v.canonical, site)
        + f'<body class="multi">\n<div id="divMain">\n{items}\n'
        f'{pager(v, "pagebar")}\n</div>\n</body>\n</html>\n'
    )
