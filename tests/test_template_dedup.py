"""RELIABILITY case 21: different articles in one heavy site template never cluster.

Hashing whole pages puts two articles of one template a few bits apart (the template's
navigation, sidebar and footer outweigh the article). yuqi hashes the extracted text
only and confirms candidates with shingles. The pages here carry the phenomenon (their
whole-page simhashes are close); the pipeline must still keep every article apart,
while a repost of one of them in the same template still joins it.
"""

from __future__ import annotations

import html
import re

from pipeline.dedup import Clusterer, DedupInput
from pipeline.extract import ExtractConfig
from pipeline.fingerprint import hamming, simhash_text
from pipeline.records import RawPage
from pipeline.stages import process_page

NAV = ["首页", "信用卡", "花呗借呗", "网贷知识", "征信查询", "债务协商", "法律咨询", "关于我们"]
SIDEBAR = [
    "热门文章：信用卡逾期多久会被银行起诉，看完这篇你就明白了",
    "热门文章：网贷逾期后征信多久能恢复正常，五年之后自动消除吗",
    "热门文章：微粒贷逾期一天会不会影响征信记录，答案在这里",
    "热门文章：京东白条逾期了怎么办，协商还款的正确方法分享",
    "热门文章：分期乐逾期会不会打电话给家里人，过来人告诉你",
    "热门文章：美团月付逾期之后的催收流程是怎样的，一文看懂",
    "推荐阅读：欠款人去世之后债务由谁来还，家属需要承担吗",
    "推荐阅读：银行催收人员可以上门吗，遇到暴力催收怎么投诉",
    "推荐阅读：个人信用报告怎么查询，一年可以免费查几次",
    "推荐阅读：借款合同里的违约金过高可以不还吗，法律怎么规定",
]
FOOTER = [
    "免责声明：本站所有文章均来自网络整理，仅供参考，不构成任何法律或财务建议。",
    "版权所有 © 某某财经网 未经许可不得转载 备案号：某ICP备00000000号",
    "联系我们：客服热线工作时间为周一至周五九点到十八点，节假日休息。",
]
ARTICLES = [
    ["花呗逾期之后支付宝会先发短信提醒，然后客服打电话催促还款。",
     "逾期时间较短的话一般不会联系紧急联系人，更不会打给通讯录里的朋友。",
     "只要在宽限期内把钱还上，通常不会产生逾期记录，也不影响芝麻分。"],
    ["借呗逾期超过九十天，平台可能会把欠款委托给第三方机构处理。",
     "正规的催收机构必须遵守规定，不得在晚上十点以后拨打借款人电话。",
     "如果遇到辱骂威胁，借款人可以向银保监会或者互联网金融协会投诉。"],
    ["信用卡欠款金额超过五万元并且经两次催收三个月仍不归还，可能涉嫌恶意透支。",
     "恶意透支属于刑事犯罪，持卡人有可能被追究刑事责任。",
     "所以还不上的时候一定要主动联系银行申请个性化分期，不要失联。"],
    ["网贷逾期以后，征信报告上的不良记录会保存五年，从结清之日起算。",
     "五年期间申请房贷车贷都可能被拒，有的单位招聘也会查询个人征信。",
     "结清之后可以开具结清证明，等待记录到期自动删除，不需要花钱找人修复。"],
    ["市面上有很多所谓的反催收联盟和债务优化公司，声称能帮人停息挂账。",
     "这类机构往往先收取高额服务费，然后就失去联系，借款人的问题一点没解决。",
     "想要协商还款，直接拨打平台官方客服电话就可以，不需要任何中介。"],
    ["京东白条逾期后会收取违约金，按照未还金额的一定比例每天计算。",
     "白条的违约金比例在借款协议里写得很清楚，借款前最好仔细阅读。",
     "如果违约金明显过高，可以和客服沟通申请减免，部分用户能够成功。"],
]


def _page(title: str, paragraphs: list[str]) -> bytes:
    nav = "".join(f'<li><a href="/c/{i}.html">{n}</a></li>' for i, n in enumerate(NAV))
    side = "".join(f'<li><a href="/s/{i}.html">{t}</a></li>' for i, t in enumerate(SIDEBAR))
    foot = "".join(f"<p>{t}</p>" for t in FOOTER)
    body = "".join(f"<p>{html.escape(p)}</p>" for p in paragraphs)
    return (f"<!DOCTYPE html><html><head><meta charset='utf-8'><title>{title}</title></head>"
            f"<body><div class='nav'><ul>{nav}</ul></div><div class='main'>"
            f"<article><h1>{title}</h1>{body}</article></div>"
            f"<div class='side'><h3>相关文章</h3><ul>{side}</ul></div>"
            f"<div class='footer'>{foot}</div></body></html>").encode()


def _raw(i: int, body: bytes) -> RawPage:
    url = f"http://farm.example/a/{i}.html"
    return RawPage("r1", "farm", url, url, 200, (("Content-Type", "text/html; charset=utf-8"),),
                   body, "2026-01-01T00:00:00Z")


def _visible(page: bytes) -> str:
    return re.sub(r"<[^>]+>", "\n", page.decode("utf-8"))


def test_articles_of_one_template_stay_apart_and_a_repost_joins() -> None:
    pages = [_page(f"文章{i}", paras) for i, paras in enumerate(ARTICLES)]
    # The phenomenon is present: whole pages are only a few bits apart.
    page_hashes = [simhash_text(_visible(p)) for p in pages]
    closest = min(hamming(a, b) for i, a in enumerate(page_hashes)
                  for b in page_hashes[i + 1:])
    assert closest <= 8
    repost = _page("转载", ["本文转自网络。", *ARTICLES[1]])
    docs = []
    for i, page in enumerate([*pages, repost]):
        result = process_page(_raw(i, page), ExtractConfig())
        assert result.document is not None, result.dropped
        assert "热门文章" not in result.document.text and "免责声明" not in result.document.text
        docs.append(DedupInput(str(i), result.document.text, "2026-01-0" + str(i + 1)))
    out = {a.doc_id: a.cluster_id for a in Clusterer().assign_all(docs)}
    articles = [out[str(i)] for i in range(len(ARTICLES))]
    assert len(set(articles)) == len(ARTICLES)
    assert out[str(len(ARTICLES))] == out["1"]
