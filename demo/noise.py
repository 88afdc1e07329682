"""Page furniture that is not main text: info lines, other answers, fake comments, banners.

Everything here is shown on article pages and listed in the truth's ``noise``
(strings that must not survive extraction).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from demo import scripts

if TYPE_CHECKING:
    from demo.corpus import Article

OTHER_ANSWERS: tuple[str, ...] = (
    "我之前也遇到过这种情况，后来主动打电话给客服，分了12期慢慢还。",
    "楼上说得对，千万别找什么代理，都是骗钱的，自己打客服就行。",
    "我朋友逾期了快一年，也没见有人上门，不过征信是花了。",
    "说实话每个平台都不一样，最好还是看合同怎么写的。",
    "别慌，先把最贵的那笔还上，其他的慢慢协商。",
    "同问，我也逾期两个月了，每天都提心吊胆的。",
)
COMMENTS: tuple[str, ...] = (
    "写得很详细，收藏了，感谢小编！",
    "我逾期三个月了也没人打电话给家里，看来每家都不一样。",
    "请问已经被起诉了还能协商吗？在线等，挺急的。",
    "说得都是废话，真遇到了还是得靠自己。",
    "楼主说的停息挂账我申请过，确实能办下来，就是要多打几次电话。",
    "千万别信那些收费的债务优化，我被骗了三千块。",
)
# Banners and widgets that some templates show around the article.
TEMPLATE_NOISE: dict[str, tuple[str, ...]] = {
    "mobile": ("打开APP，阅读全文，查看更多精彩内容",),
    "portal": ("滨江今日天气：多云转晴 22~30℃ 空气质量：良",),
}


def info_line(a: Article) -> str:
    """The info line (time, source, author, views) in the style of *a*'s template."""
    day, when = a.published.strftime("%Y-%m-%d"), a.published.strftime("%Y-%m-%d %H:%M")
    styles = {
        "pboot": f"发布时间：{day} 来源：{a.source} 作者：{a.author} 浏览：{a.views}次",
        "dede": f"时间:{when} 来源:{a.source} 作者:{a.author} 浏览:{a.views}次",
        "wordpress": f"作者：{a.author} 发布时间：{when} 来源：{a.source} 浏览 {a.views} 次",
        "qa": f"提问时间：{day} 来源：{a.source} 作者：{a.author} 浏览{a.views}次",
        "mobile": f"{a.author} · {day} · 浏览 {a.views}",
        "portal": f"来源：{a.source} 编辑：{a.author} 发布时间：{when} 浏览：{a.views}",
        "empire": f"作者：{a.author} 来源：{a.source} 时间：{when} 浏览：{a.views}次",
        "zblog": f"{a.author} 发表于 {when} 浏览({a.views})",
        "mirror": f"发布时间：{day} 作者：{a.author} 浏览：{a.views}次",
        "tablebr": f"发布时间：{when} 来源：{a.source} 作者：{a.author} 浏览：{a.views}",
    }
    return scripts.site_text(a.site, styles[a.site.template])
