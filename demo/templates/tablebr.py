"""Old table-layout CMS (DedeCMS 5.x "default" kin): everything in one ``<td>``, ``<br>`` only.

The body cell holds the paragraphs, the section headings, the call-to-action
box, the related-article teasers (linked title, then the cut-off snippet) and
the fake reader comments, with no ``<p>`` at all: lines are separated by
``<br>`` and paragraphs by ``<br><br>``. No drop selector can remove the
teasers, the CTA or the comments; only the extractor can.
"""

from __future__ import annotations

from demo.templates.common import XHTML, ArticleView, ListView, e, head, pager

_GAP = "<br>\n<br>\n"


def body_cell(v: ArticleView) -> str:
    """The one cell: main text, CTA, teasers and comments as ``<br>``-separated lines."""
    a, link = v.a, v.link
    parts = []
    for block in a.plan.blocks:
        parts.append(e(block.text))  # a heading is a line like any other, between blank lines
    if a.cta:
        parts.append(f'<font color="red">{e(a.cta)}</font>')
    if v.page.teasers:
        parts.append("<br>\n".join(
            ["<b>相关文章：</b>"]
            + [f'<a href="{link(t.href)}">{e(t.title)}</a><br>\n{e(t.text)}'
               for t in v.page.teasers]))
    if a.comments:
        parts.append("<br>\n".join(
            ["<b>网友评论：</b>"] + [f"网友{i + 1}：{e(c)}" for i, c in enumerate(a.comments)]))
    return _GAP.join(parts)


def article(v: ArticleView) -> str:
    """An article page (GBK bytes): a grid of one-cell rows, the body in one ``<td>``."""
    a, site = v.a, v.site
    return (
        head(f"{a.title}_{site.display_name}", v.canonical, site, doctype=XHTML)
        + '<body>\n<table width="960" align="center" class="top"><tr>'
        f'<td><a href="{site.prefix}">{e(site.display_name)}</a></td>'
        f'<td><a href="{site.prefix}">首页</a> | <a href="{site.prefix}">'
        f"{e(a.plan.category)}</a></td></tr></table>\n"
        '<table width="960" align="center" class="main">\n'
        f'<tr><td class="position">当前位置：<a href="{site.prefix}">首页</a> &gt; '
        f'<a href="{site.prefix}">{e(a.plan.category)}</a></td></tr>\n'
        f'<tr><td class="title" align="center"><h1>{e(a.title)}</h1></td></tr>\n'
        f'<tr><td class="info" align="center">{e(a.info_line)}</td></tr>\n'
        f'<tr><td class="content">\n{body_cell(v)}\n</td></tr>\n</table>\n'
        f'<table width="960" align="center" class="footer"><tr><td>'
        f"Copyright &copy; {e(site.display_name)} 版权所有</td></tr></table>\n"
        "</body>\n</html>\n"
    )


def listing(v: ListView) -> str:
    """A list page: a table of linked titles and dates."""
    site = v.site
    rows = "\n".join(
        f'<tr><td><a href="{p.path}">{e(p.title)}</a></td><td>{p.published:%Y-%m-%d}</td></tr>'
        for p in v.items
    )
    return (
        head(f"{site.display_name}_第{v.number}页", v.canonical, site)
        + f'<body>\n<table class="list">\n{rows}\n</table>\n{pager(v, "pagelist")}\n'
        "</body>\n</html>\n"
    )
