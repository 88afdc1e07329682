"""Q&A site: the body is the best answer, followed by a CTA, other answers and related questions."""

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
)

_VIEWPORT = '<meta name="viewport" content="width=device-width,initial-scale=1">\n'


def article(v: ArticleView) -> str:
    """A question page."""
    a, site, link = v.a, v.site, v.link
    others = "\n".join(
        f'<div class="answer other-answer"><div class="answer-content"><p>{e(x)}</p>'
        "</div></div>" for x in a.other_answers
    )
    return (
        head(f"{a.title}_{site.display_name}", v.canonical, site, _VIEWPORT)
        + f'<body>\n<header class="m-header"><a class="back" href="{site.prefix}">返回</a>'
        f"<span>{e(site.display_name)}</span></header>\n"
        f'<div class="m-crumb"><a href="{site.prefix}">问答首页</a> / '
        f'<a href="{site.prefix}">{e(a.plan.category)}</a></div>\n'
        f'<div class="question"><h1 class="q-title">{e(a.title)}</h1>\n'
        f'<div class="q-info">{e(a.info_line)}</div></div>\n'
        '<div class="answer best-answer"><div class="answer-head"><span class="tag">最佳答案'
        f'</span></div>\n<div class="answer-content">\n{body_lines(a)}\n'
        f'{optional("tip", a.disclaimer, "p")}{optional("cta-box", a.cta)}'
        f'</div></div>\n<div class="other-answers"><h3>其他回答</h3>\n{others}\n</div>\n'
        f'<div class="m-related"><h3>相关问题</h3><ul>\n'
        f'{teaser_items(v.page.teasers, "summary", link)}\n</ul></div>\n</body>\n</html>\n'
    )


def listing(v: ListView) -> str:
    """A question list."""
    site = v.site
    items = "\n".join(
        f'<li class="q-item"><a href="{p.path}">{e(p.title)}</a>'
        f'<span class="views">{p.views}人看过</span></li>' for p in v.items
    )
    return (
        head(f"{site.display_name}", v.canonical, site, _VIEWPORT)
        + f'<body>\n<ul class="q-list">\n{items}\n</ul>\n{pager(v, "m-pager")}\n'
        "</body>\n</html>\n"
    )
