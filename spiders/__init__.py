"""yuqi spiders: the only package that imports Scrapy.

A generic config-driven spider, the middlewares that archive and guard every
request, and the adapter that hands each article response to the pipeline
stages as a `pipeline.records.RawPage`.
"""
