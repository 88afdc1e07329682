"""Build hook for `scrapyd-deploy`, which builds its egg with `python setup.py bdist_egg`.

Everything (name, packages, package data, the `scrapy` settings entry point) is in
pyproject.toml; pip ignores nothing here either.
"""

from setuptools import setup

setup()
