"""The commands: argument parsing, file reading and writing, exit codes; the analysis and renderers do the rest."""

from bakuastana.cli.app import main

__all__ = ["main"]
