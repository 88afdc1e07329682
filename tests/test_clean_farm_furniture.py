"""Cleaning: a farm article's record lines, copyright notices, image captions and button
labels are cut with their rule named; sentences that only share a word with them stay.
(Lines written for these tests, each keeping the shape seen on real farm pages.)"""

from __future__ import annotations

import pytest

from pipeline.clean import clean_paragraphs
from pipeline.extract import extract_html

BODY = [
    "很多人关心信用卡逾期以后银行会不会马上起诉，下面分几种情况说明。",
    "金额不大的逾期，银行一般先电话和短信提醒，很少直接走诉讼。",
]


@pytest.mark.parametrize(
    ("line", "rule"),
    [
        # copyright notices: removal on request, no copying without leave, credit on repost,
        # the site's articles gathered from the web
        ("声明：本站文章多为网友整理，如果侵犯了您的合法权益，请联系我们删除。", "disclaimer"),
        ("【版权声明】未经本站书面许可，任何单位和个人不得转载或摘编本站内容。", "disclaimer"),
        ("本篇为某某网原创内容，转载请注明来源。", "disclaimer"),
        ("本站所有内容均来源于互联网，仅作交流学习之用。", "disclaimer"),
        # the article's record: one label on its line, a byline with the posting time
        ("来源：某某理财网", "info_line"),
        ("原标题：逾期三个月银行会起诉吗", "info_line"),
        ("责任编辑：李四", "info_line"),
        ("王五 2023-11-02 08:15:40", "info_line"),
        ("某某财经 | 2022年7月9日 21:03", "info_line"),
        # image captions and button labels
        ("(资料图)", "furniture"),
        ("（資料圖片）", "furniture"),
        ("文章插图", "furniture"),
        ("图片来源：网络", "furniture"),
        ("分享到：", "furniture"),
        ("正在加载中", "furniture"),
    ],
)
def test_a_farm_record_line_notice_or_caption_is_cut_with_its_rule(line: str, rule: str) -> None:
    kept, removed = clean_paragraphs([BODY[0], line, BODY[1]])
    assert kept == tuple(BODY)
    assert [(r.rule, r.text) for r in removed] == [(rule, line)]


@pytest.mark.parametrize(
    "line",
    [
        # a date and time inside a sentence: the text of the article
        "我在2023-11-02 08:15接到第一个催收电话，对方语气还算客气。",
        # the web as a source of claims, not the site's notice about itself
        "很多说法来源于网络，并不一定准确，大家要自己判断。",
        # a label word inside a sentence
        "催收短信的来源：有的是平台自己发的，有的是外包公司发的。",
        # share and caption words inside a sentence
        "分享一下我和银行协商分期的经历，希望对大家有帮助。",
        "下面这张示意图展示了逾期天数和催收方式的对应关系，可以参考一下。",
        # reposting as what happens to articles, not a request about this one
        "同一篇文章经常被几十个网站转载，内容大同小异。",
    ],
)
def test_sentences_that_share_a_word_with_them_stay(line: str) -> None:
    kept, removed = clean_paragraphs([BODY[0], line, BODY[1]])
    assert kept == (BODY[0], line, BODY[1])
    assert removed == ()


def test_a_farm_page_keeps_its_article_and_names_what_it_cut() -> None:
    notices = ["原标题：欠款逾期后多久会被起诉", "赵六 2024-05-20 14:02:11", "(资料图)",
               "声明：本平台部分内容转载自网络，若侵犯了您的权利请告知删除。", "分享"]
    body = [
        "信用卡逾期以后，银行并不会第二天就去法院起诉，通常会先经过几轮催收。",
        "如果逾期时间超过三个月并且金额较大，银行才有可能提起诉讼。",
        "收到法院传票以后不要回避，可以在调解阶段和银行协商一个还款方案。",
    ]
    paras = [notices[0], notices[1], body[0], notices[2], body[1], body[2], notices[3],
             notices[4]]
    html = ("<html><head><meta charset='utf-8'><title>逾期多久会被起诉</title></head><body>"
            "<div class='article'><h1>逾期多久会被起诉</h1>"
            + "".join(f"<p>{p}</p>" for p in paras)
            + "</div></body></html>")
    extracted = extract_html(html.encode("utf-8"), "http://farm.example/a/1.html", "text/html")
    assert list(extracted.paragraphs) == body
    assert {r.text for r in extracted.removals} == set(notices)
