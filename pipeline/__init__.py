"""yuqi pipeline: plain-Python stages over our own records (no Scrapy, no DuckDB)."""
