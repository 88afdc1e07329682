"""`python -m pipeline.cli` runs the yuqi command line."""

from pipeline.cli import main

main()
