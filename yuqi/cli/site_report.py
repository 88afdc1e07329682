"""The text `yuqi site check` prints: one block per saved page, then a summary line."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator

from yuqi.app.site_check import CheckReport, PageCheck

_SNIPPET = 40


def _short(text: str, width: int = _SNIPPET) -> str:
    one_line = " ".join(text.split())
    return one_line if len(one_line) <= width else one_line[: width - 1] + "…"


def page_lines(check: PageCheck, show_removed: int) -> Iterator[str]:
    """The lines for one page: its URL and decision, then what the stages made of an article."""
    page = check.page
    reach = "" if check.followed else " (no follow pattern reaches it)"
    if not check.is_article:
        yield (f"other    {page.url}  [{page.source}] (not an article"
               f"{'; followed for links' if check.followed else ''}){reach}")
        return
    yield f"article  {page.url}  [{page.source}]{reach}"
    for hit in check.selector_hits:
        yield (f"  drop {hit.selector}: {hit.elements} element(s), {hit.chars} chars"
               + ("  (matches nothing here)" if not hit.elements else ""))
    if check.dropped:
        yield f"  no document: {check.dropped}"
        return
    yield f"  title: {_short(check.title, 60)}"
    yield f"  kept {check.paragraphs} paragraph(s), {check.chars} chars"
    rules = Counter(rule for rule, _ in check.removals)
    if rules:
        yield "  cleaner removed: " + ", ".join(f"{r} x{n}" for r, n in rules.most_common())
        for rule, text in check.removals[:show_removed]:
            yield f"    - {rule}: {_short(text)}"
    other = [f for f in check.flags if not f.startswith("glyph_gap")]
    if other:
        yield "  flags: " + ", ".join(other)
    if check.gaps:
        yield f"  glyph gaps: {len(check.gaps)}  " + "  ".join(check.gaps[:3])
    topics = ", ".join(f"{t} {n}" for t, n in check.topics.most_common(5))
    yield f"  claims: {check.claims}" + (f" ({topics})" if topics else "")


def report_lines(report: CheckReport, show_removed: int = 3) -> Iterator[str]:
    """Every page's lines, then one summary line."""
    for check in report.pages:
        yield from page_lines(check, show_removed)
    articles = report.articles
    documents = [a for a in articles if not a.dropped]
    yield (f"{report.config.name}: {len(report.pages)} saved page(s), {len(articles)} "
           f"article(s), {len(documents)} document(s), "
           f"{sum(a.claims for a in articles)} claim(s), "
           f"{sum(len(a.gaps) for a in articles)} glyph gap(s)")
