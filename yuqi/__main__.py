"""`python -m yuqi` runs the yuqi command line."""

from yuqi.cli import main

main()
