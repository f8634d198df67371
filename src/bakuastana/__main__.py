"""Entry point for `python -m bakuastana`."""

from bakuastana.cli import main

main()
