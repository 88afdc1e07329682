"""The bundled demo web: content-farm sites with known ground truth, served on 127.0.0.1.

Imports only the standard library (never the pipeline it is used to score).

- ``demo.web.DemoWeb``: every URL of the demo host, deterministic from a seed.
- ``demo.server.DemoServer``: real HTTP around it (``python -m demo --port 8080``).
- ``demo.site_configs.site_configs``: crawl configs for the demo sites.
- ``demo.truth.truth_records``: what each article page really says.
- ``demo.articles`` / ``demo.sites``: the data (article plans, sites, reposts).
"""
