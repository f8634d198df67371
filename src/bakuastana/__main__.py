"""Entry point for `python -m bakuastana`."""

from bakuastana.cli.app import main

main()
