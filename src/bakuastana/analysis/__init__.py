"""The analysis core: `bakuastana.analysis.check(store, article, options) -> Report` on loaded objects."""

from __future__ import annotations


def __getattr__(name: str):
    """`check`, `CheckOptions` and `Report` from analysis/engine.py, imported on first use (not at start-up)."""
    if name in ("check", "CheckOptions", "Report", "analyse"):
        from bakuastana.analysis import engine

        return getattr(engine, name)
    raise AttributeError(name)


__all__ = ["CheckOptions", "Report", "analyse", "check"]
