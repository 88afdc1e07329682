"""Evaluation scripts (run with ``python -m evals.<name>``)."""
