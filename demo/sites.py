"""The demo's content-farm sites and which article plans each one publishes.

A site is a small data record: its name (also its path prefix), the template
that renders it, how its bytes are encoded and declared, and its quirks. The
placement table says which sites carry each plan and with which repost edits
(see ``demo.articles.apply_edit``); the first placement of a plan is its
original, the others are reposts in the same duplicate cluster.
"""

from __future__ import annotations

from dataclasses import dataclass

DISCLAIMER = "本站部分文字内容、图片由网友投稿，如侵权请联系删除。"
CTA_TEXTS: tuple[str, ...] = (
    "逾期了不知道怎么办？加微信 yqbz2024 免费咨询，专业老师一对一帮你处理。",
    "债务压力大、被催收骚扰？加微信 hk-5588 免费咨询，24小时在线。",
)


@dataclass(frozen=True)
class Site:
    """One demo site: naming, rendering template, encoding and quirks.

    ``codec`` is what the bytes really are; ``header_charset`` is what the HTTP
    Content-Type declares ("" = no charset parameter) and ``meta_charset`` what
    the page's meta tag declares. Quirks are free-form flags read by templates.
    """

    name: str
    display_name: str
    template: str
    codec: str
    header_charset: str
    meta_charset: str
    page_size: int
    id_start: int
    sources: tuple[str, ...]
    authors: tuple[str, ...]
    quirks: frozenset[str] = frozenset()

    @property
    def prefix(self) -> str:
        """The path prefix every URL of this site starts with, e.g. ``/farm-a/``."""
        return f"/{self.name}/"

    def article_path(self, article_id: int) -> str:
        """Path of article *article_id* on this site."""
        return f"{self.prefix}a/{article_id}.html"

    def list_path(self, page: int) -> str:
        """Path of list page *page* (page 1 is the site home)."""
        return self.prefix if page == 1 else f"{self.prefix}list/{page}.html"

    @property
    def sitemap_path(self) -> str:
        """Path of this site's sitemap."""
        return f"{self.prefix}sitemap.xml"


SITES: tuple[Site, ...] = (
    Site(
        name="farm-a",
        display_name="贷款逾期知识网",
        template="pboot",
        codec="utf-8",
        header_charset="utf-8",
        meta_charset="utf-8",
        page_size=8,
        id_start=1021,
        sources=("网络整理", "贷款逾期知识网", "网友投稿"),
        authors=("小编", "admin", "逾期小助手"),
        quirks=frozenset({"teasers_in_body", "disclaimer_in_body"}),
    ),
    Site(
        name="farm-b",
        display_name="信用卡债务帮",
        template="dede",
        codec="gb18030",
        header_charset="gbk",
        meta_charset="gb2312",
        page_size=10,
        id_start=3307,
        sources=("本站原创", "网络", "互联网"),
        authors=("admin", "佚名", "债务帮编辑"),
        quirks=frozenset({"cta_in_body", "wrong_meta_charset", "prev_next_links"}),
    ),
    Site(
        name="farm-c",
        display_name="逾期问答博客",
        template="wordpress",
        codec="utf-8",
        header_charset="utf-8",
        meta_charset="utf-8",
        page_size=9,
        id_start=215,
        sources=("原创", "转载"),
        authors=("老王说贷款", "信用小百科", "阿杰"),
        quirks=frozenset({"view_counts"}),
    ),
    Site(
        name="farm-d",
        display_name="借贷问答手机版",
        template="qa",
        codec="utf-8",
        header_charset="",
        meta_charset="utf-8",
        page_size=8,
        id_start=50113,
        sources=("网友提问", "借贷问答"),
        authors=("热心网友", "知识达人", "匿名用户"),
        quirks=frozenset(
            {"cta_in_body", "disclaimer_in_body", "other_answers", "http_equiv_meta"}
        ),
    ),
)

# plan key -> ((site, edits), ...); the first entry is the original.
PLACEMENTS: dict[str, tuple[tuple[str, tuple[str, ...]], ...]] = {
    # published once
    "huabei-kuanxian": (("farm-a", ()),),
    "zhengxin-xiaochu": (("farm-b", ()),),
    "xyk-fenqi": (("farm-c", ()),),
    "fenqile-yitian": (("farm-d", ()),),
    "baitiao-qisu": (("farm-a", ()),),
    "huaizhang": (("farm-c", ()),),
    # on two sites
    "huabei-txl-b": (("farm-b", ()), ("farm-d", ("intro:0",))),
    "xyk-zuolao": (("farm-a", ()), ("farm-c", ("reorder:2",))),
    "meituan-faxi": (("farm-b", ()), ("farm-c", ("swap:美团月付>抖音月付",))),
    "cuishou-tousu": (("farm-a", ()), ("farm-d", ("intro:1", "drop:4"))),
    "jia-lvshihan": (("farm-b", ()), ("farm-c", ("intro:2",))),
    "xyk-shangmen": (("farm-c", ()), ("farm-d", ())),
    "dxm-yuqi": (("farm-a", ()), ("farm-b", ("intro:3",))),
    "wangdai-danwei": (("farm-d", ()), ("farm-b", ("reorder:1",))),
    "zhaolian-jinji": (("farm-c", ()), ("farm-a", ("intro:2",))),
    "baitiao-yuqi": (("farm-d", ()), ("farm-c", ("intro:0", "drop:1"))),
    # on three sites
    "huabei-txl-a": (("farm-a", ()), ("farm-b", ("intro:1",)), ("farm-c", ("swap:花呗>借呗",))),
    "jiebei-qisu": (("farm-b", ()), ("farm-a", ("drop:0", "intro:3")),
                    ("farm-d", ("swap:借呗>花呗", "drop:3"))),
    "wangdai-shangmen": (("farm-c", ()), ("farm-a", ("intro:0",)), ("farm-d", ("reorder:2",))),
    "xyk-zhengxin": (("farm-a", ()), ("farm-b", ("intro:2", "drop:2")), ("farm-d", ())),
    "tingxi-guazhang": (("farm-d", ()), ("farm-c", ("reorder:3",)), ("farm-b", ("intro:0",))),
    "weilidai-cuishou": (("farm-b", ()), ("farm-c", ("swap:微粒贷>网商贷",)),
                         ("farm-a", ("drop:5", "intro:1"))),
    "zhaiwu-youhua": (("farm-c", ()), ("farm-d", ("intro:3",)), ("farm-a", ("reorder:0",))),
    "huabei-dongjie": (("farm-a", ()), ("farm-d", ("intro:2",)), ("farm-b", ("reorder:2",))),
    # on four sites
    "jiebei-xieshang": (("farm-a", ()), ("farm-b", ("swap:借呗>花呗",)), ("farm-c", ("intro:1",)),
                        ("farm-d", ("swap:借呗>花呗", "intro:0", "drop:3"))),
    "wangdai-baotxl": (("farm-b", ()), ("farm-a", ("intro:3",)), ("farm-c", ("reorder:3",)),
                       ("farm-d", ("intro:2", "drop:3"))),
    "jiebei-zhengxin": (("farm-c", ()), ("farm-a", ("swap:借呗>花呗",)), ("farm-b", ("intro:0",)),
                        ("farm-d", ("reorder:1",))),
    "wangdai-disanfang": (("farm-d", ()), ("farm-a", ("intro:1",)),
                          ("farm-b", ("drop:1", "intro:2")), ("farm-c", ())),
}


def get_site(name: str) -> Site:
    """The site called *name* (KeyError when there is none)."""
    for site in SITES:
        if site.name == name:
            return site
    raise KeyError(name)
