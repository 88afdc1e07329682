"""DedeCMS-like site: ``.content`` table body with a CTA box, ``.likearticle`` after it."""

from __future__ import annotations

from demo.templates.common import (
    XHTML,
    ArticleView,
    ListView,
    body_lines,
    e,
    head,
    optional,
    pager,
    teaser_items,
)


def article(v: ArticleView) -> str:
    """An article page (GBK bytes; old ``plus/view.php`` address shown as the permalink)."""
    a, site, link = v.a, v.site, v.link
    prev = v.page.prev
    prev_item = (f'<li>上一篇：<a href="{prev.path}">{e(prev.title)}</a></li>' if prev
                 else "<li>上一篇：没有了</li>")
    old = f"{v.origin}{site.prefix}plus/view.php?aid={a.slot.article_id}"
    return (
        head(f"{a.title}_{site.display_name}", v.canonical, site, doctype=XHTML)
        + f'<body>\n<div class="header"><a href="{site.prefix}">{e(site.display_name)}</a>'
        f"</div>\n<div class=\"place\"><strong>当前位置:</strong> "
        f'<a href="{site.prefix}">主页</a> &gt; <a href="{site.prefix}">'
        f"{e(a.plan.category)}</a> &gt; </div>\n"
        f'<div class="viewbox">\n<div class="title"><h1>{e(a.title)}</h1></div>\n'
        f'<div class="info">{e(a.info_line)}</div>\n'
        f"<div class=\"content\"><table width='100%'><tr><td>\n{body_lines(a)}\n"
        f'{optional("cta-box", a.cta)}</td></tr></table></div>\n'
        f'<div class="permalink">本文链接：<a href="{e(old)}">{e(old)}</a></div>\n'
        f'<div class="context"><ul>{prev_item}<li>下一篇：<a href="{site.prefix}">返回列表</a>'
        "</li></ul></div>\n</div>\n"
        '<div class="likearticle"><dl class="tbox"><dt><strong>相关文章</strong></dt>'
        f'<dd><ul class="e7">\n{teaser_items(v.page.teasers, "intro", link)}\n</ul></dd>'
        "</dl></div>\n"
        f'<script src="{site.prefix}plus/count.php?view=yes&amp;aid={a.slot.article_id}">'
        "</script>\n"
        f'<div class="footer">Powered by DedeCMS &copy; {e(site.display_name)}</div>\n'
        "</body>\n</html>\n"
    )


def listing(v: ListView) -> str:
    """A list page."""
    site = v.site
    items = "\n".join(
        f'<li><a href="{p.path}" class="title">{e(p.title)}</a>'
        f'<span class="info">{p.published:%Y-%m-%d}</span></li>' for p in v.items
    )
    return (
        head(f"{site.display_name}_列表第{v.number}页", v.canonical, site)
        + f'<body>\n<div class="header"><a href="{site.prefix}">{e(site.display_name)}</a>'
        f'</div>\n<div class="listbox"><ul class="e2">\n{items}\n</ul></div>\n'
        f'{pager(v, "dede_pages")}\n</body>\n</html>\n'
    )
