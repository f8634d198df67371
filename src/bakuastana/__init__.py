"""bakuastana: a fact-checker and figure calculator for news articles."""

__version__ = "0.1.0"
