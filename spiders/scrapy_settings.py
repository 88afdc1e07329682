"""Module-level Scrapy settings (for the `scrapy` command via scrapy.cfg)."""

from spiders.settings import BASE_SETTINGS

globals().update(BASE_SETTINGS)
