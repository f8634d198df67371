"""bakuastana: a fact-checker and figure calculator for news articles."""

import os

__version__ = "0.1.0"


def data_path(name: str) -> str:
    """The path of a file shipped in the package's `data` folder (beside this module: importlib.resources and
    pkgutil cost a check's start-up 3-5 ms of imports for the same place)."""
    return os.path.join(os.path.dirname(os.path.abspath(__file__)), "data", name)


def data_text(name: str) -> str:
    """The text of a file shipped in the package's `data` folder."""
    with open(data_path(name), encoding="utf-8") as file:
        return file.read()
