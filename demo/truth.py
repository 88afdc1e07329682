"""Ground truth for the demo web: what each article page really says, day by day.

Built from the same corpus the server renders (``demo.corpus``), never from
the pipeline it is used to score. One record per article URL that exists on
the given day (deleted articles included, with their ``deleted_day``).
"""

from __future__ import annotations

from collections.abc import Iterator

from demo.corpus import Corpus

TRUTH_KEYS: tuple[str, ...] = (
    "url", "site", "title", "text", "teasers", "noise", "encoding", "cluster", "claims",
    "created_day", "edited_day", "deleted_day", "published", "glyph_gaps",
)


def truth_records(base_url: str, seed: int = 7, day: int = 0, size: int = 400,
                  corpus: Corpus | None = None) -> Iterator[dict[str, object]]:
    """Yield one truth dict per article URL of the demo web served at *base_url* on *day*.

    Keys: url, site, title, text (main text, one heading or paragraph per line),
    teasers, noise, encoding (the codec that decodes the bytes), cluster,
    claims (sentences with topics, labelled as in DOMAIN.md: text, topics,
    stance, modality, hedge, products, threshold{min_days,max_days,anchor}),
    created_day, edited_day and deleted_day (None until they happen on or
    before *day*), published (ISO time), glyph_gaps (words the site stripped
    from this page, e.g. 电话 and 题), edits (the repost edits that made this
    copy from its story's original, ``demo.edits``; empty for an original), lineage
    (the clusters this page's story copies a section from: a composite page).
    Records are ordered by site, then id.
    Pass the server's *corpus* to reuse its cache.
    """
    base = base_url.rstrip("/")
    corpus = corpus or Corpus(seed, size)
    layout = corpus.layout
    slots = [layout.slot(n) for n in range(layout.limit(day))]
    for slot in sorted(slots, key=lambda s: (s.site.name, s.article_id)):
        page = corpus.page(slot, day)
        article = page.article
        edited = slot.edited_day if slot.edited(day) else None
        deleted = slot.deleted_day if slot.deleted_day is not None and slot.deleted_day <= day \
            else None
        yield {
            "url": base + slot.path,
            "site": slot.site.name,
            "title": article.title,
            "text": "\n".join(article.lines()),
            "teasers": [t.text for t in page.teasers],
            "noise": article.noise(),
            "encoding": slot.site.codec,
            "cluster": article.cluster,
            "claims": [c for s in article.plan.claims() for c in s.claim_dicts()],
            "created_day": slot.created_day,
            "edited_day": edited,
            "deleted_day": deleted,
            "published": slot.published.isoformat(),
            "glyph_gaps": list(article.gaps),
            "edits": list(article.edits),
            "lineage": [src] if (src := corpus.story_graft(slot.story)) else [],
        }
