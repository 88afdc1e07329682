"""HTML templates of the demo sites, one module per CMS family (article page + list page).

Each family imitates a layout seen on real content farms. Main-text lines are
written as ``<p>``/``<h2>``/``<h3>`` (or, in ``tablebr``, ``<br>``-separated
lines) holding nothing but escaped text, so the truth can promise each line
appears verbatim in the page once unescaped.
"""

from __future__ import annotations

from collections.abc import Callable

from demo.templates import (
    dede,
    empire,
    mirror,
    mobile,
    pboot,
    portal,
    qa,
    tablebr,
    wordpress,
    zblog,
)
from demo.templates.common import ArticleView, ListView

ArticleRenderer = Callable[[ArticleView], str]
ListRenderer = Callable[[ListView], str]
TEMPLATES: dict[str, tuple[ArticleRenderer, ListRenderer]] = {
    module.__name__.rsplit(".", 1)[1]: (module.article, module.listing)
    for module in (pboot, dede, wordpress, qa, mobile, portal, empire, zblog, mirror, tablebr)
}

__all__ = ["TEMPLATES", "ArticleView", "ListView"]
