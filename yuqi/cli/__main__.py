"""`python -m yuqi.cli` runs the yuqi command line."""

from yuqi.cli import main

main()
