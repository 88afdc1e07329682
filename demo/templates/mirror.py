"""Traditional-script mirror: Simplified articles converted char by char, teasers in the body."""

from __future__ import annotations

from demo.scripts import to_traditional
from demo.templates.common import (
    ArticleView,
    ListView,
    body_lines,
    e,
    head,
    pager,
    teaser_items,
)


def article(v: ArticleView) -> str:
    """An article page (everything shown in Traditional script)."""
    a, site, link = v.a, v.site, v.link
    t = to_traditional
    return (
        head(f"{a.title} | {site.display_name}", v.canonical, site, lang="zh-Hant")
        + f'<body>\n<header class="hd"><a href="{site.prefix}">{e(site.display_name)}</a>'
        "</header>\n"
        f'<div class="wrap"><div class="article">\n<h1>{e(a.title)}</h1>\n'
        f'<div class="meta">{e(a.info_line)}</div>\n'
        f'<div class="article-body">\n{body_lines(a)}\n'
        f'<div class="related"><h3>{t("相关文章")}</h3><ul>\n'
        f'{teaser_items(v.page.teasers, "desc", link)}\n</ul></div>\n</div>\n</div></div>\n'
        f'<footer>{e(site.display_name)} {t("版权所有")}</footer>\n</body>\n</html>\n'
    )


def listing(v: ListView) -> str:
    """A list page."""
    site = v.site
    t = to_traditional
    items = "\n".join(f'<li><a href="{p.path}">{e(p.title)}</a></li>' for p in v.items)
    return (
        head(site.display_name, v.canonical, site, lang="zh-Hant")
        + f'<body>\n<ul class="list">\n{items}\n</ul>\n'
        f'{pager(v, "pager", t("首页"), t("上一页"), t("下一页"), t("尾页"))}\n</body>\n</html>\n'
    )
