"""Tagger data files (TOML). A package only so that setuptools ships the files."""
