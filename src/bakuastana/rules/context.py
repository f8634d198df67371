"""The name rules use for what they see: the analysis of one run (analysis/context.py)."""

from bakuastana.analysis.context import Analysis as Context

__all__ = ["Context"]
