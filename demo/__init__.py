"""The bundled demo web: content-farm sites with known ground truth, served on 127.0.0.1.

Imports only the standard library (never the pipeline it is used to score).

- ``demo.web.DemoWeb``: every URL of the demo host for (seed, size, day); same seed, same bytes.
- ``demo.server.DemoServer``: real HTTP around it (``python -m demo --port 8080``).
- ``demo.site_configs.site_configs``: crawl configs for the demo sites.
- ``demo.truth.truth_records``: what each article page really says, on a given day.
- ``demo.layout``: which slot (article) lives on which site, in which cluster, on which day.
- ``demo.corpus``: builds an article lazily (plan, repost edits, site transform, furniture).
- ``demo.articles`` / ``articles.txt``: the labelled article plans; ``demo.mix`` composes more.
- ``demo.edits``, ``demo.scripts``, ``demo.noise``: repost edits, glyph gaps and Traditional
  script, page furniture; ``demo.sites``: the sites; ``demo.templates``: their HTML;
  ``demo.surface``: robots.txt, sitemaps and small pages.
"""
