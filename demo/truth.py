"""Ground truth for the demo web: what each article page really says.

Built from the same corpus the server renders (``demo.corpus``), never from
the pipeline it is used to score. One record per article URL.
"""

from __future__ import annotations

from collections.abc import Iterator

from demo.corpus import build_corpus


def truth_records(base_url: str, seed: int = 7, day: int = 0) -> Iterator[dict[str, object]]:
    """Yield one truth dict per article URL of the demo web served at *base_url*.

    Keys: url, site, title, text (main text, one heading or paragraph per line),
    teasers, noise, encoding (the codec that decodes the bytes), cluster,
    claims (sentences with topics, labelled as in DOMAIN.md), created_day,
    edited_day, deleted_day. On *day* 0 nothing is edited or deleted yet.
    """
    base = base_url.rstrip("/")
    corpus = build_corpus(seed)
    for page in sorted(corpus.pages, key=lambda p: (p.site.name, p.article_id)):
        yield {
            "url": base + page.path,
            "site": page.site.name,
            "title": page.title,
            "text": "\n".join(page.lines()),
            "teasers": [t.text for t in corpus.teasers[page.path]],
            "noise": page.noise(),
            "encoding": page.site.codec,
            "cluster": page.cluster,
            "claims": [s.claim_dict() for s in page.plan.claims()],
            "created_day": 0,
            "edited_day": None,
            "deleted_day": None,
        }
