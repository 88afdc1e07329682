"""Benchmarks run by `make bench`: speed as ratios against a baseline in the same process."""
