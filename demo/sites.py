"""The demo's content-farm sites: naming, template family, bytes on the wire and quirks.

A site is a small data record. Its name is also its path prefix on the demo
host (``/farm-a/``). ``codec`` is what the bytes really are; ``header_charset``
is what the HTTP Content-Type declares ("" = no charset parameter) and
``meta_charset`` what the page's meta tag declares ("" = no meta tag at all).
Quirks are flags read by the templates and the text transforms:

- ``teasers_in_body``: related-article teasers inside the body container
- ``disclaimer_in_body``: the 本站部分文字内容 ... disclaimer inside the body
- ``cta_in_body``: a 加微信 ... 免费咨询 call-to-action box in the body
- ``other_answers``: Q&A page, the body is the best answer, others follow
- ``comments``: fake reader comments after the article
- ``http_equiv_meta``: the old ``<meta http-equiv>`` form of the charset tag
- ``glyph_gaps``: the site strips 电话 and 题 from everything it shows
- ``traditional``: Traditional-script mirror with pinyin leftovers (規(guī)定)
- ``session_ids``: every link carries a fresh ``?sid=`` (a crawl trap)
- ``calendar``: an endless archive calendar (a crawl trap)
- ``slash_redirect``: ``/a/N.html/`` 301-redirects to the canonical URL
  (elsewhere the slash variant is served as a duplicate 200)
"""

from __future__ import annotations

from dataclasses import dataclass

DISCLAIMER = "本站部分文字内容、图片由网友投稿，如侵权请联系删除。"
CTA_TEXTS: tuple[str, ...] = (
    "逾期了不知道怎么办？加微信 yqbz2024 免费咨询，专业老师一对一帮你处理。",
    "债务压力大、被催收骚扰？加微信 hk-5588 免费咨询，24小时在线。",
    "停息挂账、协商还款找我们，加微信 fz-8899 免费咨询，成功率高。",
    "网贷逾期无力偿还？加微信 shangan666 免费咨询上岸方案，名额有限。",
)
GLYPH_GAPS: dict[str, str] = {"电话": " ", "题": ""}


@dataclass(frozen=True)
class Site:
    """One demo site: naming, rendering template, encoding and quirks."""

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
    article_dir: str = "a"
    section: str = ""

    @property
    def prefix(self) -> str:
        """The path prefix every URL of this site starts with, e.g. ``/farm-a/``."""
        return f"/{self.name}/"

    def article_path(self, article_id: int) -> str:
        """Path of article *article_id* on this site."""
        return f"{self.prefix}{self.article_dir}/{article_id}.html"

    def list_path(self, page: int) -> str:
        """Path of list page *page* (page 1 is the site home)."""
        return self.prefix if page == 1 else f"{self.prefix}list/{page}.html"

    @property
    def sitemap_path(self) -> str:
        """Path of this site's sitemap index (it lists the site's gzip sitemaps)."""
        return f"{self.prefix}sitemap.xml"

    def sitemap_part_path(self, part: int) -> str:
        """Path of gzip sitemap number *part* (1-based) of this site."""
        return f"{self.prefix}sitemap-{part}.xml.gz"

    def has(self, quirk: str) -> bool:
        """True when the site has *quirk*."""
        return quirk in self.quirks


def _site(name: str, display: str, template: str, codec: str, header: str, meta: str,
          id_start: int, sources: str, authors: str, quirks: str, **extra: object) -> Site:
    return Site(
        name=name, display_name=display, template=template, codec=codec,
        header_charset=header, meta_charset=meta, page_size=int(str(extra.pop("size", 10))),
        id_start=id_start, sources=tuple(sources.split()), authors=tuple(authors.split()),
        quirks=frozenset(quirks.split()), **extra,  # type: ignore[arg-type]
    )


SITES: tuple[Site, ...] = (
    _site("farm-a", "贷款逾期知识网", "pboot", "utf-8", "utf-8", "utf-8", 1021,
          "网络整理 贷款逾期知识网 网友投稿", "小编 admin 逾期小助手",
          "teasers_in_body disclaimer_in_body", size=8),
    _site("farm-b", "信用卡债务帮", "dede", "gbk", "gbk", "gb2312", 3307,
          "本站原创 网络 互联网", "admin 佚名 债务帮编辑", "cta_in_body", size=10),
    _site("farm-c", "逾期问答博客", "wordpress", "utf-8", "utf-8", "utf-8", 215,
          "原创 转载", "老王说贷款 信用小百科 阿杰", "comments calendar slash_redirect", size=9),
    _site("farm-d", "借贷问答", "qa", "utf-8", "", "utf-8", 50113,
          "网友提问 借贷问答", "热心网友 知识达人 匿名用户",
          "cta_in_body disclaimer_in_body other_answers http_equiv_meta", size=8),
    _site("farm-e", "手机借贷百科", "mobile", "utf-8", "", "", 8800,
          "借贷百科 网络", "百科君 小贷 阿财", "cta_in_body", size=12),
    _site("farm-f", "滨江城市生活网", "portal", "utf-8", "utf-8", "utf-8", 120400,
          "本地生活 网络", "生活频道 编辑部", "session_ids", size=10,
          article_dir="tianqi", section="天气预报"),
    _site("farm-g", "信贷百事通", "empire", "gb18030", "", "utf-8", 700,
          "百事通 网络转载", "刘䶮 𠮷祥 编辑部", "disclaimer_in_body", size=10),
    _site("farm-h", "负债上岸指南", "zblog", "utf-8", "utf-8", "utf-8", 3010,
          "上岸指南 原创", "上岸哥 小林 负债人", "glyph_gaps comments disclaimer_in_body",
          size=9),
    _site("farm-i", "債務知識網", "mirror", "utf-8", "utf-8", "utf-8", 9100,
          "債務知識網 網絡", "小編 管理員", "traditional teasers_in_body", size=10),
    _site("farm-j", "网贷逾期协商网", "tablebr", "gbk", "", "gb2312", 6600,
          "本站整理 网络", "admin 协商君", "teasers_in_body cta_in_body comments", size=10),
)
SITES_BY_NAME: dict[str, Site] = {s.name: s for s in SITES}


def get_site(name: str) -> Site:
    """The site called *name* (KeyError when there is none)."""
    return SITES_BY_NAME[name]
