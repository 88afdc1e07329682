"""City portal: loan spam filed under the unrelated 天气预报 section; every link has a ``sid``."""

from __future__ import annotations

from collections.abc import Callable

from demo.noise import TEMPLATE_NOISE
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

_WEATHER = TEMPLATE_NOISE["portal"][0]
_NEWS = ("滨江大道夜景提升工程完工", "本周末城区部分路段临时交通管制", "市图书馆新馆下月开放",
         "今年高温天数或超往年同期")


def _nav(prefix: str, link: Callable[[str], str]) -> str:
    sections = (("news/", "新闻"), ("", "天气预报"), ("house/", "房产"), ("auto/", "汽车"))
    return '<ul class="nav">' + "".join(
        f'<li><a href="{link(prefix + path)}">{name}</a></li>' for path, name in sections
    ) + "</ul>"


def _news() -> str:
    return '<div class="local-news"><h3>本地新闻</h3><ul>' + "".join(
        f"<li>{e(t)}</li>" for t in _NEWS) + "</ul></div>\n"


def article(v: ArticleView) -> str:
    """An article page in the weather section."""
    a, site, link = v.a, v.site, v.link
    return (
        head(f"{a.title}-{site.section}-{site.display_name}", v.canonical, site)
        + f'<body>\n<div class="top"><a href="{link(site.prefix)}">{e(site.display_name)}</a>'
        f"{_nav(site.prefix, link)}</div>\n"
        f'<div class="weather">{e(_WEATHER)}</div>\n'
        f'<div class="crumb">您的位置：<a href="{link(site.prefix)}">首页</a> &gt; '
        f'<a href="{link(site.prefix)}">{e(site.section)}</a> &gt; 正文</div>\n'
        f'<div class="main"><div class="detail">\n<h1>{e(a.title)}</h1>\n'
        f'<div class="detail-info">{e(a.info_line)}</div>\n'
        f'<div class="detail-text">\n{body_lines(a)}\n</div>\n'
        f'<div class="detail-related"><h4>延伸阅读</h4><ul>\n'
        f'{teaser_items(v.page.teasers, "brief", link)}\n</ul></div>\n</div>\n'
        f'<div class="side">{_news()}<div class="hot"><h3>热点</h3><ul>\n'
        f"{title_links(v.page.hot, link)}\n</ul></div></div></div>\n"
        f'<div class="foot">{e(site.display_name)} 版权所有</div>\n</body>\n</html>\n'
    )


def listing(v: ListView) -> str:
    """The weather section's list page (the portal home shows it too)."""
    site, link = v.site, v.link
    items = "\n".join(
        f'<li><a href="{link(p.path)}">{e(p.title)}</a><em>{p.published:%m-%d}</em></li>'
        for p in v.items
    )
    return (
        head(f"{site.section}-{site.display_name}", v.canonical, site)
        + f'<body>\n<div class="top"><a href="{link(site.prefix)}">{e(site.display_name)}</a>'
        f"{_nav(site.prefix, link)}</div>\n"
        f'<div class="weather">{e(_WEATHER)}</div>\n{_news()}'
        f'<div class="channel"><h2>{e(site.section)}</h2><ul class="list">\n{items}\n</ul>\n'
        f'{pager(v, "pages")}</div>\n</body>\n</html>\n'
    )
