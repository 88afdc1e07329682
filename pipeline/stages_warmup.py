"""The stages' one-time setup, done once in the stages pool's forkserver before it forks
the workers, so each worker starts with it done (copy-on-write) instead of paying it on
its first pages.

Measured on the demo pages (one process, CPU time): a fresh process spends about half a
second on first use: the claim tagger's senses and cue data (TOML parsed, about 100
regexes compiled), trafilatura's and htmldate's lazily compiled patterns and, on the
first page trafilatura hands to its justext fallback, the union of every justext
stoplist (0.25 s). With 2 workers each paid it during the crawl, on the cores the crawl
itself needs; now the forkserver pays it once, in the background while the crawl starts.

`warm` only fills caches whose answers depend on their input alone (no page's result
can change: the tests compare the pool's rows with the inline path's). The forkserver
runs it by importing this module (multiprocessing's forkserver preload takes module
names only): `pipeline.page_pool` lists it for the crawl's pool. Nothing else needs to
import it; importing it elsewhere only fills the same caches.
"""

from __future__ import annotations

import logging

from pipeline.claims.senses import compile_context_patterns, load_senses
from pipeline.page import page_result
from pipeline.records import RawPage
from pipeline.siteconfig import SiteConfig

logger = logging.getLogger(__name__)

__all__ = ["SAMPLE_CONFIG", "SAMPLE_PAGE", "warm"]

_URL = "http://warmup.invalid/a/1.html"
SAMPLE_CONFIG = SiteConfig(name="warmup", start_urls=("http://warmup.invalid/",),
                           allowed_domains=("warmup.invalid",), article_pattern=r"/a/\d+\.html$")
_PARAGRAPHS = (
    "借呗逾期三天会上征信吗？很多朋友都关心这个问题，下面小编就给大家详细说一说。",
    "一般来说，逾期一两天有宽限期，不会马上上报征信；逾期超过30天，可能会被起诉，"
    "催收人员也可能联系家人和通讯录里的朋友。",
    "如果暂时还不上，建议尽早联系平台协商分期还款或者申请停息挂账，千万不要相信收费的债务优化。",
)
_HTML = (
    '<!DOCTYPE html>\n<html lang="zh-CN"><head><meta charset="utf-8">'
    "<title>借呗逾期三天会上征信吗</title>"
    f'<link rel="canonical" href="{_URL}"></head><body>'
    '<div class="nav"><a href="/">首页</a> <a href="/list/1.html">逾期知识</a></div>'
    '<div class="article"><h1>借呗逾期三天会上征信吗</h1>'
    '<div class="info">发布时间：2024-02-22 18:01 作者：小编</div>'
    + "".join(f"<p>{p}</p>" for p in _PARAGRAPHS)
    + '</div><div class="footer">Copyright 版权所有</div></body></html>'
)
SAMPLE_PAGE = RawPage(
    run_id="warmup", site=SAMPLE_CONFIG.name, url=_URL, final_url=_URL, status=200,
    headers=(("Content-Type", "text/html; charset=utf-8"),), body=_HTML.encode("utf-8"),
    fetched_at="2024-02-23T00:00:00.000000Z",
)


def warm() -> None:
    """Do the stages' first-use work now: one sample article through `page_result` (every
    stage, the tagger's data loaded), every context search of the tagger's sense rules
    compiled (about 200; a worker compiled about 120 of them on its first 60 pages, 0.02 s)
    and trafilatura's justext stoplist (the union of
    justext's lists, 0.08 s, and justext's lower-cased set of it, 0.06 s).

    Never raises: a warm-up that fails leaves the work to the first pages, as before.
    """
    try:
        page_result(SAMPLE_PAGE, SAMPLE_CONFIG)
        compile_context_patterns(load_senses())
        from justext.core import define_stoplist
        from trafilatura import external

        if not external.JT_STOPLIST:
            external.jt_stoplist_init()
        define_stoplist(external.JT_STOPLIST)  # its lower-cased set, cached by justext
    except Exception:  # the warm-up is an optimisation only
        logger.debug("warming up the stages failed", exc_info=True)


warm()
